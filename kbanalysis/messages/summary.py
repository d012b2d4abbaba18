"""The catalogue's words of the fit summary: the plain-text report ``kbanalysis fit`` prints and
``SuiteResults.summary()`` returns.

Part of the one catalogue of :mod:`kbanalysis.messages`; keys start with ``summary.``.
Numbers arrive already written in the language (:func:`kbanalysis.messages.number`); the
column widths of the effect table are kept by the code, not here.
"""
from __future__ import annotations

SUMMARY: dict[str, dict[str, str]] = {
    # The frame
    "summary.title": {"id": "Cakupan KBPP dan stunting: rangkaian estimator",
                      "en": "KBPP coverage and stunting: estimator suite"},
    "summary.simulated_banner": {"id": "*** MASUKAN SIMULASI: {inputs} ***",
                                 "en": "*** SIMULATED INPUTS: {inputs} ***"},
    "summary.simulated_warning": {
        "id": "*** Hasil yang bertumpu pada masukan simulasi bukan bukti tentang Indonesia. ***",
        "en": "*** Results that rest on simulated inputs are not evidence about Indonesia. ***"},
    "summary.list_separator": {"id": "; ", "en": ", "},
    "summary.label.outcome": {"id": "Luaran", "en": "Outcome"},
    "summary.label.exposure": {"id": "Paparan", "en": "Exposure"},
    "summary.label.covariates": {"id": "Kovariat", "en": "Covariates"},
    "summary.label.weights": {"id": "Bobot", "en": "Weights"},
    "summary.label.clusters": {"id": "Klaster", "en": "Clusters"},
    "summary.label.rows": {"id": "Baris", "en": "Rows"},
    "summary.label.inference": {"id": "Inferensi", "en": "Inference"},
    "summary.outcome_year": {"id": "{outcome} (tahun {year})", "en": "{outcome} (year {year})"},
    "summary.column_year": {"id": "{column} ({year})", "en": "{column} ({year})"},
    "summary.exposure_year": {
        "id": "(tahun {year}; jeda k = {lag} tahun sebelum luaran)",
        "en": "(year {year}; lag k = {lag} year(s) before the outcome)"},
    "summary.exposure_pooled": {
        "id": "(gabungan, tiap kabupaten/kota dengan tahun nyata terakhirnya {first}-{last} "
              "tahun sebelum luaran: {years})",
        "en": "(pooled, each regency its latest real year {first}-{last} years before the "
              "outcome: {years})"},
    "summary.exposure_pooled_year": {"id": "{year} untuk {regencies} (jeda {lag})",
                                     "en": "{year} for {regencies} (lag {lag})"},
    "summary.covariates_none": {"id": "tidak ada", "en": "none"},
    "summary.weights_none": {"id": "tidak ada (model utama OLS)",
                             "en": "none (OLS main model)"},
    "summary.clusters_hc3": {"id": "tidak ada: HC3 per kabupaten/kota ({n} kabupaten/kota)",
                             "en": "none: HC3 by regency ({n} regencies)"},
    "summary.clusters": {"id": "{column} ({n})", "en": "{column} ({n})"},
    "summary.rows": {
        "id": "{n} kabupaten/kota dipakai dari {total} pada tahun luaran ({provinces} provinsi)",
        "en": "{n} regencies used of {total} in the outcome year ({provinces} province(s))"},
    "summary.absorbed": {
        "id": "; {n} lagi sendirian di provinsinya, diserap efek tetap provinsi itu (tidak "
              "informatif untuk kemiringan)",
        "en": "; {n} more alone in their province, absorbed by its fixed effect (not "
              "informative for the slope)"},
    # The inference the data chose (the reasons of kbanalysis.models.spec.choose_inference)
    "summary.reason.fe_regency": {
        "id": "{provinces} provinsi dengan efek tetap provinsi: cluster='regency' diminta; "
              "galat HC3 yang kokoh terhadap heteroskedastisitas dan wild bootstrap atas "
              "kabupaten/kota (efek tetap menyerap guncangan seluruh provinsi; korelasi di "
              "dalam provinsi di luar itu diabaikan)",
        "en": "{provinces} provinces with province fixed effects: cluster='regency' asked for; "
              "heteroskedasticity-robust HC3 errors and a wild bootstrap over regencies (the "
              "fixed effects absorb province-wide shocks; correlation within a province "
              "beyond them is assumed away)"},
    "summary.reason.fe_few": {
        "id": "{provinces} provinsi dengan efek tetap provinsi, kurang dari {few}: terlalu "
              "sedikit untuk inferensi kokoh-klaster; galat HC3 yang kokoh terhadap "
              "heteroskedastisitas dan wild bootstrap atas kabupaten/kota (efek tetap menyerap "
              "guncangan seluruh provinsi; korelasi di dalam provinsi di luar itu diabaikan)",
        "en": "{provinces} provinces with province fixed effects, fewer than {few}: too few "
              "for cluster-robust inference; heteroskedasticity-robust HC3 errors and a wild "
              "bootstrap over regencies (the fixed effects absorb province-wide shocks; "
              "correlation within a province beyond them is assumed away)"},
    "summary.reason.fe_cluster": {
        "id": "{provinces} provinsi dengan efek tetap provinsi: galat CR1 berklaster per "
              "provinsi (efek tidak dihitung dalam K) dan wild cluster bootstrap dengan bobot "
              "{weights}",
        "en": "{provinces} provinces with province fixed effects: CR1 errors clustered by "
              "province (effects not counted in K) and the wild cluster bootstrap with "
              "{weights} weights"},
    "summary.reason.webb": {"id": "Webb enam titik", "en": "Webb six-point"},
    "summary.reason.regency": {
        "id": "cluster='regency' diminta: galat HC3 yang kokoh terhadap heteroskedastisitas dan "
              "wild bootstrap atas kabupaten/kota",
        "en": "cluster='regency' asked for: heteroskedasticity-robust HC3 errors and a wild "
              "bootstrap over regencies"},
    "summary.reason.few_clusters": {
        "id": "{provinces} provinsi di antara baris lengkap, kurang dari {clusters} klaster yang "
              "diperlukan galat kokoh-klaster: galat HC3 yang kokoh terhadap "
              "heteroskedastisitas dan wild bootstrap atas kabupaten/kota sebagai gantinya "
              "(guncangan seluruh provinsi tidak diperhitungkan)",
        "en": "{provinces} province(s) among the complete rows, fewer than the {clusters} "
              "clusters cluster-robust errors need: heteroskedasticity-robust HC3 errors and a "
              "wild bootstrap over regencies instead (province-wide shocks are not accounted "
              "for)"},
    "summary.reason.cluster": {
        "id": "{provinces} provinsi: galat CR1 berklaster per {column} dan wild cluster "
              "bootstrap",
        "en": "{provinces} provinces: CR1 errors clustered by {column} and the wild cluster "
              "bootstrap"},
    # The headline
    "summary.headline": {
        "id": "Hasil utama (poin persentase {outcome} per kenaikan 10 poin {exposure}; selang: {interval})",
        "en": "Headline (pp of {outcome} per 10-point rise in {exposure}; interval: "
              "{interval})"},
    "summary.interval_hc3": {
        "id": "wild bootstrap terbatas atas kabupaten/kota (inversi uji); HC3 di sampingnya",
        "en": "restricted wild bootstrap over regencies (test inversion); HC3 alongside"},
    "summary.interval_cluster": {
        "id": "wild cluster bootstrap terbatas per provinsi (inversi uji); CR1 di sampingnya",
        "en": "restricted wild cluster bootstrap by province (test inversion); CR1 "
              "alongside"},
    "summary.chosen_by_data": {"id": "inferensi yang dipilih data: {reason}",
                               "en": "inference chosen by the data: {reason}"},
    "summary.slope.unadjusted": {"id": "tanpa penyesuaian", "en": "unadjusted"},
    "summary.slope.adjusted": {"id": "disesuaikan", "en": "adjusted"},
    "summary.unadjusted_label": {"id": "tanpa penyesuaian (paparan saja)",
                                 "en": "unadjusted (exposure alone)"},
    "summary.adjusted_label": {"id": "disesuaikan ({covariates})",
                               "en": "adjusted ({covariates})"},
    "summary.adjusted_no_covariates": {"id": "disesuaikan (tanpa kovariat)",
                                       "en": "adjusted (no covariates given)"},
    "summary.headline_effect": {
        "id": "{label}: {estimate} {interval} p {p}; analitik {analytic}",
        "en": "{label}: {estimate} {interval} p {p}; analytic {analytic}"},
    "summary.power": {
        "id": "{slope}: efek terkecil yang dapat dideteksi {mde} poin persentase per kenaikan {scale} poin "
              "(kuasa {power}, uji dua sisi {alpha}; SE {se} dari {inference}, n={n})",
        "en": "{slope}: minimum detectable effect {mde} pp per {scale}-point rise ({power} "
              "power, {alpha} two-sided; SE {se} from {inference}, n={n})"},
    "summary.literature_other_exposure": {
        "id": "rentang literatur menyangkut cakupan KBPP, bukan {exposure}: tidak dibandingkan "
              "dengan MDE",
        "en": "the literature range concerns KBPP coverage, not {exposure}: no comparison "
              "with the MDE"},
    "summary.literature_can": {
        "id": "rentang literatur {low} sampai {high} poin persentase: desain ini dapat mendeteksi efek "
              "sebesar efek jarak kelahiran (MDE {mde} poin persentase, paling besar {largest} poin persentase)",
        "en": "literature range {low} to {high} pp: this design could detect an effect of "
              "birth-spacing size (MDE {mde} pp vs at most {largest} pp)"},
    "summary.literature_cannot": {
        "id": "rentang literatur {low} sampai {high} poin persentase: desain ini tidak dapat mendeteksi efek "
              "sebesar efek jarak kelahiran (MDE {mde} poin persentase, paling besar {largest} poin persentase)",
        "en": "literature range {low} to {high} pp: this design cannot detect an effect of "
              "birth-spacing size (MDE {mde} pp vs at most {largest} pp)"},
    # Influence, measurement error, power against the number of regencies
    "summary.influence_line": {"id": "pengaruh: {sentence}", "en": "influence: {sentence}"},
    "summary.influence": {
        "id": "Tanpa {name}, kemiringan bergeser dari {before} ke {after} poin persentase per 10 poin "
              "({shift} galat baku)",
        "en": "Leaving out {name} moves the slope from {before} to {after} pp per 10 points "
              "({shift} standard errors)"},
    "summary.influence_notable": {
        "id": ": lebih dari setengah galat baku, jadi satu kabupaten/kota ini menanggung "
              "bagian yang terlihat dari estimasi.",
        "en": ": more than half a standard error, so this one regency carries a visible part "
              "of the estimate."},
    "summary.influence_quiet": {
        "id": ": tidak ada satu kabupaten/kota yang menggesernya setengah galat baku.",
        "en": ": no single regency moves it by half a standard error."},
    "summary.reliability": {
        "id": "keandalan paparan {pairs} (kemiringan per 10 poin dikoreksi untuk atenuasi)",
        "en": "exposure reliability {pairs} (slope per 10 points corrected for attenuation)"},
    "summary.reliability_pair": {"id": "{reliability}: {estimate}",
                                 "en": "{reliability}: {estimate}"},
    "summary.regencies_needed": {"id": "kabupaten/kota yang diperlukan untuk kuasa 80 %: {items}",
                                 "en": "regencies needed for 80 % power: {items}"},
    "summary.regencies_needed_item": {"id": "{target} poin persentase -> {regencies}",
                                      "en": "{target} pp -> {regencies}"},
    # The effect table
    "summary.effect_heading": {
        "id": "Efek per kenaikan 10 poin {exposure} (poin persentase {outcome})",
        "en": "Effect per 10-point rise in {exposure} (percentage points of {outcome})"},
    "summary.column.model": {"id": "model", "en": "model"},
    "summary.column.estimate": {"id": "estimasi", "en": "estimate"},
    "summary.column.ci": {"id": "IK 95%", "en": "95% CI"},
    "summary.column.p": {"id": "p", "en": "p"},
    "summary.column.inference": {"id": "inferensi", "en": "inference"},
    # After the table
    "summary.expected": {
        "id": "perkiraan dari literatur jarak kelahiran: {low} sampai {high} poin persentase stunting per "
              "kenaikan {rise} poin cakupan KBPP (jalur jarak kelahiran; asumsinya ada di "
              "kbanalysis.expected)",
        "en": "expected from the birth-interval literature: {low} to {high} pp of stunting per "
              "{rise}-point rise in KBPP coverage (birth-spacing pathway; see "
              "kbanalysis.expected for the assumptions)"},
    "summary.evalue": {
        "id": "Nilai-E {point} (batas selang kepercayaan: {ci}) untuk {contrast}: faktor perancu "
              "tak terukur yang berkaitan dengan cakupan dan stunting dengan rasio risiko "
              "{point} dapat menghapus estimasi ini",
        "en": "E-value {point} (confidence limit: {ci}) for a {contrast}: an unmeasured "
              "confounder associated with both coverage and stunting by a risk ratio of "
              "{point} could explain the estimate away"},
    "summary.evalue_contrast": {
        "id": "kenaikan {rise} poin {exposure} pada prevalensi rata-rata {prevalence} %",
        "en": "{rise}-point rise in {exposure} at mean prevalence {prevalence} %"},
    "summary.spatial": {
        "id": "Spasial: I Moran residual {model} {moran} (p permutasi {p}, kNN k={k}); "
              "p LM-error {lm_error}, p LM-lag {lm_lag}: {decision}",
        "en": "Spatial: Moran's I of {model} residuals {moran} (permutation p {p}, kNN k={k}); "
              "LM-error p {lm_error}, LM-lag p {lm_lag}: {decision}"},
    "summary.decision.none": {
        "id": "uji LM tidak mendeteksi ketergantungan spasial",
        "en": "no spatial dependence detected by the LM tests"},
    "summary.decision.error": {
        "id": "LM-error signifikan, LM-lag tidak: model galat spasial",
        "en": "LM-error significant, LM-lag not: spatial error model"},
    "summary.decision.lag": {
        "id": "LM-lag signifikan, LM-error tidak: model lag spasial akan ditunjukkan",
        "en": "LM-lag significant, LM-error not: a spatial lag model would be indicated"},
    "summary.decision.both_error": {
        "id": "kedua uji LM signifikan; LM-error robust lebih kuat: model galat spasial",
        "en": "both LM tests significant; robust LM-error stronger: spatial error model"},
    "summary.decision.both_lag": {
        "id": "kedua uji LM signifikan; LM-lag robust lebih kuat: model lag spasial akan "
              "ditunjukkan",
        "en": "both LM tests significant; robust LM-lag stronger: a spatial lag model would "
              "be indicated"},
    "summary.sensitivity": {"id": "Kepekaan estimasi model utama (poin persentase per 10 poin):",
                            "en": "Sensitivity of the main model's estimate (pp per 10 "
                                  "points):"},
    "summary.sensitivity_row": {"id": "{fits} kali diestimasi, rentang {low} sampai {high}",
                                "en": "{fits} fit(s), range {low} to {high}"},
    "summary.variants_absent": {
        "id": "Varian yang tidak ditawarkan (datanya tidak ada di sini):",
        "en": "Variants not offered (their data do not exist here):"},
    "summary.design": {"id": "Desain '{name}' ({status}){flag}: {description}",
                       "en": "Design '{name}' ({status}){flag}: {description}"},
    "summary.design_simulated": {"id": " [masukan SIMULASI]", "en": " [SIMULATED inputs]"},
    "summary.status.estimated": {"id": "diestimasi", "en": "estimated"},
    "summary.status.descriptive": {"id": "deskriptif", "en": "descriptive"},
    "summary.status.not_applicable": {"id": "tidak berlaku", "en": "not applicable"},
    "summary.change_row": {"id": "{interval} p {p} (poin persentase per 10 poin; MDE {mde})",
                           "en": "{interval} p {p} (pp per 10 points; MDE {mde})"},
    "summary.not_fitted": {"id": "Tidak diestimasi:", "en": "Not fitted:"},
    "summary.skipped.not_called_for": {"id": "tidak diperlukan: {decision}",
                                       "en": "not called for: {decision}"},
    "summary.skipped.spatial_off": {"id": "pemeriksaan spasial dimatikan",
                                    "en": "spatial checks switched off"},
    "summary.skipped.no_spatial_checks": {
        "id": "tidak ada pemeriksaan spasial (lihat spatial_checks)",
        "en": "no spatial checks (see spatial_checks)"},
    "summary.skipped.one_year": {"id": "{column} hanya teramati dalam satu tahun",
                                 "en": "{column} is observed in one year only"},
    "summary.notes": {"id": "Catatan:", "en": "Notes:"},
    "summary.note_inference": {"id": "inferensi: {reason}", "en": "inference: {reason}"},
    "summary.note_simulated": {
        "id": "masukan SIMULASI: {inputs} — hasil yang bertumpu padanya bukan bukti tentang "
              "Indonesia",
        "en": "SIMULATED inputs: {inputs} — results that rest on them are not evidence about "
              "Indonesia"},
    "summary.ecological": {
        "id": "Hubungan antar-kabupaten/kota bukan efek pada anak (kekeliruan ekologis); "
              "kemiringan antar-kabupaten/kota yang jauh di luar rentang literatur lebih "
              "mungkin perancu daripada efek.",
        "en": "Associations between regencies are not effects on children (ecological "
              "fallacy); a regency slope far outside the literature range is more likely "
              "confounding than effect."},
}
