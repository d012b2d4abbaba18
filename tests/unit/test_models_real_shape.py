"""The suite on a real-shaped table: SSGI 2024 stunting for 514 regencies, real KBPP coverage
for the 35 regencies of Jawa Tengah in 2021 only (Profil Kesehatan Jawa Tengah 2021, Gambar
5.17), children 0-4 in 2025. Built here from the committed analysis table and the raw KBPP
file, without waiting for the rebuild: every KBPP column is blanked and the 35 printed
coverages are put into the 2021 rows.
"""
from __future__ import annotations

import csv
import json

import numpy as np
import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from kbanalysis.cli import fit as fit_command
from kbanalysis.models import SpecificationError, fit_suite
from kbanalysis.models.output import ESTIMATES_CSV, META_JSON, PREDICTIONS_CSV

KBPP_FILE = "kbpp_kabkota/profil_kesehatan_jateng_2021_gambar_5_17_kbpp.csv"
CODE_LIST = "kode_wilayah/bps_kemendagri_kabkota_2020__zakiego.csv"
# Printed names of Gambar 5.17 -> BPS codes, checked by hand against the code list
# (bps_kemendagri_kabkota_2020__zakiego.csv: 3301 CILACAP ... 3329 BREBES, 3371 KOTA
# MAGELANG ... 3376 KOTA TEGAL) and again by test_name_map_agrees_with_the_code_list.
JATENG_CODES = {
    "Kab.Cilacap": "3301", "Kab.Banyumas": "3302", "Kab.Purbalingga": "3303",
    "Kab.Banjarnegara": "3304", "Kab.Kebumen": "3305", "Kab.Purworejo": "3306",
    "Kab.Wonosobo": "3307", "Kab.Magelang": "3308", "Kab.Boyolali": "3309",
    "Kab.Klaten": "3310", "Kab.Sukoharjo": "3311", "Kab.Wonogiri": "3312",
    "Kab.Karanganyar": "3313", "Kab.Sragen": "3314", "Kab.Grobogan": "3315",
    "Kab.Blora": "3316", "Kab.Rembang": "3317", "Kab.Pati": "3318", "Kab.Kudus": "3319",
    "Kab.Jepara": "3320", "Kab.Demak": "3321", "Kab.Semarang": "3322",
    "Kab.Temanggung": "3323", "Kab.Kendal": "3324", "Kab.Batang": "3325",
    "Kab.Pekalongan": "3326", "Kab.Pemalang": "3327", "Kab.Tegal": "3328",
    "Kab.Brebes": "3329", "Kota Magelang": "3371", "Kota Surakarta": "3372",
    "Kota Salatiga": "3373", "Kota Semarang": "3374", "Kota Pekalongan": "3375",
    "Kota Tegal": "3376",
}
PROVINCE_LINE = "JAWA TENGAH"
EXPOSURE = "kbpp_coverage_pct"
OUTCOME = "stunting_survey_pct"
CHILD_SHARE = 0.08  # stand-in children 0-4 per inhabitant until the real column is built


def _committed_analysis(analysis_csv) -> pd.DataFrame:
    """The committed analysis table, read directly (independent of the loader)."""
    return pd.read_csv(analysis_csv, dtype={"bps_code": str, "province_bps": str,
                                                    "flags": str, "kbpp_measure_type": str,
                                                    "kbpp_source": str}, keep_default_na=True
                       ).assign(flags=lambda f: f["flags"].fillna(""))


def _fit_app() -> typer.Typer:
    """``kbanalysis fit`` registered as the package registers it."""
    app = typer.Typer()
    app.add_typer(fit_command.app, name="fit")

    @app.callback()
    def _root():
        """Test harness."""
    return app


def read_printed_coverage(raw_dir) -> dict[str, float]:
    """BPS code -> printed 2021 coverage (percent), straight from the raw CSV."""
    with open(raw_dir / KBPP_FILE, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["tahun"] for r in rows} == {"2021"} and {r["satuan"] for r in rows} == {"persen"}
    names = [r["wilayah"] for r in rows if r["wilayah"] != PROVINCE_LINE]
    assert sorted(names) == sorted(JATENG_CODES), "the raw file's names changed"
    return {JATENG_CODES[r["wilayah"]]: float(r["nilai"]) for r in rows
            if r["wilayah"] != PROVINCE_LINE}


