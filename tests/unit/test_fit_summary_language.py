"""The fit summary (``SuiteResults.summary()``, ``kbanalysis fit``) is Indonesian by default
and English with ``lang="en"``, ``$KBANALYSIS_LANG=en`` or ``--lang en``.

The suite is fitted once on the synthetic world (no sensitivity grid, 999 bootstrap draws);
the numbers of the Indonesian effect table are read back and compared with the comparison
table, written by hand with a decimal comma.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from kbanalysis.cli import app
from kbanalysis.messages import LANG_ENV, msg
from kbanalysis.models import fit_suite
from kbanalysis.models.pooled import FEW_PROVINCES, WEBB_BELOW
from kbanalysis.models.report import (
    _contrast,
    _decision,
    _influence_sentence,
    _power_line,
    _reason,
    _skipped,
    summary_text,
)
from kbanalysis.models.spatial import lm_decision
from kbanalysis.models.spec import MIN_CLUSTERS, Spec, choose_inference
from kbanalysis.simulate.synthetic import synthetic_table

EXPOSURE = "kbpp_coverage_pct"
PER_10 = "pp per 10 points"

# The English frame words the Indonesian summary replaces (none may be left in it). Quoted
# strings from elsewhere (design descriptions, skipped reasons, notes, inference labels) stay
# English, so these are phrases of the frame only.
ENGLISH_FRAME = [
    "KBPP coverage and stunting: estimator suite", "SIMULATED INPUTS",
    "Results that rest on simulated inputs", "Outcome ", "Exposure ", "Covariates ",
    "Weights ", "Clusters ", "Rows ", "Inference ", "(year ", "lag k =", "before the outcome",
    "regencies used of", "in the outcome year", "province(s))", "Headline",
    "per 10-point rise", "interval:", "test inversion", "alongside",
    "inference chosen by the data", "unadjusted (exposure alone)", "adjusted (poverty",
    "analytic", "minimum detectable effect", "two-sided", "power,", "literature range",
    "cannot detect", "birth-spacing size", "influence:", "Leaving out", "moves the slope",
    "standard error", "exposure reliability", "corrected for attenuation",
    "regencies needed", "Effect per", "percentage points of", "estimate ", "95% CI",
    "expected from the birth-interval literature", "birth-spacing pathway",
    "for the assumptions", "confidence limit", "unmeasured confounder", "risk ratio",
    "at mean prevalence", "Spatial:", "Moran's I", "permutation p",
    "no spatial dependence detected", "Design '", "[SIMULATED inputs]", "(not applicable)",
    "Not fitted:", "Notes:", "SIMULATED inputs:", "provinces with province fixed effects",
    "CR1 errors clustered", "Associations between regencies", "ecological fallacy",
    "more likely confounding", "is observed in one year only", "not called for",
]
# Their Indonesian replacements, which the default summary must show.
INDONESIAN_FRAME = [
    "Cakupan KBPP dan stunting: rangkaian estimator", "*** MASUKAN SIMULASI: ",
    "bukan bukti tentang Indonesia. ***", "Luaran ", "Paparan ", "Kovariat ", "Bobot ",
    "Klaster ", "Baris ", "Inferensi ", "(tahun 2024)", "jeda k = 0 tahun sebelum luaran",
    "kabupaten/kota dipakai dari", "Hasil utama (poin persentase stunting_survey_pct per kenaikan 10 poin",
    "inferensi yang dipilih data: ", "tanpa penyesuaian (paparan saja): ",
    "disesuaikan (poverty_pct", "; analitik [", "efek terkecil yang dapat dideteksi",
    "rentang literatur", "pengaruh: Tanpa ", "galat baku", "keandalan paparan",
    "kabupaten/kota yang diperlukan untuk kuasa 80 %",
    "Efek per kenaikan 10 poin kbpp_coverage_pct (poin persentase stunting_survey_pct)",
    "estimasi", "IK 95%", "perkiraan dari literatur jarak kelahiran", "Nilai-E ",
    "pada prevalensi rata-rata", "Spasial: I Moran residual WLS",
    "uji LM tidak mendeteksi ketergantungan spasial", "Desain 'change' (tidak berlaku)",
    "[masukan SIMULASI]", "Tidak diestimasi:", "Catatan:", "masukan SIMULASI: ",
    "provinsi dengan efek tetap provinsi", "kekeliruan ekologis",
    "panel_twfe: stunting_survey_pct hanya teramati dalam satu tahun",
]


@pytest.fixture(autouse=True)
def _no_language_in_the_environment(monkeypatch):
    monkeypatch.delenv(LANG_ENV, raising=False)


@pytest.fixture(scope="module")
def results():
    return fit_suite(synthetic_table(seed=21), year=2024, bootstrap_draws=999,
                     sensitivity=False, spatial_model="always", province_effects="yes")


def _comma(value: float, decimals: int = 2) -> str:
    """``value`` with a sign and ``decimals`` decimals, written by hand the Indonesian way."""
    sign = "+" if value > 0 else "-" if value < 0 else ""
    whole, fraction = f"{abs(value):.{decimals}f}".split(".")
    return f"{sign}{whole},{fraction}"


def _per_10_rows(results):
    c = results.comparison
    return c.loc[c["scale"].eq(PER_10) & c["term"].eq(EXPOSURE)]


def _table(text: str, header_start: str) -> tuple[str, dict[str, str]]:
    """The effect table's header line and its rows by model name."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header_start))
    rows = {}
    for line in lines[start + 1:]:
        if line.startswith("---"):
            break
        rows[line.split()[0]] = line
    return lines[start], rows


