"""What a referee asks of the main model, as report blocks: the primary estimate among many,
the baseline-adjusted and change designs, influence, covariate timing, measurement error, the
province rank correlation and power against the number of regencies.

Everything is read from ``meta.json`` (and ``influence.csv``) as ``kbanalysis fit`` wrote
them, so the national report and ``notebooks/2.01-model.ipynb`` (which passes the live fit
through the same writer, :func:`live_meta`) show the same sentences. Bahasa Indonesia and
English; numbers are rounded for display.
"""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pandas as pd

from ..results_contract import (
    INFLUENCE_CSV,
    CovariateTiming,
    Designs,
    Headline,
    InfluenceSummary,
    MeasurementError,
    Power,
    Primary,
)
from . import blocks as B
from . import text as T

STRINGS = {
    "h_referee": {"id": "Pemeriksaan seorang penelaah", "en": "What a referee would check"},
    "h_primary": {"id": "Estimasi utama dan banyaknya estimasi",
                  "en": "The primary estimate among many"},
    "primary": {
        "id": "Estimasi utama adalah kemiringan {model} (pp per kenaikan 10 poin) dengan "
              "interval wild bootstrap-nya: spesifikasi utama. {others} estimasi paparan lain "
              "(estimator lain, desain lain, dan grid sensitivitas) hanya menunjukkan seberapa "
              "jauh estimasi itu bergeser; tidak satu pun merupakan temuan tersendiri, dan di "
              "antara sebanyak itu satu nilai p < 0,05 karena kebetulan tidaklah mengejutkan.",
        "en": "The primary estimate is the {model} slope (pp per 10-point rise) with its wild "
              "bootstrap interval: the main specification. The {others} other exposure "
              "estimates (other estimators, designs and the sensitivity grid) only show how "
              "far it moves; none of them is a finding on its own, and among that many one "
              "with p < 0.05 by chance would not be surprising."},
    "h_designs": {"id": "Penyesuaian untuk stunting sebelumnya",
                  "en": "Adjusting for earlier stunting"},
    "designs_caption": {
        "id": "Tiga desain pada data yang sama (pp stunting per kenaikan 10 poin KBPP, interval "
              "95 % wild bootstrap). Desain perubahan bertanya apakah kabupaten/kota dengan KBPP "
              "lebih tinggi turun lebih cepat; desain dengan penyesuaian awal bertanya apakah "
              "mereka berakhir lebih rendah daripada yang diramalkan tingkat sebelumnya. "
              "Koefisien tingkat {year} sebesar {coef} (95 % {low} s.d. {high}): di bawah 1 "
              "berarti regresi ke rata-rata, yang dalam desain perubahan ikut masuk ke "
              "kemiringan.",
        "en": "Three designs on the data (pp of stunting per 10-point rise in KBPP, 95 % wild "
              "bootstrap intervals). The change design asks whether regencies with more KBPP "
              "fell faster; the baseline-adjusted design whether they ended lower than their "
              "earlier level predicts. The {year} level's coefficient is {coef} (95 % {low} to "
              "{high}): below 1 is regression to the mean, which the change design folds into "
              "its slope."},
    "design_main": {"id": "Potong lintang (utama)", "en": "Cross-section (main)"},
    "design_change": {"id": "Perubahan {a}→{b}", "en": "Change {a}→{b}"},
    "design_baseline": {"id": "Disesuaikan dengan stunting {year}",
                        "en": "Adjusted for stunting {year}"},
    "baseline_post": {
        "id": "Tingkat awal ({year}) diukur sesudah paparan ({exposure_year}); {n} "
              "nilainya berasal dari sumber sekunder (ditandai).",
        "en": "The baseline ({year}) is measured after the exposure ({exposure_year}); "
              "{n} of its values come from a secondary source (flagged)."},
    "h_influence": {"id": "Pengaruh satu kabupaten/kota", "en": "Influence of one regency"},
    "influence": {
        "id": "Tanpa {name}, kemiringan berubah dari {before} menjadi {after} pp per 10 poin "
              "({se} galat baku).",
        "en": "Without {name}, the slope moves from {before} to {after} pp per 10 points "
              "({se} standard errors)."},
    "influence_notable": {
        "id": "Lebih dari setengah galat baku: satu kabupaten/kota ini memikul bagian yang "
              "terlihat dari estimasi.",
        "en": "More than half a standard error: this one regency carries a visible part of "
              "the estimate."},
    "influence_quiet": {"id": "Tidak ada satu kabupaten/kota yang menggesernya setengah "
                              "galat baku.",
                        "en": "No single regency moves it by half a standard error."},
    "influence_caption": {
        "id": "Lima kabupaten/kota paling berpengaruh (semua ada di influence.csv).",
        "en": "The five most influential regencies (all of them are in influence.csv)."},
    "col_region": {"id": "Kabupaten/kota", "en": "Regency"},
    "col_without": {"id": "Kemiringan tanpa", "en": "Slope without"},
    "col_shift_se": {"id": "Geseran (galat baku)", "en": "Shift (SE)"},
    "col_leverage": {"id": "Leverage", "en": "Leverage"},
    "col_cook": {"id": "Jarak Cook", "en": "Cook's D"},
    "col_design": {"id": "Desain", "en": "Design"},
    "col_estimate": {"id": "Estimasi", "en": "Estimate"},
    "col_ci": {"id": "Interval 95 %", "en": "95 % interval"},
    "col_n": {"id": "Baris", "en": "Rows"},
    "h_timing": {"id": "Waktu pengukuran kovariat dan wilayah kota",
                 "en": "When covariates were measured, and kota"},
    "timing": {
        "id": "Kovariat yang diukur sesudah paparan ({exposure_year}): {post}. Kovariat itu "
              "bisa membawa sebagian efek (mediator). Tanpa kovariat itu: {pre} pp per 10 poin "
              "(95 % {pre_low} s.d. {pre_high}); ditambah penanda kota: {urban} pp.",
        "en": "Covariates measured after the exposure ({exposure_year}): {post}. They may "
              "carry part of any effect (mediators). Without them: {pre} pp per 10 points "
              "(95 % {pre_low} to {pre_high}); adding the kota indicator: {urban} pp."},
    "timing_none": {"id": "Semua kovariat diukur pada atau sebelum tahun paparan.",
                    "en": "Every covariate is measured at or before the exposure year."},
    "h_measurement": {"id": "Galat pengukuran", "en": "Measurement error"},
    "measurement_caption": {
        "id": "KBPP adalah data program dengan keandalan yang tidak diketahui. Jika hanya "
              "sebagian ragamnya adalah sinyal (keandalan), kemiringan sebenarnya sebesar "
              "kemiringan teramati dibagi keandalan bersih dari kovariat; interval dan efek "
              "terkecil yang dapat dideteksi (MDE) membesar sama (interval analitik model "
              "utama).",
        "en": "KBPP coverage is programme data of unknown reliability. If only part of its "
              "variance is signal (the reliability), the true slope is the observed one "
              "divided by the reliability net of the covariates; the interval and the "
              "minimum detectable effect (MDE) grow alike (the main model's analytic "
              "interval)."},
    "col_reliability": {"id": "Keandalan", "en": "Reliability"},
    "col_net": {"id": "Bersih dari kovariat", "en": "Net of covariates"},
    "col_mde": {"id": "MDE", "en": "MDE"},
    "precision": {
        "id": "Prevalensi SSGI tiap kabupaten/kota memiliki galat sampling (diperkirakan "
              "{se_min}–{se_max} poin dari pita ±{half} poin pada prevalensi nasional). "
              "Dibobot menurut presisi itu, kemiringan {estimate} pp per 10 poin (95 % {low} "
              "s.d. {high}). Pita target di laporan tetap ±{half} poin: pada prevalensi "
              "nasional sama dengan pendekatan ini, dan untuk 102 kabupaten/kota yang nilainya "
              "estimasi area kecil (SSGI 2024) skala binomial tidak menggambarkan galatnya.",
        "en": "Each regency's SSGI prevalence has sampling error (approximately {se_min}–"
              "{se_max} points, scaled from the ±{half}-point band at national prevalence). "
              "Weighted by that precision, the slope is {estimate} pp per 10 points (95 % "
              "{low} to {high}). The reports' target band stays ±{half} points: it equals "
              "this approximation at national prevalence, and for the 102 regencies whose "
              "SSGI 2024 value is a small-area estimate the binomial scaling does not describe "
              "the error."},
    "h_province": {"id": "Korelasi peringkat antarprovinsi",
                   "en": "Rank correlation between provinces"},
    "province": {
        "id": "Rho Spearman {rho} (95 % {low} s.d. {high}; n = {n} provinsi).",
        "en": "Spearman's rho {rho} (95 % {low} to {high}; n = {n} provinces)."},
    "province_what_if": {
        "id": "Dengan nilai terbitan untuk nilai pengganti di seri resmi ({values}; sumber "
              "sekunder, ditandai): rho {rho} (95 % {low} s.d. {high}; n = {n}).",
        "en": "With the published value for the official series' placeholder ({values}; "
              "secondary source, flagged): rho {rho} (95 % {low} to {high}; n = {n})."},
    "h_power": {"id": "Berapa kabupaten/kota yang dibutuhkan",
                "en": "How many regencies it would take"},
    "power_caption": {
        "id": "Efek terkecil yang dapat dideteksi (80 % kuasa, 5 % dua sisi) menurut banyaknya "
              "kabupaten/kota seperti yang diamati.",
        "en": "The minimum detectable effect (80 % power, 5 % two-sided) against the number "
              "of regencies like the observed ones."},
    "col_regencies": {"id": "Kabupaten/kota", "en": "Regencies"},
    "needed": {
        "id": "Efek terbesar dalam literatur ({largest} pp per 10 poin) membutuhkan sekitar "
              "{n_largest} kabupaten/kota, hampir seluruh 514 di Indonesia; {target} pp "
              "membutuhkan sekitar {n_target}, dan efek literatur yang lebih kecil jauh lebih "
              "banyak. Data antarwilayah praktis tidak dapat mendeteksi efek sebesar "
              "literatur; desain yang dapat adalah data tingkat individu tentang jarak "
              "kelahiran dan stunting (kohort atau survei rumah tangga). Hasil nol di sini "
              "bukan bukti tidak adanya efek.",
        "en": "The literature's largest effect ({largest} pp per 10 points) would need about "
              "{n_largest} regencies, nearly all of Indonesia's 514; {target} pp about "
              "{n_target}, and the literature's smaller effects far more. Data across "
              "regencies practically cannot detect effects of the literature's size; a design "
              "that can is individual-level data on birth intervals and stunting (cohorts or "
              "household surveys). A null here is not evidence of no effect."},
    "missing": {"id": "Hasil model belum memuat pemeriksaan ini (jalankan kbanalysis fit).",
                "en": "The model results do not hold these checks yet (run kbanalysis fit)."},
}