def real_shaped_table(raw_dir, analysis_csv) -> pd.DataFrame:
    table = _committed_analysis(analysis_csv)
    kbpp = [c for c in table.columns if c.startswith("kbpp_") or c == "deliveries"]
    for column in kbpp:
        table[column] = np.nan if pd.api.types.is_numeric_dtype(table[column]) else ""
    table["kbpp_measure_type"] = pd.Series(pd.NA, index=table.index, dtype="string")
    coverage = read_printed_coverage(raw_dir)
    rows_2021 = (table["year"] == 2021) & table["bps_code"].isin(coverage)
    assert rows_2021.sum() == 35
    table.loc[rows_2021, EXPOSURE] = table.loc[rows_2021, "bps_code"].map(coverage)
    table.loc[rows_2021, "kbpp_measure_type"] = "administrative"
    table.loc[rows_2021, "kbpp_source"] = KBPP_FILE.split("/")[-1]
    # Secondary-source survey stunting for some regencies in 2022 (as the rebuild will have
    # for 2021-2023), flagged; stand-in values.
    some = (table["year"] == 2022) & table["bps_code"].str.startswith(("32", "33", "35"))
    stunting_2024 = table.loc[table["year"] == 2024].set_index("bps_code")[OUTCOME]
    table.loc[some, OUTCOME] = table.loc[some, "bps_code"].map(stunting_2024) + 3.0
    table.loc[some, "flags"] = "stunting_survey_pct:secondary_source"
    # children 0-4 only in 2025 (as the rebuilt table will have it); here a stand-in share
    # of the 2024 population, so the weights' nearest-year rule has something to find.
    population = table.loc[table["year"] == 2024].set_index("bps_code")["population"]
    table["children_0_4"] = np.nan
    rows_2025 = table["year"] == 2025
    table.loc[rows_2025, "children_0_4"] = np.round(
        CHILD_SHARE * table.loc[rows_2025, "bps_code"].map(population).astype(float))
    return table


@pytest.fixture(scope="module")
def table(raw_dir, analysis_csv):
    return real_shaped_table(raw_dir, analysis_csv)


@pytest.fixture(scope="module")
def results(table):
    return fit_suite(table, bootstrap_draws=999)


def test_name_map_agrees_with_the_code_list(raw_dir):
    with open(raw_dir / CODE_LIST, encoding="utf-8", newline="") as handle:
        listed = {r["kode_bps"]: r["nama_dagri"] for r in csv.DictReader(handle)}
    for printed, code in JATENG_CODES.items():
        kind, _, name = printed.replace("Kab.", "KAB. ").partition(" ")
        expected = f"{'KAB.' if kind.startswith('KAB') else 'KOTA'} {name.strip().upper()}"
        assert listed[code] == expected, (printed, code, listed[code])


def test_default_fit_joins_ssgi_2024_with_kbpp_2021_in_jawa_tengah(results):
    spec, data = results.spec, results.data
    assert (spec.outcome_year, spec.exposure_year, spec.lag) == (2024, 2021, 3)
    assert data.n_obs == 35 and set(data.frame["province_bps"]) == {"33"}
    assert not results.simulated and not results.comparison["simulated"].any()
    text = results.summary(lang="en")
    assert "lag k = 3" in text and "HC3" in text
    # The minimum detectable effect sits next to the literature range.
    assert "minimum detectable effect" in text and "literature range" in text
    # Stunting is a share of children: children 0-4 weight, from their nearest year.
    assert spec.weights == "children_0_4"
    assert data.column_years["children_0_4"].year == 2025
    assert data.column_years["poverty_pct"].year == 2024


def test_one_province_uses_hc3_and_a_regency_bootstrap_and_says_why(results):
    assert results.data.inference == "hc3"
    assert "1 province" in results.data.inference_reason
    assert results.effect("wls")["inference"].startswith("HC3")
    boot = results.effect("wls_wild_bootstrap")
    assert "over regencies" in boot["inference"] and boot["n_clusters"] == 35
    for name in ("province_fe", "random_intercept", "panel_twfe"):
        assert name in results.skipped, name
    assert "one year only (2021)" in results.skipped["panel_twfe"]


def test_unadjusted_slope_matches_an_independent_weighted_regression(results, raw_dir,
                                                                     analysis_csv):
    """Second implementation: join by hand and solve the weighted normal equations."""
    analysis = _committed_analysis(analysis_csv)
    coverage = read_printed_coverage(raw_dir)
    stunting = analysis.loc[analysis["year"] == 2024].set_index("bps_code")[OUTCOME]
    population = analysis.loc[analysis["year"] == 2024].set_index("bps_code")["population"]
    codes = sorted(coverage)
    x = np.array([coverage[c] for c in codes])
    y = stunting.loc[codes].to_numpy(float)
    w = np.round(CHILD_SHARE * population.loc[codes].to_numpy(float))
    xm, ym = np.average(x, weights=w), np.average(y, weights=w)
    slope = np.sum(w * (x - xm) * (y - ym)) / np.sum(w * (x - xm) ** 2)
    head = results.headline()
    assert head.unadjusted.estimate == pytest.approx(10 * slope, rel=1e-9)
    assert head.unadjusted.model == "wls_unadjusted"
    assert head.adjusted.model == "wls"
    for entry in (head.unadjusted, head.adjusted):
        assert entry.ci_low < entry.estimate < entry.ci_high
        assert entry.mde_pp > 0


