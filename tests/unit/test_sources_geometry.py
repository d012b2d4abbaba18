"""The regency shapes keyed by BPS code: the complete GeoJSON file the maps use, and the
older TopoJSON (decoder kept as the fallback)."""
from __future__ import annotations

import json
import re

import pytest
import shapely

from kbanalysis.ledger import InputError
from kbanalysis.sources.geometry import (
    GEOJSON_FILE,
    NATIONAL_FILE,
    read_geojson,
    read_geometry,
    read_topojson,
)

CAHYADSN = "© Cahya DSN, cahyadsn/wilayah_boundaries (MIT)"  # PROVENANCE 19, by hand


@pytest.fixture(scope="module")
def national(raw_dir):
    """The older TopoJSON file, read on its own (no longer what the maps use)."""
    return read_topojson(raw_dir / NATIONAL_FILE, "kabkot")


@pytest.fixture(scope="module")
def complete(raw_dir):
    return read_geometry(raw_dir)


def test_every_feature_kept_or_ledgered(national, raw_dir):
    features = json.loads((raw_dir / NATIONAL_FILE).read_text())["objects"]["kabkot"]["geometries"]
    assert national.features_read == len(features) == 524
    ledgered = {r.row for r in national.ledger.rejects}
    for position, feature in enumerate(features, start=1):
        code = feature["id"].replace("-", "")
        assert position in ledgered or code in set(national.shapes["bps_code"])


def test_pseudo_units_and_null_geometries_are_ledgered(national, raw_dir):
    features = json.loads((raw_dir / NATIONAL_FILE).read_text())["objects"]["kabkot"]["geometries"]
    pseudo = [i for i, f in enumerate(features, start=1) if re.fullmatch(r"\d\d-(88|99)", f["id"])]
    null = [i for i, f in enumerate(features, start=1) if f.get("type") is None]
    reasons = {r.row: r.reason for r in national.ledger.rejects}
    assert len(pseudo) == 8 and all(reasons[i] == "pseudo_unit" for i in pseudo)
    assert len(null) == 3 and all(reasons[i] == "null_geometry" for i in null)


def test_missing_regencies(national):
    # PROVENANCE §9: the file predates the 2014 Sulawesi Tenggara splits (7412-7415), and
    # Kepulauan Seribu's only feature (31-01, feature 162) has a null geometry. Sibolga's only
    # feature (12-71, feature 52) was simplified to a ring without area. No other regency
    # lacks a shape, and those two are ledgered at their feature.
    assert sorted(national.missing) == ["1271", "3101", "7412", "7413", "7414", "7415"]
    null_geometry = {r.row: r.value for r in national.ledger.rejects
                     if r.reason == "null_geometry"}
    assert null_geometry.get(162) == "Kepulauan Seribu" and null_geometry.get(52) == "Sibolga"
    assert len(national.shapes) + len(national.missing) == 514


def test_shapes_are_valid_polygons_in_indonesia(national):
    shapes = national.shapes
    assert shapes["bps_code"].is_unique and shapes["bps_code"].str.fullmatch(r"\d{4}").all()
    assert shapes.crs.to_epsg() == 4326
    assert shapes.is_valid.all() and set(shapes.geom_type) <= {"Polygon", "MultiPolygon"}
    west, south, east, north = shapes.total_bounds
    assert 94 < west and east < 142 and -12 < south and north < 7


@pytest.mark.parametrize("which", ["national", "complete"])
def test_shapes_lie_at_the_susenas_points(which, request, raw_dir):
    """An independent check of the decoder and of the id -> BPS code keys: the Susenas
    table's representative points fall inside (or right beside) their regency's shape."""
    import geopandas as gpd

    from kbanalysis.dataset import raw_source_file
    from kbanalysis.regions import default_resolver
    from kbanalysis.sources.susenas import read_susenas_kabkota
    tidy = read_susenas_kabkota(raw_source_file(raw_dir, "susenas_kabkota"),
                                resolver=default_resolver()).tidy
    points = tidy.pivot_table(index="region_code", columns="indicator", values="value")
    points = gpd.GeoSeries(gpd.points_from_xy(points["longitude"], points["latitude"]),
                           index=points.index, crs=4326)
    shapes = request.getfixturevalue(which).shapes.set_index("bps_code").geometry
    common = shapes.index.intersection(points.index)
    # Planar distance in degrees: fine for "inside or within about 10 km".
    distance = shapely.distance(shapes[common].to_numpy(), points[common].to_numpy())
    assert (distance < 0.1).all() and (distance == 0).mean() > 0.95


def test_crafted_topology(tmp_path):
    # One square arc (quantized, delta-encoded), used forwards and reversed (~0 == -1).
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.5], "translate": [100.0, -5.0]},
        "arcs": [[[0, 0], [2, 0], [0, 2], [-2, 0], [0, -2]],
                 [[4, 0], [2, 0], [0, 2], [-2, 0], [0, -2]]],
        "objects": {"kabkot": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "arcs": [[0]], "id": "32-01", "properties": {"kabkot": "Bogor"}},
            {"type": "Polygon", "arcs": [[-2]], "id": "32-01", "properties": {"kabkot": "Bogor"}},
            {"type": "Polygon", "arcs": [[1]], "id": "32-88", "properties": {"kabkot": "Waduk"}},
            {"type": None, "id": "32-05", "properties": {"kabkot": "Garut"}},
            {"type": "Polygon", "arcs": [[1]], "id": "32-99", "properties": {"kabkot": "Hutan"}},
            {"type": "Polygon", "arcs": [[1]], "id": "32-50", "properties": {"kabkot": "Atlantis"}},
        ]}},
    }
    path = tmp_path / "t.json"
    path.write_text(json.dumps(topology))
    result = read_topojson(path)
    assert result.shapes["bps_code"].tolist() == ["3201"]
    bogor = result.shapes.geometry.iloc[0]
    # Two unit squares at (100..101, -5..-4) and (102..103, -5..-4), merged into one shape.
    assert bogor.geom_type == "MultiPolygon" and bogor.area == pytest.approx(2.0)
    assert tuple(bogor.bounds) == pytest.approx((100.0, -5.0, 103.0, -4.0))
    assert {r.row: r.reason for r in result.ledger.rejects} == {
        3: "pseudo_unit", 4: "null_geometry", 5: "pseudo_unit", 6: "unknown_region"}
    assert "3205" in result.missing and "3201" not in result.missing