def t(key: str, lang: str, **values) -> str:
    template = STRINGS[key][lang]
    return template.format(**values) if values else template


def _s(value, lang, decimals=2) -> str:
    return T.signed(value, lang, decimals)


def live_meta(results) -> dict:
    """``meta.json`` of a live fit as the writer rounds it (for the research notebook)."""
    from ..models.output import json_ready, meta
    return json_ready(meta(results))


def read_influence(results_dir) -> pd.DataFrame | None:
    path = Path(results_dir) / INFLUENCE_CSV
    return pd.read_csv(path, dtype={"bps_code": str}) if path.is_file() else None


def primary(meta: dict, lang: str) -> tuple:
    entry = Primary.read(meta)
    if entry is None:
        return ()
    return (B.heading(t("h_primary", lang), level=3),
            B.paragraph(t("primary", lang, model=str(entry.model).upper(),
                          others=entry.other_exposure_estimates)))


def _row(label, estimate, low, high, n) -> dict:
    return {"design": label, "estimate": estimate, "low": low, "high": high, "n": n}


def designs(meta: dict, lang: str) -> tuple:
    found = Designs.read(meta)
    baseline = None if found is None else found.get("baseline")
    if baseline is None or not baseline.estimated:
        return ()
    base = baseline.statistics
    headline = Headline.read(meta)
    main = headline.adjusted if headline is not None else None
    rows = [] if main is None else [_row(t("design_main", lang), main.estimate, main.ci_low,
                                         main.ci_high, main.n_obs)]
    change = found.get("change")
    for entry in () if change is None else change.table:
        if str(entry.get("model", "")).endswith("_wild_bootstrap"):
            rows.append(_row(t("design_change", lang, a=change.statistics["from_year"],
                               b=change.statistics["to_year"]), entry["estimate"], entry["ci_low"],
                             entry["ci_high"], entry["n_obs"]))
    rows.append(_row(t("design_baseline", lang, year=base["baseline_year"]),
                     base["estimate_per_10"], base["bootstrap_ci_low_per_10"],
                     base["bootstrap_ci_high_per_10"], base["n_obs"]))
    frame = pd.DataFrame(rows).assign(
        ci=lambda f: [f"{_s(a, lang)} … {_s(b, lang)}" for a, b in zip(f["low"], f["high"])])
    coef = base["baseline_coefficient"]
    parts = [B.heading(t("h_designs", lang), level=3),
             B.figure_caption(t("designs_caption", lang, year=base["baseline_year"],
                                coef=T.number(coef["estimate"], lang, 2),
                                low=T.number(coef["ci_low"], lang, 2),
                                high=T.number(coef["ci_high"], lang, 2))),
             B.table(frame, {"design": t("col_design", lang), "estimate": t("col_estimate", lang),
                             "ci": t("col_ci", lang), "n": t("col_n", lang)},
                     {"estimate": lambda v: _s(v, lang), "n": lambda v: T.integer(v, lang)})]
    if base["baseline_year"] > base["exposure_year"]:
        parts.append(B.paragraph(t("baseline_post", lang, year=base["baseline_year"],
                                   exposure_year=base["exposure_year"],
                                   n=base["n_secondary_source"])))
    return tuple(parts)