def test_the_summary_is_indonesian_by_default(results):
    summary = results.summary()
    text = str(summary)
    assert summary.lang == "id" and text == summary.text == summary_text(results)
    assert text == summary_text(results, "id") == results.summary(lang="id").text
    missing = [word for word in INDONESIAN_FRAME if word not in text]
    assert missing == []
    left = [word for word in ENGLISH_FRAME if word in text]
    assert left == [], left
    assert text != results.summary("en").text


def test_english_with_lang_en_or_the_environment(results, monkeypatch):
    english = results.summary(lang="en")
    assert english.lang == "en" and str(english) == summary_text(results, "en")
    for phrase in ("KBPP coverage and stunting: estimator suite", "*** SIMULATED INPUTS: ",
                   "Headline (pp of stunting_survey_pct per 10-point rise in "
                   "kbpp_coverage_pct", "unadjusted (exposure alone): ", "95% CI",
                   "minimum detectable effect", "Moran's I of WLS residuals", "Not fitted:",
                   "Notes:", "ecological fallacy", "lag k = 0 year(s) before the outcome"):
        assert phrase in english, phrase
    for word in ("Luaran", "Kovariat", "IK 95%", "Catatan:", "kabupaten/kota", "sampai",
                 "galat baku", "SIMULASI"):
        assert word not in english.text, word
    monkeypatch.setenv(LANG_ENV, "en")
    assert results.summary().text == english.text == summary_text(results)
    with pytest.raises(ValueError):
        results.summary(lang="fr")


def test_effect_table_numbers_take_the_decimal_comma(results):
    header, rows = _table(results.summary().text, "model ")
    expected = _per_10_rows(results)
    assert len(expected) >= 9 and set(expected["model"]) == set(rows)
    for _, row in expected.iterrows():
        line = rows[row["model"]]
        estimate, low, high = (_comma(row[c]) for c in ("estimate", "ci_low", "ci_high"))
        assert f" {estimate}  [{low}; {high}] " in line, line
        p = "<0,001" if row["p_value"] < 0.001 else f"0,{round(row['p_value'] * 1000):03d}"
        assert f" {p}  " in line, line
        # Read back: the Indonesian numbers are the estimates (to the 2 decimals shown).
        fields = line.split()
        assert float(fields[1].replace(",", ".")) == pytest.approx(row["estimate"], abs=0.005)
        assert "." not in " ".join(fields[1:5]), line  # no decimal point in the numbers


def test_headline_numbers_are_the_bootstrap_and_analytic_intervals(results):
    rows = _per_10_rows(results).set_index("model")
    text = results.summary().text
    for label, model in (("tanpa penyesuaian (paparan saja)", "wls_unadjusted"),
                         ("disesuaikan (poverty_pct, births_outside_facility_pct, "
                          "first_birth_before_20_pct)", "wls")):
        point, boot = rows.loc[model], rows.loc[f"{model}_wild_bootstrap"]
        assert (f"  {label}: {_comma(point['estimate'])} [{_comma(boot['ci_low'])}; "
                f"{_comma(boot['ci_high'])}] p ") in text
        assert f"; analitik [{_comma(point['ci_low'])}; {_comma(point['ci_high'])}]" in text
    mde = results.power["adjusted"].mde
    assert f"efek terkecil yang dapat dideteksi {_comma(mde)[1:]} poin persentase" in text