def test_read_geometry_without_raw_folder(tmp_path):
    assert read_geometry(tmp_path) is None


# --------------------------------------------------------------------------------------
# The complete GeoJSON file (PROVENANCE 19)


def test_the_maps_read_the_complete_file_with_every_regency(complete, raw_dir):
    features = json.loads((raw_dir / GEOJSON_FILE).read_text())["features"]
    assert complete.file == raw_dir / GEOJSON_FILE
    assert complete.features_read == len(features) == 514
    assert complete.missing == [] and not complete.ledger.rejects
    assert len(complete.shapes) == 514 and complete.shapes["bps_code"].is_unique
    # Missing from the older file: the Sulawesi Tenggara splits, Kepulauan Seribu, Sibolga.
    for code in ("7412", "7413", "7414", "7415", "3101", "1271"):
        assert code in set(complete.shapes["bps_code"])
    assert complete.shapes.is_valid.all() and (shapely.area(complete.shapes.geometry.to_numpy()) > 0).all()
    # The licence's attribution travels with the shapes, for every map drawn from them.
    assert complete.attribution == complete.shapes.attrs["attribution"] == CAHYADSN


def test_split_regencies_are_their_own_shapes(complete):
    shapes = complete.shapes.set_index("bps_code").geometry
    # Buton (7401) and the two regencies split from it touch but do not overlap.
    for child in ("7414", "7415"):
        assert shapes["7401"].intersection(shapes[child]).area < 0.001 * shapes[child].area
    # Representative points of PROVENANCE 19 (lon, lat), read by hand.
    for code, lon, lat in [("7414", 122.390, -5.292), ("7415", 122.690, -5.588),
                           ("1271", 98.790, 1.738), ("3101", 106.572, -5.655)]:
        assert shapes[code].distance(shapely.Point(lon, lat)) < 0.02, code


def _feature(code, coordinates, kind="Polygon", name="X"):
    geometry = None if coordinates is None else {"type": kind, "coordinates": coordinates}
    return {"type": "Feature", "properties": {"bps_code": code, "nama_bps": name},
            "geometry": geometry}


def _square(x, y, size=1.0):
    return [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]


def test_crafted_geojson(tmp_path):
    collection = {"type": "FeatureCollection", "features": [
        _feature("3201", _square(106, -7), name="BOGOR"),
        _feature("3201", _square(108, -7), name="BOGOR"),  # a second part: one regency
        _feature("3250", _square(100, -5), name="ATLANTIS"),  # no such BPS code
        _feature("3205", None, name="GARUT"),  # no geometry
        _feature("3202", [[[107, -7], [108, -7], [109, -7], [107, -7]]], name="SUKABUMI"),  # no area
        _feature("3203", _square(107, -8), name="KAB. KUNINGAN"),  # the name is another regency's
    ]}
    path = tmp_path / "k.geojson"
    path.write_text(json.dumps(collection), encoding="utf-8")
    result = read_geojson(path, attribution="© someone")
    assert result.shapes["bps_code"].tolist() == ["3201", "3203"]
    bogor = result.shapes.geometry.iloc[0]
    assert bogor.area == pytest.approx(2.0) and tuple(bogor.bounds) == pytest.approx((106, -7, 109, -6))
    assert {r.row: r.reason for r in result.ledger.rejects} == {
        3: "unknown_region", 4: "null_geometry", 5: "null_geometry"}
    assert result.name_mismatches == ["3203"]  # 3203 is Cianjur: reported, never re-keyed
    assert "3205" in result.missing and result.attribution == "© someone"


def test_a_file_that_is_no_feature_collection_is_one_clear_error(tmp_path):
    path = tmp_path / "k.geojson"
    path.write_text(json.dumps({"type": "Topology"}), encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_geojson(path)
    assert "FeatureCollection" in error.value.line("en") and str(path) in error.value.line("en")


def test_the_older_file_is_the_fallback(tmp_path, raw_dir):
    (tmp_path / "geometry").mkdir()
    older = tmp_path / NATIONAL_FILE
    older.write_bytes((raw_dir / NATIONAL_FILE).read_bytes())
    result = read_geometry(tmp_path)
    assert result.file == older and result.attribution == ""
    assert "7414" in result.missing  # the older file predates the split


def test_data_check_reads_the_geojson_as_the_maps_do(tmp_path, raw_dir):
    from kbanalysis.sources.check import check_file
    assert check_file(raw_dir / GEOJSON_FILE).ok
    path = tmp_path / "k.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        _feature("3201", _square(106, -7)), _feature("9999", _square(100, -5))]}), encoding="utf-8")
    report = check_file(path)
    assert report.format == "geojson_kabkota"
    (problem,) = report.problems
    assert (problem.row, problem.column) == (2, "bps_code")
    assert "9999" in problem.line("id") and str(path) in problem.line("id")
