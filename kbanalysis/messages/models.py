"""The catalogue's model and Python-API errors: what the estimation layer says when a
specification cannot be fitted.

Part of the one catalogue of :mod:`kbanalysis.messages`; keys start with ``model.`` or ``api.``.
The model messages name command-line options literally (``--exposure-year``, the same in both
languages), as ``kbanalysis fit`` shows them; the Python API (:mod:`kbanalysis.api`) turns
them into function arguments (``exposure_year=``) on the rendered text, in either language.
Column names, years and values quoted from the data are passed as parameters and never change.
"""
from __future__ import annotations

MODELS: dict[str, dict[str, str]] = {
    # -- The specification (kbanalysis.models.spec) ---------------------------------------
    "model.province_effects": {
        "en": "province_effects must be 'auto', 'yes' or 'no', got {value!r}",
        "id": "province_effects harus 'auto', 'yes' atau 'no', ditemukan {value!r}"},
    "model.years_disagree": {
        "en": "year {year} and outcome year {outcome_year} disagree; give one of them",
        "id": "tahun {year} dan tahun luaran {outcome_year} tidak sama; berikan salah satunya "
              "saja"},
    "model.missing_columns": {
        "en": "missing column(s) in the analysis table: {detail}",
        "id": "kolom tidak ada di tabel analisis: {detail}"},
    # One missing column and, when a column of the table is close, " (did you mean ...?)".
    "model.missing_column": {"en": "{column!r}{hint}", "id": "{column!r}{hint}"},
    "model.repeated_columns": {
        "en": "column(s) {columns} appear more than once among the outcome, the exposure and "
              "the covariates",
        "id": "kolom {columns} muncul lebih dari sekali di antara luaran, paparan, dan "
              "kovariat"},
    "model.not_numeric": {
        "en": "column {column!r} must be numeric; bps_code {code} has {value}",
        "id": "kolom {column!r} harus berisi angka; bps_code {code} berisi {value}"},
    "model.column_no_year": {
        "en": "{column!r} has no values in the outcome year {year} or any earlier year; {rule}",
        "id": "{column!r} tidak berisi nilai pada tahun luaran {year} maupun tahun "
              "sebelumnya; {rule}"},
    # The rule that found no year for a column (kbanalysis.models.timing.column_year).
    "model.rule_weights": {
        "en": "weights: nearest year with values",
        "id": "bobot: tahun terdekat yang berisi nilai"},
    "model.rule_no_values": {
        "en": "no values in {year} or before{only}",
        "id": "tidak ada nilai pada {year} atau sebelumnya{only}"},
    "model.rule_only": {"en": " (only {years})", "id": " (hanya {years})"},
    # Where the complete rows come from: both years, or one year for both.
    "model.where_years": {"en": "outcome {outcome_year}, exposure {exposure_year}",
                          "id": "luaran {outcome_year}, paparan {exposure_year}"},
    "model.where_year": {"en": "year {year}", "id": "tahun {year}"},
    # After "need at least 10 for any regression" when some rows miss a value.
    "model.rows_missing": {"en": "; rows missing per column: {counts}",
                           "id": "; baris kosong per kolom: {counts}"},
    "model.no_complete_rows": {
        "en": "no complete rows left for {where}: all {n} rows have a missing value (rows "
              "missing per column: {counts})",
        "id": "tidak ada baris lengkap untuk {where}: semua {n} baris memiliki nilai kosong "
              "(baris kosong per kolom: {counts})"},
    "model.too_few_rows": {
        "en": "only {n} complete row(s) for {where} (need at least {need} for any "
              "regression{missing})",
        "id": "hanya {n} baris lengkap untuk {where} (perlu sedikitnya {need} untuk regresi "
              "apa pun{missing})"},
    "model.too_few_rows_fe": {
        "en": "only {n} complete row(s) for {where} in provinces with more than one regency "
              "(need at least {need}); {absorbed} regenc(ies) alone in their province are "
              "absorbed by its fixed effect",
        "id": "hanya {n} baris lengkap untuk {where} di provinsi yang memiliki lebih dari satu "
              "kabupaten/kota (perlu sedikitnya {need}); {absorbed} kabupaten/kota yang "
              "sendirian di provinsinya diserap oleh efek tetap provinsi itu"},
    "model.outcome_range": {
        "en": "outcome {outcome!r} must lie in 0-100 (percent); {n} row(s) outside, e.g. "
              "bps_code {code} = {value}",
        "id": "luaran {outcome!r} harus berada dalam rentang 0-100 (persen); {n} baris di "
              "luarnya, misalnya bps_code {code} = {value}"},
    "model.constant": {
        "en": "column {column!r} is constant ({value} in all {n} complete rows of {where}); "
              "it cannot be estimated",
        "id": "kolom {column!r} bernilai tetap ({value} di semua {n} baris lengkap untuk "
              "{where}); efeknya tidak dapat diestimasi"},
    "model.weights_positive": {
        "en": "weights {weights!r} must be positive; bps_code {code} has {value}",
        "id": "bobot {weights!r} harus positif; bps_code {code} berisi {value}"},
    "model.collinear": {
        "en": "perfect collinearity: {column!r} is a linear combination of {others} in the "
              "{n} complete rows; drop one of them",
        "id": "kolinearitas sempurna: {column!r} merupakan kombinasi linear dari {others} "
              "pada {n} baris lengkap; buang salah satunya"},
    "model.too_few_clusters": {
        "en": "only {n} cluster(s) in {column!r} (need at least {need} for cluster-robust "
              "inference); use --cluster auto or regency for heteroskedasticity-robust errors "
              "when the data cover few provinces",
        "id": "hanya {n} klaster di {column!r} (perlu sedikitnya {need} untuk inferensi yang "
              "tahan klaster); pakai --cluster auto atau 'regency' untuk galat baku yang tahan "
              "heteroskedastisitas bila data hanya mencakup sedikit provinsi"},

    # -- Years (kbanalysis.models.timing) -------------------------------------------------
    "model.outcome_no_values": {
        "en": "outcome {outcome!r} has no values in any year",
        "id": "luaran {outcome!r} tidak berisi nilai pada tahun mana pun"},
    "model.outcome_year_no_values": {
        "en": "outcome {outcome!r} has no values in {year} (years with values: {years})",
        "id": "luaran {outcome!r} tidak berisi nilai pada {year} (tahun yang berisi nilai: "
              "{years})"},
    "model.exposure_after_outcome": {
        "en": "exposure year {year} is after the outcome year {outcome_year}; the exposure "
              "must be measured before (or in) the outcome year",
        "id": "tahun paparan {year} jatuh sesudah tahun luaran {outcome_year}; paparan harus "
              "diukur sebelum (atau pada) tahun luaran"},
    "model.exposure_no_values_in": {
        "en": "no {exposure} values in {year} (years with values: {years})",
        "id": "tidak ada nilai {exposure} pada {year} (tahun yang berisi nilai: {years})"},
    "model.real_exposure_no_values_in": {
        "en": "no real {exposure} values in {year} (years with real values: {years})",
        "id": "tidak ada nilai {exposure} nyata pada {year} (tahun yang berisi nilai nyata: "
              "{years})"},
    "model.no_years": {"en": "none", "id": "tidak ada"},
    "model.exposure_none_before": {
        "en": "no {exposure} in any year before the outcome year {outcome_year}; {hint}",
        "id": "tidak ada {exposure} pada tahun mana pun sebelum tahun luaran {outcome_year}; "
              "{hint}"},
    "model.real_exposure_none_before": {
        "en": "no real {exposure} in any year before the outcome year {outcome_year}; {hint}",
        "id": "tidak ada {exposure} nyata pada tahun mana pun sebelum tahun luaran "
              "{outcome_year}; {hint}"},
    "model.kbpp_hint": {
        "en": "add real KBPP data with `kbanalysis data build --kbpp FILE` or use {simulate}",
        "id": "tambahkan data KBPP nyata dengan `kbanalysis data build --kbpp FILE` atau pakai "
              "{simulate}"},
    # Simulated data on the command line; kbanalysis.api names it as "api.simulated_data".
    "model.simulate_data": {"en": "`--simulate` data", "id": "data `--simulate`"},
    "model.exposure_years_hint": {
        "en": "{exposure} has values in {years}: name the year with --exposure-year (the "
              "outcome year itself is allowed)",
        "id": "{exposure} berisi nilai pada {years}: sebutkan tahunnya dengan --exposure-year "
              "(tahun luaran itu sendiri juga boleh)"},
    "model.real_exposure_years_hint": {
        "en": "{exposure} has real values in {years}: name the year with --exposure-year (the "
              "outcome year itself is allowed)",
        "id": "{exposure} berisi nilai nyata pada {years}: sebutkan tahunnya dengan "
              "--exposure-year (tahun luaran itu sendiri juga boleh)"},
    "model.exposure_no_year_hint": {
        "en": "{exposure} has no values in any year",
        "id": "{exposure} tidak berisi nilai pada tahun mana pun"},

    # -- The panel (kbanalysis.models.panel) ----------------------------------------------
    "model.panel_missing_columns": {
        "en": "missing column(s) for the panel: {columns}",
        "id": "kolom untuk panel tidak ada: {columns}"},
    "model.panel_years": {
        "en": "a panel needs {outcome!r} and {exposure!r} (lagged {lag}) in at least two "
              "years for the same regencies; found years {years}",
        "id": "panel memerlukan {outcome!r} dan {exposure!r} (lag {lag}) pada sedikitnya dua "
              "tahun untuk kabupaten/kota yang sama; tahun yang ditemukan: {years}"},
    "model.panel_outcome_range": {
        "en": "outcome {outcome!r} must lie in 0-100 in the panel rows",
        "id": "luaran {outcome!r} harus berada dalam rentang 0-100 pada baris panel"},
    "model.panel_clusters": {
        "en": "only {n} cluster(s) in {column!r} for the panel (need at least {need}); use "
              "cluster='regency' or 'auto'",
        "id": "hanya {n} klaster di {column!r} untuk panel (perlu sedikitnya {need}); pakai "
              "cluster='regency' atau 'auto'"},
    "model.panel_weights": {
        "en": "panel weights {weights!r} must be positive",
        "id": "bobot panel {weights!r} harus positif"},
    "model.panel_no_variation": {
        "en": "{column!r} does not vary within regencies over time",
        "id": "{column!r} tidak berubah dari tahun ke tahun di dalam kabupaten/kota"},

    # -- The suite's own arguments (kbanalysis.models.suite) ------------------------------
    "model.spatial_model": {
        "en": "spatial_model must be 'auto', 'always' or 'never', got {value!r}",
        "id": "spatial_model harus 'auto', 'always' atau 'never', ditemukan {value!r}"},
    "model.bootstrap_draws": {
        "en": "use at least {need} wild bootstrap draws, got {draws}",
        "id": "pakai sedikitnya {need} tarikan wild bootstrap, ditemukan {draws}"},
    "model.bootstrap_weights": {
        "en": "bootstrap weights must be one of {types}, got {value!r}",
        "id": "bobot bootstrap harus salah satu dari {types}, ditemukan {value!r}"},

    # -- The Python API (kbanalysis.api) --------------------------------------------------
    "api.no_table": {
        "en": "no analysis table at {path}: build it with `kbanalysis data build`, or pass "
              "load(path=...)",
        "id": "tidak ada tabel analisis di {path}: bangun dengan `kbanalysis data build`, "
              "atau berikan load(path=...)"},
    "api.data_type": {
        "en": "data= takes the analysis table (a DataFrame, e.g. kb.load()), got {type}",
        "id": "data= menerima tabel analisis (sebuah DataFrame, misalnya kb.load()), "
              "ditemukan {type}"},
    "api.covariates": {
        "en": "covariates= takes a column name or a list of column names, got {value}",
        "id": "covariates= menerima satu nama kolom atau daftar nama kolom, ditemukan {value}"},
    "api.province_column": {
        "en": "province= needs a province_bps column in data=",
        "id": "province= memerlukan kolom province_bps di data="},
    # The argument and the province check's own message (kbanalysis.reporting.params).
    "api.province": {"en": "province={item}: {detail}", "id": "province={item}: {detail}"},
    # "model.simulate_data" as the Python API names it.
    "api.simulated_data": {"en": "simulated data (kbanalysis data build --simulate)",
                           "id": "data simulasi (kbanalysis data build --simulate)"},
}