def influence(meta: dict, table: pd.DataFrame | None, lang: str) -> tuple:
    info = InfluenceSummary.read(meta)
    big = None if info is None else info.largest
    if big is None:
        return ()
    se = abs(big.change_per_10) / info.std_error_per_10
    sentence = t("influence", lang, name=big.name, before=_s(info.estimate_per_10, lang),
                 after=_s(big.estimate_without_per_10, lang), se=T.number(se, lang, 2))
    verdict = t("influence_notable" if info.notable else "influence_quiet", lang)
    parts = [B.heading(t("h_influence", lang), level=3),
             B.paragraph(f"{sentence} {verdict}", css="key-figure")]
    if table is not None and not table.empty:
        top = table.reindex(table["change_in_se"].abs().sort_values(ascending=False).index)
        parts += [B.figure_caption(t("influence_caption", lang)),
                  B.table(top.head(5), {"name": t("col_region", lang),
                                        "estimate_without_per_10": t("col_without", lang),
                                        "change_in_se": t("col_shift_se", lang),
                                        "leverage": t("col_leverage", lang),
                                        "cooks_distance": t("col_cook", lang)},
                          {"estimate_without_per_10": lambda v: _s(v, lang),
                           "change_in_se": lambda v: _s(v, lang),
                           "leverage": lambda v: T.number(v, lang, 3),
                           "cooks_distance": lambda v: T.number(v, lang, 3)})]
    return tuple(parts)


