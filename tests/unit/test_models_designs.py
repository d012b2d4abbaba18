"""Designs beside the lagged cross-section: change, other real exposures, province level.

Checked against second implementations: the change slope against numpy.linalg.lstsq on
differences built here from the analysis table, its HC3 SE against statsmodels, and the
province rank correlation against scipy.stats.spearmanr on values read from the raw files.
"""
from __future__ import annotations

import csv

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy import stats

from kbanalysis import config
from kbanalysis.dataset import load_analysis, load_tidy
from kbanalysis.models import fit_suite
from kbanalysis.models.designs import change_design, other_exposures, province_design
from kbanalysis.simulate.synthetic import synthetic_table

EXPOSURE = "kbpp_coverage_pct"
OUTCOME = "stunting_survey_pct"


@pytest.fixture(scope="module")
def analysis():
    return load_analysis(config.ANALYSIS_CSV)


@pytest.fixture(scope="module")
def change(analysis):
    return change_design(analysis, exposure=EXPOSURE, exposure_year=2021,
                         weights="children_0_4", weights_year=2025, draws=999, seed=3)


def _differences(analysis, start, end):
    """The change rows built independently: one pivot per column, inner joins."""
    def column(name, year):
        part = analysis.loc[analysis["year"] == year, ["bps_code", name]].dropna()
        return part.set_index("bps_code")[name]
    frame = pd.concat({"start": column(OUTCOME, start), "end": column(OUTCOME, end),
                       "x": column(EXPOSURE, 2021), "w": column("children_0_4", 2025)},
                      axis=1, join="inner").sort_index()
    flags = analysis.set_index(["bps_code", "year"])["flags"].fillna("")
    frame["secondary"] = [f"{OUTCOME}:secondary_source" in flags.get((code, start), "")
                          or f"{OUTCOME}:secondary_source" in flags.get((code, end), "")
                          for code in frame.index]
    return frame


def test_change_design_picks_the_pair_with_most_regencies(change):
    stats_ = change.statistics
    pairs = {(p["from_year"], p["to_year"]): p["n_regencies"] for p in stats_["pairs"]}
    assert (stats_["from_year"], stats_["to_year"]) == (2022, 2024)
    assert stats_["n_obs"] == pairs[(2022, 2024)] == max(pairs.values())
    assert change.status == "estimated"


def test_change_slope_and_hc3_against_lstsq_and_statsmodels(analysis, change):
    frame = _differences(analysis, 2022, 2024)
    assert len(frame) == change.statistics["n_obs"] == 28
    y = (frame["end"] - frame["start"]).to_numpy()
    X = np.column_stack([np.ones(len(frame)), frame["x"].to_numpy()])
    w = frame["w"].to_numpy()
    slope = np.linalg.lstsq(X * np.sqrt(w)[:, None], y * np.sqrt(w), rcond=None)[0][1]
    row = change.estimates.set_index("model").loc["change_wls"]
    assert row["estimate"] == pytest.approx(slope, rel=1e-10)
    reference = sm.WLS(y, X, weights=w).fit(cov_type="HC3")
    assert row["std_error"] == pytest.approx(reference.bse[1], rel=1e-8)
    # The table states the slope per 10 points.
    table = change.table.set_index("model")
    assert table.loc["change_wls", "estimate"] == pytest.approx(10 * slope, rel=1e-10)
    boot = table.loc["change_wls_wild_bootstrap"]
    assert boot["ci_low"] < 10 * slope < boot["ci_high"]


def test_change_design_counts_secondary_source_rows(analysis, change):
    frame = _differences(analysis, 2022, 2024)
    assert change.statistics["n_secondary_source"] == int(frame["secondary"].sum()) > 0
    assert any(f"{int(frame['secondary'].sum())} of 28 rows use a secondary-source" in n
               for n in change.notes)


def test_change_design_refuses_a_regression_below_ten_rows(analysis):
    result = change_design(analysis, exposure=EXPOSURE, exposure_year=2021,
                           weights="children_0_4", weights_year=2025, from_year=2021,
                           to_year=2024, draws=999)
    assert result.status == "descriptive" and result.estimates is None
    assert len(result.table) == len(_differences(analysis, 2021, 2024)) == 9
    assert any("no regression: 9 regencies (need at least 10" in n for n in result.notes)


