"""Maps: one fixed colour scale per indicator, a hatched no-data class, names, year and source."""
from __future__ import annotations

import math
from xml.etree import ElementTree

import matplotlib.colors as mcolors
import numpy as np
import pandas as pd
import pytest
import shapely

from kbanalysis.reporting import maps, plots

geopandas = pytest.importorskip("geopandas")
from shapely.geometry import box  # noqa: E402  (after the skip: shapely comes with geopandas)

# Three regencies of Jawa Barat, as squares (the shapes' own extent, not real borders).
SHAPES = geopandas.GeoDataFrame({"bps_code": ["3201", "3202", "3205"]},
                                geometry=[box(106, -7, 107, -6), box(107, -7.5, 108, -6.5),
                                          box(108, -7.5, 109, -6.8)], crs="EPSG:4326")


def cross(stunting, kbpp=(40.0, 50.0, None), measure="administrative", lon=(106.5, 107.5, 108.5)):
    return pd.DataFrame({
        "bps_code": ["3201", "3202", "3205"], "name": ["Kabupaten Bogor", "Kabupaten Sukabumi",
                                                       "Kabupaten Garut"],
        "province_name": ["Jawa Barat"] * 3,
        "stunting_survey_pct": list(stunting), "stunting_survey_pct_year": [2024] * 3,
        "stunting_flags": ["", "", ""],
        "kbpp_coverage_pct": list(kbpp), "kbpp_year": [2021.0, 2021.0, None],
        "kbpp_measure_type": [measure, measure, None],
        "kbpp_source": ["profil_kesehatan_jabar_2021.csv; Sumber: x"] * 2 + [None],
        "latitude": [-6.5, -7.0, -7.2], "longitude": list(lon)})


def texts(block) -> list[str]:
    block.figure.canvas.draw()
    import matplotlib.text
    # a caption wrapped for the phone is one sentence: its lines are joined back here
    return [" ".join(t.get_text().split("\n")) for t in block.figure.findobj(matplotlib.text.Text)
            if t.get_text().strip()]


def face_of(block, code: str) -> str:
    """The fill colour of ``code``'s shape on the main map (geopandas draws shapes in order)."""
    ax = block.figure.axes[0]
    collection = ax.collections[0]
    return mcolors.to_hex(collection.get_facecolors()[0 if code == "3201" else 1])


def test_who_classes_put_a_threshold_value_in_the_upper_class():
    # WHO/UNICEF (de Onis et al. 2019): very low < 2.5, low 2.5-<10, medium 10-<20, high 20-<30, very high >= 30
    scale = maps.map_scale("stunting_survey_pct")
    got = maps.classify([0.0, 2.4, 2.5, 9.99, 10.0, 19.9, 20.0, 29.99, 30.0, 58.0, math.nan], scale)
    assert list(got) == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, -1]


def test_class_labels_follow_the_language():
    scale = maps.map_scale("stunting_survey_pct")
    assert maps.class_labels(scale, "id") == ["< 2,5 (sangat rendah)", "2,5–10 (rendah)", "10–20 (sedang)",
                                              "20–30 (tinggi)", "≥ 30 (sangat tinggi)"]
    assert maps.class_labels(scale, "en")[0] == "< 2.5 (very low)"
    assert maps.class_labels(maps.map_scale("kbpp_coverage_pct"), "en")[2] == "50–70"  # 70 = BKKBN target


def test_the_same_value_has_the_same_colour_on_every_page():
    a = maps.regency_map(cross([15.0, 25.0, None]), "stunting_survey_pct", "id", "S", geometry=SHAPES)
    b = maps.regency_map(cross([15.0, 55.0, 5.0]), "stunting_survey_pct", "id", "S", geometry=SHAPES)
    medium = maps.class_colors(maps.map_scale("stunting_survey_pct"))[2]
    assert face_of(a, "3201") == face_of(b, "3201") == medium
    # a range-scaled map would have drawn 15 as the palest colour of the first map
    assert face_of(a, "3202") == maps.class_colors(maps.map_scale("stunting_survey_pct"))[3]


def test_no_data_is_hatched_in_the_map_and_the_legend_and_borders_are_not_white():
    block = maps.regency_map(cross([15.0, 25.0, None]), "stunting_survey_pct", "id", "S", geometry=SHAPES)
    ax = block.figure.axes[0]
    assert any(c.get_hatch() == maps.NO_DATA_HATCH for c in ax.collections)
    legend = block.figure.legends[0]
    labels = [t.get_text() for t in legend.get_texts()]
    assert labels[-1] == "tidak ada data"
    assert legend.legend_handles[-1].get_hatch() == maps.NO_DATA_HATCH
    palest = mcolors.to_rgb(maps.class_colors(maps.map_scale("stunting_survey_pct"))[0])
    for collection in ax.collections:
        for edge in collection.get_edgecolors():
            assert tuple(edge[:3]) != (1.0, 1.0, 1.0)
            assert np.linalg.norm(np.array(edge[:3]) - palest) > 0.2  # visibly unlike the palest class