def _variant(meta: dict, name: str) -> dict:
    for entry in meta.get("sensitivity") or []:
        if entry.get("variant") == name and str(entry.get("status", "")).startswith("ok"):
            return entry
    return {}


def timing(meta: dict, lang: str) -> tuple:
    info = CovariateTiming.read(meta)
    if info is None:
        return ()
    head = B.heading(t("h_timing", lang), level=3)
    post = info.post_exposure
    if not post:
        return (head, B.paragraph(t("timing_none", lang)))
    pre = _variant(meta, "timing_pre_exposure_only")
    urban = _variant(meta, "timing_pre_exposure_add_urban_kota")

    def per_10(entry, key):
        return _s(entry[key] * 10, lang) if entry.get(key) is not None else "–"

    listed = ", ".join(f"{c} ({info.years[c]})" for c in post)
    return (head, B.paragraph(t("timing", lang, exposure_year=info.exposure_year,
                                post=listed, pre=per_10(pre, "estimate"),
                                pre_low=per_10(pre, "ci_low"), pre_high=per_10(pre, "ci_high"),
                                urban=per_10(urban, "estimate"))))


def measurement(meta: dict, lang: str) -> tuple:
    info = MeasurementError.read(meta)
    exposure = None if info is None else info.exposure
    if exposure is None:
        return ()
    rows = pd.DataFrame([r.write() for r in exposure.fitted_rows()])
    rows["ci"] = [f"{_s(a, lang)} … {_s(b, lang)}" for a, b in zip(rows["ci_low"],
                                                                    rows["ci_high"])]
    parts = [B.heading(t("h_measurement", lang), level=3),
             B.figure_caption(t("measurement_caption", lang)),
             B.table(rows, {"reliability": t("col_reliability", lang),
                            "net_reliability": t("col_net", lang),
                            "estimate": t("col_estimate", lang), "ci": t("col_ci", lang),
                            "mde_pp": t("col_mde", lang)},
                     {"reliability": lambda v: T.number(v, lang, 1),
                      "net_reliability": lambda v: T.number(v, lang, 2),
                      "estimate": lambda v: _s(v, lang),
                      "mde_pp": lambda v: T.number(v, lang, 2)})]
    outcome = info.outcome
    if outcome is not None:
        from .. import config
        parts.append(B.paragraph(t(
            "precision", lang, se_min=T.number(outcome.sampling_se_min, lang, 1),
            se_max=T.number(outcome.sampling_se_max, lang, 1),
            half=T.number(config.SSGI_REGENCY_HALF_WIDTH_95, lang, 0),
            estimate=_s(outcome.estimate_per_10, lang),
            low=_s(outcome.ci_low_per_10, lang), high=_s(outcome.ci_high_per_10, lang))))
    return tuple(parts)