def test_meta_json_records_design_headline_and_power(results, tmp_path):
    results.write(tmp_path)
    meta = json.loads((tmp_path / META_JSON).read_text())
    design = meta["design"]
    assert design["outcome_year"] == 2024 and design["exposure_year"] == 2021
    assert design["lag_years"] == 3 and design["inference"] == "hc3"
    assert design["column_years"]["children_0_4"]["year"] == 2025
    assert meta["power"]["adjusted"]["power"] == 0.8
    assert meta["headline"]["adjusted"]["mde_pp"] == pytest.approx(
        meta["power"]["adjusted"]["mde_pp"])
    assert "random_intercept" in meta["skipped"] and meta["simulated"] is False
    for name, info in meta["models"].items():
        if name.startswith(("ols", "wls", "fractional", "beta", "spatial", "province")):
            assert any(n.startswith(("weighted by", "unweighted")) for n in info["notes"]), name


def test_no_real_exposure_before_the_outcome_fails_with_one_line(table, tmp_path, monkeypatch):
    monkeypatch.setenv("KBANALYSIS_LANG", "en")  # the error's English text
    blank = table.copy()
    blank[EXPOSURE] = np.nan
    blank["kbpp_measure_type"] = pd.NA
    message = ("no real kbpp_coverage_pct in any year before the outcome year 2024; add real "
               "KBPP data with `kbanalysis data build --kbpp FILE` or use `--simulate` data")
    with pytest.raises(SpecificationError) as info:
        fit_suite(blank, bootstrap_draws=999)
    assert str(info.value) == message
    # Real exposure measured in the outcome year only is not "before" it either.
    same_year = table.copy()
    rows_2024 = (same_year["year"] == 2024) & (same_year["province_bps"] == "33")
    same_year.loc[same_year["year"] == 2021, EXPOSURE] = np.nan
    same_year.loc[rows_2024, EXPOSURE] = 50.0 + np.arange(rows_2024.sum())
    with pytest.raises(SpecificationError, match="no real kbpp_coverage_pct in any year before"):
        fit_suite(same_year, bootstrap_draws=999)
    # The command line: one line, exit 1, nothing written.
    path = tmp_path / "analysis.csv"
    blank.to_csv(path, index=False)
    app = _fit_app()
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["fit", "--table", str(path), "--out", str(out),
                                      "--lang", "en"])
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if line.strip()] == [
        f"error: {message}"]
    assert not out.exists() or not any(out.iterdir())


def test_cli_takes_outcome_and_exposure_years(table, tmp_path):
    path = tmp_path / "analysis.csv"
    table.to_csv(path, index=False)
    app = _fit_app()
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["fit", "--table", str(path), "--outcome-year", "2024",
                                      "--exposure-year", "2021", "--draws", "999", "--quiet",
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    meta = json.loads((out / META_JSON).read_text())
    assert meta["specification"]["outcome_year"] == 2024
    assert meta["specification"]["exposure_year"] == 2021
    assert all((out / name).is_file() for name in (ESTIMATES_CSV, PREDICTIONS_CSV))
    estimates = pd.read_csv(out / ESTIMATES_CSV)
    assert {"wls_unadjusted", "wls_unadjusted_wild_bootstrap"} <= set(estimates["model"])


def test_explicit_years_and_the_same_year_shorthand(table, monkeypatch):
    monkeypatch.setenv("KBANALYSIS_LANG", "en")  # the errors' English text
    with pytest.raises(SpecificationError, match="no real kbpp_coverage_pct values in 2023"):
        fit_suite(table, exposure_year=2023, bootstrap_draws=999)
    with pytest.raises(SpecificationError, match="after the outcome year"):
        fit_suite(table, outcome_year=2024, exposure_year=2025, bootstrap_draws=999)
    with pytest.raises(SpecificationError, match=r"has no values in 2019 \(years with values"):
        fit_suite(table, year=2019, bootstrap_draws=999)
    # Covariates never come from after the outcome year: 2024 poverty cannot explain 2021.
    if table.loc[table["year"] == 2021, OUTCOME].notna().sum() >= 10:
        with pytest.raises(SpecificationError, match="'poverty_pct' has no values in the "
                                                     "outcome year 2021 or any earlier year"):
            fit_suite(table, year=2021, bootstrap_draws=999)
    res = fit_suite(table, year=2024, exposure_year=2021, bootstrap_draws=999,
                    sensitivity=False)
    assert (res.spec.outcome_year, res.spec.exposure_year) == (2024, 2021)


def test_a_simulated_build_uses_simulated_exposure_and_says_so(table):
    simulated = table.copy()
    others = simulated["year"].isin([2022, 2023])
    rng = np.random.default_rng(1)
    simulated.loc[others, EXPOSURE] = rng.uniform(20, 90, others.sum())
    simulated.loc[others, "kbpp_measure_type"] = "simulated"
    res = fit_suite(simulated, bootstrap_draws=999, sensitivity=False, spatial_model="never")
    assert res.spec.exposure_year == 2023 and res.data.n_obs > 450
    assert res.simulated and EXPOSURE in res.simulated_inputs
    assert res.data.inference == "cluster"