def test_the_legend_lists_only_what_the_map_paints():
    """15 (10–20), 25 and 28 (20–30): two classes and no "no data" entry; the colours keep
    their place on the shared scale."""
    block = maps.regency_map(cross([15.0, 25.0, 28.0]), "stunting_survey_pct", "id", "S", geometry=SHAPES)
    legend = block.figure.legends[0]
    assert [t.get_text() for t in legend.get_texts()] == ["10–20 (sedang)", "20–30 (tinggi)"]
    colours = maps.class_colors(maps.map_scale("stunting_survey_pct"))
    assert [mcolors.to_hex(h.get_facecolor()) for h in legend.legend_handles] == colours[2:4]
    with_gap = maps.regency_map(cross([15.0, None, None]), "stunting_survey_pct", "id", "S", geometry=SHAPES)
    assert [t.get_text() for t in with_gap.figure.legends[0].get_texts()] == ["10–20 (sedang)", "tidak ada data"]


def test_no_stray_axes_names_on_a_province_map_year_and_source_underneath():
    block = maps.regency_map(cross([15.0, 25.0, 31.0]), "stunting_survey_pct", "id", "Stunting",
                             geometry=SHAPES)
    for ax in block.figure.axes:
        assert list(ax.get_xticks()) == [] and list(ax.get_yticks()) == []
        assert not any(spine.get_visible() for spine in ax.spines.values())
    words = texts(block)
    assert {"Bogor", "Sukabumi", "Garut"} <= set(words)
    assert any("Tahun 2024" in w and "Sumber: SSGI 2024 (Kemenkes; salinan tabel)" in w for w in words)


def test_kbpp_source_is_named_from_its_rows():
    block = maps.regency_map(cross([15.0, 25.0, 31.0]), "kbpp_coverage_pct", "en", "KBPP", geometry=SHAPES)
    assert any("Year 2021" in w and "Profil Kesehatan Jawa Barat 2021" in w for w in texts(block))


def test_a_national_map_has_a_java_inset_and_no_names():
    wide = cross([15.0, 25.0, 31.0], lon=(96.0, 107.5, 140.0))
    block = maps.regency_map(wide, "stunting_survey_pct", "en", "Stunting", geometry=None)
    assert len(block.figure.axes) == 2
    assert block.figure.axes[1].get_xlim() == (maps.JAVA_BOUNDS[0], maps.JAVA_BOUNDS[1])
    assert "Garut" not in texts(block)


def test_simulated_kbpp_is_labelled_on_the_map():
    block = maps.regency_map(cross([15.0, 25.0, 31.0], measure="simulated"), "kbpp_coverage_pct", "id",
                             "Cakupan KBPP (%)", geometry=SHAPES)
    words = texts(block)
    assert "SIMULASI" in words  # across the map
    assert "(SIMULASI)" in block.figure.axes[0].get_title("left")
    assert any("data SIMULASI" in w for w in words)  # and in the source line


def test_map_text_is_readable_at_natural_size_on_a_phone():
    block = maps.regency_map(cross([15.0, 25.0, 31.0]), "stunting_survey_pct", "id", "S", geometry=SHAPES)
    assert block.wide
    # 7.5 pt at 100 dpi is 10.4 px; wide figures are shown unscaled (they scroll sideways)
    assert plots.text_px_on_phone(block) >= plots.MIN_PHONE_TEXT_PX


def test_a_map_without_any_value_says_so_in_words():
    block = maps.regency_map(cross([15.0, 25.0, 31.0], kbpp=(None, None, None)), "kbpp_coverage_pct", "en",
                             "KBPP coverage (%)", geometry=SHAPES)
    assert "No regency of this area has a figure." in texts(block)
    assert not any(ax.collections for ax in block.figure.axes)  # no map of hatching only


def test_a_map_renders_the_same_bytes_whatever_the_kernels_style():
    import matplotlib

    first = maps.regency_map(cross([15.0, 25.0, 31.0]), "stunting_survey_pct", "id", "S", geometry=SHAPES).png()
    with matplotlib.rc_context({"font.size": 30, "hatch.linewidth": 5, "patch.edgecolor": "red"}):
        second = maps.regency_map(cross([15.0, 25.0, 31.0]), "stunting_survey_pct", "id", "S",
                                  geometry=SHAPES).png()
    assert first == second