def province(meta: dict, lang: str) -> tuple:
    found = Designs.read(meta)
    design = None if found is None else found.get("province")
    info = {} if design is None else design.statistics
    if info.get("spearman_ci_low") is None:
        return ()
    parts = [B.heading(t("h_province", lang), level=3),
             B.paragraph(t("province", lang, rho=_s(info["spearman_rho"], lang),
                           low=_s(info["spearman_ci_low"], lang),
                           high=_s(info["spearman_ci_high"], lang), n=info["n_provinces"]))]
    what_if = info.get("with_published_placeholders")
    if what_if:
        parts.append(B.paragraph(t("province_what_if", lang, values="; ".join(what_if["values"]),
                                   rho=_s(what_if["spearman_rho"], lang),
                                   low=_s(what_if["spearman_ci_low"], lang),
                                   high=_s(what_if["spearman_ci_high"], lang),
                                   n=what_if["n_provinces"])))
    return tuple(parts)


def power(meta: dict, lang: str) -> tuple:
    info = Power.read(meta)
    if info is None or not info.curve or "0.2" not in (info.regencies_needed or {}):
        return ()
    frame = pd.DataFrame(list(info.curve))
    needed = {k: asdict(v) for k, v in info.regencies_needed.items()}
    largest = needed.get("literature_largest", {})
    return (B.heading(t("h_power", lang), level=3),
            B.figure_caption(t("power_caption", lang)),
            B.table(frame, {"regencies": t("col_regencies", lang), "mde_pp": t("col_mde", lang)},
                    {"regencies": lambda v: T.integer(v, lang),
                     "mde_pp": lambda v: T.number(v, lang, 2)}),
            B.paragraph(t("needed", lang, target=T.number(needed["0.2"]["target_pp"], lang, 2),
                          largest=T.number(largest.get("target_pp"), lang, 2),
                          n_largest=T.integer(largest.get("regencies"), lang),
                          n_target=T.integer(needed["0.2"]["regencies"], lang)),
                        css="key-figure"))


def sections(meta: dict, lang: str, influence_table: pd.DataFrame | None = None) -> tuple:
    """Every block above, under one heading (a note when the results predate them)."""
    parts = (*primary(meta, lang), *designs(meta, lang),
             *influence(meta, influence_table, lang), *timing(meta, lang),
             *measurement(meta, lang), *province(meta, lang), *power(meta, lang))
    if not parts:
        return (B.heading(t("h_referee", lang)), B.paragraph(t("missing", lang)))
    return (B.heading(t("h_referee", lang)), *parts)


def national(ctx, lang: str) -> tuple:
    """The national report's referee section, from the written results."""
    return sections(ctx.meta or {}, lang, read_influence(ctx.results_dir))


def notebook(results) -> tuple:
    """The same section for a live fit (English, as the research notebooks)."""
    return sections(live_meta(results), "en", results.influence.table
                    if results.influence is not None else None)