def test_the_table_columns_stay_aligned_in_both_languages(results):
    for lang, ci in (("id", "IK 95%"), ("en", "95% CI")):
        header, rows = _table(results.summary(lang).text, "model ")
        ci_at, inference_at = header.index(ci), header.index("inferen")
        estimate_end = header.index("estima") + len(header.split()[1])
        p_end = header.index(" p ") + 2
        for line in rows.values():
            assert line.index("[") == ci_at, (lang, line)
            assert line[estimate_end - 1] in "0123456789" and line[estimate_end] == " ", line
            assert line[p_end - 1] in "0123456789" and line[p_end] == " ", (lang, line)
            assert line[inference_at - 2:inference_at] == "  " and line[inference_at] != " "


def test_summary_html_has_the_title_and_numbers_of_its_language(results):
    indonesian, english = results.summary()._repr_html_(), results.summary("en")._repr_html_()
    assert "<h3>Cakupan KBPP dan stunting: rangkaian estimator</h3>" in indonesian
    assert "<h3>KBPP coverage and stunting: estimator suite</h3>" in english
    estimate = float(results.summary().comparison["estimate"].iloc[0])
    assert f"<td>{estimate:.4g}</td>".replace(".", ",") in indonesian
    assert f"<td>{estimate:.4g}</td>" in english


@pytest.mark.parametrize("provinces,cluster,effects", [
    (38, "auto", True), (3, "auto", True), (3, "regency", True), (WEBB_BELOW - 1, "auto", True),
    (30, "regency", False), (2, "auto", False), (30, "auto", False), (30, "province", False),
])
def test_every_inference_reason_is_worded_in_both_languages(provinces, cluster, effects):
    """The reasons the data choose the inference with (``choose_inference``), read back from
    their templates: English gives the reason exactly as the models wrote it."""
    assert FEW_PROVINCES < WEBB_BELOW - 1
    _, reason = choose_inference(Spec(cluster=cluster), provinces, MIN_CLUSTERS, effects)
    indonesian = _reason(reason, "id")
    assert _reason(reason, "en") == reason
    assert indonesian != reason and "provinces" not in indonesian and "errors" not in indonesian
    assert str(provinces) in indonesian or cluster == "regency"


@pytest.mark.parametrize("error,lag,robust_error,robust_lag", [
    (0.5, 0.5, 0.5, 0.5), (0.01, 0.5, 0.5, 0.5), (0.5, 0.01, 0.5, 0.5),
    (0.01, 0.01, 0.01, 0.2), (0.01, 0.01, 0.2, 0.01),
])
def test_every_spatial_decision_is_worded_in_both_languages(error, lag, robust_error,
                                                            robust_lag):
    lm = {"lm_error": (1.0, error), "lm_lag": (1.0, lag), "rlm_error": (1.0, robust_error),
          "rlm_lag": (1.0, robust_lag)}
    decision, _ = lm_decision(lm)
    assert _decision(decision, "en") == decision
    assert _decision(decision, "id") != decision and "significant" not in _decision(decision,
                                                                                     "id")


@pytest.mark.parametrize("reason", [
    "spatial checks switched off", "no spatial checks (see spatial_checks)",
    "not called for: no spatial dependence detected by the LM tests",
    "stunting_survey_pct is observed in one year only",
])
def test_the_fixed_reasons_a_model_was_not_fitted_are_worded_in_both_languages(reason):
    assert _skipped(reason, "en") == reason
    indonesian = _skipped(reason, "id")
    assert indonesian != reason and not {"spatial", "checks", "called", "observed"} & set(
        indonesian.split())
    # Any other reason is quoted as the suite wrote it.
    assert _skipped("one province only: x", "id") == "one province only: x"


def test_influence_power_and_evalue_sentences_read_back_in_english(results):
    """The sentences worded again from their parts say in English what the models wrote."""
    influence = results.influence
    assert influence is not None and influence.largest
    assert _influence_sentence(influence, "en") == influence.sentence()
    assert "galat baku" in _influence_sentence(influence, "id")
    for key, power in results.power.items():
        assert _power_line(key, power, "en") == f"{key}: {power.describe()}"
    contrast = results.evalue.contrast
    assert _contrast(contrast, "en") == contrast
    assert _contrast(contrast, "id").startswith("kenaikan 10 poin kbpp_coverage_pct pada "
                                                "prevalensi rata-rata ")
    english = results.summary("en").text
    assert results.expected.describe() + " (birth-spacing pathway" in english