# --------------------------------------------------------------------------------------
# Maps from the complete boundary file (raw folder): every regency drawn, names on their shape


@pytest.fixture(scope="module")
def complete(raw_dir):
    from kbanalysis.sources.geometry import read_geometry
    return read_geometry(raw_dir).shapes


@pytest.fixture(scope="module")
def regions():
    from kbanalysis.regions import load_regions
    return load_regions()


def province_cross(regions, province, values=None):
    """One province's regencies (from the committed region table) with stunting values:
    ``values`` by code, else 15.0 for every regency."""
    rows = regions[regions["province_bps"] == province]
    values = values or {}
    return pd.DataFrame({
        "bps_code": rows["bps_code"].to_numpy(), "name": rows["name"].to_numpy(),
        "province_bps": province, "province_name": rows["province_name"].to_numpy(),
        "stunting_survey_pct": [values.get(c, 15.0) for c in rows["bps_code"]],
        "stunting_survey_pct_year": 2024, "stunting_flags": "",
        "latitude": np.nan, "longitude": np.nan})


def test_every_regency_is_drawn_on_its_province_map(complete, regions):
    for province in sorted(regions["province_bps"].unique()):
        cross_ = province_cross(regions, province)
        block = maps.regency_map(cross_, "stunting_survey_pct", "id", "S", geometry=complete,
                                 names=False)
        assert sorted(block.codes) == sorted(cross_["bps_code"]), province


def test_split_regencies_of_sulawesi_tenggara_have_their_own_class(complete, regions):
    # Buton 31 (very high), Buton Tengah 25 (high), Buton Selatan 12 (medium): three colours.
    values = {"7401": 31.0, "7414": 25.0, "7415": 12.0}
    block = maps.regency_map(province_cross(regions, "74", values), "stunting_survey_pct", "en",
                             "S", geometry=complete, names=False)
    assert len(block.codes) == 17
    faces = dict(zip(block.codes, (mcolors.to_hex(c) for c in
                                   block.figure.axes[0].collections[0].get_facecolors())))
    colours = maps.class_colors(maps.map_scale("stunting_survey_pct"))
    assert (faces["7401"], faces["7414"], faces["7415"]) == (colours[4], colours[3], colours[2])


def _name_labels(block):
    import matplotlib.text
    ax = block.figure.axes[0]
    return [t for t in ax.texts if isinstance(t, matplotlib.text.Annotation)]


@pytest.mark.parametrize("province, cities", [("33", {"3376": "Kota Tegal"}),
                                              ("63", {"6371": "Kota Banjarmasin",
                                                      "6372": "Kota Banjarbaru"})])
def test_names_point_into_their_own_shape_and_never_overprint(complete, regions, province, cities):
    block = maps.regency_map(province_cross(regions, province), "stunting_survey_pct", "id", "S",
                             geometry=complete)
    block.figure.canvas.draw()
    labels = {t.get_text(): t for t in _name_labels(block)}
    shapes = complete.set_index("bps_code").geometry
    renderer = block.figure.canvas.get_renderer()
    for code, name in cities.items():
        label = labels[name]
        # The point a name belongs to lies inside its own shape (a centroid need not).
        assert shapes[code].contains(shapely.Point(*label.xy)), name
        # A name moved off its point is tied to it by a leader line.
        if tuple(label.xyann) != (0, 0):
            assert label.arrow_patch is not None, name
    import matplotlib.text
    # The names' own boxes (an annotation's extent would include its leader line).
    boxes = [matplotlib.text.Text.get_window_extent(t, renderer) for t in labels.values()]
    assert len(boxes) == len(province_cross(regions, province))
    for i, a in enumerate(boxes):  # never over nor touching another name (Pemalang|Pekalongan)
        assert not any(a.padded(4.0).overlaps(b) for b in boxes[i + 1:])


def test_the_boundary_files_attribution_is_under_its_maps_only(complete, regions):
    with_file = maps.regency_map(province_cross(regions, "63"), "stunting_survey_pct", "id", "S",
                                 geometry=complete, names=False)
    assert any("Batas wilayah: © Cahya DSN, cahyadsn/wilayah_boundaries (MIT)" in w
               for w in texts(with_file))
    crafted = maps.regency_map(cross([15.0, 25.0, 31.0]), "stunting_survey_pct", "id", "S",
                               geometry=SHAPES)
    assert not any("Cahya" in w for w in texts(crafted))


