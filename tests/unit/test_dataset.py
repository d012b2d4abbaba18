"""The build and the committed tables of data/processed."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from kbanalysis import config, dataset
from kbanalysis.indicators import TIDY_COLUMNS
from kbanalysis.kbpp_schema import KBPP_COLUMNS
from kbanalysis.sources.kbpp_import import KbppRejected

# The analysis columns as the data contract lists them.
CONTRACT_COLUMNS = (
    ["bps_code", "year", "name", "type", "province_bps", "province_name", "latitude", "longitude",
     "stunting_survey_pct", "stunting_weighing_pct", "poverty_pct", "births_outside_facility_pct",
     "first_birth_before_20_pct", "food_security_index", "sppg_per_100k", "sppg_count",
     "population", "children_0_4", "modern_cpr_pct", "unmet_need_pct", "long_acting_share_pct",
     "kbpp_intention_pct", "deliveries", "kbpp_kondom", "kbpp_suntik", "kbpp_pil", "kbpp_akdr",
     "kbpp_mop", "kbpp_mow", "kbpp_implan", "kbpp_mal", "kbpp_total", "kbpp_coverage_pct",
     "kbpp_measure_type", "kbpp_source", "flags"])
TABLES = ["regions.csv", "provinces.csv", "tidy.csv", "rejects.csv", "analysis.csv", "kbpp.csv",
          "availability.csv", "programme_monthly.csv", "build_meta.json"]


@pytest.fixture(scope="module")
def analysis():
    return dataset.load_analysis()


@pytest.fixture(scope="module")
def tidy():
    return dataset.load_tidy()


@pytest.fixture(scope="module")
def rejects():
    return dataset.load_rejects()


# --- the committed tables ------------------------------------------------------------------

def test_analysis_columns_and_keys(analysis):
    assert analysis.columns.tolist() == CONTRACT_COLUMNS
    assert analysis["bps_code"].dtype == "str" and analysis["province_bps"].dtype == "str"
    assert analysis["bps_code"].str.fullmatch(r"\d{4}").all()
    assert not analysis.duplicated(["bps_code", "year"]).any()
    assert analysis["bps_code"].nunique() == 514
    ordered = analysis.sort_values(["bps_code", "year"], kind="mergesort")
    assert analysis.index.equals(ordered.index)


def test_ssgi_2024_stunting_for_all_514_with_spot_values(analysis):
    stunting = analysis.loc[analysis["stunting_survey_pct"].notna()]
    # 2024 for every regency (SSGI 2024); earlier years only where secondary lists exist.
    assert set(stunting["year"]) == {2021, 2022, 2023, 2024}
    ssgi_2024 = stunting[stunting["year"] == 2024]
    assert ssgi_2024["bps_code"].nunique() == 514
    earlier = stunting[stunting["year"] < 2024]
    assert earlier["flags"].str.contains("stunting_survey_pct:secondary_source").all()
    value = ssgi_2024.set_index("bps_code")["stunting_survey_pct"]
    assert value["3205"] == 14.2  # Garut
    assert value["3275"] == 11.7  # Kota Bekasi
    assert value["3203"] == 7.2  # Cianjur
    assert value["5105"] == 5.2  # Klungkung
    assert value["5304"] == 56.8  # Timor Tengah Selatan
    assert ssgi_2024.set_index("bps_code").at["3205", "name"] == "Kabupaten Garut"


def test_routine_weighing_series_covers_jabar_minus_the_two_zeros(analysis, rejects):
    weighing = analysis.loc[analysis["stunting_weighing_pct"].notna(), ["bps_code", "year"]]
    jabar = set(analysis.loc[analysis["province_bps"] == "32", "bps_code"])
    assert len(jabar) == 27 and set(weighing["bps_code"]) == jabar
    full = {(c, y) for c in jabar for y in range(2014, 2025)}
    present = set(map(tuple, weighing.to_numpy()))
    assert present <= full and full - present == {("3211", 2014), ("3212", 2014)}
    zeros = rejects[(rejects["source_id"] == "jabar_od_17148")
                    & (rejects["reason"] == "zero_coded_missing")]
    assert len(zeros) == 2


def test_survey_and_weighing_never_share_a_column(tidy):
    kinds = tidy.groupby("indicator")["measure_type"].unique()
    assert list(kinds["stunting_survey_pct"]) == ["survey"]
    assert list(kinds["stunting_weighing_pct"]) == ["routine_weighing"]


def test_coordinates_repeat_every_year(analysis):
    per_regency = analysis.groupby("bps_code")[["latitude", "longitude"]].nunique()
    assert (per_regency == 1).all().all()


def test_kbpp_layer_is_real_and_labelled_everywhere(analysis, tidy):
    kbpp = dataset.load_kbpp()
    assert kbpp.columns.tolist() == KBPP_COLUMNS and set(kbpp["measure_type"]) == {"administrative"}
    assert kbpp["source"].str.startswith("profil_kesehatan_jateng_2021").all()
    rows = analysis[analysis["kbpp_coverage_pct"].notna()]
    assert set(rows["kbpp_measure_type"]) == {"administrative"}
    assert not tidy["measure_type"].eq("simulated").any()
    assert not tidy["source_id"].eq("simulated_kbpp").any()


def test_cross_source_duplicates_are_identical(rejects, tidy):
    """The Jabar SSGI extract repeats the 514 table's Jawa Barat rows exactly (27/27); the
    province lines of the secondary lists that agree with the official series are repeats too."""
    duplicates = rejects[rejects["reason"] == "duplicate"]
    jabar = duplicates[duplicates["source_id"] == "jabar_ssgi2024"]
    assert len(jabar) == 27
    assert set(duplicates["source_id"]) == {"jabar_ssgi2024", "stunting_secondary",
                                            "stunting_secondary_extra"}
    assert duplicates["column"].isna().all()  # each row's only value: rejected whole
    kept = tidy[(tidy["indicator"] == "stunting_survey_pct") & (tidy["level"] == "regency")
                & (tidy["year"] == 2024)]
    kept = kept.set_index("region_code")["value"]
    for row in jabar.itertuples():
        code = row.detail.split(" of ")[1].split()[0]
        assert float(row.value) == kept[code]
    # A repeat is identical: a different value would be a conflict, never a duplicate. Across
    # sources the detail states the difference; inside one list it names the row kept.
    across = duplicates["detail"].str.endswith("difference +0")
    within = duplicates["detail"].str.contains("same value already kept from row")
    assert (across | within).all()


def test_tidy_and_rejects_schemas(tidy, rejects):
    assert tidy.columns.tolist() == TIDY_COLUMNS
    assert tidy["region_code"].dtype == "str" and tidy["flags"].notna().all()
    assert not tidy.duplicated(["region_code", "level", "year", "indicator"]).any()
    assert rejects["row"].dtype == "Int64"


def test_build_meta_reconciles_every_source():
    meta = json.loads(config.BUILD_META_JSON.read_text())
    assert meta["seed"] == config.SEED
    for counts in meta["sources"].values():
        assert counts["read"] == counts["kept"] + counts["rejected"]
    assert all(len(sha) == 64 for sha in meta["raw_files"].values())
    text = config.BUILD_META_JSON.read_text()
    assert str(config.PROJ_ROOT) not in text  # no machine paths


# --- building ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def rebuilt(raw_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("processed")
    dataset.build(raw_dir, out)
    return out


def test_rebuild_reproduces_committed_tables_byte_for_byte(rebuilt):
    # Bytes, not values, on purpose: these tables hold parsed input values, counts and rounded
    # ratios of counts (plain IEEE arithmetic, no BLAS), the same on every CPU; model output,
    # whose last digits are not, is compared by value in tests/reliability.
    for name in TABLES:
        assert (rebuilt / name).read_bytes() == (config.PROCESSED_DIR / name).read_bytes(), name


def test_failing_reader_leaves_previous_tables(rebuilt, raw_dir, monkeypatch):
    before = {name: (rebuilt / name).read_bytes() for name in TABLES}

    def broken(path, resolver, source_id):
        raise RuntimeError("reader broke")
    sources = [dataset.RawSource(s.source_id, s.pattern, broken) if s.source_id == "ssgi_provinsi"
               else s for s in dataset.RAW_SOURCES]
    monkeypatch.setattr(dataset, "RAW_SOURCES", sources)
    with pytest.raises(RuntimeError, match="reader broke"):
        dataset.build(raw_dir, rebuilt)
    assert {name: (rebuilt / name).read_bytes() for name in TABLES} == before


def test_failing_write_midway_leaves_previous_tables(rebuilt, raw_dir, monkeypatch):
    before = {name: (rebuilt / name).read_bytes() for name in TABLES}
    real_write = dataset.write_frame_csv

    def write_then_fail(frame, target):
        if "analysis" in target.name:  # tidy, rejects were already staged
            raise OSError("disk full")
        real_write(frame, target)
    monkeypatch.setattr(dataset, "write_frame_csv", write_then_fail)
    with pytest.raises(OSError, match="disk full"):
        dataset.build(raw_dir, rebuilt)
    assert {name: (rebuilt / name).read_bytes() for name in TABLES} == before
    assert not [p for p in rebuilt.iterdir() if p.name.endswith(".tmp")]


def test_build_with_imported_kbpp(raw_dir, tmp_path):
    """A real (administrative) KBPP table replaces the simulated layer, labelled as such."""
    kbpp = pd.DataFrame({
        "bps_code": ["3205", "3205"], "year": [2023, 2024], "deliveries": [1000, 1100],
        "kbpp_kondom": [10, 10], "kbpp_suntik": [200, 220], "kbpp_pil": [50, 50],
        "kbpp_akdr": [100, 110], "kbpp_mop": [0, 0], "kbpp_mow": [20, 20],
        "kbpp_implan": [100, 100], "kbpp_mal": [20, 40], "kbpp_total": [500, 550],
        "kbpp_coverage_pct": [50.0, 50.0], "measure_type": "administrative",
        "source": "profil_kesehatan_garut.xlsx"})
    result = dataset.build(raw_dir, tmp_path, kbpp=kbpp)
    analysis = dataset.load_analysis(tmp_path / "analysis.csv")
    garut = analysis[(analysis["bps_code"] == "3205") & analysis["kbpp_total"].notna()]
    assert garut["year"].tolist() == [2023, 2024] and garut["kbpp_total"].tolist() == [500, 550]
    assert set(garut["kbpp_measure_type"]) == {"administrative"}
    assert analysis["kbpp_total"].notna().sum() == 2
    assert set(result.tidy.loc[result.tidy["indicator"] == "kbpp_total", "source_id"]) == {"kbpp_import"}


def test_build_from_real_kbpp_files_says_real_and_names_them(raw_dir, tmp_path):
    """The --kbpp path: a province Profil Kesehatan table and a register, read and combined."""
    from tests.fixtures import write_profil_kesehatan, write_register
    profil = tmp_path / "profil_jabar_2023.xlsx"
    truth = write_profil_kesehatan(profil, level="province", year=2023, problems=())
    register = tmp_path / "register_2022.csv"
    write_register(register, 3_000, years=(2022, 2022))
    # The register has planted problems: without --allow-rejects the build refuses it.
    with pytest.raises(KbppRejected):
        dataset.build(raw_dir, tmp_path / "refused", kbpp_files=[profil, register])
    assert not (tmp_path / "refused").exists()
    result = dataset.build(raw_dir, tmp_path / "out", kbpp_files=[profil, register],
                           allow_kbpp_rejects=True)

    analysis = dataset.load_analysis(tmp_path / "out" / "analysis.csv")
    with_kbpp = analysis[analysis["kbpp_total"].notna()]
    assert not analysis["kbpp_measure_type"].eq("simulated").any()
    assert set(with_kbpp["kbpp_measure_type"]) == {"administrative"}
    jabar_2023 = with_kbpp[with_kbpp["year"] == 2023].set_index("bps_code")
    expected = truth.expected.set_index("bps_code")
    assert set(jabar_2023.index) == set(expected.index)
    assert (jabar_2023.loc[expected.index, "deliveries"].astype(int)
            == expected["deliveries"].astype(int)).all()
    assert set(jabar_2023["kbpp_source"]) == {profil.name}
    assert set(with_kbpp.loc[with_kbpp["year"] == 2022, "kbpp_source"]) == {register.name}
    # The published Jawa Tengah 2021 coverage stays beside the user's files.
    assert analysis.loc[(analysis["bps_code"] == "3328") & (analysis["year"] == 2021),
                        "kbpp_coverage_pct"].item() == pytest.approx(91.3)
    meta = json.loads((tmp_path / "out" / "build_meta.json").read_text())
    assert set(meta["kbpp"]["files"]) == {profil.name, register.name}
    assert meta["kbpp"]["measure_type"] == "administrative"
    # What the register reader rejected is in the build's ledger.
    assert result.rejects["file"].eq(register.name).any()


def test_build_without_a_raw_file_names_it(raw_dir, tmp_path):
    import shutil

    from kbanalysis.ledger import InputError
    shutil.copytree(raw_dir / "kode_wilayah", tmp_path / "raw" / "kode_wilayah")
    with pytest.raises(InputError, match="ssgi2024_kabkota_brin"):
        dataset.build(tmp_path / "raw", tmp_path / "out")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


# --- pieces without raw files ----------------------------------------------------------------

def _tidy(rows):
    base = {"level": "regency", "unit": "percent", "measure_type": "survey", "source_row": 2,
            "flags": "", "source_ref": ""}
    return pd.DataFrame([base | r for r in rows])[TIDY_COLUMNS]


def test_drop_duplicates_keeps_the_priority_source_and_ledgers_the_other():
    from kbanalysis.ledger import Ledger
    from kbanalysis.sources.base import SourceResult
    tidy = _tidy([
        {"region_code": "3205", "year": 2024, "indicator": "stunting_survey_pct", "value": 14.2,
         "source_id": "jabar_ssgi2024", "source_row": 6},
        {"region_code": "3205", "year": 2024, "indicator": "stunting_survey_pct", "value": 14.0,
         "source_id": "ssgi2024_kabkota", "source_row": 450},
        {"region_code": "3205", "year": 2024, "indicator": "poverty_pct", "value": 8.0,
         "source_id": "jabar_ssgi2024", "source_row": 7},
    ])
    results = [SourceResult(s, f"{s}.csv", 2, tidy[tidy["source_id"] == s], Ledger())
               for s in ("ssgi2024_kabkota", "jabar_ssgi2024")]
    kept, n = dataset.drop_duplicates(tidy, results)
    assert n == 1
    assert kept.set_index("indicator")["source_id"].to_dict() == {
        "stunting_survey_pct": "ssgi2024_kabkota", "poverty_pct": "jabar_ssgi2024"}
    (reject,) = results[1].ledger.rejects
    assert (reject.row, reject.reason, reject.value) == (6, "duplicate", "14.2")
    assert reject.column is None and reject.detail.endswith("difference +0.2")


def test_analysis_table_from_a_small_tidy_table(resolver):
    regions = resolver.regencies[resolver.regencies["bps_code"].isin(["3205", "3273"])]
    tidy = _tidy([
        {"region_code": "3205", "year": 2024, "indicator": "stunting_survey_pct", "value": 14.2,
         "source_id": "a"},
        {"region_code": "3205", "year": 2015, "indicator": "stunting_weighing_pct", "value": 7.7,
         "source_id": "b", "flags": "year_jump"},
        {"region_code": "3205", "year": 2024, "indicator": "latitude", "value": -7.2,
         "source_id": "c", "flags": "x"},
        {"region_code": "11", "level": "province", "year": 2010, "indicator": "stunting_survey_pct",
         "value": 30.0, "source_id": "d"},
    ])
    kbpp = pd.DataFrame(columns=KBPP_COLUMNS).astype({"bps_code": "str", "year": "int64"})
    table = dataset.analysis_table(tidy, regions, kbpp)
    assert table.columns.tolist() == CONTRACT_COLUMNS
    assert table[["bps_code", "year"]].values.tolist() == [["3205", 2015], ["3205", 2024],
                                                           ["3273", 2015], ["3273", 2024]]
    garut = table.set_index(["bps_code", "year"])
    assert garut.at[("3205", 2024), "stunting_survey_pct"] == 14.2
    assert pd.isna(garut.at[("3205", 2015), "stunting_survey_pct"])
    assert (garut.loc["3205", "latitude"] == -7.2).all()  # repeated in every year
    assert garut.at[("3205", 2015), "flags"] == "stunting_weighing_pct:year_jump"
    assert garut.at[("3205", 2024), "flags"] == "latitude:x"
    assert garut.at[("3273", 2024), "flags"] == ""


def test_raw_source_file_names_the_known_sources():
    with pytest.raises(KeyError, match="ssgi2024_kabkota"):
        dataset.raw_source_file(config.PROJ_ROOT, "no_such_source")