def test_change_design_clusters_by_province_with_ten_or_more():
    world = synthetic_table(n_provinces=12, regencies_per_province=(6, 8), seed=5)
    noise = np.random.default_rng(5).normal(0, 0.5, len(world))
    change = -1.5 - 0.04 * world["kbpp_coverage_pct"].to_numpy() + noise
    later = world.assign(year=world["year"] + 2,
                         stunting_survey_pct=world["stunting_survey_pct"] + change,
                         kbpp_coverage_pct=np.nan)
    table = pd.concat([world, later], ignore_index=True)
    year = int(world["year"].iloc[0])
    result = change_design(table, exposure=EXPOSURE, exposure_year=year, draws=999)
    assert result.statistics["inference"] == "cluster"
    row = result.estimates.set_index("model").loc["change_ols"]
    assert row["n_clusters"] == 12 and row["n_obs"] == len(world)
    ordered = world.sort_values("bps_code", kind="mergesort").index
    X = np.column_stack([np.ones(len(world)), world.loc[ordered, "kbpp_coverage_pct"]])
    slope = np.linalg.lstsq(X, change[ordered], rcond=None)[0][1]
    assert row["estimate"] == pytest.approx(slope, rel=1e-10)
    assert row["estimate"] == pytest.approx(-0.04, abs=4 * row["std_error"])


def test_siga_exposures_are_described_not_regressed(analysis):
    result = other_exposures(analysis)
    assert result.status == "descriptive" and result.estimates is None
    table = result.table
    expected = analysis.loc[analysis["modern_cpr_pct"].notna(), "bps_code"]
    assert sorted(table["bps_code"]) == sorted(expected) and len(table) == 6
    assert set(table["bps_code"].str[:2]) == {"76"}  # Sulawesi Barat
    assert any("descriptive only: 6 regencies, fewer than the 10" in n for n in result.notes)


def _province_codes():
    # Read by hand from the names in the Susenas file (BPS province codes).
    return {"Papua": "94", "Nusa Tenggara Timur (NTT)": "53", "Bali": "51",
            "Sumatra Utara": "12", "Sumatra Barat": "13", "Sulawesi Tenggara": "74",
            "DI Yogyakarta": "34", "Kalimantan Selatan": "63", "Jambi": "15", "Banten": "36",
            "Kalimantan Tengah": "62", "Kep Bangka Belitung": "19"}


def test_province_spearman_against_the_raw_files(raw_dir):
    codes = _province_codes()
    with open(raw_dir / "susenas_provinsi" /
              "statistik_kesehatan_2022_kb_modern_pascapersalinan_provinsi.csv",
              encoding="utf-8", newline="") as handle:
        postpartum = {codes[r["wilayah"]]: float(r["nilai"]) for r in csv.DictReader(handle)
                      if r["wilayah"] in codes}
    ssgi = next((raw_dir / "ssgi_provinsi").glob("*.csv"))
    with open(ssgi, encoding="utf-8", newline="") as handle:
        stunting = {r["kode_provinsi"]: float(r["prevalensi_balita_stunting"])
                    for r in csv.DictReader(handle) if r["tahun"] == "2022"}
    # PROVENANCE: the 2022 NTT value is 0.0, a placeholder the build rejects.
    assert stunting["53"] == 0.0
    both = sorted(c for c in postpartum if c in stunting and c != "53")
    assert len(both) == 11
    rho, p = stats.spearmanr([postpartum[c] for c in both], [stunting[c] for c in both])

    result = province_design(load_tidy(config.TIDY_CSV))
    s = result.statistics
    assert (s["exposure_year"], s["outcome_year"], s["n_provinces"]) == (2022, 2022, 11)
    assert s["spearman_rho"] == pytest.approx(rho, abs=1e-12)
    assert s["spearman_p"] == pytest.approx(p, rel=1e-9)
    assert "the same survey year" in s["year_pairing"]
    assert any("53" in n and "no stunting_survey_pct 2022" in n for n in result.notes)


def test_province_design_refuses_ranks_below_ten_provinces():
    tidy = load_tidy(config.TIDY_CSV)
    keep = ~((tidy["indicator"] == "postpartum_modern_method_pct")
             & tidy["region_code"].isin(["12", "13", "15"]))
    result = province_design(tidy.loc[keep])
    assert result.status == "descriptive" and "spearman_rho" not in result.statistics
    assert any("no rank correlation: 8 provinces have both (need at least 10)" in n
               for n in result.notes)


