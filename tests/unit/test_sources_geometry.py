"""The TopoJSON decoder and the regency shapes keyed by BPS code."""
from __future__ import annotations

import json
import re

import pytest
import shapely

from kbanalysis.sources.geometry import NATIONAL_FILE, read_geometry, read_topojson


@pytest.fixture(scope="module")
def national(raw_dir):
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


def test_shapes_lie_at_the_susenas_points(national, raw_dir):
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
    shapes = national.shapes.set_index("bps_code").geometry
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