def test_locator_map_shows_the_province_with_the_regency_in_red(complete, regions):
    cross_ = province_cross(regions, "31")
    block = maps.locator_map(cross_, "3101", "id", geometry=complete)
    assert sorted(block.codes) == sorted(cross_["bps_code"])
    svg = ElementTree.fromstring(block.svg)
    ns = "{http://www.w3.org/2000/svg}"
    others, own = svg.find(f"{ns}path[@class='other']"), svg.find(f"{ns}path[@class='own']")
    assert own.get("fill") == plots.HIGHLIGHT and others.get("fill") == maps.LOCATOR_OTHER
    # One closed ring per polygon part: Kepulauan Seribu's many islands in red, and every
    # other Jakarta regency in grey.
    rings = own.get("d").count("M")
    assert rings == own.get("d").count("Z") and rings >= 20
    assert others.get("d").count("M") >= len(cross_) - 1
    # Kepulauan Seribu's islands are specks at this size: a red ring marks them.
    ring = svg.find(f"{ns}circle[@class='ring']")
    assert ring is not None and ring.get("stroke") == plots.HIGHLIGHT
    assert "Kepulauan Seribu" in block.description and block.attribution.startswith("© Cahya DSN")
    assert svg.find(f"{ns}title").text == block.description
    # Without shapes: the province's points, the regency's in red.
    dots = province_cross(regions, "31").assign(latitude=[-6.1, -6.2, -6.3, -6.15, -6.25, -5.6],
                                                longitude=[106.8, 106.7, 106.9, 106.75, 106.85, 106.6])
    plain = maps.locator_map(dots, "3101", "id", geometry=None)
    assert plain.codes == () and plain.attribution == ""
    points = ElementTree.fromstring(plain.svg).findall(f"{ns}circle")
    assert len(points) == len(dots)
    assert [p.get("fill") for p in points if p.get("class") == "own"] == [plots.HIGHLIGHT]


def test_far_islets_do_not_shrink_the_province_to_a_corner(complete, regions):
    # Sulawesi Barat: the view is its regencies' main shapes (and parts near them), not the
    # far western islets that took most of the map; every regency's largest part is inside.
    block = maps.regency_map(province_cross(regions, "76"), "stunting_survey_pct", "id", "S",
                             geometry=complete, names=False)
    ax = block.figure.axes[0]
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    shapes = complete.loc[complete["bps_code"].str.startswith("76")]
    assert sorted(block.codes) == sorted(shapes["bps_code"])
    for geometry in shapes.geometry:
        largest = max(getattr(geometry, "geoms", [geometry]), key=lambda part: part.area)
        lo_x, lo_y, hi_x, hi_y = largest.bounds
        assert x0 <= lo_x and hi_x <= x1 and y0 <= lo_y and hi_y <= y1
    assert (x1 - x0) < 0.6 * (shapes.total_bounds[2] - shapes.total_bounds[0])


def _drawn_province_map(complete, regions, province):
    """A province's stunting map from the complete boundary file, drawn, and its renderer."""
    block = maps.regency_map(province_cross(regions, province), "stunting_survey_pct", "id", "S",
                             geometry=complete)
    block.figure.canvas.draw()
    return block, block.figure.canvas.get_renderer()


@pytest.mark.parametrize("province", ["76", "61", "33"])
def test_legend_and_caption_fit_the_first_screen_of_a_phone(complete, regions, province):
    # A phone shows the map at natural size (1 figure pixel = 1 CSS pixel) in a 358 px box
    # that scrolls sideways: the legend and the caption with the boundary credit stay inside it.
    block, renderer = _drawn_province_map(complete, regions, province)
    figure = block.figure
    legend = figure.legends[0].get_window_extent(renderer)
    assert legend.x1 <= 358, legend
    caption = next(t for t in figure.texts if "Batas wilayah" in t.get_text())
    assert caption.get_window_extent(renderer).x1 <= 358


@pytest.mark.parametrize("province", ["63", "33", "61"])
def test_a_name_without_a_leader_lies_on_its_own_shape(complete, regions, province):
    # Hulu Sungai Utara ran across its neighbours: a name written on a shape now covers it
    # almost wholly, or moves beside it with a leader line.
    import matplotlib.text
    block, renderer = _drawn_province_map(complete, regions, province)
    ax = block.figure.axes[0]
    shapes = complete.set_index("bps_code").geometry
    names = dict(zip(province_cross(regions, province)["name"].map(maps.short_name),
                     province_cross(regions, province)["bps_code"]))
    to_data = ax.transData.inverted()
    for label in _name_labels(block):
        if label.arrow_patch is not None:
            continue
        box = matplotlib.text.Text.get_window_extent(label, renderer)
        (x0, y0), (x1, y1) = to_data.transform([(box.x0, box.y0), (box.x1, box.y1)])
        on = shapely.clip_by_rect(shapes[names[label.get_text()]], x0, y0, x1, y1).area / ((x1 - x0) * (y1 - y0))
        assert on >= 0.8, (label.get_text(), round(on, 2))