def test_province_design_leaves_pre_split_papua_out_after_the_split():
    result = province_design(load_tidy(config.TIDY_CSV), outcome_year=2023)
    table = result.table.set_index("province_bps")
    assert np.isnan(table.loc["94", "stunting_survey_pct"])
    assert any(n.startswith("left out: 94") for n in result.notes)


def test_the_suite_carries_the_designs_and_weights_notes(analysis):
    res = fit_suite(analysis, bootstrap_draws=999, sensitivity=False, spatial_model="never",
                    tidy=load_tidy(config.TIDY_CSV))
    assert set(res.designs) == {"change", "baseline", "other_exposures", "province"}
    rows = res.comparison.loc[res.comparison["model"].str.startswith("change_")]
    assert set(rows["model"]) == {"change_wls", "change_wls_wild_bootstrap"}
    assert rows["is_exposure"].all()
    # Every model's notes say whether it is weighted and by what.
    for name, info in res.model_info.items():
        assert any(n.startswith(("weighted by", "unweighted")) for n in info["notes"]), name
    assert "Design 'change' (estimated)" in res.summary(lang="en").text
    assert {"change", "other_exposures", "province"} <= set(res.summary().tables)


def test_fit_refuses_a_tidy_table_without_its_columns_and_writes_nothing(tmp_path):
    from typer.testing import CliRunner

    from kbanalysis.cli import app
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "analysis.csv").write_bytes(config.ANALYSIS_CSV.read_bytes())
    (folder / "tidy.csv").write_text("garbage,more\n1,2\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["fit", "--table", str(folder / "analysis.csv"),
                                      "--out", str(out), "--quiet", "--lang", "en"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"error: {folder / 'tidy.csv'}: row 1 (header) lacks column(s) region_code, level, "
        f"year, indicator, value, unit, measure_type, source_id, source_row, flags, "
        f"source_ref; expected the tidy table `kbanalysis data build` writes (columns "
        f"region_code, level, year, indicator, value, unit, measure_type, source_id, "
        f"source_row, flags, source_ref), or remove the file to fit without the "
        f"province-level design"]
    assert not out.exists()


def test_another_exposure_without_an_earlier_year_names_its_years(analysis, monkeypatch):
    from kbanalysis.models import SpecificationError
    monkeypatch.setenv("KBANALYSIS_LANG", "en")  # the error's English text
    with pytest.raises(SpecificationError, match=r"no real poverty_pct in any year before the "
                       r"outcome year 2024; poverty_pct has real values in 2024: name the "
                       r"year with --exposure-year"):
        fit_suite(analysis, exposure="poverty_pct", covariates=(), sensitivity=False)


def test_change_rows_mark_each_secondary_source_value(analysis, change):
    frame = _differences(analysis, 2022, 2024)
    rows = change.rows.set_index("bps_code")
    assert list(rows.index) == list(frame.index)
    assert (rows["secondary_source"] == frame["secondary"]).all()
    assert change.as_dict()["rows"][0]["bps_code"] == frame.index[0]


def test_designs_on_simulated_inputs_say_so():
    panel = synthetic_table(n_provinces=12, regencies_per_province=(4, 8),
                            years=range(2018, 2025), lag=1, seed=3)
    res = fit_suite(panel, bootstrap_draws=999, sensitivity=False, spatial_model="never",
                    panel=False)
    change = res.designs["change"]
    assert change.status == "estimated" and change.statistics["simulated"] is True
    assert (change.statistics["from_year"], change.statistics["to_year"]) == (2023, 2024)
    assert "Design 'change' (estimated) [SIMULATED inputs]" in res.summary(lang="en").text


def test_the_published_placeholder_value_is_written_as_numbers():
    """The what-if beside the rank correlation: NTT 2022 (0.0 in the series) with the figure
    data/SOURCES.md records, as province code, year and value a page can write in words."""
    what_if = province_design(load_tidy(config.TIDY_CSV)).statistics["with_published_placeholders"]
    assert what_if["published"] == [{"province_bps": "53", "year": 2022, "value": 35.3}]
    assert what_if["n_provinces"] == 12