def test_cli_fit_prints_indonesian_by_default_and_english_with_lang_en(tmp_path):
    runner = CliRunner()
    common = ["fit", "--synthetic", "--draws", "999"]
    default = runner.invoke(app, [*common, "--out", str(tmp_path / "id")])
    english = runner.invoke(app, [*common, "--lang", "en", "--out", str(tmp_path / "en")])
    assert default.exit_code == 0, default.output
    assert english.exit_code == 0, english.output
    assert "Cakupan KBPP dan stunting: rangkaian estimator" in default.stdout
    assert re.search(r"^Luaran +stunting_survey_pct \(tahun \d{4}\)$", default.stdout, re.M)
    assert "IK 95%" in default.stdout and "Catatan:" in default.stdout
    left = [word for word in ENGLISH_FRAME if word in default.stdout]
    assert left == [], left
    assert "KBPP coverage and stunting: estimator suite" in english.stdout
    assert re.search(r"^Outcome +stunting_survey_pct \(year \d{4}\)$", english.stdout, re.M)
    assert "95% CI" in english.stdout and "Luaran" not in english.stdout
    # The same files in both languages: only the printed words differ.
    for name in ("estimates.csv", "meta.json"):
        assert (tmp_path / "id" / name).read_bytes() == (tmp_path / "en" / name).read_bytes()


def test_quoted_catalogue_messages_are_rendered_in_the_summary_language():
    """A reason or note the suite records as a catalogue message is shown in ``lang``."""
    reason = msg("summary.skipped.spatial_off")
    assert _skipped(reason, "id") == "pemeriksaan spasial dimatikan"
    assert _skipped(reason, "en") == "spatial checks switched off"


def _pooled_table() -> pd.DataFrame:
    """35 Jawa Tengah regencies with KBPP 2021 and one NTB regency with KBPP 2023; stunting,
    covariates and children in 2021-2024."""
    rng = np.random.default_rng(3)
    regencies = [(f"33{k:02d}", "33", 2021) for k in range(1, 36)] + [("5203", "52", 2023)]
    rows = []
    for code, province, kbpp_year in regencies:
        base = {c: rng.uniform(5, 30) for c in ("poverty_pct", "births_outside_facility_pct",
                                                "first_birth_before_20_pct")}
        for year in (2021, 2022, 2023, 2024):
            real = year == kbpp_year
            rows.append({"bps_code": code, "year": year, "name": f"Kab {code}",
                         "province_bps": province, "province_name": f"Provinsi {province}",
                         "latitude": -7.0, "longitude": 110.0,
                         "stunting_survey_pct": rng.uniform(15, 35), **base,
                         "children_0_4": 100_000.0,
                         "kbpp_coverage_pct": rng.uniform(10, 90) if real else np.nan,
                         "kbpp_measure_type": "administrative" if real else pd.NA,
                         "flags": ""})
    return pd.DataFrame(rows)


def test_pooled_exposure_years_and_an_absorbed_regency_in_both_languages():
    res = fit_suite(_pooled_table(), bootstrap_draws=999, sensitivity=False, panel=False,
                    designs=False, spatial_model="never")
    indonesian, english = res.summary().text, res.summary("en").text
    # By construction: 35 regencies with KBPP 2021 (lag 3), one with 2023 (lag 1), alone in
    # its province; one province among the 35 rows used, so HC3.
    assert ("kbpp_coverage_pct (gabungan, tiap kabupaten/kota dengan tahun nyata terakhirnya "
            "1-3 tahun sebelum luaran: 2021 untuk 35 (jeda 3), 2023 untuk 1 (jeda 1))"
            in indonesian)
    assert ("kbpp_coverage_pct (pooled, each regency its latest real year 1-3 years before "
            "the outcome: 2021 for 35 (lag 3), 2023 for 1 (lag 1))" in english)
    assert re.search(r"^Baris +35 kabupaten/kota dipakai dari 36 pada tahun luaran "
                     r"\(1 provinsi\); 1 lagi sendirian di provinsinya", indonesian, re.M)
    assert re.search(r"^Rows +35 regencies used of 36 in the outcome year \(1 province\(s\)\); "
                     r"1 more alone in their province", english, re.M)
    assert re.search(r"^Klaster +tidak ada: HC3 per kabupaten/kota \(35 kabupaten/kota\)$",
                     indonesian, re.M)
    assert "wild bootstrap terbatas atas kabupaten/kota (inversi uji); HC3" in indonesian
    # The frame (the reasons and notes below it quote the suite's English here).
    frame = indonesian.split("Tidak diestimasi:")[0]
    assert [w for w in ENGLISH_FRAME if w in frame] == []
