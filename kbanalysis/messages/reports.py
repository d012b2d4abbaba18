"""The catalogue's report words: every string a reader of a report page sees.

Part of the one catalogue of :mod:`kbanalysis.messages`; keys are plain (``simulated_banner``).
"""
from __future__ import annotations

REPORTS: dict[str, dict[str, str]] = {
    # -- banners and titles --------------------------------------------------------------
    "simulated_banner": {
        "id": "DATA SIMULASI — sebagian masukan laporan ini disimulasikan, bukan data nyata: {what}. "
              "Angka yang berasal darinya hanya menguji alur analisis dan tidak boleh dikutip.",
        "en": "SIMULATED DATA — some inputs of this report are simulated, not real: {what}. "
              "Figures that depend on them only exercise the analysis and must not be quoted.",
    },
    "simulated_kbpp": {"id": "data KB pasca persalinan (KBPP)", "en": "postpartum family-planning (KBPP) data"},
    "real_kbpp_note": {
        "id": "Data KBPP nyata (administratif), dari: {files}.",
        "en": "Real KBPP data (administrative), from: {files}.",
    },
    "simulated_model": {"id": "hasil model (dihitung dari data simulasi)",
                        "en": "model results (fitted on simulated data)"},
    "title_regency": {"id": "Profil {name}", "en": "Profile: {name}"},
    "subtitle_regency": {"id": "Provinsi {province} · kode BPS {code}",
                         "en": "{province} province · BPS code {code}"},
    "title_province": {"id": "Laporan Provinsi {name}", "en": "Province report: {name}"},
    "subtitle_province": {"id": "{n} kabupaten/kota · kode BPS {code}",
                          "en": "{n} regencies and cities · BPS code {code}"},
    "title_national": {"id": "Laporan Nasional: KB Pasca Persalinan dan Stunting",
                       "en": "National report: postpartum family planning and stunting"},
    "subtitle_national": {"id": "{n_prov} provinsi · {n_reg} kabupaten/kota",
                          "en": "{n_prov} provinces · {n_reg} regencies and cities"},
    # -- stunting ------------------------------------------------------------------------
    "h_stunting": {"id": "Prevalensi stunting", "en": "Stunting prevalence"},
    "stunting_value": {
        "id": "Prevalensi balita stunting (SSGI {year}): {value} %, kira-kira {low}–{high} % "
              "(perkiraan ketidakpastian sampel ±{half} poin pada 95 %; SSGI tidak menerbitkan "
              "selang kepercayaan kabupaten/kota, jadi rentang ini hanya perkiraan).",
        "en": "Stunting prevalence among under-fives (SSGI {year}): {value} %, roughly {low}–{high} % "
              "(approximate sampling uncertainty ±{half} points at 95 %; SSGI publishes no "
              "regency confidence intervals, so this range is an approximation).",
    },
    "stunting_missing": {"id": "Tidak ada angka prevalensi stunting survei untuk wilayah ini.",
                         "en": "No survey stunting prevalence is available for this area."},
    "stunting_weighing": {
        "id": "Penimbangan rutin {year}: {value} % balita stunting. Ini ukuran yang berbeda "
              "(data penimbangan, biasanya jauh lebih rendah dari survei) dan tidak dibandingkan langsung.",
        "en": "Routine weighing {year}: {value} % of under-fives stunted. This is a different measure "
              "(weighing records, usually far lower than the survey) and is not compared directly.",
    },
    "flags_page": {"id": "Catatan mutu data untuk angka-angka di halaman ini:", "en": "Data-quality notes on the figures of this page:"},
    "flags_none": {"id": "Tidak ada catatan mutu data.", "en": "No data-quality flags."},
    "flags_some": {"id": "Catatan mutu data:", "en": "Data-quality flags:"},
    "h_trend": {"id": "Tren", "en": "Trend"},
    # -- targets -------------------------------------------------------------------------
    "h_targets": {"id": "Jarak ke target", "en": "Gap to the targets"},
    "target_rpjmn_2024": {"id": "RPJMN 2020–2024 (2024)", "en": "RPJMN 2020–2024 (2024)"},
    "target_rpjmn_2025": {"id": "RPJMN 2025–2029 (2025)", "en": "RPJMN 2025–2029 (2025)"},
    "target_rpjmn_2029": {"id": "RPJMN 2025–2029 (2029)", "en": "RPJMN 2025–2029 (2029)"},
    "met": {"id": "tercapai", "en": "met"},
    "not_met": {"id": "belum tercapai", "en": "not met"},
    "undecided": {"id": "belum dapat dipastikan", "en": "cannot be decided"},
    "not_available": {"id": "tidak tersedia", "en": "not available"},
    "toward_target": {"id": "menuju target {year}: {status}", "en": "towards the {year} target: {status}"},
    "toward_met": {"id": "sudah di bawah target", "en": "already below it"},
    "toward_not_met": {"id": "masih di atas target", "en": "still above it"},
    "toward_undecided": {"id": "belum dapat dipastikan", "en": "cannot be decided"},
    "own_targets_h": {"id": "{name} terhadap target stunting", "en": "{name} against the stunting targets"},
    "own_targets_caption": {
        "id": "{figure} {survey}: {value} %, dinilai sebagai angka titik. Kolom Target menyebut dokumen "
              "yang menetapkannya (RPJMN). Target tahun yang belum tiba dinilai dari angka terakhir "
              "(\"menuju target\"). Selisih = angka − target (poin).",
        "en": "{figure} {survey}: {value} %, judged as a point figure. The Target column names the "
              "document that sets it (RPJMN). A target of a year not yet reached is judged on the latest "
              "figure (\"towards the target\"). Difference = figure − target (points).",
    },
    # -- KBPP ----------------------------------------------------------------------------
    "h_kbpp": {"id": "KB pasca persalinan (KBPP)", "en": "Postpartum family planning (KBPP)"},
    "kbpp_value": {
        "id": "Cakupan KBPP {year}: {coverage} % dari {deliveries} persalinan ({total} peserta).",
        "en": "KBPP coverage {year}: {coverage} % of {deliveries} deliveries ({total} acceptors).",
    },
    "reg_kbpp_glance": {
        "id": "Cakupan KBPP {year}: {coverage} % (sumber, persalinan dan angka perencanaan di bagian "
              "KB pasca persalinan di bawah).",
        "en": "KBPP coverage {year}: {coverage} % (source, deliveries and planning numbers in the "
              "postpartum family planning section below).",
    },
    "kbpp_coverage_only": {
        "id": "Cakupan KBPP {year}: {coverage} % ibu bersalin menjadi peserta KB pasca persalinan "
              "(data program). Jumlah persalinan dan peserta tidak diterbitkan bersama angka ini.",
        "en": "KBPP coverage {year}: {coverage} % of mothers who delivered became postpartum "
              "family-planning acceptors (programme data). The numbers of deliveries and acceptors "
              "are not published with this figure.",
    },
    # -- planning numbers (content.deliveries_plan) -------------------------------------------
    "plan_h": {"id": "Angka perencanaan: persalinan dan ibu yang perlu dijangkau",
               "en": "Planning numbers: deliveries and mothers to reach"},
    "plan_estimate": {
        "id": "Perkiraan persalinan: sekitar {estimate} per tahun (≈ {month} per bulan), dari "
              "{children} anak usia 0–4 tahun (BPS {children_year}) ÷ 5.",
        "en": "Estimated deliveries: about {estimate} a year (≈ {month} a month), from {children} "
              "children aged 0–4 (BPS {children_year}) ÷ 5.",
    },
    "plan_office_partial": {
        "id": "Perhatian: {office} persalinan dari berkas kantor kurang dari separuh perkiraan BPS "
              "({estimate}); berkas itu mungkin belum mencakup semua fasilitas, jadi angka per 10 poin "
              "di bawah bisa terlalu kecil.",
        "en": "Note: the office file's {office} deliveries are under half the BPS estimate ({estimate}); "
              "the file may not cover every facility, so the numbers per 10 points below may be too low.",
    },
    "plan_office": {"id": "Persalinan yang dilaporkan kantor: {office} ({year}).",
                    "en": "Deliveries reported by the office: {office} ({year})."},
    "plan_per_10": {
        "id": "Setiap kenaikan 10 poin cakupan KBPP berarti sekitar {per_year} peserta KBPP lagi per "
              "tahun (≈ {per_month} per bulan).",
        "en": "Each 10-point rise in KBPP coverage means about {per_year} more KBPP acceptors a year "
              "(≈ {per_month} a month).",
    },
    "plan_current": {
        "id": "Dengan cakupan KBPP {coverage} % ({year}) pada persalinan ini, sekitar {current} ibu ber-KBPP "
              "per tahun (≈ {month} per bulan), bila cakupan itu masih berlaku.",
        "en": "At the KBPP coverage of {coverage} % ({year}) on these deliveries, about {current} mothers take "
              "up KBPP a year (≈ {month} a month), if that coverage still holds."},
    "plan_to_full": {
        "id": "Sisa {room} poin sampai cakupan 100 % berarti sekitar {per_year} peserta KBPP lagi per tahun "
              "(≈ {per_month} per bulan); kenaikan 10 poin tidak mungkin lagi.",
        "en": "The {room} points left to 100 % coverage mean about {per_year} more KBPP acceptors a year "
              "(≈ {per_month} a month); a 10-point rise is no longer possible."},
    "plan_per_10_office": {
        "id": "Setiap kenaikan 10 poin cakupan KBPP berarti sekitar {per_year} peserta KBPP lagi per "
              "tahun (≈ {per_month} per bulan), dihitung dari persalinan yang dilaporkan kantor.",
        "en": "Each 10-point rise in KBPP coverage means about {per_year} more KBPP acceptors a year "
              "(≈ {per_month} a month), from the deliveries the office reported.",
    },
    "plan_method": {
        "id": "Cara menghitung: anak usia 0–4 tahun adalah lima angkatan kelahiran, jadi seperlimanya "
              "mendekati jumlah persalinan setahun (dibulatkan ke puluhan; angka per bulan = angka per tahun ÷ 12, "
              "dibulatkan ke satuan). Ini perkiraan kasar: anak "
              "yang meninggal sebelum usia lima tahun tidak terhitung (persalinan sebenarnya sedikit "
              "lebih banyak), migrasi dapat menggeser angka ke dua arah, dan hitungan anak (2025) dibuat "
              "setelah kelahiran yang diwakilinya (rata-rata lima tahun kelahiran sebelumnya). Tidak ada "
              "target cakupan KBPP nasional dengan dokumen resmi dalam sumber proyek ini, jadi halaman ini "
              "menyebut jumlah peserta per 10 poin cakupan (atau sisa sampai 100 %), bukan jarak ke sebuah "
              "target. Anak 0–4 tahun: BPS, Jumlah Penduduk menurut Kabupaten/Kota dan Kelompok Umur (0–4) "
              "2025, dibaca dari salinan tabelnya ({url}), bukan dari publikasi BPS.",
        "en": "Method: children aged 0–4 are five birth cohorts, so one fifth of them approximates a "
              "year's deliveries (rounded to tens; a month's figure is the year's ÷ 12, rounded to units). "
              "A rough estimate: children who died before age five "
              "are not counted (true deliveries are somewhat higher), migration can move the figure "
              "either way, and the head count (2025) was taken after the births it stands for (an average "
              "of the five years of births before it). No national KBPP coverage target with an official "
              "document is in this project's sources, so the page gives acceptors per 10 points of "
              "coverage (or the rest of the way to 100 %), not a gap to a target. Children 0–4: BPS, "
              "population by regency and age group (0–4) 2025, read from a copy of its table ({url}), not "
              "from the BPS publication.",
    },
    "reg_kbpp_province": {"id": "Sebagai pembanding: {province} {year} {value} % (angka provinsi yang terbit).",
                          "en": "For comparison: {province} {year} {value} % (the published province figure)."},
    "reg_kbpp_range": {"id": "{n} kabupaten/kota provinsi ini punya angka tahun itu: {low}–{high} %, median {median} %.",
                       "en": "{n} regencies of this province have a figure that year: {low}–{high} %, median {median} %."},
    "kbpp_no_public": {
        "id": "Belum ada data KBPP publik untuk {name}: tidak ada angka cakupan KB pasca "
              "persalinan per kabupaten/kota yang diterbitkan untuk wilayah ini, dan laporan ini "
              "tidak pernah mengisinya dengan angka buatan.",
        "en": "No public KBPP figure exists for {name}: no postpartum family-planning coverage "
              "by kabupaten/kota is published for this area, and this report never fills one in.",
    },
    # the province's fill-in workbook beside the reports (kbanalysis.templates)
    "kbpp_template_intro": {
        "id": "Templat isian untuk {province}: tabel Profil Kesehatan KBPP tahun {year}, dengan "
              "kabupaten/kota dan kode BPS-nya sudah terisi.",
        "en": "Fill-in template for {province}: the Profil Kesehatan KBPP table for {year}, with "
              "the kab/kota and their BPS codes filled in.",
    },
    "prov_template_lead": {
        "id": "Angka KBPP yang belum ada di tabel ini, atau tahun yang lebih baru, dapat ditambahkan "
              "oleh dinas dengan templat berikut.",
        "en": "KBPP figures missing from this table, or a newer year, can be added by the offices "
              "with the template below."},
    "kbpp_template_link": {"id": "Unduh templat: {file}", "en": "Download the template: {file}"},
    "kbpp_template_send": {
        "id": "Isi sel kuning (petunjuk di lembar \"Petunjuk\"), simpan, lalu kirim berkasnya ke {contact}. "
              "Kantor kabupaten/kota cukup mengisi baris wilayahnya sendiri; bila angka Anda untuk tahun lain, "
              "ganti tahunnya di sel kuning baris ketiga. Kantor Anda tidak perlu memasang perangkat lunak apa "
              "pun: penerima berkas memeriksanya dan membuat ulang laporan dengan angka Anda.",
        "en": "Fill the yellow cells (instructions on the \"Petunjuk\" sheet), save, and send the file to "
              "{contact}. A regency office fills its own row only; if your figures are for another year, change "
              "the year in the yellow cell of the third row. Your office needs no software: whoever receives "
              "the file checks it and rebuilds the reports with your figures.",
    },
    "kbpp_template_analyst": {"id": "Perintah untuk analis yang membuat laporan ini",
                              "en": "Commands for the analyst who produces these reports"},
    "contact_default": {"id": "pihak yang mengirimkan laporan ini kepada Anda",
                        "en": "whoever sent you this report"},
    "contact_line": {"id": "Pertanyaan, koreksi dan templat yang sudah diisi: kirim ke {contact}.",
                     "en": "Questions, corrections and filled templates: send them to {contact}."},
    "kbpp_template_steps": {
        "id": "Isi sel kuning (petunjuk di lembar \"Petunjuk\"), simpan salinannya di folder "
              "proyek, lalu periksa berkasnya dan buat ulang semua laporan dengan angka Anda:",
        "en": "Fill the yellow cells (instructions on the \"Petunjuk\" sheet), save the copy in "
              "the project folder, then check the file and rebuild every report with your "
              "figures:",
    },
    "reg_template_newer": {
        "id": "Angka KBPP yang lebih baru dari {year} dapat ditambahkan oleh dinas dengan templat berikut.",
        "en": "A KBPP figure newer than {year} can be added by the office with the template below."},
    "kbpp_template_district": {
        "id": "Kantor dinas kesehatan {name}: templat per puskesmas (baris puskesmas kosong untuk "
              "diisi; --rows N mengatur jumlah baris) dibuat dengan perintah ini dari folder "
              "proyek, lalu diperiksa dan dipakai dengan dua perintah di atas:",
        "en": "The health office of {name}: a template with one row per puskesmas (blank rows "
              "to fill; --rows N sets how many) is written by this command from the project "
              "folder, then checked and used with the two commands above:",
    },
    "kbpp_template_other": {
        "id": "Berkas kantor dalam bentuk lain (tabel data terbuka, register layanan) memakai dua perintah "
              "yang sama. Untuk tahun lain (ganti TAHUN):",
        "en": "An office file of another shape (open-data table, service register) takes the same two "
              "commands. For another year (replace YEAR):",
    },
    "kbpp_year_placeholder": {"id": "TAHUN", "en": "YEAR"},
    # -- programme data (BKKBN SIGA / Elsimil) --------------------------------------------
    "h_programme": {"id": "Data program KB (BKKBN SIGA dan Elsimil)",
                    "en": "Family-planning programme data (BKKBN SIGA and Elsimil)"},
    "programme_caption": {
        "id": "Data program (administratif) BKKBN per {month}; bukan survei. Dihitung dari ekspor "
              "SIGA/Elsimil per desa yang dijumlahkan ke kabupaten.",
        "en": "BKKBN programme (administrative) data as of {month}; not a survey. Computed from "
              "SIGA/Elsimil village exports summed to the regency.",
    },
    "col_indicator": {"id": "Indikator", "en": "Indicator"},
    "col_value": {"id": "Nilai (%)", "en": "Value (%)"},
    # -- rank and peers ------------------------------------------------------------------
    "h_rank": {"id": "Peringkat dalam provinsi", "en": "Rank within the province"},
    "rank_stunting": {"id": "Stunting: peringkat {rank} dari {n} (1 = prevalensi terendah).",
                      "en": "Stunting: rank {rank} of {n} (1 = lowest prevalence)."},
    "rank_kbpp": {"id": "Cakupan KBPP: peringkat {rank} dari {n} (1 = cakupan tertinggi).",
                  "en": "KBPP coverage: rank {rank} of {n} (1 = highest coverage)."},
    "h_similar": {"id": "Lima kabupaten/kota paling mirip", "en": "The five most similar regencies"},
    "similar_caption": {
        "id": "Kemiripan dihitung dari {covariates}, setelah tiap faktor dibawa ke skala yang sama; "
              "jarak lebih kecil = lebih mirip.",
        "en": "Similarity on standardised covariates ({covariates}); smaller distance = more similar.",
    },
    "similar_no_kbpp": {"id": "Tidak satu pun dari kelimanya punya angka KBPP.",
                        "en": "None of the five has a KBPP figure."},
    "similar_missing": {"id": "Data faktor pembanding tidak lengkap; kabupaten/kota yang mirip tidak dapat dihitung.",
                        "en": "Covariates incomplete; no peers can be computed."},
    # -- model ---------------------------------------------------------------------------
    "h_model_position": {"id": "Posisi terhadap model (teramati dibanding harapan)",
                         "en": "Where it sits against the model (observed vs expected)"},
    "model_position": {
        "id": "Teramati {observed} %, harapan model {expected} %, selisih {residual} poin "
              "({direction}); {share} % kabupaten/kota lain punya selisih yang lebih jauh dari nol, ke atas "
              "atau ke bawah. Harapan model = prevalensi yang diperkirakan model utama untuk wilayah dengan "
              "cakupan KBPP dan variabel kontrol yang sama; selisih besar berarti ada hal lain yang belum "
              "tertangkap model, bukan penilaian kinerja.",
        "en": "Observed {observed} %, model expectation {expected} %, residual {residual} points "
              "({direction}); {share} % of the other regencies lie further from zero, above or below. "
              "Model expectation = the prevalence the main model predicts for an area with the same KBPP "
              "coverage and control variables; a large residual means something the model does not "
              "capture, not a verdict on performance.",
    },
    "model_position_caption": {
        "id": "Satu titik untuk setiap {n} kabupaten/kota dalam model utama: di atas garis, stunting lebih "
              "tinggi dari harapan model; di bawah garis, lebih rendah.",
        "en": "One dot for each of the {n} regencies in the main model: above the line, more stunting than "
              "the model expects; below it, less."},
    "legend_diagonal": {"id": "garis putus-putus: teramati = harapan", "en": "dashed line: observed = expected"},
    "above": {"id": "di atas harapan", "en": "above expectation"},
    "below": {"id": "di bawah harapan", "en": "below expectation"},
    "model_missing": {
        "id": "Hasil model belum tersedia (jalankan `kbanalysis fit`); bagian ini dilewati.",
        "en": "Model results are not available (run `kbanalysis fit`); this section is skipped.",
    },
    "predictions_missing": {
        "id": "Hasil model tidak memuat nilai harapan per kabupaten/kota (predictions.csv); bagian ini dilewati.",
        "en": "The model results hold no per-regency expected values (predictions.csv); this section is skipped.",
    },
    "h_model_comparison": {"id": "Perbandingan model", "en": "Model comparison"},
    "model_comparison_caption": {
        "id": "Perkiraan hubungan cakupan KBPP dengan stunting menurut setiap metode ({unit}), dengan "
              "selang 95 %.",
        "en": "Estimated association of KBPP coverage with stunting by each method ({unit}), with "
              "95 % intervals.",
    },
    "unit_per_10": {"id": "poin persentase stunting per kenaikan 10 poin cakupan KBPP",
                    "en": "percentage points of stunting per 10-point rise in KBPP coverage"},
    "unit_as_fitted": {"id": "satuan seperti ditulis `kbanalysis fit`", "en": "units as written by `kbanalysis fit`"},
    "expected_band": {"id": "rentang literatur", "en": "literature range"},
    "expected_sentence": {
        "id": "Rentang yang masuk akal menurut literatur jarak kelahiran: {low} sampai {high} poin "
              "persentase stunting per kenaikan 10 poin cakupan KBPP. Perkiraan antar-kabupaten/kota "
              "(perubahan stunting per kenaikan cakupan) yang jauh di luar rentang ini lebih mungkin "
              "berasal dari faktor lain daripada dari KBPP.",
        "en": "Plausible range from the birth-interval literature: {low} to {high} percentage points "
              "of stunting per 10-point rise in KBPP coverage. A regency-level slope far outside "
              "this range is more likely confounding than effect.",
    },
    "col_share_short": {"id": "Porsi jarak pendek (asumsi)", "en": "Share otherwise short (assumed)"},
    "col_expected_pp": {"id": "Perubahan harapan (poin)", "en": "Expected change (pp)"},
    "h_expected": {"id": "Rentang efek yang diharapkan dari literatur",
                   "en": "Expected-effect range from the literature"},
    "expected_missing": {"id": "Rentang efek dari literatur belum tersedia.",
                         "en": "The literature range is not available yet."},
    # -- caveat and provenance -----------------------------------------------------------
    "h_caveat": {"id": "Cara membaca", "en": "How to read this"},
    "caveat": {
        "id": "Angka-angka ini adalah hubungan antar-kabupaten/kota, bukan efek pada anak. "
              "Kabupaten/kota dengan cakupan KBPP lebih tinggi bisa berbeda dalam banyak hal lain "
              "(kemiskinan, akses fasilitas kesehatan), sehingga hubungan di tingkat wilayah tidak "
              "menunjukkan bahwa KBPP mengurangi stunting pada anak tertentu.",
        "en": "These figures are associations between regencies, not effects on children. "
              "Regencies with higher KBPP coverage may differ in many other ways (poverty, access to "
              "health facilities), so an association at area level does not show that KBPP reduces "
              "stunting in any child.",
    },
    "h_provenance": {"id": "Asal-usul data", "en": "Provenance"},
    "prov_inputs": {"id": "Berkas masukan (sha256 dari bagian yang dibaca halaman ini)",
                    "en": "Input files (sha256 of the part this page reads)"},
    "prov_versions": {"id": "Versi paket", "en": "Package versions"},
    "prov_parameters": {"id": "Parameter", "en": "Parameters"},
    "prov_model": {"id": "Hasil model", "en": "Model results"},
    "absent": {"id": "tidak ada", "en": "absent"},
    # -- province and national -----------------------------------------------------------
    "h_regencies": {"id": "Kabupaten/kota", "en": "Regencies and cities"},
    "h_provinces": {"id": "Provinsi", "en": "Provinces"},
    "h_map": {"id": "Peta", "en": "Maps"},
    "map_stunting": {"id": "Prevalensi stunting (SSGI, %)", "en": "Stunting prevalence (SSGI, %)"},
    "map_kbpp": {"id": "Cakupan KBPP (%)", "en": "KBPP coverage (%)"},
    "map_dots": {"id": "titik = lokasi kabupaten/kota (batas wilayah tidak tersedia)",
                 "en": "dots = regency locations (boundaries not available)"},
    "scatter_names_all": {"id": "Setiap titik diberi nama kabupaten/kotanya ({n} titik).",
                          "en": "Every dot carries its regency's name ({n} dots)."},
    "scatter_names_some": {
        "id": "Nama ditulis pada {named} dari {n} titik: yang lain tidak muat tanpa menutupi titik atau nama lain. "
              "Angka setiap kabupaten/kota ada di tabel halaman ini dan di halaman kabupaten/kotanya.",
        "en": "Names are written on {named} of {n} dots: the others do not fit without covering a dot or another "
              "name. Each regency's figures are in this page's tables and on its own page."},
    "h_scatter": {"id": "KBPP dan stunting", "en": "KBPP and stunting"},
    # -- column labels -------------------------------------------------------------------
    "col_name": {"id": "Nama", "en": "Name"},
    "col_code": {"id": "Kode", "en": "Code"},
    "col_province": {"id": "Provinsi", "en": "Province"},
    "col_stunting": {"id": "Stunting (%)", "en": "Stunting (%)"},
    "col_kbpp": {"id": "Cakupan KBPP (%)", "en": "KBPP coverage (%)"},
    "col_deliveries": {"id": "Persalinan", "en": "Deliveries"},
    "col_mothers": {"id": "Ibu yang perlu dijangkau", "en": "Mothers to reach"},
    "col_distance": {"id": "Jarak kemiripan (0 = sama)", "en": "Dissimilarity (0 = identical)"},
    "col_target": {"id": "Target", "en": "Target"},
    "col_year": {"id": "Tahun", "en": "Year"},
    "col_gap": {"id": "Selisih (poin)", "en": "Gap (points)"},
    "col_status": {"id": "Status", "en": "Status"},
    "col_rank": {"id": "Peringkat", "en": "Rank"},
    "col_model": {"id": "Model", "en": "Model"},
    "col_term": {"id": "Variabel", "en": "Term"},
    "col_estimate": {"id": "Estimasi", "en": "Estimate"},
    "col_ci": {"id": "Selang 95 %", "en": "95 % interval"},
    "col_p": {"id": "Nilai p", "en": "p-value"},
    "col_obs": {"id": "Observasi", "en": "Observations"},
    "col_survey": {"id": "Survei (SSGI)", "en": "Survey (SSGI)"},
    "col_weighing": {"id": "Penimbangan rutin", "en": "Routine weighing"},
    "col_source": {"id": "Sumber", "en": "Source"},
    # -- data-quality flags (machine flags of the tidy/analysis tables) -----------------
    "flag_sampling_zero": {"id": "nol sampel (sel survei kecil)", "en": "sampling zero (small survey cell)"},
    "flag_year_jump": {"id": "lonjakan antar-tahun (perubahan cakupan pelaporan)",
                       "en": "year-to-year jump (reporting coverage changed)"},
    "flag_derived": {"id": "nilai turunan", "en": "derived value"},
    "flag_filled": {"id": "diisi median provinsi", "en": "filled with the province median"},
    "flag_year_uncertain": {"id": "tahun data tidak pasti", "en": "year of the figure uncertain"},
    "flag_boundary_value": {"id": "nilai di batas rentang (0 atau 100)", "en": "value at the range boundary (0 or 100)"},
    "flag_small_area": {"id": "estimasi area kecil", "en": "small-area estimate"},
    "flag_secondary_source": {"id": "dikutip dari sumber sekunder (berita/jurnalisme data), bukan dari buku survei",
                              "en": "quoted by a secondary source (news or data journalism), not from the survey book"},
    "flag_code_system_dagri": {"id": "kode wilayah sumber memakai sistem Kemendagri (diterjemahkan ke kode BPS)",
                               "en": "the source used Kemendagri region codes (translated to BPS codes)"},
    "flag_code_unknown_matched_by_name": {"id": "kode sumber tidak dikenal; wilayah dicocokkan dengan nama",
                                          "en": "unknown source code; region matched by name"},
    "flag_conflict_resolved": {"id": "sumber berbeda angka; satu dipilih menurut aturan konflik",
                               "en": "sources disagreed; one kept by the conflict rules"},
    "flag_year_to_date": {"id": "akumulasi sepanjang tahun berjalan", "en": "year to date"},
    "flag_latest_month": {"id": "nilai bulan {month}", "en": "value of {month}"},
    # -- plots ---------------------------------------------------------------------------
    "axis_pct": {"id": "%", "en": "%"},
    "axis_stunting": {"id": "Stunting, survei (%)", "en": "Stunting, survey (%)"},
    "axis_expected": {"id": "Harapan model (%)", "en": "Model expectation (%)"},
    "axis_observed": {"id": "Teramati (%)", "en": "Observed (%)"},
    "legend_others": {"id": "kabupaten/kota lain", "en": "other regencies"},
    "legend_province": {"id": "provinsi yang sama", "en": "same province"},
    "simulated_tag": {"id": "(simulasi)", "en": "(simulated)"},
    # -- shared presentation: maps, charts, links, footer, index (ui_*) --------------------
    "ui_source": {"id": "Sumber: {sources}.", "en": "Source: {sources}."},
    "ui_source_survey": {"id": "{surveys} (Kemenkes; salinan tabel)",
                         "en": "{surveys} (Ministry of Health; a copy of the table)"},
    "ssgi_regency_copy": {
        "id": "Angka SSGI 2024 kabupaten/kota dibaca dari salinan tabelnya di peta data SPPG–IKP Pusat Riset "
              "Kependudukan BRIN ({url}), bukan dari buku laporan SSGI; angka Jawa Barat sama dengan salinan "
              "di Open Data Jabar. Cocokkan dengan buku laporan SSGI 2024 sebelum mengutipnya.",
        "en": "The regency SSGI 2024 figures are read from a copy of the table in the SPPG–IKP data map of "
              "BRIN's Population Research Centre ({url}), not from the SSGI report book; the Jawa Barat values "
              "equal the Open Data Jabar copy. Check them against the SSGI 2024 report book before quoting them."},
    "ui_source_secondary": {"id": "{n} angka dikutip sumber sekunder",
                            "en": "{n} figures quoted by a secondary source"},
    "ui_source_simulated": {"id": "data SIMULASI (bukan data nyata)", "en": "SIMULATED data (not real)"},
    "ui_simulated_word": {"id": "SIMULASI", "en": "SIMULATED"},
    "ui_year": {"id": "Tahun", "en": "Year"},
    "ui_no_data": {"id": "tidak ada data", "en": "no data"},
    "ui_legend_pct": {"id": "Persen", "en": "Percent"},
    "ui_map_java": {"id": "Pulau Jawa, Madura dan Bali (diperbesar)", "en": "Java, Madura and Bali (enlarged)"},
    # Maps from the complete boundary file: its licence's attribution; the regency page's locator.
    "ui_map_boundaries": {"id": "Batas wilayah: {attribution}", "en": "Boundaries: {attribution}"},
    "ui_locator_alt": {"id": "Peta lokasi: {name} (merah) di {province}",
                       "en": "Locator map: {name} (red) in {province}"},
    "ui_class_very_low": {"id": "sangat rendah", "en": "very low"},
    "ui_class_low": {"id": "rendah", "en": "low"},
    "ui_class_medium": {"id": "sedang", "en": "medium"},
    "ui_class_high": {"id": "tinggi", "en": "high"},
    "ui_class_very_high": {"id": "sangat tinggi", "en": "very high"},
    "ui_axis_kbpp_year": {"id": "Cakupan KBPP {year} (%)", "en": "KBPP coverage {year} (%)"},
    "ui_axis_stunting_year": {"id": "Stunting, survei {year} (%)", "en": "Stunting, survey {year} (%)"},
    # Unweighted least squares of stunting on coverage alone: not the adjusted main model.
    "ui_fit_line": {"id": "garis lurus sederhana (tanpa penyesuaian)", "en": "simple straight line (unadjusted)"},
    "ui_fit_band": {"id": "selang kepercayaan 95 %", "en": "95 % confidence band"},
    "ui_scroll_hint": {"id": "geser →", "en": "scroll →"},
    "ui_nav_label": {"id": "Navigasi laporan", "en": "Report navigation"},
    "ui_nav_index": {"id": "Semua laporan", "en": "All reports"},
    "ui_nav_national": {"id": "Nasional", "en": "National"},
    "ui_nav_province": {"id": "Provinsi {name}", "en": "{name} province"},
    "ui_nav_regencies": {"id": "Kabupaten/kota di provinsi ini", "en": "Regencies of this province"},
    "ui_nav_provinces": {"id": "Laporan provinsi", "en": "Province reports"},
    "ui_prov_details": {"id": "Rincian teknis: sidik berkas (sha256), parameter dan versi paket",
                        "en": "Technical details: file fingerprints (sha256), parameters and package versions"},
    # Which data a page was built from (issue 16): the default, or an office's own files.
    "data_origin_default": {
        "id": "Dibangun dari: data bawaan (tabel data nyata proyek, tanpa berkas kantor).",
        "en": "Built from: the default data (the project's real data tables, no office files).",
    },
    "data_origin_office": {
        "id": "Dibangun dari: data bawaan ditambah berkas kantor {files}.",
        "en": "Built from: the default data plus the office files {files}.",
    },
    "data_origin_simulated": {
        "id": "Dibangun dari: data demonstrasi dengan lapisan KBPP SIMULASI.",
        "en": "Built from: the demonstration data with a SIMULATED KBPP layer.",
    },
    "ui_prov_summary": {
        "id": "Laporan ini dibuat otomatis dari tabel data proyek dan hasil model di bawah; rincian "
              "teknis memungkinkan orang lain memeriksa bahwa berkasnya sama.",
        "en": "This report was made automatically from the project's data tables and the model "
              "results below; the technical details let others check the files are the same.",
    },
    "ui_param_regency": {"id": "Kabupaten/kota", "en": "Regency"},
    "ui_param_province": {"id": "Provinsi", "en": "Province"},
    "ui_param_lang": {"id": "Bahasa", "en": "Language"},
    "ui_param_processed_dir": {"id": "Folder tabel data", "en": "Data tables folder"},
    "ui_param_results_dir": {"id": "Folder hasil model", "en": "Model results folder"},
    "ui_param_default": {"id": "bawaan", "en": "default"},
    "ui_model_specification": {"id": "Spesifikasi", "en": "Specification"},
    "ui_model_data_sha256": {"id": "Sidik data model", "en": "Model data fingerprint"},
    "ui_model_main_model": {"id": "Model utama", "en": "Main model"},
    "ui_model_seed": {"id": "Benih acak", "en": "Random seed"},
    "ui_yes": {"id": "ya", "en": "yes"},
    "ui_no": {"id": "tidak", "en": "no"},
    "ui_model_simulated": {"id": "Data simulasi", "en": "Simulated data"},
    "ui_index_title": {"id": "Laporan KBPP dan stunting", "en": "KBPP and stunting reports"},
    "ui_index_filter": {"id": "Cari nama kabupaten/kota, provinsi atau kode",
                        "en": "Filter by regency, province or code"},
    "ui_index_summary": {"id": "{n} laporan; {failed} gagal.", "en": "{n} reports; {failed} failed."},
    "ui_index_real": {
        "id": "Data nyata: tidak ada angka simulasi dalam laporan-laporan ini.",
        "en": "Real data: these reports hold no simulated figure.",
    },
    "ui_level_national": {"id": "Nasional", "en": "National"},
    "ui_level_province": {"id": "Provinsi", "en": "Province"},
    "ui_level_regency": {"id": "Kabupaten/kota", "en": "Regency"},
    "ui_status_ok": {"id": "selesai", "en": "done"},
    "ui_status_failed": {"id": "gagal", "en": "failed"},
    "ui_status_outdated": {"id": "usang (data berubah)", "en": "outdated (data changed)"},
    "ui_group_other": {"id": "Tanpa provinsi", "en": "No province"},
    "ui_level_label": {"id": "Tingkat", "en": "Level"},
    "ui_lang_label": {"id": "Bahasa", "en": "Language"},
    "ui_alt_regencies": {"id": "{title}: {n} kabupaten/kota", "en": "{title}: {n} regencies"},
    "ui_alt_years_official": {"id": "{title}: {n} dari {total} tahun dengan angka provinsi",
                              "en": "{title}: {n} of {total} years with a province figure"},
    "own_figure_national": {"id": "Angka resmi (laporan Kemenkes)", "en": "Official figure (Ministry of Health report)"},
    "own_figure_province": {"id": "Angka provinsi (salinan tabel Kemenkes di Open Data Jabar)",
                            "en": "Province figure (copy of the Ministry of Health table on Open Data Jabar)"},
    "ui_alt_months": {"id": "{title}: {n} kabupaten/kota, {k} indikator per bulan",
                      "en": "{title}: {n} regencies, {k} indicators by month"},
    "ui_alt_years": {"id": "{title}: {n} tahun", "en": "{title}: {n} years"},
    "ui_alt_message": {"id": "{title}: {message}", "en": "{title}: {message}"},
    "ui_alt_estimates": {"id": "{title}: {n} estimasi", "en": "{title}: {n} estimates"},
    "ui_alt_position": {"id": "{title}: {name} di antara {n} kabupaten/kota",
                        "en": "{title}: {name} among {n} regencies"},
    "ui_map_empty": {"id": "Tidak ada angka untuk satu pun kabupaten/kota di wilayah ini.",
                     "en": "No regency of this area has a figure."},
    "ui_scatter_empty": {"id": "Tidak ada kabupaten/kota yang punya angka KBPP dan angka stunting sekaligus.",
                         "en": "No regency has both a KBPP figure and a stunting figure."},
    # -- regency page (reg_*) -------------------------------------------------------------
    "reg_h_comparison": {"id": "Dibandingkan dengan provinsi dan nasional",
                         "en": "Compared with the province and the nation"},
    "reg_col_area": {"id": "Wilayah", "en": "Area"},
    "reg_col_prevalence": {"id": "Stunting {year} (%)", "en": "Stunting {year} (%)"},
    "reg_col_band": {"id": "Rentang perkiraan 95 %", "en": "Approximate 95 % range"},
    "reg_row_province": {"id": "Provinsi {name} (angka provinsi)", "en": "{name} province (province figure)"},
    "reg_row_national": {"id": "Indonesia (nasional)", "en": "Indonesia (national)"},
    "reg_comparison_caption": {
        "id": "Sumber: SSGI {year} (Kemenkes) untuk kabupaten/kota, provinsi dan nasional. Angka "
              "provinsi adalah angka yang diterbitkan, bukan rata-rata kabupaten/kota. {copy}",
        "en": "Source: SSGI {year} (Ministry of Health) for the regency, the province and the nation. "
              "The province figure is the published one, not a mean of regency values. {copy}",
    },
    "reg_national_rank": {
        "id": "Peringkat nasional: {rank} dari {n} kabupaten/kota yang punya angka (1 = prevalensi terendah).",
        "en": "National rank: {rank} of the {n} regencies with a figure (1 = lowest prevalence).",
    },
    "reg_who_class": {
        "id": "Kelas prevalensi menurut WHO/UNICEF: {label} ({range}).",
        "en": "WHO/UNICEF prevalence class: {label} ({range}).",
    },
    "reg_stunted_children": {
        "id": "Perkiraan jumlah balita stunting: sekitar {estimate} anak (kira-kira {low}–{high}), "
              "yaitu prevalensi SSGI {prevalence_year} dikali {children} anak umur 0–4 tahun "
              "(BPS {children_year}). Ini perkiraan kasar: kedua angka berasal dari tabel dan tahun "
              "yang berbeda.",
        "en": "Estimated number of stunted under-fives: about {estimate} children (roughly "
              "{low}–{high}): the SSGI {prevalence_year} prevalence times {children} children aged "
              "0–4 (BPS {children_year}). A rough estimate: the two figures come from different "
              "tables and years.",
    },
    "reg_trend_caption": {
        "id": "Sumber: SSGI 2021, SSGI 2022, SKI 2023, SSGI 2024 (Kemenkes), dibaca dari salinan tabelnya, "
              "bukan dari buku laporan. Titik penuh: angka survei kabupaten/kota; garis abu-abu putus-putus dengan "
              "kotak: angka provinsi; garis hitam titik-titik: nasional; garis biru putus-putus: tahun survei di "
              "antaranya tanpa angka kabupaten/kota.",
        "en": "Source: SSGI 2021, SSGI 2022, SKI 2023, SSGI 2024 (Ministry of Health), read from copies of "
              "their tables, not from the report books. Filled markers: the regency's survey figures; "
              "grey dashed line with squares: the province figure; black dotted line: the nation; blue dashed line: survey "
              "years between without a figure of the regency.",
    },

    "reg_trend_caption_secondary": {
        "id": "Titik kosong: angka yang dikutip sumber sekunder (berita atau jurnalisme data yang "
              "mengutip survei), bukan dari buku survei.",
        "en": "Hollow markers: figures quoted by a secondary source (news or data journalism "
              "quoting the survey), not from the survey book.",
    },
    "reg_trend_caption_weighing": {
        "id": "Penimbangan rutin adalah ukuran lain (biasanya jauh lebih rendah dari survei) dan "
              "digambar di panel tersendiri, tidak pada sumbu survei.",
        "en": "Routine weighing is a different measure (usually far lower than the survey) and "
              "has its own panel, never the survey axis.",
    },
    "reg_trend_single": {
        "id": "Data hanya memuat satu tahun survei untuk wilayah ini ({year}); grafik menampilkan "
              "angka provinsi dan nasional sebagai pembanding.",
        "en": "The data hold one survey year for this area ({year}); the chart shows the province "
              "and national figures for comparison.",
    },
    "reg_trend_pre_split": {
        "id": "Angka Provinsi {province} tahun {years} tidak digambar: sebelum pemekaran Papua 2022 "
              "angka itu mencakup wilayah provinsi yang lebih luas.",
        "en": "{province} province figures for {years} are not drawn: before Papua's 2022 split "
              "they cover a larger province.",
    },
    "reg_trend_missing": {"id": "Tidak ada angka stunting untuk wilayah ini; tren tidak dapat ditampilkan.",
                          "en": "No stunting figure exists for this area; no trend can be shown."},
    "reg_legend_official": {"id": "{name} (survei, salinan tabel)", "en": "{name} (survey, table copy)"},
    "reg_legend_secondary": {"id": "dikutip sumber sekunder", "en": "quoted by a secondary source"},
    "reg_legend_gap": {"id": "tahun di antaranya tanpa angka kabupaten/kota",
                       "en": "no figure of the regency in the years between"},
    "reg_rank_kbpp_alone": {"id": "Cakupan KBPP: tidak ada peringkat (satu-satunya angka KBPP di provinsi ini).",
                            "en": "KBPP coverage: no rank (the only KBPP figure in this province)."},
    "reg_rank_kbpp_missing": {"id": "Cakupan KBPP: tidak ada peringkat (tidak ada angka KBPP).",
                              "en": "KBPP coverage: no rank (no KBPP figure)."},
    "reg_rank_stunting_missing": {"id": "Stunting: tidak ada peringkat (tidak ada angka survei).",
                                  "en": "Stunting: no rank (no survey figure)."},
    "reg_legend_province": {"id": "Provinsi {name}", "en": "{name} province"},
    "reg_legend_national": {"id": "Indonesia", "en": "Indonesia"},
    # Trend charts: the target line with its document, and the change since the previous survey.
    "trend_target_legend": {"id": "Target {pct} % ({year}; {document})",
                            "en": "Target {pct} % ({year}; {document})"},
    "doc_rpjmn_2020_2024": {"id": "RPJMN 2020–2024", "en": "RPJMN 2020–2024"},
    "trend_change": {"id": "Dari {prev_year} ke {year} angkanya {direction} {change} poin ({prev} % → {value} %).",
                     "en": "From {prev_year} to {year} the figure {direction} by {change} points ({prev} % → {value} %)."},
    "trend_up": {"id": "naik", "en": "rose"},
    "trend_down": {"id": "turun", "en": "fell"},
    "trend_same": {"id": "Dari {prev_year} ke {year} angkanya tetap {value} %.",
                   "en": "From {prev_year} to {year} the figure stayed at {value} %."},
    "trend_between": {"id": "Angka wilayah ini dari survei di antaranya ({years}) belum ada di tabel proyek ini.",
                      "en": "This area's figures from the surveys in between ({years}) are not yet in this "
                            "project's tables."},
    "trend_same_survey": {
        "id": "Dibanding survei yang sama ({prev} → {now}): {change} ({before} % → {after} %).",
        "en": "Against the same survey ({prev} → {now}): {change} ({before} % → {after} %)."},
    "trend_points": {"id": "poin", "en": "points"},
    "trend_no_change": {"id": "tetap", "en": "unchanged"},
    "trend_within_noise": {
        "id": "Selisih ini lebih kecil dari {combined} poin, ketidakpastian gabungan dua angka survei "
              "kabupaten/kota (masing-masing kira-kira ±{half} poin), jadi belum dapat dipastikan angkanya "
              "benar-benar {direction}.",
        "en": "The change is smaller than {combined} points, the combined uncertainty of two regency survey "
              "figures (each roughly ±{half} points), so it cannot be told whether the figure really {direction}."},
    "trend_caption_ski": {
        "id": "Titik 2023 berasal dari SKI 2023, survei yang berbeda dari SSGI (desain dan sampel): naik-turun "
              "yang melewati 2023 bukan perubahan yang diukur dengan cara yang sama.",
        "en": "The 2023 points come from SKI 2023, a different survey from SSGI (design and sample): a rise "
              "or fall across 2023 is not a change measured the same way."},
    "trend_secondary": {
        "id": "Angka {year} dikutip sumber sekunder, bukan dibaca dari buku survei; periksa alamatnya di "
              "bawah tabel sebelum mengutip selisih ini.",
        "en": "The {year} figure was quoted by a secondary source, not read from the survey report; "
              "check its address below the table before quoting this change."},
    "trend_secondary_both": {
        "id": "Angka {prev_year} dan {year} dikutip sumber sekunder, bukan dibaca dari buku survei; periksa "
              "alamatnya di bawah tabel sebelum mengutip selisih ini.",
        "en": "The {prev_year} and {year} figures were quoted by a secondary source, not read from the survey "
              "report; check their addresses below the table before quoting this change."},
    "trend_surveys_differ": {
        "id": "SKI 2023 dan SSGI adalah survei yang berbeda (desain dan sampel), jadi selisih ini "
              "bukan perubahan yang diukur dengan cara yang sama.",
        "en": "SKI 2023 and SSGI are different surveys (design and sample), so the difference is "
              "not a change measured the same way."},
    "reg_panel_survey": {"id": "Survei (SSGI/SKI)", "en": "Survey (SSGI/SKI)"},
    "reg_panel_weighing": {"id": "Penimbangan rutin (ukuran lain)", "en": "Routine weighing (a different measure)"},
    "reg_col_kind": {"id": "Jenis angka", "en": "Kind of figure"},
    "reg_kind_official": {"id": "salinan tabel survei", "en": "copy of the survey table"},
    "reg_kind_secondary": {"id": "sekunder", "en": "secondary"},
    "reg_secondary_addresses": {"id": "Alamat angka sekunder (halaman tempat angka dibaca): {addresses}.",
                                "en": "Where the secondary figures were read: {addresses}."},
    "reg_secondary_no_address": {"id": "alamat tidak tercatat", "en": "address not recorded"},
    "reg_col_regency": {"id": "Kabupaten/kota (%)", "en": "This regency (%)"},
    "reg_col_province": {"id": "Provinsi (%)", "en": "Province (%)"},
    "reg_col_national": {"id": "Nasional (%)", "en": "National (%)"},
    "reg_weighing_points": {"id": "Penimbangan rutin (ukuran lain, tidak dibandingkan dengan survei): {points}.",
                            "en": "Routine weighing (a different measure, not compared with the survey): {points}."},
    "reg_targets_caption": {
        "id": "Status dinilai dengan rentang perkiraan ±{half} poin: tercapai bila seluruh rentang "
              "di bawah target, belum tercapai bila seluruh rentang di atasnya, belum dapat "
              "dipastikan bila rentang memuat target.",
        "en": "Status judged with the approximate ±{half}-point range: met when the whole range is "
              "below the target, not met when it is wholly above, cannot be decided when the range "
              "contains the target.",
    },
    "reg_h_covariates": {"id": "Faktor lain di wilayah ini", "en": "Other factors in this area"},
    "reg_covariates_caption": {
        "id": "Sumber: BPS (Susenas) untuk persalinan dan umur melahirkan pertama; kemiskinan P0 adalah angka BPS "
              "yang dibaca dari salinan tabel 514 kabupaten/kota (Pusat Riset Kependudukan BRIN), bukan dari "
              "publikasi BPS. Angka provinsi hanya ditampilkan bila data "
              "memuat angka provinsi untuk indikator dan tahun yang sama; tidak ada "
              "rata-rata kabupaten/kota.",
        "en": "Source: BPS (Susenas) for deliveries and age at first birth; poverty P0 is the BPS figure read "
              "from a copy of the 514-regency table (BRIN Population Research Centre), not from a BPS "
              "publication. A province figure is shown only where the data "
              "hold the province figure for the same indicator and year; never a mean "
              "of regencies.",
    },
    "reg_covariates_flagged": {"id": "* Catatan mutu data: {notes}.", "en": "* Data-quality note: {notes}."},
    "reg_covariates_no_province": {
        "id": "Sumber: BPS (Susenas) untuk persalinan dan umur melahirkan pertama; kemiskinan P0 adalah angka BPS "
              "yang dibaca dari salinan tabel 514 kabupaten/kota (Pusat Riset Kependudukan BRIN), bukan dari "
              "publikasi BPS. Data tidak memuat angka provinsi untuk "
              "indikator-indikator ini, jadi tidak ada pembanding provinsi (rata-rata kabupaten/kota "
              "tidak dipakai sebagai gantinya).",
        "en": "Source: BPS (Susenas) for deliveries and age at first birth; poverty P0 is the BPS figure read "
              "from a copy of the 514-regency table (BRIN Population Research Centre), not from a BPS "
              "publication. The data hold no province figure for "
              "these indicators, so there is no province comparison (a mean of regencies is not "
              "used instead).",
    },
    "reg_h_relationship": {"id": "Arti hubungan KBPP dan stunting bagi wilayah ini",
                           "en": "What the KBPP–stunting relationship means here"},
    "reg_relationship": {
        "id": "Di {n} kabupaten/kota {scope} (stunting SSGI {outcome_year} dibandingkan cakupan KBPP "
              "{exposure_year}), cakupan KBPP yang 10 poin lebih tinggi sejalan dengan stunting "
              "{estimate} poin (selang 95 %: {low} sampai {high}); literatur jarak kelahiran "
              "memperkirakan {exp_low} sampai {exp_high} poin, dan {detect}.",
        "en": "Across {n} regencies of {scope} (SSGI {outcome_year} stunting against {exposure_year} "
              "KBPP coverage), a 10-point higher KBPP coverage went with {estimate} points of "
              "stunting (95 % interval {low} to {high}); the birth-spacing literature expects "
              "{exp_low} to {exp_high} points, and {detect}.",
    },
    "reg_detect_no": {
        "id": "data ini baru dapat mendeteksi efek sebesar {mde} poin atau lebih, jadi efek sebesar "
              "perkiraan literatur tidak mungkin terlihat di sini",
        "en": "these data can only detect effects of {mde} points or more, so an effect of the "
              "size the literature expects could not be seen here",
    },
    "reg_detect_yes": {
        "id": "data ini dapat mendeteksi efek mulai {mde} poin, cukup untuk efek sebesar perkiraan literatur",
        "en": "these data can detect effects from {mde} points, enough for an effect of the size "
              "the literature expects",
    },
    "reg_relationship_elsewhere": {
        "id": "Perkiraan ini berasal dari {n} kabupaten/kota {scope}, bukan dari Provinsi {province}; "
              "{name} tidak termasuk di dalamnya.",
        "en": "This estimate comes from {n} regencies of {scope}, not from {province} province; "
              "{name} is not among them.",
    },
    "reg_relationship_inside": {
        "id": "{name} termasuk dalam {n} kabupaten/kota tersebut.",
        "en": "{name} is one of those {n} regencies.",
    },
    "reg_scope_provinces": {"id": "dari {k} provinsi", "en": "{k} provinces"},
    "reg_relationship_simulated": {
        "id": "DATA SIMULASI: perkiraan di bawah dihitung dari data KBPP simulasi; angkanya hanya "
              "menguji alur analisis dan tidak boleh dikutip.",
        "en": "SIMULATED DATA: the estimate below was fitted on simulated KBPP data; its figures "
              "only exercise the analysis and must not be quoted.",
    },
    "reg_scope_one": {"id": "Provinsi {name}", "en": "{name} province"},
    "reg_outside_model": {"id": "{name} tidak termasuk dalam model: {reasons}.",
                          "en": "{name} is outside the model: {reasons}."},
    "reg_missing_kbpp": {
        "id": "tidak ada angka cakupan KBPP nyata untuk tahun {year} (tahun KBPP yang dipakai model)",
        "en": "no real KBPP coverage for {year} (the KBPP year the model uses)",
    },
    "reg_missing_column": {"id": "tidak ada angka {label} untuk tahun {year}",
                           "en": "no {label} figure for {year}"},
    # pooled model (issue 16 item 2): a regency alone in its province
    "reg_absorbed": {
        "id": "{name} ada dalam data model, tetapi satu-satunya kabupaten/kota dari provinsinya: "
              "efek tetap provinsinya menyerapnya, jadi angkanya tidak ikut menentukan kemiringan.",
        "en": "{name} is in the model's data but the only regency of its province: its province's "
              "fixed effect absorbs it, so its figures do not inform the slope."},
    "reg_missing_unknown": {"id": "hasil model (predictions.csv) tidak memuatnya",
                            "en": "the model results (predictions.csv) do not include it"},
    # -- province and national pages (prov_*, nat_*) -----------------------------------
    "prov_h_headline": {"id": "Angka provinsi", "en": "The province figure"},
    "prov_headline": {
        "id": "Prevalensi balita stunting {name} ({survey}): {value} %. Ini angka provinsi yang diterbitkan "
              "Kemenkes (dibaca dari salinan tabelnya), bukan rata-rata angka kabupaten/kota.",
        "en": "Stunting prevalence among under-fives in {name} ({survey}): {value} %. This is the province "
              "figure the Ministry of Health published (read from a copy of its table), not a mean of "
              "regency values.",
    },

    "prov_headline_missing": {"id": "Angka provinsi {name} untuk {survey}: tidak tersedia ({reason}).",
                              "en": "Province figure of {name} for {survey}: not available ({reason})."},
    "prov_headline_none": {"id": "Data ini tidak memuat angka provinsi untuk {name}.",
                           "en": "These data hold no province figure for {name}."},
    "prov_headline_latest": {"id": "Angka provinsi terakhir yang tersedia: {value} % ({survey}).",
                             "en": "Latest province figure available: {value} % ({survey})."},
    "prov_reason_formed_2022": {
        "id": "provinsi ini dibentuk pada 2022 dan belum punya angka sendiri untuk tahun itu",
        "en": "the province was formed in 2022 and has no figure of its own for that year"},
    "prov_reason_not_kept": {
        "id": "nilai yang terbit untuk tahun itu adalah kesalahan sumber yang diketahui dan disisihkan, "
              "seperti tercatat di daftar baris yang ditolak, atau tidak ada yang terbit",
        "en": "the value published for that year is a known error of the source and was set aside, "
              "as recorded in the list of rejected rows, or none was published"},
    "prov_national": {"id": "Nasional ({survey}): {value} %.", "en": "National ({survey}): {value} %."},
    "prov_regency_mean": {
        "id": "Rata-rata kabupaten/kota (bukan angka provinsi): {value} %, tertimbang jumlah penduduk, "
              "atas {n_used} kabupaten/kota yang punya angka {year} (dari {n}).",
        "en": "Mean of the regencies (not the province figure): {value} %, population-weighted, "
              "over the {n_used} of {n} regencies with a {year} value.",
    },
    "nat_regency_mean": {
        "id": "Rata-rata kabupaten/kota (bukan angka nasional): {value} %, tertimbang jumlah penduduk, "
              "atas {n_used} kabupaten/kota yang punya angka {year} (dari {n}).",
        "en": "Mean of the regencies (not the national figure): {value} %, population-weighted, "
              "over the {n_used} of {n} regencies with a {year} value.",
    },
    "prov_regency_mean_none": {"id": "Rata-rata kabupaten/kota: tidak ada kabupaten/kota dengan angka {year}.",
                               "en": "Mean of the regencies: no regency has a {year} value."},
    "prov_target_count": {
        "id": "Target 14 % (2024), dengan rentang perkiraan ±{half} poin tiap kabupaten/kota: "
              "{met} dari {n} jelas di bawah target, {undecided} belum dapat dipastikan (rentangnya "
              "memuat 14 %), {not_met} di atas target, {missing} tanpa angka.",
        "en": "The 14 % target (2024), with each regency's approximate ±{half}-point band: {met} of "
              "{n} are clearly below it, {undecided} cannot be decided (the band contains 14 %), "
              "{not_met} are above it, {missing} have no value.",
    },
    "prov_kbpp_pooled": {
        "id": "Cakupan KBPP {year}: {kbpp} % dari {deliveries} persalinan (kabupaten/kota yang punya jumlah).",
        "en": "KBPP coverage {year}: {kbpp} % of {deliveries} deliveries (regencies with counts).",
    },
    "prov_source_official": {
        "id": "Sumber: Kemenkes, prevalensi balita stunting per provinsi (SSGI 2021, SSGI 2022, SKI 2023, "
              "SSGI 2024), dibaca dari salinan di Open Data Jabar (tabel od_20953), bukan dari buku laporan. "
              "Angka nasional: laporan SSGI/SKI.",
        "en": "Source: Ministry of Health, stunting prevalence by province (SSGI 2021, SSGI 2022, SKI 2023, "
              "SSGI 2024), read from the copy on Open Data Jabar (table od_20953), not from the report books. "
              "National figure: SSGI/SKI reports.",
    },

    "prov_h_trend": {"id": "Tren angka provinsi {first}–{last}",
                     "en": "Trend of the province figure {first}–{last}"},
    "prov_trend_caption": {
        "id": "Hanya angka survei provinsi (salinan tabel Kemenkes); tahun tanpa angka tertulis \"tidak tersedia\". "
              "Penimbangan rutin adalah ukuran lain dan, bila ada, digambar di panel tersendiri.",
        "en": "Province survey figures only (a copy of the Ministry of Health table); a year without a figure says \"not available\". "
              "Routine weighing is a different measure and, where it exists, has its own panel.",
    },
    "prov_trend_single": {"id": "Kurang dari dua tahun angka provinsi; tren tidak dapat digambar.",
                          "en": "Fewer than two years of province figures; no trend can be drawn."},
    "prov_weighing_title": {"id": "Penimbangan rutin per kabupaten/kota (bukan survei)",
                            "en": "Routine weighing per regency (not a survey)"},
    "prov_weighing_caption": {
        "id": "Panel terpisah: persentase balita stunting dari penimbangan rutin (data Dinas Kesehatan), "
              "satu garis per kabupaten/kota; tidak dibandingkan dengan angka survei.",
        "en": "Separate panel: share of under-fives stunted in routine weighing (health office records), "
              "one line per regency; not compared with the survey figures.",
    },
    "prov_national_legend": {"id": "Indonesia (nasional)", "en": "Indonesia (national)"},
    "prov_not_published": {"id": "tidak diterbitkan", "en": "not published"},
    "prov_flag_pre_split_territory": {"id": "wilayah provinsi sebelum pemekaran 2022",
                                      "en": "the province's territory before the 2022 split"},
    "prov_col_survey_name": {"id": "Survei", "en": "Survey"},
    "prov_col_note": {"id": "Keterangan", "en": "Note"},
    "prov_col_target_status": {"id": "Target 14 % (2024)", "en": "14 % target (2024)"},
    "prov_regencies_caption": {
        "id": "Sumber: SSGI 2024 per kabupaten/kota (Kemenkes). {copy} Peringkat 1 = prevalensi terendah. Target "
              "14 % untuk 2024 dari {document}. Angka kabupaten/kota berasal dari sampel kecil, jadi dinilai "
              "dengan rentang perkiraan ±{half} poin: \"belum dapat dipastikan\" bila rentangnya memuat 14 %. "
              "Angka provinsi di atas berasal dari sampel yang jauh lebih besar dan dinilai sebagai angka titik.",
        "en": "Source: SSGI 2024 by regency (Ministry of Health). {copy} Rank 1 = lowest prevalence. The 14 % "
              "target for 2024 is set by {document}. A regency figure rests on a small sample, so it is judged "
              "with the approximate ±{half}-point band: \"cannot be decided\" when the band contains 14 %. "
              "The province figure above rests on a far larger sample and is judged as a point figure.",
    },
    "prov_model_not_here": {
        "id": "Tidak ada kabupaten/kota {province} dalam model ini (belum ada angka KBPP untuk provinsi ini), "
              "jadi model tidak mengatakan apa pun tentang {province}. Angka KBPP kantor Anda (templat di atas) "
              "akan memasukkannya.",
        "en": "No regency of {province} is in this model (the province has no KBPP figures yet), so the model "
              "says nothing about {province}. Your office's KBPP figures (the template above) would bring it in."},
    "prov_model_fold": {"id": "Ringkasan model dari provinsi lain (untuk peneliti)",
                        "en": "The model summary, from other provinces (for researchers)"},
    "prov_h_planning": {"id": "Tabel perencanaan KB pasca persalinan", "en": "KBPP planning table"},
    "prov_planning_intro": {
        "id": "Per kabupaten/kota: peserta KBPP dan persalinan bila diketahui, cakupan, dan porsi "
              "metode jangka panjang (MKJP) bila diketahui.",
        "en": "Per regency: KBPP acceptors and deliveries where known, coverage, and the long-acting "
              "share of the method mix where known.",
    },
    "plan_province_intro": {
        "id": "{name}: sekitar {estimate} persalinan per tahun (≈ {month} per bulan). Setiap kenaikan "
              "10 poin cakupan KBPP di seluruh provinsi berarti sekitar {per_year} peserta KBPP lagi per "
              "tahun (≈ {per_month} per bulan). Semua angka ini jumlah baris kabupaten/kota di tabel, jadi "
              "angka per bulan dapat berbeda beberapa orang dari angka per tahun ÷ 12. Rinciannya per "
              "kabupaten/kota:",
        "en": "{name}: about {estimate} deliveries a year (≈ {month} a month). Each 10-point rise in "
              "KBPP coverage across the province means about {per_year} more KBPP acceptors a year "
              "(≈ {per_month} a month). Each figure is the sum of the regency rows of the table, so a "
              "month's figure can differ by a few people from the year's ÷ 12. By regency:",
    },
    # Facility births 2021, Jawa Tengah (sections.facility_births): programme coverage of a
    # provincial health profile, shown as context beside KBPP on the regency page.
    "prov_col_facility": {"id": "Persalinan di faskes {year} (%)", "en": "Deliveries in a facility {year} (%)"},
    "prov_facility_caption": {
        "id": "Persalinan di fasilitas kesehatan {year} ({source}): cakupan KBPP dihitung dari persalinan, dan "
              "persalinan di rumah lebih sulit dijangkau layanan KB pasca persalinan.",
        "en": "Deliveries in a health facility {year} ({source}): KBPP coverage is counted over deliveries, and "
              "home deliveries are harder for postpartum family-planning services to reach."},
    "facility_births": {"id": "Persalinan di fasilitas kesehatan {year}: {value} % ({source}).",
                        "en": "Deliveries in a health facility {year}: {value} % ({source})."},
    "facility_births_source_persalinan_faskes_jateng": {"id": "Profil Kesehatan Jawa Tengah 2021, hlm. 67, Gambar 5.9",
                                                        "en": "Jawa Tengah Health Profile 2021, p. 67, Figure 5.9"},
    # Susenas 2022 province indicators (content.susenas_context)
    "susenas_h": {"id": "Survei Susenas 2022: KB setelah melahirkan di {name}",
                  "en": "Susenas 2022 survey: contraception after delivery in {name}"},
    "susenas_h_regency": {"id": "Konteks provinsi {name} (Susenas 2022)",
                          "en": "Province context, {name} (Susenas 2022)"},
    "susenas_postpartum_modern_method_pct": {
        "id": "{value} % ibu yang melahirkan dalam dua tahun terakhir memakai metode KB modern setelah "
              "melahirkan (nasional {national} %).",
        "en": "{value} % of mothers who gave birth in the last two years used a modern method after "
              "delivery (national {national} %).",
    },
    "susenas_postpartum_modern_method_pct_missing": {
        "id": "Pemakaian metode KB modern setelah melahirkan: angka provinsi ini tidak dikutip sumber yang "
              "tersedia (hanya {n} provinsi; nasional {national} %).",
        "en": "Modern method after delivery: the available source does not quote this province (only {n} "
              "provinces; national {national} %).",
    },
    "susenas_kbpp_counselling_pct": {
        "id": "{value} % ibu yang sama menerima konseling KB pasca persalinan (nasional {national} %).",
        "en": "{value} % of the same mothers received postpartum family-planning counselling (national "
              "{national} %).",
    },
    "susenas_kbpp_counselling_pct_missing": {
        "id": "Konseling KBPP: angka provinsi ini tidak dikutip sumber yang tersedia (hanya {n} provinsi; "
              "nasional {national} %).",
        "en": "KBPP counselling: the available source does not quote this province (only {n} provinces; "
              "national {national} %).",
    },
    "susenas_caption": {
        "id": "Sumber: BPS, Statistik Kesehatan 2022 (Susenas), dikutip Databoks (sumber sekunder). Survei "
              "rumah tangga tanpa batas 42 hari: ukuran lain dari cakupan KBPP program (peserta ÷ persalinan).",
        "en": "Source: BPS, Statistik Kesehatan 2022 (Susenas), quoted by Databoks (secondary source). A "
              "household survey with no 42-day window: a different measure from programme KBPP coverage "
              "(acceptors ÷ deliveries).",
    },
    "susenas_source_pages": {"id": "Halaman yang dikutip: {pages}.", "en": "Pages quoted: {pages}."},
    # counts and left-out desa rows of the programme indicators (regency_programme)
    "programme_col_counts": {"id": "Jumlah (pembilang / penyebut)", "en": "Counts (numerator / denominator)"},
    "programme_unit_pus": {"id": "PUS", "en": "PUS (couples)"},
    "programme_unit_modern": {"id": "pengguna KB modern", "en": "modern-method users"},
    "prov_siga_counts": {"id": "Jumlah {month} (pembilang / {unit})", "en": "Counts {month} (numerator / {unit})"},
    "programme_unit_late": {"id": "ibu hamil ≥ 32 minggu", "en": "pregnant women at ≥ 32 weeks"},
    "programme_excluded_intro": {
        "id": "Baris desa yang tidak ikut dihitung, atau ikut dihitung dengan catatan, saat membangun data "
              "(lihat daftar baris yang ditolak dalam data proyek):",
        "en": "Desa rows left out when the data were built, or counted with a note (see the project's list of rejected rows):",
    },
    "programme_excluded": {
        "id": "{label}: {n} baris desa tidak ikut dihitung ({reasons}); angkanya dari desa lainnya.",
        "en": "{label}: {n} desa rows not counted ({reasons}); the figure rests on the other desa."},
    "programme_noted": {
        "id": "{label}: {n} baris desa tetap dihitung walau {columns} tidak sesuai dengan angka lainnya "
              "(misalnya ibu hamil terdampingi lebih banyak dari jumlah ibu hamil); angka ini tidak memakai kolom itu.",
        "en": "{label}: {n} desa rows still counted although their {columns} disagrees with the other counts "
              "(e.g. more pregnant women accompanied than pregnant women); this figure does not use that column."},
    # Why Elsimil desa rows are left out of the intention figure (ledger reason -> words).
    "programme_reason_elsimil_bumil_inconsistent_total": {
        "id": "rincian ibu hamil ≥ 32 minggu (mendapat/tidak mendapat informasi KB, akan/tidak ber-KBPP) "
              "melebihi jumlahnya, atau jumlah ≥ 32 minggu melebihi semua hitungan ibu hamil",
        "en": "the ≥ 32 weeks subgroups (informed or not about contraception, intending KBPP or not) exceed "
              "their count, or the ≥ 32 weeks count exceeds every count of pregnant women"},
    "prov_download_intention_rows": {"id": "Unduh baris desa yang dikeluarkan atau diberi catatan (CSV)",
                                     "en": "Download the desa rows set aside or noted (CSV)"},
    "prov_h_intention": {"id": "Niat ber-KB pasca persalinan (Elsimil)", "en": "Intention to use postpartum FP (Elsimil)"},
    "prov_col_left_out": {"id": "Baris desa dikeluarkan", "en": "Desa rows set aside"},
    "prov_col_left_out_reason": {"id": "Alasan dikeluarkan", "en": "Why set aside"},
    "prov_col_noted": {"id": "Baris desa dihitung dengan catatan", "en": "Desa rows counted with a note"},
    "prov_intention_caption": {
        "id": "Ibu hamil usia kehamilan ≥ 32 minggu yang menyatakan akan ber-KBPP, dari pendampingan Elsimil "
              "(BKKBN, akumulasi tahun berjalan): niat, bukan pemakaian. Angkanya dari semua baris desa yang "
              "jumlah ≥ 32 minggu dan rinciannya konsisten. Baris dengan catatan: jumlah ibu hamil lebih kecil "
              "dari ibu hamil terdampingi; kolom itu tidak dipakai angka ini, jadi barisnya tetap dihitung. "
              "Baris yang dikeluarkan dan alasannya ada di tabel, dan setiap baris desa itu ada di berkas CSV di "
              "bawah (nomor baris berkas Elsimil, kolom, alasan).",
        "en": "Pregnant women at ≥ 32 weeks who say they will use postpartum FP, from Elsimil accompaniment "
              "(BKKBN, year to date): an intention, not uptake. The figure rests on every desa row whose "
              "≥ 32 weeks count and its subgroups agree. Rows with a note: fewer pregnant women than "
              "accompanied ones; this figure does not use that column, so the rows still count. Rows set "
              "aside and why are in the table, and each such desa row is in the CSV below (row number of "
              "the Elsimil file, column, reason).",
    },
    "prov_regency_trends_ski": {
        "id": "Pada {n} di antaranya, satu dari dua angka itu dari SKI 2023 dan yang lain dari SSGI: survei yang "
              "berbeda, jadi selisihnya bukan perubahan yang diukur dengan cara yang sama.",
        "en": "For {n} of them one of the two figures is from SKI 2023 and the other from SSGI: different "
              "surveys, so the difference is not a change measured the same way."},
    "prov_regency_trends_like": {
        "id": "Naik atau turun dihitung antara dua angka dari survei yang sama bila ada (untuk {n} kabupaten/kota: "
              "SSGI sebelumnya → SSGI terakhir, melewati SKI 2023).",
        "en": "A rise or fall compares two figures of the same survey where there are two (for {n} regencies: "
              "the earlier SSGI → the latest SSGI, past SKI 2023)."},
    "prov_regency_trends_single": {
        "id": "{n} kabupaten/kota hanya punya satu angka survei ({names}): angka survei lainnya belum ada "
              "di sumber proyek ini, jadi panelnya berisi satu titik.",
        "en": "{n} regencies have one survey figure only ({names}): their other survey figures are not yet in "
              "this project's sources, so their panel holds one point."},
    "prov_h_regency_trends": {"id": "Tren survei per kabupaten/kota", "en": "Survey trend by regency"},
    "prov_regency_trends_caption": {
        "id": "Satu panel per kabupaten/kota, skala sama (dari 0 %); garis hijau putus-putus: target 14 % "
              "(2024; RPJMN 2020–2024); lingkaran kosong: dikutip sumber sekunder. Dari {n} kabupaten/kota, "
              "{n_two} punya dua angka survei atau lebih: {down} turun, {up} naik, {same} tetap sejak survei "
              "sebelumnya.",
        "en": "One panel per regency, one scale (from 0 %); dashed green line: the 14 % target (2024; "
              "RPJMN 2020–2024); hollow circles: quoted by a secondary source. Of {n} regencies, {n_two} have "
              "two or more survey figures: {down} fell, {up} rose, {same} unchanged since the previous survey.",
    },
    "plan_total_row": {"id": "Total {name}", "en": "Total {name}"},
    "plan_col_children": {"id": "Anak 0–4 tahun ({year})", "en": "Children 0–4 ({year})"},
    "plan_col_estimate": {"id": "Perkiraan persalinan per tahun", "en": "Estimated deliveries a year"},
    "plan_col_month": {"id": "Persalinan per bulan", "en": "Deliveries a month"},
    "plan_col_office": {"id": "Persalinan dilaporkan kantor", "en": "Deliveries reported by the office"},
    "plan_col_per_10_year": {"id": "Peserta per +10 poin, per tahun",
                             "en": "Acceptors per +10 points, a year"},
    "plan_col_per_10_month": {"id": "Peserta per +10 poin, per bulan", "en": "Acceptors per +10 points, a month"},
    "plan_total_caption": {
        "id": "Baris total adalah jumlah angka yang tercetak di atasnya (setiap baris sudah dibulatkan), "
              "jadi tabel ini selalu cocok bila dijumlahkan. Peserta per +10 poin dihitung dari persalinan "
              "yang dilaporkan kantor bila ada, selain itu dari perkiraan.",
        "en": "The total row is the sum of the numbers printed above it (each row already rounded), so "
              "the table always adds up. Acceptors per +10 points use the deliveries an office reported "
              "where there are any, else the estimate.",
    },
    "plan_download": {"id": "Unduh tabel persalinan (CSV)", "en": "Download the deliveries table (CSV)"},
    "prov_col_kbpp_year": {"id": "Tahun", "en": "Year"},
    "prov_col_acceptors": {"id": "Peserta KBPP", "en": "KBPP acceptors"},
    "prov_col_gap": {"id": "Jarak ke {target} % (poin)", "en": "Gap to {target} % (points)"},
    "prov_col_long_acting": {"id": "Porsi MKJP (%)", "en": "Long-acting share (%)"},
    "prov_basis_counts": {"id": "jumlah dilaporkan", "en": "counts reported"},
    "prov_basis_coverage": {"id": "hanya cakupan yang terbit", "en": "published coverage only"},
    "prov_basis_none": {"id": "tidak ada angka KBPP", "en": "no KBPP figure"},
    "prov_uniform_column": {"id": "{column}: {value} untuk ke-{n} kabupaten/kota.",
                            "en": "{column}: {value} for all {n} regencies."},
    "prov_uniform_basis": {"id": "Keterangan untuk ke-{n} kabupaten/kota: {value}.",
                           "en": "All {n} regencies: {value}."},
    "prov_total_row": {"id": "Total ({n_counts} dari {n} kab/kota yang punya jumlah)",
                       "en": "Total ({n_counts} of {n} regencies with counts)"},
    "prov_total_none": {
        "id": "Total: tidak ada kabupaten/kota dengan jumlah peserta dan persalinan, jadi tidak ada "
              "jumlah yang dapat ditambahkan ({n_coverage} hanya punya cakupan yang terbit, {n_none} "
              "tanpa angka KBPP).",
        "en": "Total: no regency has acceptor and delivery counts, so there is nothing to add up "
              "({n_coverage} have a published coverage only, {n_none} have no KBPP figure).",
    },
    "prov_total_sentence": {
        "id": "Baris total menjumlahkan angka yang tercetak di atasnya, hanya atas {n_counts} dari {n} "
              "kabupaten/kota yang punya jumlah; {n_coverage} hanya punya cakupan yang terbit, "
              "{n_none} tanpa angka KBPP.",
        "en": "The total row adds up the numbers printed above it, over the {n_counts} of {n} "
              "regencies that have counts; {n_coverage} have a published coverage only, {n_none} "
              "have no KBPP figure.",
    },
    "prov_published_province": {
        "id": "Angka provinsi yang terbit ({year}): {value} % (Profil Kesehatan provinsi).",
        "en": "Published province figure ({year}): {value} % (provincial Profil Kesehatan).",
    },
    "prov_method_mix": {
        "id": "Porsi MKJP = peserta IUD, implan, MOW dan MOP di antara semua peserta KB modern (data program "
              "BKKBN SIGA, {month}); ini bauran metode semua peserta, bukan hanya peserta KBPP.",
        "en": "Long-acting share = IUD, implant and sterilisation users among all modern-method "
              "users (BKKBN SIGA programme data, {month}); the method mix of all "
              "users, not of KBPP acceptors only.",
    },
    "prov_method_mix_none": {
        "id": "Bauran metode: tidak tersedia. Tidak ada jumlah peserta per metode yang terbit untuk "
              "kabupaten/kota di provinsi ini.",
        "en": "Method mix: not available. No counts of users by method are published for the "
              "regencies of this province.",
    },
    "prov_source_siga": {"id": "BKKBN SIGA (data program)", "en": "BKKBN SIGA (programme data)"},
    "prov_h_siga": {"id": "Indikator SIGA per bulan (data program BKKBN)",
                    "en": "SIGA indicators by month (BKKBN programme data)"},
    "prov_siga_caption": {
        "id": "Sumber: BKKBN SIGA, data program (administratif, bukan survei), {first} sampai {last}; "
              "ekspor per desa dijumlahkan ke kabupaten. Prevalensi kontrasepsi modern = peserta KB "
              "modern / pasangan usia subur (PUS); kebutuhan ber-KB tidak terpenuhi (unmet need) = % PUS; porsi MKJP = "
              "% peserta KB modern.",
        "en": "Source: BKKBN SIGA programme data (administrative, not a survey), {first} to {last}; "
              "village exports summed to the regency. Modern contraceptive prevalence = modern-method "
              "users / couples of reproductive age (PUS); unmet need = % of PUS; long-acting share = "
              "% of modern-method users.",
    },
    "prov_siga_panel_modern_cpr_pct": {"id": "Prevalensi kontrasepsi modern (% PUS)",
                                       "en": "Modern contraceptive prevalence (% of PUS)"},
    "prov_siga_panel_unmet_need_pct": {"id": "Kebutuhan ber-KB tidak terpenuhi (% PUS)", "en": "Unmet need (% of PUS)"},
    "prov_siga_panel_long_acting_share_pct": {"id": "Porsi MKJP (% peserta KB modern)",
                                              "en": "Long-acting share (% of modern users)"},
    "prov_planning_none": {
        "id": "Tidak ada angka KBPP publik dan tidak ada bauran metode untuk {n} kabupaten/kota di "
              "provinsi ini: tabel perencanaan tidak dapat diisi tanpa mengarang angka.",
        "en": "No public KBPP figure and no method mix exist for the {n} regencies of this province: "
              "the planning table cannot be filled without inventing numbers.",
    },
    "prov_siga_table": {"id": "{indicator} (%), per bulan", "en": "{indicator} (%), by month"},
    "prov_download_planning": {"id": "Unduh tabel perencanaan (CSV)", "en": "Download the planning table (CSV)"},
    "prov_download_siga": {"id": "Unduh data SIGA per bulan (CSV)", "en": "Download the SIGA monthly data (CSV)"},
    "prov_download_trend": {"id": "Unduh tren (CSV)", "en": "Download the trend (CSV)"},
    "prov_papua_codes": {
        "id": "Kode wilayah Papua: kabupaten/kota di halaman ini memakai kode BPS 2020, dari sebelum "
              "pemekaran 2022 ({prefixes}). Sejak 2022 kabupaten/kota ini termasuk Provinsi {province} "
              "(kode BPS {code}; kode Kemendagri {dagri}). Kode Kemendagri provinsi-provinsi Papua "
              "berbeda dari kode BPS.",
        "en": "Papua region codes: the regencies on this page carry their BPS 2020 codes, from before "
              "the 2022 split ({prefixes}). Since 2022 they belong to {province} province (BPS code "
              "{code}; Kemendagri code {dagri}). The Kemendagri codes of the Papua provinces differ "
              "from the BPS codes.",
    },
    "prov_papua_prefix": {"id": "{prefix}xx: dulu Provinsi {old}, kode {prefix}",
                          "en": "{prefix}xx: formerly {old} province, code {prefix}"},
    "nat_h_headline": {"id": "Angka nasional", "en": "The national figure"},
    "nat_legend": {"id": "Indonesia (laporan SSGI/SKI)", "en": "Indonesia (SSGI/SKI reports)"},
    "nat_plan": {
        "id": "Indonesia: sekitar {estimate} persalinan per tahun (≈ {month} per bulan). Setiap kenaikan 10 poin "
              "cakupan KBPP secara nasional berarti sekitar {per_year} peserta KBPP lagi per tahun (≈ {per_month} "
              "per bulan). Semua angka ini jumlah angka provinsi (baris total halaman provinsi), jadi angka per "
              "bulan dapat berbeda beberapa orang dari angka per tahun ÷ 12.",
        "en": "Indonesia: about {estimate} deliveries a year (≈ {month} a month). Each 10-point rise in KBPP "
              "coverage nationwide means about {per_year} more KBPP acceptors a year (≈ {per_month} a month). "
              "Each figure is the sum of the province figures (the total rows of the province pages), so a "
              "month's figure can differ by a few people from the year's ÷ 12.",
    },
    "nat_h_trend": {"id": "Tren nasional {first}–{last}", "en": "National trend {first}–{last}"},
    "nat_trend_points": {"id": "Angka resmi nasional: {points}. Sumber: laporan SSGI/SKI (Kemenkes).",
                         "en": "Official national figures: {points}. Source: SSGI/SKI reports (Ministry of Health)."},
    "nat_headline": {
        "id": "Prevalensi balita stunting nasional ({survey}): {value} % (angka resmi Kemenkes).",
        "en": "National stunting prevalence among under-fives ({survey}): {value} % (official, "
              "Ministry of Health).",
    },
    "nat_col_official": {"id": "Stunting provinsi {year} (%)", "en": "Province stunting {year} (%)"},
    "nat_col_regency_mean": {"id": "Rata-rata kab/kota (%)", "en": "Mean of regencies (%)"},
    "nat_kbpp_pooled": {"id": "{value} ({year}, {k} dari {n} kab/kota)",
                        "en": "{value} ({year}, {k} of {n} regencies)"},
    "nat_kbpp_published": {"id": "{value} ({year}, angka provinsi terbit)", "en": "{value} ({year}, published province figure)"},
    "nat_col_n_used": {"id": "Kab/kota dalam rata-rata", "en": "Regencies in the mean"},
    "nat_provinces_caption": {
        "id": "Kolom stunting provinsi = angka provinsi yang diterbitkan Kemenkes (dibaca dari salinan "
              "tabelnya); \"tidak tersedia\" bila nilai terbitnya cacat (NTT 2022, empat provinsi Papua 2024) "
              "atau provinsi belum ada. Rata-rata kab/kota = rata-rata tertimbang penduduk dari "
              "kabupaten/kota yang punya angka tahun itu, bukan angka provinsi. Kolom persalinan dan peserta "
              "= baris total halaman provinsinya, yaitu jumlah angka kabupaten/kota yang sudah dibulatkan; "
              "karena itu angka per bulan dapat berbeda beberapa orang dari angka per tahun ÷ 12.",
        "en": "Province stunting = the province figure the Ministry of Health published (read from a copy "
              "of its table); \"not available\" where the published value is defective (NTT 2022, four "
              "Papua provinces 2024) or the province did not exist. Mean of regencies = population-weighted "
              "mean over the regencies with a value that year, not the province figure. The deliveries and "
              "acceptors columns = the total row of the province's page, the sum of its regencies' rounded "
              "figures; so a month's figure can differ by a few people from the year's ÷ 12.",
    },

    "nat_papua_codes": {
        "id": "Papua: Provinsi Papua Barat Daya (92), Papua Selatan (95), Papua Tengah (96) dan Papua "
              "Pegunungan (97) dibentuk pada 2022. Kabupaten/kotanya tetap memakai kode BPS 2020 dari "
              "provinsi asalnya (91xx Papua Barat, 94xx Papua), dan kode Kemendagri provinsi-provinsi "
              "Papua berbeda dari kode BPS.",
        "en": "Papua: Papua Barat Daya (92), Papua Selatan (95), Papua Tengah (96) and Papua Pegunungan "
              "(97) were formed in 2022. Their regencies keep the BPS 2020 code of the province they "
              "came from (91xx Papua Barat, 94xx Papua), and the Kemendagri codes of the Papua "
              "provinces differ from the BPS codes.",
    },
    "nat_download_provinces": {"id": "Unduh tabel provinsi (CSV)", "en": "Download the province table (CSV)"},
    "nat_download_models": {"id": "Unduh perbandingan model (CSV)", "en": "Download the model comparison (CSV)"},
    "nat_main_marker": {"id": "(model utama)", "en": "(main model)"},
    "nat_model_ids": {"id": "Kode model di berkas hasil model dan di berkas CSV, sesuai urutan tabel: {ids}.",
                      "en": "Model ids in estimates.csv and in the CSV file, in the order of the table: {ids}."},
    "nat_scope_national": {
        "id": "Cakupan model: nasional, {n} kabupaten/kota di {n_prov} provinsi (stunting {outcome_year}, "
              "cakupan KBPP {exposure_year}).",
        "en": "Scope of the model: national, {n} regencies in {n_prov} provinces (stunting "
              "{outcome_year}, KBPP coverage {exposure_year}).",
    },
    "nat_scope_provinces": {
        "id": "Cakupan model: {n} kabupaten/kota di {n_prov} provinsi, {provinces} (stunting "
              "{outcome_year}, cakupan KBPP {exposure_year}), karena hanya di sana ada angka KBPP; ini "
              "bukan perkiraan nasional.",
        "en": "Scope of the model: {n} regencies in {n_prov} provinces, {provinces} (stunting "
              "{outcome_year}, KBPP coverage {exposure_year}), the only ones with a KBPP figure; this is "
              "not a national estimate.",
    },
    "nat_scope_absorbed": {
        "id": "{k} di antaranya ({names}) sendirian di provinsinya: ada dalam data, tetapi efek tetap "
              "provinsinya menyerapnya, sehingga kemiringan bertumpu pada {used} kabupaten/kota.",
        "en": "{k} of them ({names}) is alone in its province: in the data, but absorbed by its "
              "province's fixed effect, so the slope rests on {used} regencies.",
    },
    "nat_scope_province": {
        "id": "Cakupan model: hanya {n} kabupaten/kota di {province} (stunting {outcome_year}, cakupan "
              "KBPP {exposure_year}), karena hanya di sana ada angka KBPP; ini bukan perkiraan nasional.",
        "en": "Scope of the model: only the {n} regencies of {province} (stunting {outcome_year}, KBPP "
              "coverage {exposure_year}), the only ones with a KBPP figure; this is not a national estimate.",
    },
    # the plain-language summary before the table of estimators (sections.model_summary)
    "nat_summary": {
        "id": "Ringkasan: di kabupaten/kota yang dianalisis, cakupan KBPP 10 poin lebih tinggi sejalan dengan "
              "prevalensi stunting {estimate} poin (rentang 95 %: {low} sampai {high}); {verdict}",
        "en": "In short: across the regencies analysed, 10 more points of KBPP coverage go with {estimate} "
              "points of stunting prevalence (95 % range {low} to {high}); {verdict}",
    },
    "nat_summary_zero": {"id": "rentang ini memuat nol, jadi data tidak menunjukkan hubungan yang jelas.",
                         "en": "the range includes zero, so the data show no clear relationship."},
    "nat_summary_not_zero": {"id": "rentang ini tidak memuat nol; tetap hubungan antarwilayah, bukan dampak "
                                   "pada anak.",
                             "en": "the range excludes zero; still an association between regencies, not an "
                                   "effect on children."},
    "nat_summary_literature": {"id": "Literatur jarak kelahiran memperkirakan {low} sampai {high} poin.",
                               "en": "The birth-spacing literature expects {low} to {high} points."},
    "nat_summary_detect_no": {
        "id": "Data ini hanya dapat melihat efek sebesar {mde} poin atau lebih, jadi efek sebesar perkiraan "
              "literatur tidak mungkin terlihat di sini.",
        "en": "These data can only see an effect of {mde} points or more, so an effect the size the literature "
              "expects cannot show here.",
    },
    "nat_summary_detect_yes": {"id": "Data ini dapat melihat efek sebesar {mde} poin atau lebih.",
                               "en": "These data can see an effect of {mde} points or more."},
    "nat_summary_interval_row": {
        "id": "Ringkasan di atas memakai estimasi model utama dengan selang dari baris \"{name}\".",
        "en": "The summary above uses the main model's estimate with the interval of the row \"{name}\"."},
    "nat_h_model_details": {"id": "Rincian untuk peneliti: setiap metode perhitungan",
                            "en": "Details for researchers: each estimation method"},
    "nat_mde": {
        "id": "Efek terkecil yang dapat dilihat model utama (terlihat {power} kali dari 100 bila efeknya nyata, "
              "dengan peluang salah kira {alpha}): {mde} poin "
              "stunting per kenaikan 10 poin cakupan KBPP. Rentang literatur: {low} sampai {high} poin.",
        "en": "Smallest effect the main model can detect ({power} % power, α = {alpha}): {mde} points of "
              "stunting per 10-point rise in KBPP coverage. Literature range: {low} to {high} points.",
    },
    "nat_mde_cannot": {
        "id": "Data ini tidak dapat mendeteksi efek sebesar yang diperkirakan literatur: hasil yang "
              "tidak bermakna di sini bukan bukti bahwa efeknya tidak ada.",
        "en": "These data cannot detect an effect of the size the literature suggests: a "
              "non-significant result here is not evidence that there is no effect.",
    },
    "nat_mde_can": {"id": "Data ini cukup untuk mendeteksi efek sebesar itu.",
                    "en": "These data could detect an effect of that size."},
    "nat_model_ols": {"id": "Kuadrat terkecil tanpa bobot (OLS)", "en": "Unweighted least squares (OLS)"},
    "nat_model_wls": {"id": "Kuadrat terkecil tertimbang (WLS)", "en": "Weighted least squares (WLS)"},
    "nat_model_ols_wild_bootstrap": {"id": "OLS, selang dari wild bootstrap", "en": "OLS, wild-bootstrap interval"},
    "nat_model_wls_wild_bootstrap": {"id": "WLS, selang dari wild bootstrap", "en": "WLS, wild-bootstrap interval"},
    "nat_model_wls_unadjusted": {"id": "WLS tanpa variabel kontrol", "en": "WLS without control variables"},
    "nat_model_wls_unadjusted_wild_bootstrap": {"id": "WLS tanpa variabel kontrol, selang wild bootstrap",
                                                "en": "WLS without controls, wild-bootstrap interval"},
    "nat_model_fractional_logit": {"id": "Logit fraksional (efek marginal)", "en": "Fractional logit (marginal effect)"},
    "nat_model_beta_regression": {"id": "Regresi beta (efek marginal)", "en": "Beta regression (marginal effect)"},
    "nat_model_province_fe": {"id": "Efek tetap provinsi", "en": "Province fixed effects"},
    "nat_model_random_intercept": {"id": "Intersep acak provinsi", "en": "Province random intercepts"},
    "nat_model_spatial_error": {"id": "Model galat spasial", "en": "Spatial error model"},
    "nat_model_panel_twfe": {"id": "Panel efek tetap dua arah", "en": "Two-way fixed-effects panel"},
    "nat_model_ols_unadjusted": {"id": "OLS tanpa variabel kontrol", "en": "OLS without control variables"},
    "nat_model_ols_unadjusted_wild_bootstrap": {"id": "OLS tanpa variabel kontrol, selang wild bootstrap",
                                                "en": "OLS without controls, wild-bootstrap interval"},
    "nat_model_panel_twfe_wild_bootstrap": {"id": "Panel dua arah, selang wild bootstrap",
                                            "en": "Two-way panel, wild-bootstrap interval"},
    "nat_model_change_wls": {"id": "Perubahan stunting antar-survei (WLS)",
                             "en": "Change in stunting between surveys (WLS)"},
    "nat_model_change_ols": {"id": "Perubahan stunting antar-survei (OLS)",
                             "en": "Change in stunting between surveys (OLS)"},
    "nat_model_change_wls_wild_bootstrap": {"id": "Perubahan stunting (WLS), selang wild bootstrap",
                                            "en": "Change in stunting (WLS), wild-bootstrap interval"},
    "nat_model_change_ols_wild_bootstrap": {"id": "Perubahan stunting (OLS), selang wild bootstrap",
                                            "en": "Change in stunting (OLS), wild-bootstrap interval"},
    "nat_model_baseline_wls": {"id": "Disesuaikan dengan stunting sebelumnya (WLS)",
                               "en": "Adjusted for earlier stunting (WLS)"},
    "nat_model_baseline_ols": {"id": "Disesuaikan dengan stunting sebelumnya (OLS)",
                               "en": "Adjusted for earlier stunting (OLS)"},
    "nat_model_baseline_wls_wild_bootstrap": {"id": "Disesuaikan dengan stunting sebelumnya (WLS), selang wild bootstrap",
                                              "en": "Adjusted for earlier stunting (WLS), wild-bootstrap interval"},
    "nat_model_baseline_ols_wild_bootstrap": {"id": "Disesuaikan dengan stunting sebelumnya (OLS), selang wild bootstrap",
                                              "en": "Adjusted for earlier stunting (OLS), wild-bootstrap interval"},
    "nat_model_precision_weighted": {"id": "Dibobot menurut presisi survei",
                                     "en": "Weighted by survey precision"},
    "nat_model_province_fe_wild_bootstrap": {"id": "Efek tetap provinsi, selang wild bootstrap",
                                             "en": "Province fixed effects, wild-bootstrap interval"},
    "nat_h_research": {"id": "Untuk peneliti", "en": "For researchers"},
    "cite_page": {"id": "hlm.", "en": "p."},
    "cite_data_note": {"id": "sumber data yang tercetak: {note}", "en": "data source as printed: {note}"},
    "nat_research_intro": {
        "id": "Bagian-bagian berikut merinci model untuk peneliti dan penelaah; kantor program dapat "
              "melewatinya. Setiap bagian terlipat: ketuk judulnya untuk membuka.",
        "en": "The parts below detail the model for researchers and referees; programme offices can "
              "skip them. Each part is folded: tap its heading to open it.",
    },
    "nat_h_covariates": {"id": "Koefisien variabel kontrol (model utama)", "en": "Covariate coefficients (main model)"},
    "nat_covariates_caption": {
        "id": "Poin persentase stunting per satuan variabel, dengan selang 95 %. R² = {r2} (tanpa bobot, "
              "nilai teramati terhadap nilai harapan model utama, {n} kabupaten/kota).",
        "en": "Percentage points of stunting per unit of the variable, with 95 % intervals. R² = {r2} "
              "(unweighted, observed against the main model's expected values, {n} regencies).",
    },
    "nat_r2_missing": {"id": "R² tidak tersedia (nilai harapan model tidak ada).",
                       "en": "R² not available (no model expected values)."},
    "nat_intercept": {"id": "Konstanta", "en": "Intercept"},
    "nat_h_spatial": {"id": "Diagnostik spasial (residu model utama)", "en": "Spatial diagnostics (main-model residuals)"},
    "nat_spatial_caption": {
        "id": "Tetangga: {k} kabupaten/kota terdekat. {decision}",
        "en": "Neighbours: the {k} nearest regencies. {decision}",
    },
    "nat_spatial_none": {"id": "Uji LM tidak menemukan ketergantungan spasial; model galat spasial tidak diperlukan.",
                         "en": "The LM tests find no spatial dependence; no spatial error model was needed."},
    "nat_spatial_fitted": {"id": "Uji LM menemukan ketergantungan spasial; model galat spasial ikut diestimasi.",
                           "en": "The LM tests find spatial dependence; a spatial error model was fitted."},
    "nat_spatial_missing": {"id": "Diagnostik spasial tidak tersedia.", "en": "No spatial diagnostics are available."},
    "nat_test_moran": {"id": "I Moran (uji permutasi)", "en": "Moran's I (permutation test)"},
    "nat_test_lm_error": {"id": "LM galat", "en": "LM error"},
    "nat_test_lm_lag": {"id": "LM lag", "en": "LM lag"},
    "nat_test_rlm_error": {"id": "LM galat robust", "en": "Robust LM error"},
    "nat_test_rlm_lag": {"id": "LM lag robust", "en": "Robust LM lag"},
    "nat_test_lm_sarma": {"id": "LM SARMA", "en": "LM SARMA"},
    "nat_col_test": {"id": "Uji", "en": "Test"},
    "nat_col_statistic": {"id": "Statistik", "en": "Statistic"},
    "nat_h_sensitivity": {"id": "Grid sensitivitas (model utama dihitung ulang)",
                          "en": "Sensitivity grid (main model refitted)"},
    "nat_sensitivity_caption": {
        "id": "Efek per kenaikan 10 poin cakupan KBPP pada tiap varian model utama yang dihitung ulang.",
        "en": "Effect per 10-point rise in KBPP coverage in each variant, as described by `kbanalysis fit`.",
    },
    # sensitivity variants in words (sections.variant_words) and literature rows
    "variant_main": {"id": "spesifikasi utama", "en": "the main specification"},
    "variant_drop_flagged": {"id": "tanpa baris yang punya catatan mutu pada variabel model",
                             "en": "without rows with any flag on a model variable"},
    "variant_drop_flag": {"id": "tanpa baris dengan catatan \"{flag}\" pada {label}",
                          "en": "without rows where {label} is flagged \"{flag}\""},
    "variant_weights_none": {"id": "tanpa bobot (OLS)", "en": "weights: none (OLS)"},
    "variant_weights": {"id": "bobot: {label}", "en": "weights: {label}"},
    "variant_covariates_none": {"id": "tanpa variabel kontrol", "en": "no covariates"},
    "variant_without": {"id": "tanpa {label}", "en": "without {label}"},
    "variant_add": {"id": "ditambah {label}", "en": "adding {label}"},
    "variant_add_urban": {"id": "ditambah penanda perkotaan (kota dibanding kabupaten)",
                          "en": "adding the urban indicator (kota vs kabupaten)"},
    "variant_timing": {"id": "tanpa variabel kontrol yang diukur setelah tahun paparan {year}",
                       "en": "without covariates measured after the exposure year {year}"},
    "variant_timing_urban": {"id": "tanpa variabel kontrol setelah paparan, ditambah penanda perkotaan",
                             "en": "without post-exposure covariates, with the urban indicator"},
    "lit_interval": {"id": "jarak kelahiran", "en": "interval"},
    "lit_months": {"id": "bulan", "en": "months"},
    "lit_versus": {"id": "dibanding", "en": "vs"},
    "col_relative_risk": {"id": "Rasio risiko (RR)", "en": "Relative risk (RR)"},
    "expected_rows": {"id": "Rincian: studi dan asumsi di balik rentang ini",
                      "en": "Details: the studies and assumptions behind this range"},
    "nat_group_timing": {"id": "waktu pengukuran", "en": "timing"},
    "nat_group_main": {"id": "utama", "en": "main"},
    "nat_group_data": {"id": "data", "en": "data"},
    "nat_group_weights": {"id": "bobot", "en": "weights"},
    "nat_group_covariates": {"id": "variabel kontrol", "en": "covariates"},
    "nat_col_variant": {"id": "Varian", "en": "Variant"},
    "nat_col_group": {"id": "Kelompok", "en": "Group"},
    "nat_sensitivity_missing": {"id": "Grid sensitivitas tidak tersedia.", "en": "No sensitivity grid is available."},
    "nat_h_evalue": {"id": "Nilai-E (E-value)", "en": "E-value"},
    "nat_evalue": {
        "id": "Nilai-E {point} (untuk batas selang: {ci}). Faktor perancu yang tidak diukur harus "
              "berhubungan dengan cakupan KBPP dan dengan stunting dengan rasio risiko paling sedikit "
              "{point} untuk menjelaskan seluruh hubungan yang teramati; 1 berarti tidak perlu perancu "
              "sama sekali. Kontras: kenaikan 10 poin cakupan KBPP.",
        "en": "E-value {point} (for the interval bound: {ci}). An unmeasured confounder would need a "
              "risk ratio of at least {point} with both KBPP coverage and stunting to explain the whole "
              "observed association; 1 means no confounding is needed at all. Contrast: a 10-point rise "
              "in KBPP coverage.",
    },
    "nat_evalue_missing": {"id": "Nilai-E tidak tersedia.", "en": "No E-value is available."},
    "nat_h_excluded": {"id": "Kabupaten/kota di luar model", "en": "Regencies outside the model"},
    "nat_excluded_summary": {
        "id": "{n_out} dari {n} kabupaten/kota tidak masuk model. Alasannya adalah nilai yang kurang "
              "pada tahun yang dipakai model:",
        "en": "{n_out} of {n} regencies are outside the model, for want of these values in the year "
              "the model uses:",
    },
    "nat_col_missing": {"id": "Nilai yang kurang (kolom tahun)", "en": "Missing values (column year)"},
    "nat_col_count": {"id": "Jumlah kab/kota", "en": "Regencies"},
    "nat_rows_missing": {"id": "Baris tahun hasil yang kurang per kolom model (dihitung oleh perintah kbanalysis fit):",
                         "en": "Rows of the outcome year each model column lacks (as counted by the kbanalysis fit command):"},
    "nat_col_column": {"id": "Kolom", "en": "Column"},
    "nat_col_rows_missing": {"id": "Baris kosong", "en": "Rows missing"},
    "nat_download_covariates": {"id": "Unduh koefisien (CSV)", "en": "Download the coefficients (CSV)"},
    "nat_download_spatial": {"id": "Unduh diagnostik spasial (CSV)", "en": "Download the spatial diagnostics (CSV)"},
    "nat_download_sensitivity": {"id": "Unduh grid sensitivitas (CSV)", "en": "Download the sensitivity grid (CSV)"},
    "nat_download_excluded": {"id": "Unduh daftar kabupaten/kota di luar model (CSV)",
                              "en": "Download the list of regencies outside the model (CSV)"},
    "nat_forest_axis": {"id": "poin persentase stunting per kenaikan 10 poin cakupan KBPP",
                        "en": "percentage points of stunting per 10-point rise in KBPP coverage"},
    # The "what a referee would check" section (kbanalysis.reporting.referee).
    "ref_h_referee": {"id": "Pemeriksaan ketahanan hasil", "en": "What a referee would check"},
    "ref_h_primary": {"id": "Estimasi utama dan banyaknya estimasi",
                  "en": "The primary estimate among many"},
    "ref_primary": {
        "id": "Estimasi utama adalah kemiringan {model} (poin persentase per kenaikan 10 poin) dengan "
              "interval wild bootstrap-nya: spesifikasi utama. {others} estimasi paparan lain "
              "(estimator lain, desain lain, dan grid sensitivitas) hanya menunjukkan seberapa "
              "jauh estimasi itu bergeser; tidak satu pun merupakan temuan tersendiri, dan di "
              "antara sebanyak itu satu nilai p < 0,05 karena kebetulan tidaklah mengejutkan.",
        "en": "The primary estimate is the {model} slope (pp per 10-point rise) with its wild "
              "bootstrap interval: the main specification. The {others} other exposure "
              "estimates (other estimators, designs and the sensitivity grid) only show how "
              "far it moves; none of them is a finding on its own, and among that many one "
              "with p < 0.05 by chance would not be surprising."},
    "ref_h_designs": {"id": "Penyesuaian untuk stunting sebelumnya",
                  "en": "Adjusting for earlier stunting"},
    "ref_designs_caption": {
        "id": "Tiga desain pada data yang sama (poin persentase stunting per kenaikan 10 poin KBPP, interval "
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
    "ref_design_main": {"id": "Potong lintang (utama)", "en": "Cross-section (main)"},
    "ref_design_change": {"id": "Perubahan {a}→{b}", "en": "Change {a}→{b}"},
    "ref_design_baseline": {"id": "Disesuaikan dengan stunting {year}",
                        "en": "Adjusted for stunting {year}"},
    "ref_baseline_post": {
        "id": "Tingkat awal ({year}) diukur sesudah paparan ({exposure_year}); {n} "
              "nilainya berasal dari sumber sekunder (ditandai).",
        "en": "The baseline ({year}) is measured after the exposure ({exposure_year}); "
              "{n} of its values come from a secondary source (flagged)."},
    "ref_h_influence": {"id": "Pengaruh satu kabupaten/kota", "en": "Influence of one regency"},
    "ref_influence": {
        "id": "Tanpa {name}, kemiringan berubah dari {before} menjadi {after} poin persentase per 10 poin "
              "({se} galat baku).",
        "en": "Without {name}, the slope moves from {before} to {after} pp per 10 points "
              "({se} standard errors)."},
    "ref_influence_notable": {
        "id": "Lebih dari setengah galat baku: satu kabupaten/kota ini memikul bagian yang "
              "terlihat dari estimasi.",
        "en": "More than half a standard error: this one regency carries a visible part of "
              "the estimate."},
    "ref_influence_quiet": {"id": "Tidak ada satu kabupaten/kota yang menggesernya setengah "
                              "galat baku.",
                        "en": "No single regency moves it by half a standard error."},
    "ref_influence_caption": {
        "id": "Lima kabupaten/kota paling berpengaruh (semuanya ada di berkas hasil model).",
        "en": "The five most influential regencies (all of them are in the model's results files)."},
    "ref_col_region": {"id": "Kabupaten/kota", "en": "Regency"},
    "ref_col_without": {"id": "Kemiringan tanpa", "en": "Slope without"},
    "ref_col_shift_se": {"id": "Geseran (galat baku)", "en": "Shift (SE)"},
    "ref_col_leverage": {"id": "Daya ungkit (leverage)", "en": "Leverage"},
    "ref_col_cook": {"id": "Jarak Cook", "en": "Cook's D"},
    "ref_col_design": {"id": "Desain", "en": "Design"},
    "ref_col_estimate": {"id": "Estimasi", "en": "Estimate"},
    "ref_col_ci": {"id": "Interval 95 %", "en": "95 % interval"},
    "ref_col_n": {"id": "Baris", "en": "Rows"},
    "ref_h_timing": {"id": "Waktu pengukuran kovariat dan wilayah kota",
                 "en": "When covariates were measured, and kota"},
    "ref_timing": {
        "id": "Kovariat yang diukur sesudah paparan ({exposure_year}): {post}. Kovariat itu "
              "bisa membawa sebagian efek (mediator). Tanpa kovariat itu: {pre} poin persentase per 10 poin "
              "(95 % {pre_low} s.d. {pre_high}); ditambah penanda kota: {urban} poin persentase.",
        "en": "Covariates measured after the exposure ({exposure_year}): {post}. They may "
              "carry part of any effect (mediators). Without them: {pre} pp per 10 points "
              "(95 % {pre_low} to {pre_high}); adding the kota indicator: {urban} pp."},
    "ref_timing_none": {"id": "Semua kovariat diukur pada atau sebelum tahun paparan.",
                    "en": "Every covariate is measured at or before the exposure year."},
    "ref_h_measurement": {"id": "Galat pengukuran", "en": "Measurement error"},
    "ref_measurement_caption": {
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
    "ref_col_reliability": {"id": "Keandalan", "en": "Reliability"},
    "ref_col_net": {"id": "Bersih dari kovariat", "en": "Net of covariates"},
    "ref_col_mde": {"id": "Efek terkecil yang terdeteksi (MDE)", "en": "MDE"},
    "ref_precision": {
        "id": "Prevalensi SSGI tiap kabupaten/kota memiliki galat sampling (diperkirakan "
              "{se_min}–{se_max} poin dari pita ±{half} poin pada prevalensi nasional). "
              "Dibobot menurut presisi itu, kemiringan {estimate} poin persentase per 10 poin (95 % {low} "
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
    "ref_h_province": {"id": "Korelasi peringkat antarprovinsi",
                   "en": "Rank correlation between provinces"},
    "ref_province_pair": {"id": "{exposure} ({exposure_year}) dengan {outcome} ({outcome_year}), per provinsi:",
                          "en": "{exposure} ({exposure_year}) against {outcome} ({outcome_year}), by province:"},
    "ref_province": {
        "id": "Rho Spearman {rho} (95 % {low} s.d. {high}; n = {n} provinsi).",
        "en": "Spearman's rho {rho} (95 % {low} to {high}; n = {n} provinces)."},
    "ref_province_what_if": {
        "id": "Dengan nilai terbitan untuk nilai pengganti di seri provinsi ({values}; sumber "
              "sekunder, ditandai): rho {rho} (95 % {low} s.d. {high}; n = {n}).",
        "en": "With the published value for the province series' placeholder ({values}; "
              "secondary source, flagged): rho {rho} (95 % {low} to {high}; n = {n})."},
    "ref_h_power": {"id": "Berapa kabupaten/kota yang dibutuhkan",
                "en": "How many regencies it would take"},
    "ref_power_caption": {
        "id": "Efek terkecil yang dapat dideteksi (80 % kuasa, 5 % dua sisi) menurut banyaknya "
              "kabupaten/kota seperti yang diamati.",
        "en": "The minimum detectable effect (80 % power, 5 % two-sided) against the number "
              "of regencies like the observed ones."},
    "ref_col_regencies": {"id": "Kabupaten/kota", "en": "Regencies"},
    "ref_needed": {
        "id": "Efek terbesar dalam literatur ({largest} poin persentase per 10 poin) membutuhkan sekitar "
              "{n_largest} kabupaten/kota, hampir seluruh 514 di Indonesia; {target} poin persentase "
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
    "ref_missing": {"id": "Hasil model belum memuat pemeriksaan ini (jalankan kbanalysis fit).",
                "en": "The model results do not hold these checks yet (run kbanalysis fit)."},
}
