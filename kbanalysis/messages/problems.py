"""The catalogue's problem messages: data commands, office files, the CLI and the workspace.

Part of the one catalogue of :mod:`kbanalysis.messages`; keys are dotted (``frame.row``).
"""
from __future__ import annotations

_KBPP_METHODS_TEXT = "Kondom, Suntik, Pil, AKDR, MOP, MOW, Implan, MAL"

PROBLEMS: dict[str, dict[str, str]] = {
    # -- The frame of one problem line (kbanalysis.ledger.InputError.line) ------------------
    "frame.row": {"en": "row {row}", "id": "baris {row}"},
    # A row whose regency is known names it (issue 15, engineer 4).
    "frame.row_region": {"en": "row {row} ({region})", "id": "baris {row} ({region})"},
    "frame.column": {"en": "column {column!r}", "id": "kolom {column!r}"},
    "frame.line": {"en": "{where}: expected {expected}{got}",
                   "id": "{where}: seharusnya {expected}{got}"},
    "frame.got": {"en": ", got {got!r}", "id": ", ditemukan {got!r}"},
    # Composition: an expectation with the reader's detail, a detail about one cell.
    "with_detail": {"en": "{expected} ({detail})", "id": "{expected} ({detail})"},
    "in_column": {"en": "column {column!r}: {detail}", "id": "kolom {column!r}: {detail}"},
    "in_column_only": {"en": "column {column!r}", "id": "kolom {column!r}"},

    # -- Ledger reasons (kbanalysis.ledger.REASONS): what each machine-readable reason means ---
    "reason.unknown_region": {
        "en": "name or code matches no kabupaten/kota or province",
        "id": "nama atau kode tidak cocok dengan kabupaten/kota atau provinsi mana pun"},
    "reason.ambiguous_region": {
        "en": "bare name shared by a kabupaten and a kota, no context to tell them apart",
        "id": "nama tanpa keterangan dipakai oleh satu kabupaten dan satu kota, tanpa konteks "
              "untuk membedakannya"},
    "reason.code_name_mismatch": {
        "en": "the region code and the region name point at different regions",
        "id": "kode wilayah dan nama wilayah menunjuk wilayah yang berbeda"},
    "reason.duplicate": {
        "en": "same region, year and indicator already kept (from this or an earlier source)",
        "id": "wilayah, tahun dan indikator yang sama sudah disimpan (dari sumber ini atau "
              "sumber sebelumnya)"},
    "reason.out_of_range": {"en": "value outside the range the indicator allows",
                            "id": "nilai di luar rentang yang diizinkan indikator"},
    "reason.not_a_number": {"en": "value could not be read as a number",
                            "id": "nilai tidak dapat dibaca sebagai angka"},
    "reason.missing_value": {"en": "cell is empty", "id": "sel kosong"},
    "reason.zero_coded_missing": {"en": "zero that stands for a missing value",
                                  "id": "angka nol yang berarti nilai kosong"},
    "reason.implausible_value": {
        "en": "value contradicts the published figure or its neighbours",
        "id": "nilai bertentangan dengan angka terbitan atau nilai di sekitarnya"},
    "reason.copy_down": {"en": "identical value repeated across provinces split from one parent",
                         "id": "nilai yang sama diulang pada provinsi hasil pemekaran satu induk"},
    "reason.pseudo_unit": {
        "en": "geometry that is not a kabupaten/kota (lake, reservoir, forest)",
        "id": "geometri yang bukan kabupaten/kota (danau, waduk, hutan)"},
    "reason.null_geometry": {"en": "feature without a shape", "id": "fitur tanpa bentuk"},
    "reason.bad_year": {"en": "year missing or outside the supported range",
                        "id": "tahun kosong atau di luar rentang yang didukung"},
    "reason.inconsistent_total": {
        "en": "a total or percentage disagrees with the counts it summarises (reported, never "
              "corrected)",
        "id": "jumlah atau persentase tidak sesuai dengan angka yang diringkasnya (dilaporkan, "
              "tidak pernah dikoreksi)"},
    "reason.method_unknown": {
        "en": "contraceptive method outside the KBPP vocabulary (kondom, suntik, pil, AKDR, "
              "MOP, MOW, implan, MAL)",
        "id": "metode kontrasepsi di luar daftar KBPP (kondom, suntik, pil, AKDR, MOP, MOW, "
              "implan, MAL)"},
    "reason.after_kbpp_window": {
        "en": "method started more than 42 days after delivery: not KBPP",
        "id": "metode dimulai lebih dari 42 hari setelah persalinan: bukan KBPP"},
    "reason.not_postpartum": {
        "en": "acceptor not flagged as postpartum (KB pasca persalinan = no)",
        "id": "peserta tidak ditandai pasca persalinan (KB pasca persalinan = tidak)"},
    "reason.bad_date": {"en": "date missing or unreadable",
                        "id": "tanggal kosong atau tidak terbaca"},
    "reason.date_out_of_range": {"en": "date outside the supported period",
                                 "id": "tanggal di luar periode yang didukung"},
    "reason.not_yes_no": {
        "en": "a yes/no field holding something other than ya/tidak, yes/no, 1/0",
        "id": "kolom ya/tidak berisi selain ya/tidak, yes/no, 1/0"},
    "reason.conflicting_duplicate": {
        "en": "same regency and year given with different values by two rows or files; every "
              "version rejected",
        "id": "kabupaten/kota dan tahun yang sama diberi nilai berbeda oleh dua baris atau "
              "berkas; semua versi ditolak"},
    "reason.unit_mismatch": {"en": "the file's unit column disagrees with the indicator's unit",
                             "id": "kolom satuan berkas tidak sesuai dengan satuan indikator"},
    "reason.not_derivable": {
        "en": "a derived value cannot be computed from its inputs (e.g. a zero divisor)",
        "id": "nilai turunan tidak dapat dihitung dari masukannya (misalnya pembagi nol)"},
    "reason.malformed_row": {"en": "row has a different number of fields than the header",
                             "id": "jumlah isian baris berbeda dengan jumlah kolom judul"},
    "reason.conflicting_sources": {
        "en": "one region-year printed with different values by two sources; the rule in "
              "data/SOURCES.md picks one or none, the rest is here",
        "id": "satu wilayah-tahun dicetak dengan nilai berbeda oleh dua sumber; aturan di "
              "data/SOURCES.md memilih satu atau tidak sama sekali, sisanya ada di sini"},
    "reason.disagrees_official": {
        "en": "a printed province value that differs from the province series (a copy of the Ministry of Health table)",
        "id": "nilai provinsi tercetak yang berbeda dengan seri provinsi (salinan tabel Kemenkes)"},
    "reason.aggregate_row": {
        "en": "a total of a higher level (the province line of a regency table, the national "
              "line of a province table): not a value of the table's level",
        "id": "jumlah tingkat lebih tinggi (baris provinsi pada tabel kabupaten/kota, baris "
              "nasional pada tabel provinsi): bukan nilai tingkat tabel"},
    "reason.unknown_indicator": {"en": "the indikator text names no indicator the project knows",
                                 "id": "teks indikator tidak menyebut indikator yang dikenal"},

    # -- data check (kbanalysis.sources.check): what a file's author should have written -------
    "check.expected.malformed_row": {
        "en": "as many fields as the header",
        "id": "isian sebanyak kolom pada baris judul"},
    "check.expected.bad_year": {
        "en": "a four-digit year",
        "id": "tahun empat digit"},
    "check.expected.unknown_region": {
        "en": "a known kabupaten/kota or province",
        "id": "kabupaten/kota atau provinsi yang dikenal"},
    "check.expected.ambiguous_region": {
        "en": "a region name that is not ambiguous",
        "id": "nama wilayah yang tidak ambigu"},
    "check.expected.unknown_indicator": {
        "en": "an indikator text naming a known indicator",
        "id": "teks indikator yang menyebut indikator yang dikenal"},
    "check.expected.code_name_mismatch": {
        "en": "a region code and name of the same region",
        "id": "kode dan nama dari wilayah yang sama"},
    "check.expected.duplicate": {
        "en": "one row per region and year",
        "id": "satu baris per wilayah dan tahun"},
    "check.expected.unit_mismatch": {
        "en": "the indicator's unit",
        "id": "satuan indikator"},
    "check.expected.not_a_number": {
        "en": "a number",
        "id": "angka"},
    "check.expected.missing_value": {
        "en": "a value",
        "id": "ada nilai"},
    "check.expected.inconsistent_total": {
        "en": "counts that agree with each other (a part no larger than its whole)",
        "id": "angka yang saling sesuai (bagian tidak lebih besar dari keseluruhannya)"},
    "check.expected.out_of_range": {
        "en": "a value inside the indicator's range",
        "id": "nilai di dalam rentang indikator"},
    "check.existing_file": {
        "en": "an existing file",
        "id": "berkas yang ada"},
    "check.binary_csv": {
        "en": "a text file: CSV saved as UTF-8 or cp1252 (save UTF-16 'Unicode text' and .xls "
              "files as 'CSV UTF-8')",
        "id": "berkas teks: CSV yang disimpan sebagai UTF-8 atau cp1252 (simpan berkas UTF-16 "
              "'Unicode text' dan .xls sebagai 'CSV UTF-8')"},
    "got.binary_data": {
        "en": "binary data",
        "id": "data biner"},
    "got.missing": {
        "en": "missing",
        "id": "tidak ada"},
    "got.none": {
        "en": "none",
        "id": "tidak ada"},
    "got.no_csv_header": {
        "en": "no CSV header",
        "id": "tidak ada baris judul CSV"},
    "check.format_column": {
        "en": "column {column!r} of format {format}",
        "id": "kolom {column!r} dari format {format}"},
    "check.format_requirement": {
        "en": "{requirement} (format {format})",
        "id": "{requirement} (format {format})"},
    "check.req.no_regency_columns": {
        "en": "no kabupaten/kota columns",
        "id": "tanpa kolom kabupaten/kota"},
    "check.req.one_value_column": {
        "en": "one value column of {columns}",
        "id": "satu kolom nilai dari {columns}"},
    "check.req.susenas_columns": {
        "en": "columns {columns}",
        "id": "kolom {columns}"},
    "check.req.value_column": {
        "en": "a value column named like {pattern}",
        "id": "kolom nilai dengan nama seperti {pattern}"},
    "check.req.no_province_code": {
        "en": "no province_code column",
        "id": "tanpa kolom province_code"},
    # Published tables whose region column is "wilayah_tercetak" (engineer 5: facility births)
    "check.req.published_region": {
        "en": "a region column 'wilayah' (or 'wilayah_tercetak')",
        "id": "kolom wilayah 'wilayah' (atau 'wilayah_tercetak')"},
    "check.known_format": {
        "en": "a file of a known format: {formats}",
        "id": "berkas dengan format yang dikenal: {formats}"},
    "check.valid_json": {
        "en": "valid JSON",
        "id": "JSON yang sah"},

    # -- CSV rows (kbanalysis.sources.rows) ----------------------------------------------------
    "rows.year_rule": {
        "en": "from {low} to {high}",
        "id": "dari {low} sampai {high}"},
    "rows.not_a_year": {
        "en": "not a four-digit year {rule}: {text!r}",
        "id": "bukan tahun empat digit {rule}: {text!r}"},
    "rows.fields_count": {
        "en": "{fields} fields, header has {header}",
        "id": "{fields} isian, baris judul punya {header}"},
    "rows.text_file": {
        "en": "a text file (UTF-8 or cp1252 CSV; save UTF-16 or .xls files as CSV UTF-8)",
        "id": "berkas teks (CSV UTF-8 atau cp1252; simpan berkas UTF-16 atau .xls sebagai CSV "
              "UTF-8)"},
    "rows.encoding_text": {
        "en": "{encoding} text",
        "id": "teks {encoding}"},
    "got.byte": {
        "en": "byte {position}",
        "id": "byte ke-{position}"},
    "rows.valid_csv": {
        "en": "valid CSV",
        "id": "CSV yang sah"},
    "rows.header_row": {
        "en": "a header row",
        "id": "baris judul"},
    "got.empty_file": {
        "en": "an empty file",
        "id": "berkas kosong"},
    "rows.data_rows": {
        "en": "data rows below the header",
        "id": "baris data di bawah baris judul"},
    "got.only_header": {
        "en": "only the header",
        "id": "hanya baris judul"},
    "rows.columns": {
        "en": "columns {columns}",
        "id": "kolom {columns}"},

    # -- Shared reader details (kbanalysis.sources.base and the CSV readers) -------------------
    "base.must_lie_in": {
        "en": "{indicator} must lie in [{low}, {high}]",
        "id": "{indicator} harus di antara {low} dan {high}"},

    # -- Region names and codes (kbanalysis.regions) -------------------------------------------
    "join.or": {
        "en": "{a} or {b}",
        "id": "{a} atau {b}"},
    "join.and": {
        "en": "{a} and {b}",
        "id": "{a} dan {b}"},
    "join.but": {
        "en": "{a} but {b}",
        "id": "{a} tetapi {b}"},
    "regions.unknown_province_code": {
        "en": "unknown {system} province code {text!r}",
        "id": "kode provinsi {system} {text!r} tidak dikenal"},
    "regions.unknown_province": {
        "en": "unknown province {text!r}",
        "id": "provinsi {text!r} tidak dikenal"},
    "regions.closest": {
        "en": "{message}; closest: {names}",
        "id": "{message}; yang paling mirip: {names}"},
    "regions.ambiguous_name": {
        "en": "{name!r} is ambiguous ({names}): add Kabupaten or Kota, or give the code",
        "id": "{name!r} ambigu ({names}): tambahkan Kabupaten atau Kota, atau tulis kodenya"},
    "regions.only_of_kind": {
        "en": "{name!r}: the only {key} is {label}",
        "id": "{name!r}: satu-satunya {key} adalah {label}"},
    "regions.unknown_regency": {
        "en": "unknown kabupaten/kota {name!r}",
        "id": "kabupaten/kota {name!r} tidak dikenal"},
    "regions.unknown_regency_in": {
        "en": "unknown kabupaten/kota {name!r} in {province}",
        "id": "kabupaten/kota {name!r} di {province} tidak dikenal"},
    "regions.dotted_not_bps": {
        "en": "{text!r} is written as a Kemendagri code (with a dot), not as a BPS code",
        "id": "{text!r} ditulis sebagai kode Kemendagri (dengan titik), bukan kode BPS"},
    "regions.unknown_regency_code": {
        "en": "unknown {system} regency code {text!r}",
        "id": "kode kabupaten/kota {system} {text!r} tidak dikenal"},
    "regions.system_code_is": {
        "en": "{system} code {code!r} is {label}",
        "id": "kode {system} {code!r} adalah {label}"},
    "regions.not_in_province": {
        "en": "{codes}, not in {province}",
        "id": "{codes}, bukan di {province}"},
    "regions.no_regency_code": {
        "en": "{code!r} is no {systems} regency code",
        "id": "{code!r} bukan kode kabupaten/kota {systems}"},
    "regions.in_coding": {
        "en": "{label} in {system} coding",
        "id": "{label} dalam pengodean {system}"},
    "regions.code_is": {
        "en": "{code!r} is {labels}",
        "id": "{code!r} adalah {labels}"},
    "regions.declare_system": {
        "en": "{message}: declare the file's code system (--code-system bps or kemendagri)",
        "id": "{message}: nyatakan sistem kode berkas (--code-system bps atau kemendagri)"},
    "regions.not_that_regency": {
        "en": "not that regency",
        "id": "kabupaten/kota lain"},
    "regions.but_name_is": {
        "en": "{codes}, but the name {name!r} is {named}",
        "id": "{codes}, tetapi nama {name!r} menunjuk {named}"},
    "regions.code_and_name_unknown": {
        "en": "code {code!r} is no {systems} regency code and the name {name!r} matches no "
              "kabupaten/kota",
        "id": "kode {code!r} bukan kode kabupaten/kota {systems} dan nama {name!r} tidak cocok "
              "dengan kabupaten/kota mana pun"},
    "regions.code_pair_mismatch": {
        "en": "code {code!r} is {label}, the name column's code {name_code!r} is {name_label}",
        "id": "kode {code!r} adalah {label}, kode di kolom nama {name_code!r} adalah {name_label}"},

    # -- Population tables (kbanalysis.sources.population) -------------------------------------
    "pop.year_suffix": {
        "en": "a year {rule} as the column's suffix",
        "id": "tahun {rule} sebagai akhiran nama kolom"},
    "pop.value_column_like": {
        "en": "a value column named like {pattern}",
        "id": "kolom nilai dengan nama seperti {pattern}"},
    "read.already_read": {
        "en": "{label} already read from row {row}",
        "id": "{label} sudah dibaca dari baris {row}"},
    "pop.count_of_persons": {
        "en": "a count of persons",
        "id": "jumlah orang"},
    "pop.whole_persons": {
        "en": "a whole number of persons",
        "id": "jumlah orang berupa bilangan bulat"},
    "pop.jenis": {
        "en": "jenis must be Kabupaten or Kota, got {jenis!r}",
        "id": "jenis harus Kabupaten atau Kota, ditemukan {jenis!r}"},
    "pop.not_a_kind": {
        "en": "{name!r} is {label}, not a {jenis}",
        "id": "{name!r} adalah {label}, bukan {jenis}"},
    "pop.lists_both": {
        "en": "the 2025 list or the 2020 bridging list",
        "id": "daftar 2025 atau daftar jembatan 2020"},
    "pop.lists_2025": {
        "en": "the 2025 list; no 2020 bridging list was given for pre-2022 codes",
        "id": "daftar 2025; tidak ada daftar jembatan 2020 untuk kode sebelum 2022"},
    "pop.no_dagri_code": {
        "en": "{written!r} is no Kemendagri regency code ({lists})",
        "id": "{written!r} bukan kode kabupaten/kota Kemendagri ({lists})"},
    "pop.dagri_code_but_name": {
        "en": "Kemendagri code {written!r} is {labels}, but the name {name!r} is {label}",
        "id": "kode Kemendagri {written!r} adalah {labels}, tetapi nama {name!r} adalah {label}"},
    "pop.parts_differ": {
        "en": "the parts of {name!r} name different regencies: {labels}",
        "id": "bagian-bagian {name!r} menyebut kabupaten/kota yang berbeda: {labels}"},

    # -- Open Data Jabar tables (kbanalysis.sources.jabar_opendata) ----------------------------
    "od.one_value_column": {
        "en": "exactly one value column of {columns}",
        "id": "tepat satu kolom nilai dari {columns}"},
    "od.unit_is": {
        "en": "{indicator} is in {unit}",
        "id": "{indicator} dalam satuan {unit}"},
    "od.zero_whole_region": {
        "en": "{indicator} cannot be exactly 0 for a whole region",
        "id": "{indicator} tidak mungkin tepat 0 untuk satu wilayah utuh"},
    "od.province_mismatch": {
        "en": "province code {code!r} is {by_code}, name {name!r} is {by_name}",
        "id": "kode provinsi {code!r} adalah {by_code}, nama {name!r} adalah {by_name}"},
    "read.code_not_of_system": {
        "en": "code {code!r} is no regency code of the file's system ({system}), the name is "
              "{label}",
        "id": "kode {code!r} bukan kode kabupaten/kota dalam sistem berkas ({system}), namanya "
              "adalah {label}"},
    "od.not_in_province": {
        "en": "{label} is not in province {code!r}",
        "id": "{label} tidak berada di provinsi {code!r}"},

    # -- Susenas and SSGI tables (kbanalysis.sources.susenas, .ssgi) ---------------------------
    "susenas.year_column": {
        "en": "a column name ending in a year {rule}",
        "id": "nama kolom yang diakhiri tahun {rule}"},
    "susenas.code_but_name": {
        "en": "{system} code {code!r} is {label}, the name {name!r} is {name_label}",
        "id": "kode {system} {code!r} adalah {label}, nama {name!r} adalah {name_label}"},

    # -- SIGA programme exports (kbanalysis.sources.siga) --------------------------------------
    "siga.part_above": {
        "en": "{part} {count} > {total} {total_count}",
        "id": "{part} {count} > {total} {total_count}"},
    "siga.part_above_shown": {
        "en": "{part} {count} > {total} {total_count} ({shown} {shown_count})",
        "id": "{part} {count} > {total} {total_count} ({shown} {shown_count})"},
    "siga.part_above_either": {
        "en": "{part} {count} > {total} {total_count} and > {other} {other_count}",
        "id": "{part} {count} > {total} {total_count} dan > {other} {other_count}"},
    "siga.kept_for": {
        "en": "{problem}; the row still counts for {indicator}: {columns} agree with the other "
              "counts",
        "id": "{problem}; baris tetap dihitung untuk {indicator}: {columns} sesuai dengan "
              "angka lainnya"},
    "siga.parts_above": {
        "en": "{parts} = {count} > {total} {total_count}",
        "id": "{parts} = {count} > {total} {total_count}"},
    "siga.parts_differ": {
        "en": "{parts} = {count} but {total} = {total_count}",
        "id": "{parts} = {count} tetapi {total} = {total_count}"},
    "siga.methods_above": {
        "en": "methods sum to {count} > {total} {total_count}",
        "id": "jumlah metode {count} > {total} {total_count}"},
    "siga.methods_differ": {
        "en": "methods ({methods}) sum to {count} but {total} = {total_count}",
        "id": "jumlah metode ({methods}) {count} tetapi {total} = {total_count}"},
    "siga.year_for_export": {
        "en": "a year {rule} for this export (no column holds it: pass it with year=)",
        "id": "tahun {rule} untuk ekspor ini (tidak ada kolom tahun: berikan dengan year=)"},
    "siga.month_name": {
        "en": "an Indonesian month name, JANUARI ... DESEMBER",
        "id": "nama bulan bahasa Indonesia, JANUARI ... DESEMBER"},
    "siga.persons_zero_or_more": {
        "en": "a count of persons (0 or more)",
        "id": "jumlah orang (0 atau lebih)"},
    "siga.same_desa": {
        "en": "same desa as row {row}",
        "id": "desa yang sama dengan baris {row}"},
    "siga.same_desa_month": {
        "en": "same desa and month as row {row}",
        "id": "desa dan bulan yang sama dengan baris {row}"},
    "read.whole_number": {
        "en": "a whole number",
        "id": "bilangan bulat"},
    "siga.no_desa_row": {
        "en": "no row for this desa and month in {file}: left out of modern_cpr_pct",
        "id": "tidak ada baris untuk desa dan bulan ini di {file}: tidak dihitung dalam "
              "modern_cpr_pct"},
    "siga.zero_denominator": {
        "en": "{indicator} of {code}: {denominator} sums to 0",
        "id": "{indicator} untuk {code}: jumlah {denominator} adalah 0"},
    "siga.zero_denominator_month": {
        "en": "{indicator} of {code} month {month}: {denominator} sums to 0",
        "id": "{indicator} untuk {code} bulan {month}: jumlah {denominator} adalah 0"},

    # -- Published value tables (kbanalysis.sources.published) ---------------------------------
    "join.comma": {
        "en": "{a}, {b}",
        "id": "{a}, {b}"},
    "join.vs": {
        "en": "{a} vs {b}",
        "id": "{a} vs {b}"},
    "pub.known_indicators": {
        "en": "known: KBPP coverage (cakupan peserta KB pasca persalinan terhadap ibu "
              "bersalin), stunting prevalence naming its survey (SSGI/SKI) or routine weighing, "
              "deliveries in a health facility (cakupan persalinan di fasilitas pelayanan "
              "kesehatan), the Susenas shares of mothers using a modern method after delivery "
              "or counselled on KBPP",
        "id": "yang dikenal: cakupan KBPP (cakupan peserta KB pasca persalinan terhadap ibu "
              "bersalin), prevalensi stunting yang menyebut surveinya (SSGI/SKI) atau "
              "penimbangan rutin, cakupan persalinan di fasilitas pelayanan kesehatan, "
              "persentase ibu Susenas yang memakai metode modern setelah persalinan atau "
              "mendapat konseling KBPP"},
    "pub.indikator_names_year": {
        "en": "the indikator names {named}, not {year}",
        "id": "indikator menyebut {named}, bukan {year}"},
    "pub.in_percent": {
        "en": "{indicator} is in percent (persen)",
        "id": "{indicator} dalam persen"},
    "pub.level_values": {
        "en": "level must be kabkota, provinsi or nasional",
        "id": "level harus kabkota, provinsi atau nasional"},
    "pub.national_figure": {
        "en": "national figure {value:g} ({year}): the tidy table has no national level",
        "id": "angka nasional {value:g} ({year}): tabel rapi tidak punya tingkat nasional"},
    "pub.province_line": {
        "en": "province line {wilayah!r} is {named}, but provinsi {printed!r} is {province}",
        "id": "baris provinsi {wilayah!r} adalah {named}, tetapi provinsi {printed!r} adalah "
              "{province}"},
    "pub.ambiguous": {
        "en": "{wilayah!r} is ambiguous ({labels})",
        "id": "{wilayah!r} ambigu ({labels})"},
    "pub.disagrees": {
        "en": "{label} {year}: printed {value:g} at {url}; province series {official:g} "
              "({where} row {row})",
        "id": "{label} {year}: tercetak {value:g} di {url}; seri provinsi {official:g} ({where} "
              "baris {row})"},
    "pub.same_kept": {
        "en": "{label} {year}: same value already kept from row {row} ({url})",
        "id": "{label} {year}: nilai yang sama sudah disimpan dari baris {row} ({url})"},
    "pub.kept": {
        "en": "kept {value:g}",
        "id": "disimpan {value:g}"},
    "pub.none_used": {
        "en": "none used: no value printed by more pages or in a complete list",
        "id": "tidak ada yang dipakai: tidak ada nilai yang dicetak oleh lebih banyak halaman "
              "atau dalam daftar lengkap"},
    "pub.conflict": {
        "en": "{label} {year}: {described}; {outcome}",
        "id": "{label} {year}: {described}; {outcome}"},
    "pub.url_row": {
        "en": "{url} row {row}",
        "id": "{url} baris {row}"},
    "pub.url_row_complete": {
        "en": "{url} row {row} (complete list)",
        "id": "{url} baris {row} (daftar lengkap)"},
    "pub.value_at": {
        "en": "{value:g} at {places}",
        "id": "{value:g} di {places}"},
    "pub.kbpp_only": {
        "en": "a KBPP coverage table holds {kbpp} only, this row is {indicator}",
        "id": "tabel cakupan KBPP hanya berisi {kbpp}, baris ini adalah {indicator}"},
    "pub.kbpp_province_line": {
        "en": "{province} {year} coverage {value:g} %: the KBPP table holds kab/kota only",
        "id": "cakupan {province} {year} {value:g} %: tabel KBPP hanya berisi kabupaten/kota"},
    "pub.coverage_in_file": {
        "en": "{value:g} in {file} row {row}",
        "id": "{value:g} di {file} baris {row}"},
    "pub.coverage_conflict": {
        "en": "{code} {year}: coverage {versions}",
        "id": "{code} {year}: cakupan {versions}"},
    "pub.coverage_given": {
        "en": "{code} {year} coverage already given by {where}",
        "id": "{code} {year}: cakupan sudah diberikan oleh {where}"},
    "read.file_row": {
        "en": "{file} row {row}",
        "id": "{file} baris {row}"},
    "pub.coverage_vs_counts": {
        "en": "{code} {year}: printed coverage {value:g}, the counts give {known:.2f}",
        "id": "{code} {year}: cakupan tercetak {value:g}, dari angka-angkanya {known:.2f}"},

    # -- Code lists, shapes, province SSGI (sources.kode_wilayah, .geometry, .ssgi_province) ---
    "codes.numeric_code": {
        "en": "a numeric region code",
        "id": "kode wilayah berupa angka"},
    "codes.already_on_row": {
        "en": "code already on row {row}",
        "id": "kode sudah ada di baris {row}"},
    "codes.region_name": {
        "en": "a region name",
        "id": "nama wilayah"},
    "codes.list_not_found": {
        "en": "the region code list (file not found)",
        "id": "daftar kode wilayah (berkas tidak ditemukan)"},
    "codes.bad_row": {
        "en": "{detail} ({reason})",
        "id": "{detail} ({reason})"},
    "geo.topojson_file": {
        "en": "a TopoJSON file",
        "id": "berkas TopoJSON"},
    "geo.topology": {
        "en": "a TopoJSON object with \"type\": \"Topology\"",
        "id": "objek TopoJSON dengan \"type\": \"Topology\""},
    "geo.object": {
        "en": "object {name!r}",
        "id": "objek {name!r}"},
    "geo.not_regency": {
        "en": "id {id} is not a kabupaten/kota",
        "id": "id {id} bukan kabupaten/kota"},
    "geo.no_bps_code": {
        "en": "id {id} is no BPS 2020 regency code",
        "id": "id {id} bukan kode kabupaten/kota BPS 2020"},
    "geo.geometry_type": {
        "en": "id {id}: geometry type {type}",
        "id": "id {id}: jenis geometri {type}"},
    "geo.arcs": {
        "en": "id {id}: arcs cannot be decoded ({error})",
        "id": "id {id}: arc tidak dapat diuraikan ({error})"},
    "geo.no_area": {
        "en": "id {id}: the shape has no area (over-simplified)",
        "id": "id {id}: bentuknya tidak punya luas (terlalu disederhanakan)"},
    # GeoJSON regency shapes (engineer 5: the complete boundary file)
    "geo.geojson_file": {
        "en": "a GeoJSON file",
        "id": "berkas GeoJSON"},
    "geo.feature_collection": {
        "en": "a GeoJSON object with \"type\": \"FeatureCollection\"",
        "id": "objek GeoJSON dengan \"type\": \"FeatureCollection\""},
    "geo.geojson_code": {
        "en": "property bps_code {id!r} is no BPS 2020 regency code",
        "id": "properti bps_code {id!r} bukan kode kabupaten/kota BPS 2020"},
    "geo.shape_error": {
        "en": "code {id}: the shape cannot be read ({error})",
        "id": "kode {id}: bentuknya tidak dapat dibaca ({error})"},
    "ssgi.copy_down": {
        "en": "{value:g} in {year} shared by {names} (provinces split from one parent)",
        "id": "{value:g} pada {year} sama untuk {names} (provinsi hasil pemekaran satu induk)"},

    # -- KBPP files (kbanalysis.sources.kbpp_import) -------------------------------------------
    "kbpp.expected.unknown_region": {
        "en": "a known kabupaten/kota",
        "id": "kabupaten/kota yang dikenal"},
    "kbpp.expected.ambiguous_region": {
        "en": "a kabupaten/kota name that is not ambiguous (add Kabupaten or Kota)",
        "id": "nama kabupaten/kota yang tidak ambigu (tambahkan Kabupaten atau Kota)"},
    "kbpp.expected.code_name_mismatch": {
        "en": "a region code and name of the same kabupaten/kota",
        "id": "kode dan nama dari kabupaten/kota yang sama"},
    "kbpp.expected.duplicate": {
        "en": "one row per kabupaten/kota and year",
        "id": "satu baris per kabupaten/kota dan tahun"},
    "kbpp.expected.conflicting_duplicate": {
        "en": "one value per kabupaten/kota and year",
        "id": "satu nilai per kabupaten/kota dan tahun"},
    "kbpp.expected.not_a_number": {
        "en": "a number",
        "id": "angka"},
    "kbpp.expected.missing_value": {
        "en": "a value",
        "id": "ada nilai"},
    "kbpp.expected.out_of_range": {
        "en": "a value inside the allowed range",
        "id": "nilai di dalam rentang yang diizinkan"},
    "kbpp.expected.bad_year": {
        "en": "a four-digit year",
        "id": "tahun empat digit"},
    "kbpp.expected.malformed_row": {
        "en": "as many fields as the header",
        "id": "isian sebanyak kolom pada baris judul"},
    "kbpp.expected.inconsistent_total": {
        "en": "totals and percentages that agree with their counts",
        "id": "jumlah dan persentase yang sesuai dengan angka-angkanya"},
    "kbpp.expected.not_derivable": {
        "en": "every value the total needs",
        "id": "semua nilai yang dibutuhkan untuk menghitung jumlahnya"},
    "kbpp.expected.method_unknown": {
        "en": "one of Kondom, Suntik, Pil, AKDR, MOP, MOW, Implan, MAL",
        "id": "salah satu dari Kondom, Suntik, Pil, AKDR, MOP, MOW, Implan, MAL"},
    "kbpp.expected.bad_date": {
        "en": "a date such as 2023-05-17 or 17/05/2023",
        "id": "tanggal seperti 2023-05-17 atau 17/05/2023"},
    "kbpp.expected.date_out_of_range": {
        "en": "a date inside the supported years",
        "id": "tanggal di dalam tahun yang didukung"},
    "kbpp.expected.not_yes_no": {
        "en": "ya or tidak (yes/no, 1/0)",
        "id": "ya atau tidak (yes/no, 1/0)"},
    "kbpp.expected.conflicting_sources": {
        "en": "one printed value per kabupaten/kota and year",
        "id": "satu nilai tercetak per kabupaten/kota dan tahun"},
    "kbpp.expected.unknown_indicator": {
        "en": "KBPP coverage (acceptors over deliveries) in the indikator text",
        "id": "cakupan KBPP (peserta dibagi persalinan) dalam teks indikator"},
    "kbpp.nothing_usable": {
        "en": "at least one regency-year of usable KBPP data",
        "id": "paling sedikit satu kabupaten/kota-tahun dengan data KBPP yang dapat dipakai"},
    "kbpp.remedy_fix": {
        "en": "fix them",
        "id": "perbaiki masalahnya"},
    "kbpp.remedy_fix_or_allow": {
        "en": "fix them, or pass --allow-rejects to build without the rejected values",
        "id": "perbaiki masalahnya, atau tambahkan --allow-rejects untuk membangun tanpa nilai "
              "yang ditolak"},
    "kbpp.rejected": {
        "en": "KBPP files the build can use; nothing was written ({remedy})",
        "id": "berkas KBPP yang dapat dipakai untuk membangun tabel; tidak ada yang ditulis "
              "({remedy})"},
    "got.problem_count": {
        "en": "{count} problem",
        "id": "{count} masalah"},
    "got.problems_count": {
        "en": "{count} problems",
        "id": "{count} masalah"},
    "kbpp.must_be": {
        "en": "{code} {year}: {column} must be {expected}",
        "id": "{code} {year}: {column} harus {expected}"},
    "kbpp.conflict": {
        "en": "{code} {year}: {name} is {first} in {first_where} but {other} in {other_where}",
        "id": "{code} {year}: {name} bernilai {first} di {first_where} tetapi {other} di "
              "{other_where}"},
    "kbpp.same_values": {
        "en": "{code} {year} already given with the same values by {where}",
        "id": "{code} {year} sudah diberikan dengan nilai yang sama oleh {where}"},
    "kbpp.no_acceptors": {
        "en": "{code} {year}: no file gives the KBPP acceptors ({methods}, or kbpp_total)",
        "id": "{code} {year}: tidak ada berkas yang memberi peserta KBPP ({methods}, atau "
              "kbpp_total)"},
    "kbpp.missing_methods": {
        "en": "{code} {year}: no file gives {missing} (give all eight method counts, or the "
              "total alone)",
        "id": "{code} {year}: tidak ada berkas yang memberi {missing} (berikan kedelapan "
              "jumlah metode, atau jumlahnya saja)"},
    "kbpp.methods_vs_total": {
        "en": "{code} {year}: the methods sum to {total} ({where}) but kbpp_total is "
              "{kbpp_total} ({total_where})",
        "id": "{code} {year}: jumlah metode {total} ({where}) tetapi kbpp_total {kbpp_total} "
              "({total_where})"},
    "kbpp.deliveries_zero": {
        "en": "{code} {year}: coverage needs deliveries above 0",
        "id": "{code} {year}: cakupan membutuhkan persalinan lebih dari 0"},
    "kbpp.above_deliveries": {
        "en": "{code} {year}: {total} KBPP acceptors but {deliveries} deliveries (coverage "
              "above 100 %)",
        "id": "{code} {year}: {total} peserta KBPP tetapi {deliveries} persalinan (cakupan di "
              "atas 100 %)"},
    "kbpp.opendata_columns": {
        "en": "open-data columns {required} and one of {values}",
        "id": "kolom data terbuka {required} dan salah satu dari {values}"},
    "kbpp.whole_count": {
        "en": "expected a whole count >= 0",
        "id": "harus bilangan bulat >= 0"},

    # -- Profil Kesehatan tables (kbanalysis.sources.profil_kesehatan) -------------------------
    "join.semicolon": {
        "en": "{a}; {b}",
        "id": "{a}; {b}"},
    "pk.xlsx_or_csv": {
        "en": "a .xlsx or .csv file",
        "id": "berkas .xlsx atau .csv"},
    "pk.readable_xlsx": {
        "en": "a readable .xlsx workbook",
        "id": "buku kerja .xlsx yang dapat dibaca"},
    "pk.sheet_named": {
        "en": "a sheet named {sheet!r}; the workbook's sheets are {sheets}",
        "id": "lembar bernama {sheet!r}; lembar dalam buku kerja ini: {sheets}"},
    "pk.sheet_with_table": {
        "en": "a sheet with the KBPP table (a header row naming Kondom, Suntik, Pil, AKDR, MOP, "
              "MOW, Implan, MAL)",
        "id": "lembar berisi tabel KBPP (baris judul yang menyebut Kondom, Suntik, Pil, AKDR, "
              "MOP, MOW, Implan, MAL)"},
    "pk.one_sheet": {
        "en": "one sheet with the KBPP table, but {count} sheets have it: {names}; choose one "
              "with --sheet NAME (sheet=NAME in Python)",
        "id": "satu lembar berisi tabel KBPP, tetapi {count} lembar memilikinya: {names}; "
              "pilih salah satu dengan --sheet NAMA (sheet=NAMA di Python)"},
    "pk.method_header": {
        "en": "a header row naming the contraceptive methods (Kondom, Suntik, Pil, AKDR, MOP, "
              "MOW, Implan, MAL)",
        "id": "baris judul yang menyebut metode kontrasepsi (Kondom, Suntik, Pil, AKDR, MOP, "
              "MOW, Implan, MAL)"},
    "pk.table_columns": {
        "en": "the columns of the KBPP table: No, Kecamatan/Puskesmas or Kabupaten/Kota, Jumlah "
              "Ibu Bersalin, count and % per method, Jumlah",
        "id": "kolom tabel KBPP: No, Kecamatan/Puskesmas atau Kabupaten/Kota, Jumlah Ibu "
              "Bersalin, jumlah dan % per metode, Jumlah"},
    "pk.puskesmas_or_regency": {
        "en": "Puskesmas or Kabupaten/Kota",
        "id": "Puskesmas atau Kabupaten/Kota"},
    "pk.title_year": {
        "en": "the year in the title (TAHUN 2023) or year=...",
        "id": "tahun pada judul (TAHUN 2023) atau year=..."},
    "got.no_data_rows": {
        "en": "no data rows",
        "id": "tidak ada baris data"},
    "pk.named_row_no_numbers": {
        "en": "a named row without any numbers",
        "id": "baris bernama tanpa angka sama sekali"},
    "pk.not_a_number": {
        "en": "not a number",
        "id": "bukan angka"},
    "pk.empty": {
        "en": "empty",
        "id": "kosong"},
    "pk.what_value": {
        "en": "{what} ({value!r})",
        "id": "{what} ({value!r})"},
    "pk.acceptors_above": {
        "en": "{acceptors} KBPP acceptors above {deliveries} deliveries (coverage above 100 %)",
        "id": "{acceptors} peserta KBPP melebihi {deliveries} persalinan (cakupan di atas 100 %)"},
    "pk.jumlah_not_number": {
        "en": "written Jumlah not used: KBPP acceptors are the sum of the methods",
        "id": "Jumlah yang tertulis tidak dipakai: peserta KBPP adalah jumlah semua metode"},
    "pk.methods_sum": {
        "en": "the methods sum to {total}; written Jumlah not used",
        "id": "jumlah semua metode {total}; Jumlah yang tertulis tidak dipakai"},
    "pk.puskesmas_above": {
        "en": "{acceptors} KBPP acceptors above {deliveries} deliveries at this puskesmas; "
              "kept, the regency total is checked",
        "id": "{acceptors} peserta KBPP melebihi {deliveries} persalinan di puskesmas ini; "
              "tetap disimpan, yang diperiksa adalah jumlah kabupaten/kota"},
    "pk.pct_not_number": {
        "en": "a % cell that is not a number",
        "id": "sel % yang bukan angka"},
    "pk.percentage": {
        "en": "a percentage from 0 to 100",
        "id": "persentase dari 0 sampai 100"},
    "pk.deliveries": {
        "en": "deliveries",
        "id": "persalinan"},
    "pk.acceptors": {
        "en": "KBPP acceptors",
        "id": "peserta KBPP"},
    "pk.pct_is": {
        "en": "{count} of {base} {of} is {pct:.2f} %",
        "id": "{count} dari {base} {of} adalah {pct:.2f} %"},
    "pk.rows_sum": {
        "en": "the rows sum to {total}; total row not used",
        "id": "jumlah semua baris {total}; baris jumlah tidak dipakai"},
    "pk.a_regency": {
        "en": "a kabupaten/kota",
        "id": "kabupaten/kota"},
    "pk.title_regency": {
        "en": "the kabupaten/kota in the title (KABUPATEN GARUT), or name it with --regency "
              "CODE (the BPS code, e.g. --regency 3205)",
        "id": "kabupaten/kota pada judul (KABUPATEN GARUT), atau sebutkan dengan --regency KODE "
              "(kode BPS, misalnya --regency 3205)"},
    "pk.needs_every_row": {
        "en": "{code} {year}: the regency total needs every puskesmas row; rows {rows} rejected "
              "(correct them: a sum of only some puskesmas would be too low)",
        "id": "{code} {year}: jumlah kabupaten/kota membutuhkan semua baris puskesmas; baris "
              "{rows} ditolak (perbaiki baris itu: jumlah dari sebagian puskesmas saja akan "
              "terlalu kecil)"},

    # -- Profil Kesehatan: title regency, totals by arithmetic, notes, spreadsheets (issue 15) --
    "pk.untyped_regency": {
        "en": "a title naming kabupaten or kota (this name is both); name the regency with "
              "{options}",
        "id": "judul yang menyebut kabupaten atau kota (nama ini dipakai keduanya); sebutkan "
              "wilayahnya dengan {options}"},
    "pk.one_regency_named": {
        "en": "the title, its code and the total row naming one kabupaten/kota (a region code "
              "and name that disagree are not guessed)",
        "id": "judul, kodenya dan baris jumlah yang menyebut satu kabupaten/kota yang sama "
              "(kode dan nama wilayah yang tidak sesuai tidak ditebak)"},
    "pk.one_deliveries": {
        "en": "one column of deliveries (Jumlah Ibu Bersalin), but several match: {names}; "
              "rename the ones that are not the year's deliveries",
        "id": "satu kolom persalinan (Jumlah Ibu Bersalin), tetapi beberapa cocok: {names}; "
              "ganti judul kolom yang bukan jumlah persalinan tahun itu"},
    "pk.targets_not_deliveries": {
        "en": "{expected}; {names} is a target, projection or estimate, not the deliveries",
        "id": "{expected}; {names} adalah sasaran, proyeksi atau estimasi, bukan jumlah "
              "persalinan"},
    "pk.total_row": {
        "en": "total row: checked against the rows, not counted as a puskesmas",
        "id": "baris jumlah: diperiksa terhadap baris-baris di atasnya, tidak dihitung "
              "sebagai puskesmas"},
    "pk.reference_row": {
        "en": "a figure of the province or the nation, a target or an average: not a puskesmas "
              "of the table, not counted",
        "id": "angka provinsi atau nasional, target atau rata-rata: bukan puskesmas tabel ini, "
              "tidak dihitung"},
    "pk.subtotal_row": {
        "en": "subtotal row: checked against its group, not counted as a puskesmas",
        "id": "baris subtotal: diperiksa terhadap kelompoknya, tidak dihitung sebagai "
              "puskesmas"},
    "pk.sum_row": {
        "en": "every count equals the sum of rows {first}-{last}: a total, not counted again",
        "id": "setiap angka sama dengan jumlah baris {first}-{last}: baris jumlah, tidak "
              "dihitung lagi"},
    "pk.note_row": {
        "en": "a note or text row without numbers: not data",
        "id": "baris catatan atau teks tanpa angka: bukan data"},
    "reason.note_row": {
        "en": "a note, footnote or text row without numbers: not data",
        "id": "baris catatan, catatan kaki atau teks tanpa angka: bukan data"},
    "pk.unsaved": {
        "en": "a formula without a saved value: open and save the file in Excel or "
              "LibreOffice",
        "id": "rumus tanpa nilai tersimpan: buka dan simpan di Excel atau LibreOffice"},
    "got.damaged_xlsx": {
        "en": "a damaged file (not a workbook Excel can open): save it again as .xlsx",
        "id": "berkas rusak (bukan buku kerja yang bisa dibuka Excel): simpan ulang sebagai "
              ".xlsx"},
    "cli.template_exists": {
        "en": "{path}: expected a new file name, got an existing file (it may be a filled "
              "workbook); nothing was written. Give another --out, or --force to replace it",
        "id": "{path}: seharusnya nama berkas baru, ditemukan berkas yang sudah ada (mungkin "
              "buku kerja yang sudah diisi); tidak ada yang ditulis. Pakai --out lain, atau "
              "--force untuk menggantinya"},
    "pk.save_as_xlsx": {
        "en": "a .xlsx or .csv file: this spreadsheet format cannot be read here; open it "
              "and save as .xlsx (Excel Workbook)",
        "id": "berkas .xlsx atau .csv: format lembar kerja ini tidak dapat dibaca; buka dan "
              "simpan sebagai .xlsx (Excel Workbook)"},

    # -- Service registers (kbanalysis.sources.registers) --------------------------------------
    "reg.field.delivery_date": {
        "en": "the delivery date",
        "id": "tanggal persalinan"},
    "reg.field.regency": {
        "en": "the regency (code or name)",
        "id": "kabupaten/kota (kode atau nama)"},
    "reg.field.postpartum": {
        "en": "the KBPP yes/no flag",
        "id": "tanda ya/tidak KBPP"},
    "reg.field.method": {
        "en": "the contraceptive method",
        "id": "metode kontrasepsi"},
    "reg.closest_header": {
        "en": "closest header found: {name!r}",
        "id": "judul kolom yang paling mirip: {name!r}"},
    "reg.no_close_header": {
        "en": "no header close to these; headers found: {names}",
        "id": "tidak ada judul kolom yang mirip; judul kolom yang ada: {names}"},
    "reg.birth_date_note": {
        "en": "{found}; {name!r} is not read as the delivery date (it may be the mother's own "
              "date of birth): name it tgl_lahir_bayi if it is the baby's",
        "id": "{found}; {name!r} tidak dibaca sebagai tanggal persalinan (mungkin tanggal "
              "lahir ibu sendiri): namai tgl_lahir_bayi jika itu tanggal lahir bayi"},
    "reg.column_for": {
        "en": "a column for {what}, one of: {aliases} (case, spaces, dots and slashes do not "
              "matter); {found}",
        "id": "kolom untuk {what}, salah satu dari: {aliases} (huruf besar/kecil, spasi, titik "
              "dan garis miring tidak berpengaruh); {found}"},
    "reg.days_from_delivery": {
        "en": "{days} days from delivery to service",
        "id": "{days} hari dari persalinan sampai pelayanan"},
    "reg.no_regency": {
        "en": "no regency code or name",
        "id": "tidak ada kode atau nama kabupaten/kota"},
    "reg.readable": {
        "en": "a readable CSV or Parquet register",
        "id": "register CSV atau Parquet yang dapat dibaca"},
    "reg.unclosed_quote": {
        "en": "a quote opened here is never closed, so the lines after it read as one field",
        "id": "tanda kutip yang dibuka di sini tidak pernah ditutup, sehingga baris-baris "
              "sesudahnya terbaca sebagai satu isian"},
    "reg.summary_one_kept": {
        "en": "{count} record kept as a delivery without KBPP in all; it follows as an example",
        "id": "{count} catatan seluruhnya disimpan sebagai persalinan tanpa KBPP; contohnya "
              "menyusul"},
    "reg.summary_kept": {
        "en": "{count} records kept as deliveries without KBPP in all; the first {shown} follow "
              "as examples",
        "id": "{count} catatan seluruhnya disimpan sebagai persalinan tanpa KBPP; {shown} yang "
              "pertama menyusul sebagai contoh"},
    "reg.summary_one_rejected": {
        "en": "{count} record rejected in all; it follows as an example",
        "id": "{count} catatan seluruhnya ditolak; contohnya menyusul"},
    "reg.summary_rejected": {
        "en": "{count} records rejected in all; the first {shown} follow as examples",
        "id": "{count} catatan seluruhnya ditolak; {shown} yang pertama menyusul sebagai contoh"},

    # -- Registers, issue 15 (engineer 4): future dates, date conventions, method words,
    #    duplicate deliveries (kbanalysis.sources.registers, kbpp_parts) ----------------------
    "reason.date_in_future": {
        "en": "delivery date after today",
        "id": "tanggal persalinan sesudah hari ini"},
    "reason.method_group": {
        "en": "a group of methods (such as MKJP), not one method: it cannot be counted",
        "id": "kelompok metode (seperti MKJP), bukan satu metode: tidak dapat dihitung"},
    "reason.method_not_modern": {
        "en": "a natural or traditional method (such as KB alami): not one of the eight "
              "modern KBPP methods, not counted",
        "id": "metode alami atau tradisional (seperti KB alami): bukan salah satu dari "
              "delapan metode KBPP modern, tidak dihitung"},
    "reason.method_ambiguous": {
        "en": "names two methods, or sterilisation without saying whose (MOW or MOP): not "
              "guessed",
        "id": "menyebut dua metode, atau sterilisasi tanpa menyebut siapa (MOW atau MOP): "
              "tidak ditebak"},
    "reason.duplicate_delivery": {
        "en": "the same mother, delivery date and facility as an earlier record: counted once",
        "id": "ibu, tanggal persalinan dan fasilitas yang sama dengan catatan sebelumnya: "
              "dihitung sekali"},
    "kbpp.expected.date_in_future": {
        "en": "a delivery date no later than today",
        "id": "tanggal persalinan paling lambat hari ini"},
    "kbpp.expected.method_group": {
        "en": "one method, not a group such as MKJP (one of " + _KBPP_METHODS_TEXT + ")",
        "id": "satu metode, bukan kelompok seperti MKJP (salah satu dari "
              + _KBPP_METHODS_TEXT + ")"},
    "kbpp.expected.method_not_modern": {
        "en": "one of the modern methods " + _KBPP_METHODS_TEXT + " (KB alami is not counted)",
        "id": "salah satu metode modern " + _KBPP_METHODS_TEXT
              + " (KB alami tidak dihitung)"},
    "kbpp.expected.method_ambiguous": {
        "en": "exactly one method (for sterilisation: MOW for the woman, MOP for the man)",
        "id": "tepat satu metode (untuk sterilisasi: MOW bagi perempuan, MOP bagi laki-laki)"},
    "kbpp.expected.duplicate_delivery": {
        "en": "each delivery once",
        "id": "setiap persalinan satu kali"},
    "reg.duplicate_of": {
        "en": "same mother, date and facility as row {row}",
        "id": "ibu, tanggal dan fasilitas sama dengan baris {row}"},
    # -- registers: an identifier in scientific notation (issue 15, engineer 8) --
    "kbpp.expected.excel_serial_date": {
        "en": "a date such as 2023-05-17 or 17/05/2023 (a number such as 44986 is Excel's "
              "serial number of a date: format the column as a date and save again)",
        "id": "tanggal seperti 2023-05-17 atau 17/05/2023 (angka seperti 44986 adalah nomor "
              "seri tanggal Excel: format kolomnya sebagai tanggal lalu simpan ulang)"},
    "reason.excel_serial_date": {
        "en": "a date written as Excel's serial number, not as a date",
        "id": "tanggal tertulis sebagai nomor seri Excel, bukan sebagai tanggal"},
    "kbpp.expected.unit_mismatch": {
        "en": "a unit that fits the value",
        "id": "satuan yang sesuai dengan nilainya"},
    "kbpp.expected.garbled_identifier": {
        "en": "an identifier in full, stored as text",
        "id": "nomor identitas utuh, disimpan sebagai teks"},
    "pub.table_unnamed": {
        "en": "a regency name beside the value",
        "id": "nama kabupaten/kota di samping nilainya"},
    "reg.garbled_id": {
        "en": "Excel wrote it as a number in scientific notation and lost its last digits: "
              "the record is not rejected for it, but a delivery entered twice cannot be found "
              "by it",
        "id": "Excel menulisnya sebagai angka notasi ilmiah dan digit terakhirnya hilang: "
              "catatan tidak ditolak karenanya, tetapi persalinan yang dicatat dua kali tidak "
              "dapat dikenali darinya"},
    "reg.summary_one_counted": {
        "en": "{count} record in all, not rejected for it; it follows as an example",
        "id": "{count} catatan seluruhnya, tidak ditolak karenanya; contohnya menyusul"},
    "reg.summary_counted": {
        "en": "{count} records in all, not rejected for it; the first {shown} follow as "
              "examples",
        "id": "{count} catatan seluruhnya, tidak ditolak karenanya; {shown} yang pertama "
              "menyusul sebagai contoh"},
    "reason.garbled_identifier": {
        "en": "identifier stored as a number in scientific notation: its digits are lost",
        "id": "nomor identitas disimpan sebagai angka notasi ilmiah: digitnya hilang"},
    "reg.duplicates_undetectable": {
        "en": "no column identifies the mother (NIK, No. RM, ID ibu): the same delivery "
              "entered twice cannot be detected and would be counted twice",
        "id": "tidak ada kolom yang mengenali ibu (NIK, No. RM, ID ibu): persalinan yang sama "
              "yang dicatat dua kali tidak dapat dikenali dan akan dihitung dua kali"},
    "reason.duplicates_undetectable": {
        "en": "no column identifies the mother: a delivery entered twice cannot be detected",
        "id": "tidak ada kolom yang mengenali ibu: persalinan yang dicatat dua kali tidak dapat "
              "dikenali"},
    "reg.date_order_undecided": {
        "en": "dates whose order of day and month can be told: in this column no day is "
              "above 12, so {example} could be day/month or month/day (write YYYY-MM-DD, or "
              "DD/MM/YYYY with at least one day above 12)",
        "id": "tanggal yang urutan hari dan bulannya dapat dikenali: di kolom ini tidak ada "
              "hari di atas 12, sehingga {example} bisa hari/bulan atau bulan/hari (tulis "
              "YYYY-MM-DD, atau DD/MM/YYYY dengan setidaknya satu hari di atas 12)"},
    "reg.date_order_mixed": {
        "en": "one order of day and month in the whole column; {day_first} is day/month but "
              "{month_first} is month/day",
        "id": "satu urutan hari dan bulan di seluruh kolom; {day_first} hari/bulan tetapi "
              "{month_first} bulan/hari"},

    # -- The KBPP table contract (kbanalysis.kbpp_schema) --------------------------------------
    "schema.column": {
        "en": "a column of the KBPP table",
        "id": "kolom tabel KBPP"},
    "schema.only_columns": {
        "en": "only the KBPP columns {columns}",
        "id": "hanya kolom KBPP {columns}"},
    "schema.year": {
        "en": "a year from {low} to {high}",
        "id": "tahun dari {low} sampai {high}"},
    "schema.positive_integer": {
        "en": "a positive integer (at most {high:,.0f})",
        "id": "bilangan bulat positif (paling banyak {high:,.0f})"},
    "schema.nonnegative_integer": {
        "en": "a non-negative integer (at most {high:,.0f})",
        "id": "bilangan bulat tidak negatif (paling banyak {high:,.0f})"},
    "schema.bps_code_shape": {
        "en": "a 4-digit BPS 2020 regency code",
        "id": "kode kabupaten/kota BPS 2020 empat digit"},
    "schema.bps_code_known": {
        "en": "a BPS 2020 code of one of the 514 kabupaten/kota",
        "id": "kode BPS 2020 salah satu dari 514 kabupaten/kota"},
    "schema.text_dtype": {
        "en": "text (read the column with dtype=str)",
        "id": "teks (baca kolomnya dengan dtype=str)"},
    "schema.integer_dtype": {
        "en": "an integer column",
        "id": "kolom bilangan bulat"},
    "schema.number_percent": {
        "en": "a number (percent)",
        "id": "angka (persen)"},
    "schema.numeric_dtype": {
        "en": "a numeric column",
        "id": "kolom angka"},
    "schema.source": {
        "en": "the file the row came from (or the simulator's label)",
        "id": "berkas asal baris (atau label simulator)"},
    "schema.source_simulated": {
        "en": "a source starting with 'simulated'",
        "id": "sumber yang diawali 'simulated'"},
    "schema.source_not_simulated": {
        "en": "a source not starting with 'simulated' for measure_type 'administrative'",
        "id": "sumber yang tidak diawali 'simulated' untuk measure_type 'administrative'"},
    "schema.method_sum": {
        "en": "the sum of the 8 method counts ({total})",
        "id": "jumlah kedelapan metode ({total})"},
    "schema.at_most_deliveries": {
        "en": "at most deliveries ({deliveries})",
        "id": "paling banyak sejumlah persalinan ({deliveries})"},
    "schema.coverage": {
        "en": "100 * kbpp_total / deliveries = {implied:.2f} (within {tolerance})",
        "id": "100 * kbpp_total / deliveries = {implied:.2f} (selisih paling banyak {tolerance})"},
    "schema.one_row": {
        "en": "one row per (bps_code, year); {code} {year} is already at row {row}",
        "id": "satu baris per (bps_code, year); {code} {year} sudah ada di baris {row}"},

    # -- Code systems and the build (kbanalysis.sources.code_system, kbanalysis.dataset) -------
    "cs.tie": {
        "en": "as many rows agree with their names in BPS coding as in Kemendagri coding "
              "({count} each), within the same provinces",
        "id": "jumlah baris yang cocok dengan namanya dalam pengodean BPS sama dengan dalam "
              "pengodean Kemendagri (masing-masing {count}), di provinsi yang sama"},
    "cs.neither": {
        "en": "the codes fit neither system alone ({bps} exist only in BPS coding, {dagri} only "
              "in Kemendagri coding) and the file has no names to tell which is meant",
        "id": "kode-kodenya tidak cocok dengan satu sistem saja ({bps} hanya ada dalam "
              "pengodean BPS, {dagri} hanya dalam pengodean Kemendagri) dan berkas tidak punya "
              "nama untuk menentukan mana yang dimaksud"},
    "cs.both": {
        "en": "the codes fit both the BPS and the Kemendagri system and the file has no names "
              "({codes} name different regencies in the two)",
        "id": "kode-kodenya cocok dengan sistem BPS maupun Kemendagri dan berkas tidak punya "
              "nama ({codes} menunjuk kabupaten/kota yang berbeda di kedua sistem)"},
    "cs.and_more": {
        "en": "{shown} and {more} more",
        "id": "{shown} dan {more} lainnya"},
    "cs.declare": {
        "en": "regency codes of one known system: {reason}: say which with --code-system bps or "
              "--code-system kemendagri (code_system= in Python)",
        "id": "kode kabupaten/kota dari satu sistem yang dikenal: {reason}: nyatakan sistemnya "
              "dengan --code-system bps atau --code-system kemendagri (code_system= di Python)"},
    "build.not_both": {
        "en": "real KBPP files or --simulate, not both (the simulated layer replaces every KBPP "
              "value)",
        "id": "berkas KBPP riil atau --simulate, tidak keduanya (lapisan simulasi menggantikan "
              "semua nilai KBPP)"},
    "build.valid_kbpp": {
        "en": "a valid KBPP table; {count} problems, first: {first}",
        "id": "tabel KBPP yang sah; {count} masalah, yang pertama: {first}"},
    "build.one_raw_file": {
        "en": "exactly one raw file matching this name (see data/SOURCES.md)",
        "id": "tepat satu berkas mentah yang cocok dengan nama ini (lihat data/SOURCES.md)"},
    "build.duplicate": {
        "en": "{indicator} {year} of {code} kept from {source} row {row}; difference "
              "{difference:+.6g}",
        "id": "{indicator} {year} untuk {code} disimpan dari {source} baris {row}; selisih "
              "{difference:+.6g}"},

    # -- Known file formats, as data check lists them (kbanalysis.sources.check) ---------------
    "fmt.ssgi_provinsi": {
        "en": "SSGI/SKI stunting by province (Open Data Jabar od_20953)",
        "id": "stunting SSGI/SKI per provinsi (Open Data Jabar od_20953)"},
    "fmt.jabar_opendata": {
        "en": "Open Data Jabar table (regency or province level)",
        "id": "tabel Open Data Jabar (tingkat kabupaten/kota atau provinsi)"},
    "fmt.ssgi_kabkota_514": {
        "en": "SSGI 2024 / IKP / SPPG table of the 514 regencies",
        "id": "tabel SSGI 2024 / IKP / SPPG untuk 514 kabupaten/kota"},
    "fmt.susenas_kabkota": {
        "en": "BPS Susenas regency indicators",
        "id": "indikator kabupaten/kota Susenas BPS"},
    "fmt.kode_wilayah_bridge": {
        "en": "BPS-Kemendagri code bridge (kab/kota or provinces)",
        "id": "jembatan kode BPS-Kemendagri (kabupaten/kota atau provinsi)"},
    "fmt.kemendagri_regencies": {
        "en": "Kemendagri kab/kota code list",
        "id": "daftar kode kabupaten/kota Kemendagri"},
    "fmt.kemendagri_provinces": {
        "en": "Kemendagri province code list",
        "id": "daftar kode provinsi Kemendagri"},
    "fmt.published_table": {
        "en": "published value table (region as printed, value, unit, year, indicator, printed "
              "source, address)",
        "id": "tabel nilai terbitan (wilayah seperti tercetak, nilai, satuan, tahun, "
              "indikator, sumber tercetak, alamat)"},
    "fmt.topojson": {
        "en": "TopoJSON kab/kota shapes",
        "id": "bentuk kabupaten/kota TopoJSON"},
    "fmt.geojson": {  # engineer 5: the complete boundary file
        "en": "GeoJSON kab/kota shapes (property bps_code)",
        "id": "bentuk kabupaten/kota GeoJSON (properti bps_code)"},
    "fmt.kbpp_profil_kesehatan": {
        "en": "Profil Kesehatan table of KB pasca persalinan by method, .xlsx/.csv",
        "id": "tabel Profil Kesehatan KB pasca persalinan per metode, .xlsx/.csv"},
    "fmt.kbpp_opendata": {
        "en": "open-data deliveries or KBPP acceptors",
        "id": "data terbuka persalinan atau peserta KBPP"},
    "fmt.kbpp_register": {
        "en": "service register, one row per delivery, .csv/.parquet",
        "id": "register pelayanan, satu baris per persalinan, .csv/.parquet"},
    "fmt.kbpp_published_coverage": {
        "en": "printed KBPP coverage by kab/kota, with its source",
        "id": "cakupan KBPP tercetak per kabupaten/kota, dengan sumbernya"},
    "fmt.bps_population": {
        "en": "BPS population by kab/kota (Kemendagri-style codes, names, penduduk_YYYY)",
        "id": "jumlah penduduk BPS per kabupaten/kota (kode gaya Kemendagri, nama, penduduk_YYYY)"},
    "fmt.bps_children_0_4": {
        "en": "BPS children aged 0-4 by kab/kota (names, penduduk_0_4_YYYY)",
        "id": "jumlah anak umur 0-4 BPS per kabupaten/kota (nama, penduduk_0_4_YYYY)"},
    "fmt.siga_pus": {
        "en": "BKKBN SIGA export: PUS and unmet need per desa and month",
        "id": "ekspor SIGA BKKBN: PUS dan unmet need per desa dan bulan"},
    "fmt.siga_mix_kontra": {
        "en": "BKKBN SIGA export: active users by method per desa and month",
        "id": "ekspor SIGA BKKBN: peserta KB aktif per metode, per desa dan bulan"},
    "fmt.elsimil_bumil": {
        "en": "BKKBN Elsimil export: pregnancy accompaniment and KBPP intention per desa",
        "id": "ekspor Elsimil BKKBN: pendampingan ibu hamil dan rencana KBPP per desa"},
    "fmt.named": {
        "en": "{name} ({description})",
        "id": "{name} ({description})"},
    # -- Secondary stunting list 2 (engineer 5): a value two pages give to different regions
    "pub.name_conflict": {
        "en": "the note says another page gives this value to a different region ({note}); "
              "not used: the region is not guessed",
        "id": "catatan menyebut halaman lain memberi angka ini ke wilayah lain ({note}); tidak "
              "dipakai: wilayahnya tidak ditebak"},
    "pub.noted_where": {
        "en": "another printed source (PROVENANCE.md section 15; not transcribed)",
        "id": "sumber tercetak lain (PROVENANCE.md bagian 15; tidak disalin)"},

    # -- The data commands' own lines (kbanalysis.cli.data, text_format, check labels) ---------
    "text.format": {
        "en": "encoding {encoding}, separator {separator}",
        "id": "encoding {encoding}, pemisah {separator}"},
    "text.utf8_bom": {
        "en": "utf-8 with BOM",
        "id": "utf-8 dengan BOM"},
    "text.tab": {
        "en": "tab",
        "id": "tab"},
    "cli.no_such_file": {
        "en": "No such file: {path}",
        "id": "Berkas tidak ditemukan: {path}"},
    "cli.ok": {
        "en": "OK: {path} ({label})",
        "id": "OK: {path} ({label})"},
    "cli.one_problem": {
        "en": "{count} problem: {path} ({label})",
        "id": "{count} masalah: {path} ({label})"},
    "cli.problems": {
        "en": "{count} problems: {path} ({label})",
        "id": "{count} masalah: {path} ({label})"},
    "cli.raw_env_not_folder": {
        "en": "${env} is {path}, which is not a folder.",
        "id": "${env} berisi {path}, yang bukan folder."},
    "cli.no_raw_dir": {
        "en": "No raw data folder found, so there is nothing to build from.\nThe build reads "
              "the public source files described in data/SOURCES.md. Give it a folder "
              "that\nholds them, one sub-folder per source (jabar_opendata/, "
              "ssgi2024_kabkota_brin/, ...):\n  - pass it on the command line:   kbanalysis "
              "data build --raw DIR\n  - or set the environment:         export {env}=DIR\n  - "
              "or copy the files into data/raw/ (never committed),\n  - or check out the "
              "project's shared data beside the repository as shared/data/raw/.\nWithout raw "
              "files the committed tables in data/processed/ still work:\n  kbanalysis data "
              "summary",
        "id": "Folder data mentah tidak ditemukan, jadi tidak ada yang dapat "
              "dibangun.\nPembangunan membaca berkas sumber publik yang dijelaskan di "
              "data/SOURCES.md. Berikan folder\nyang berisi berkas-berkas itu, satu subfolder "
              "per sumber (jabar_opendata/, ssgi2024_kabkota_brin/, ...):\n  - di baris "
              "perintah:              kbanalysis data build --raw FOLDER\n  - atau lewat "
              "variabel lingkungan: export {env}=FOLDER\n  - atau salin berkasnya ke data/raw/ "
              "(tidak pernah di-commit),\n  - atau ambil data bersama proyek di samping "
              "repositori sebagai shared/data/raw/.\nTanpa berkas mentah, tabel yang sudah "
              "di-commit di data/processed/ tetap dapat dipakai:\n  kbanalysis data summary"},
    "cli.layer_simulated": {
        "en": "KBPP: SIMULATED (seed {seed}), for demonstration only",
        "id": "KBPP: SIMULASI (seed {seed}), hanya untuk demonstrasi"},
    "cli.layer_real": {
        "en": "KBPP: real, {count} regencies, from {sources}",
        "id": "KBPP: riil, {count} kabupaten/kota, dari {sources}"},
    "cli.layer_none": {
        "en": "KBPP: no real KBPP data",
        "id": "KBPP: tidak ada data KBPP riil"},
    "cli.built": {
        "en": "Built {out} from {raw}; {layer}",
        "id": "Tabel dibangun di {out} dari {raw}; {layer}"},
    "cli.dropped_conflict": {
        "en": "{where}: dropped as a conflicting duplicate ({detail})",
        "id": "{where}: dibuang sebagai duplikat yang bertentangan ({detail})"},
    "cli.allow_rejects_one": {
        "en": "--allow-rejects: {count} rejected row or cell of the --kbpp files left out "
              "(listed in {where})",
        "id": "--allow-rejects: {count} baris atau sel yang ditolak dari berkas --kbpp tidak "
              "dipakai (tercantum di {where})"},
    "cli.allow_rejects": {
        "en": "--allow-rejects: {count} rejected rows or cells of the --kbpp files left out "
              "(listed in {where})",
        "id": "--allow-rejects: {count} baris atau sel yang ditolak dari berkas --kbpp tidak "
              "dipakai (tercantum di {where})"},

    # -- Office numbers and formats (engineer 3: numbers, text quirks, registry, conflicts) --
    "num.one_convention": {
        "en": "one way of writing numbers in the whole column: '.' groups thousands and ',' is "
              "the decimal mark (42.000), or ',' groups thousands and '.' is the decimal mark "
              "(42,000); this column uses both, so its counts cannot be read",
        "id": "satu cara penulisan angka di seluruh kolom: titik pemisah ribuan dan koma "
              "desimal (42.000), atau koma pemisah ribuan dan titik desimal (42,000); kolom "
              "ini memakai keduanya sehingga jumlahnya tidak dapat dibaca"},
    "num.both_conventions": {
        "en": "{first} (row {first_row}) and {second} (row {second_row})",
        "id": "{first} (baris {first_row}) dan {second} (baris {second_row})"},
    "kbpp.unit_count": {
        "en": "the unit of {column!r} must be a count of persons (ORANG, JIWA), not a share "
              "or thousands",
        "id": "satuan {column!r} harus jumlah orang (ORANG, JIWA), bukan persentase atau "
              "ribuan"},
    "reason.conflicts_published": {
        "en": "an office's counts give a coverage that contradicts the coverage printed for the "
              "same regency and year; the printed figure is used, the counts are kept here",
        "id": "angka kantor memberi cakupan yang bertentangan dengan cakupan tercetak untuk "
              "kabupaten/kota dan tahun yang sama; angka tercetak yang dipakai, angka kantor "
              "disimpan di sini"},
    "pub.counts_vs_printed": {
        "en": "{code} {year}: these counts give a coverage of {known:.1f} % ({total} acceptors of "
              "{deliveries} deliveries), but {where} prints {value:g} %; the printed figure is "
              "used (a printed coverage wins over counts that contradict it: correct the counts "
              "or explain the difference)",
        "id": "{code} {year}: angka ini memberi cakupan {known:.1f} % ({total} peserta dari "
              "{deliveries} persalinan), tetapi {where} mencetak {value:g} %; angka tercetak "
              "yang dipakai (cakupan tercetak didahulukan atas angka yang bertentangan "
              "dengannya: perbaiki angkanya atau jelaskan perbedaannya)"},
    "kbpp.note": {
        "en": "Note: {where}: {detail}",
        "id": "Perhatian: {where}: {detail}"},
    "check.data_file": {
        "en": "a file with a table (this one is empty: save or download it again)",
        "id": "berkas berisi tabel (berkas ini kosong: simpan atau unduh ulang)"},
    "cli.is_folder": {
        "en": "{path} is a folder, not a file: name the file(s) inside it",
        "id": "{path} adalah folder, bukan berkas: sebutkan berkas di dalamnya"},
    "pub.printed_vs_counts": {
        "en": "{code} {year}: this row prints {value:g} %, but the counts of {files} give "
              "{known:.1f} % ({total} acceptors of {deliveries} deliveries); the printed figure "
              "is used",
        "id": "{code} {year}: baris ini mencetak {value:g} %, tetapi angka dari {files} memberi "
              "{known:.1f} % ({total} peserta dari {deliveries} persalinan); angka tercetak "
              "yang dipakai"},
    "fmt.kbpp_coverage_table": {
        "en": "a KBPP coverage table as an office types it (title with province and year, "
              "NO;KABUPATEN/KOTA;CAKUPAN KBPP (%))",
        "id": "tabel cakupan KBPP seperti diketik kantor (judul dengan provinsi dan tahun, "
              "NO;KABUPATEN/KOTA;CAKUPAN KBPP (%))"},
    "pub.table_header": {
        "en": "a header row with a KABUPATEN/KOTA column and a CAKUPAN KBPP (%) column",
        "id": "baris judul kolom dengan kolom KABUPATEN/KOTA dan kolom CAKUPAN KBPP (%)"},
    "pub.table_year": {
        "en": "the year in the title (e.g. 'CAKUPAN KBPP PROVINSI JAWA TENGAH TAHUN 2023') or "
              "a TAHUN column",
        "id": "tahun di judul (mis. 'CAKUPAN KBPP PROVINSI JAWA TENGAH TAHUN 2023') atau kolom "
              "TAHUN"},
    "pub.table_year_given": {
        "en": "a title naming the year given ({year})",
        "id": "judul yang menyebut tahun yang diberikan ({year})"},
    "pub.table_province_given": {
        "en": "a title naming the province given ({province})",
        "id": "judul yang menyebut provinsi yang diberikan ({province})"},
    "pub.table_total": {
        "en": "{name!r}: the province's total, not a kabupaten/kota",
        "id": "{name!r}: jumlah provinsi, bukan kabupaten/kota"},
    "pub.table_share": {
        "en": "a percentage such as 91,3 or 91,3%",
        "id": "persentase seperti 91,3 atau 91,3%"},
    "kbpp.one_of_formats": {
        "en": "a KBPP file of a known format: {formats}",
        "id": "berkas KBPP dengan format yang dikenal: {formats}"},
    # -- end of engineer 3 block --

    # -- An office's workspace, half-filled templates, notebook parameters (issue 16) ------
    "reason.not_reported": {
        "en": "a named row without any number: the region or puskesmas did not report (left "
              "out, not an error)",
        "id": "baris bernama tanpa angka sama sekali: wilayah atau puskesmas belum melapor "
              "(tidak dipakai, bukan kesalahan)"},
    "pk.not_reported": {
        "en": "not reported (no number in the row)",
        "id": "belum melapor (baris tanpa angka)"},
    "kbpp.not_reported_line": {
        "en": "Note: {file}: {count} row(s) without any number read as not reported (left out, "
              "not errors): {rows}",
        "id": "Perhatian: {file}: {count} baris tanpa angka dibaca sebagai belum melapor (tidak "
              "dipakai, bukan kesalahan): {rows}"},
    "cli.template_written": {
        "en": "Template written: {path}",
        "id": "Templat ditulis: {path}"},
    "cli.template_next": {
        "en": "Fill the yellow cells, then check the file and build the reports with it:",
        "id": "Isi sel kuning, lalu periksa berkasnya dan buat laporan dengan angka Anda:"},
    "office.start": {
        "en": "Your files: {files}. Tables, model and reports go to the workspace {processed}, "
              "{results} and {reports}; data/processed/ and results/ are not changed.",
        "id": "Berkas Anda: {files}. Tabel, model dan laporan ditulis ke ruang kerja "
              "{processed}, {results} dan {reports}; data/processed/ dan results/ tidak "
              "diubah."},
    "office.no_raw": {
        "en": "Your KBPP files are built together with the raw files, but no raw data folder "
              "was found.",
        "id": "Berkas KBPP Anda dibangun bersama berkas mentah, tetapi folder data mentah tidak "
              "ditemukan."},
    # Office workspace: pooled model (issue 16 item 2)
    "office.model_change": {
        "en": "model: {before} → {after} regencies, {provinces} province(s) ({scope})",
        "id": "model: {before} → {after} kabupaten/kota, {provinces} provinsi ({scope})"},
    "office.model_absorbed": {
        "en": "  {absorbed} regency(ies) alone in their province: in the data, not informative "
              "for the slope (absorbed by their province's fixed effect)",
        "id": "  {absorbed} kabupaten/kota sendirian di provinsinya: ada dalam data, tidak "
              "informatif untuk kemiringan (diserap efek tetap provinsinya)"},
    "office.step_failed": {
        "en": "office: `kbanalysis {command}` stopped (exit code {code}); the workspace keeps "
              "its previous files",
        "id": "office: `kbanalysis {command}` berhenti (kode keluar {code}); ruang kerja "
              "menyimpan berkas sebelumnya"},
    "office.done": {
        "en": "Done: open {index} in a browser (built from your files: {files}). To return to "
              "the default, run `make run` without KBPP; delete {workspace} and {reports} to "
              "remove your data.",
        "id": "Selesai: buka {index} di peramban (dibangun dari berkas Anda: {files}). Untuk "
              "kembali ke data bawaan jalankan `make run` tanpa KBPP; hapus {workspace} dan "
              "{reports} untuk membuang data Anda."},
    "param.unknown": {
        "en": "unknown parameter {name!r}{hint}: this notebook takes {names}",
        "id": "parameter tidak dikenal {name!r}{hint}: notebook ini menerima {names}"},
    # -- The model notebook's parameters (kbanalysis.research.fitting) -------------------------
    "fitparam.simulated": {
        "en": "simulated={value}: expected False (real data), True (the SIMULATED demonstration) "
              "or 'synthetic' (a fully SIMULATED world)",
        "id": "simulated={value}: seharusnya False (data nyata), True (demonstrasi SIMULASI) atau "
              "'synthetic' (dunia yang seluruhnya SIMULASI)"},
    "fitparam.year": {
        "en": "{name}={value}: expected a year such as 2021, or None for the default",
        "id": "{name}={value}: seharusnya tahun seperti 2021, atau None untuk bawaan"},
    "fitparam.count": {
        "en": "{name}={value}: expected a whole number of at least {minimum}, or None for the default",
        "id": "{name}={value}: seharusnya bilangan bulat sedikitnya {minimum}, atau None untuk bawaan"},
    "fitparam.columns": {
        "en": "{name}={value}: expected column names separated by commas (or a list), '' for none",
        "id": "{name}={value}: seharusnya nama kolom dipisah koma (atau daftar), '' untuk tidak ada"},
    "fitparam.no_column": {
        "en": "{name}={column}: no such column in the analysis table{hint}",
        "id": "{name}={column}: tidak ada kolom itu di tabel analisis{hint}"},
    "fitparam.no_raw": {
        "en": "simulated=True builds the demonstration from the raw files and none were found (set "
              "${env} or raw_dir); simulated='synthetic' needs no raw files",
        "id": "simulated=True membangun demonstrasi dari berkas mentah dan tidak ada yang ditemukan "
              "(atur ${env} atau raw_dir); simulated='synthetic' tidak perlu berkas mentah"},
    "fitparam.no_table": {
        "en": "processed_dir: no {file} in {folder}/; build it with `kbanalysis data build`",
        "id": "processed_dir: tidak ada {file} di {folder}/; bangun dengan `kbanalysis data build`"},
    "fitparam.named": {"en": "{name}={value}: {detail}", "id": "{name}={value}: {detail}"},
    "fitparam.year_and_lag": {
        "en": "exposure_year={exposure_year} and lag={lag}: give one of them (the exposure year is "
              "the outcome year minus the lag)",
        "id": "exposure_year={exposure_year} dan lag={lag}: berikan salah satunya (tahun paparan "
              "adalah tahun luaran dikurangi lag)"},
    "fitparam.provinces": {"en": " (provinces {codes})", "id": " (provinsi {codes})"},
    "fitparam.cannot_fit": {
        "en": "cannot fit this specification on the {data}{subset}: {detail}",
        "id": "spesifikasi ini tidak dapat dihitung pada {data}{subset}: {detail}"},
    "fitparam.data_real": {"en": "real data", "id": "data nyata"},
    "fitparam.data_demonstration": {"en": "simulated demonstration data",
                                    "id": "data demonstrasi simulasi"},
    "fitparam.data_synthetic": {"en": "synthetic data", "id": "data sintetis"},
    "param.did_you_mean": {
        "en": " (did you mean {name!r}?)",
        "id": " (maksud Anda {name!r}?)"},
    # -- Command line language (issue 16 item 4): help texts, summaries, progress ----------
    # Help texts (kbanalysis.cli._lang.help_text); Typer's frame around them.
    "help.help_option": {"en": "Show this message and exit.",
                         "id": "Tampilkan bantuan ini lalu keluar."},
    "help.panel_options": {"en": "Options", "id": "Opsi"},
    "help.options_metavar": {"en": "[OPTIONS]", "id": "[OPSI]"},
    "help.subcommand_metavar": {"en": "COMMAND [ARGS]...", "id": "PERINTAH [ARGUMEN]..."},
    "help.panel_arguments": {"en": "Arguments", "id": "Argumen"},
    "help.panel_commands": {"en": "Commands", "id": "Perintah"},
    "help.panel_error": {"en": "Error", "id": "Kesalahan"},
    "help.default": {"en": "[default: {{}}]", "id": "[bawaan: {{}}]"},
    "help.required": {"en": "[required]", "id": "[wajib]"},
    "help.aborted": {"en": "Aborted.", "id": "Dibatalkan."},
    "help.try_help": {"en": "Try [blue]'{{command_path}} {{help_option}}'[/] for help.",
                      "id": "Lihat [blue]'{{command_path}} {{help_option}}'[/] untuk bantuan."},
    "help.root": {
        "en": "KB pasca persalinan (KBPP) and child stunting across Indonesia's kabupaten/kota. "
              "Start with `kbanalysis data summary`.",
        "id": "KB pasca persalinan (KBPP) dan stunting anak di kabupaten/kota Indonesia. "
              "Mulai dengan `kbanalysis data summary`."},
    "help.version": {"en": "Print the version and exit.", "id": "Cetak versi lalu keluar."},
    "help.debug": {
        "en": "Show the traceback of an input or file error instead of its one-line message.",
        "id": "Tampilkan traceback galat masukan atau berkas, bukan pesan satu barisnya."},
    "help.lang_global": {
        "en": "Language of everything printed, help included: id (Bahasa Indonesia, the "
              "default) or en (English). Also set by the environment variable "
              "KBANALYSIS_LANG.",
        "id": "Bahasa semua keluaran, termasuk bantuan: id (Bahasa Indonesia, bawaan) atau en "
              "(Inggris). Dapat juga diatur lewat variabel lingkungan KBANALYSIS_LANG."},
    "help.lang": {
        "en": "Language of the messages: id (Bahasa Indonesia) or en (English). The file, row, "
              "column and values quoted from the file are the same in both.",
        "id": "Bahasa pesan: id (Bahasa Indonesia) atau en (Inggris). Berkas, baris, kolom dan "
              "nilai yang dikutip dari berkas sama dalam kedua bahasa."},
    "help.data": {"en": "Build, check and summarise the data tables.",
                  "id": "Bangun, periksa dan ringkas tabel data."},
    "help.build": {"en": "Read the raw files and write tidy, rejects, KBPP and analysis tables.",
                   "id": "Baca berkas mentah lalu tulis tabel tidy, penolakan, KBPP dan "
                         "analisis."},
    "help.build.raw": {
        "en": "Folder of raw files. Default: $KBANALYSIS_RAW_DIR, data/raw/, or shared/data/raw "
              "beside the repository.",
        "id": "Folder berkas mentah. Bawaan: $KBANALYSIS_RAW_DIR, data/raw/, atau "
              "shared/data/raw di samping repositori."},
    "help.build.out": {
        "en": "Where to write the processed tables. Default: data/processed/ (committed), or "
              "data/simulated/processed/ with --simulate.",
        "id": "Tempat menulis tabel olahan. Bawaan: data/processed/ (di-commit), atau "
              "data/simulated/processed/ bila memakai --simulate."},
    "help.build.seed": {"en": "Seed of the simulated KBPP layer (with --simulate).",
                        "id": "Seed lapisan KBPP simulasi (bersama --simulate)."},
    "help.build.kbpp": {
        "en": "Your own real KBPP file (Profil Kesehatan table, open-data table, service "
              "register or coverage table; repeatable), added to the published KBPP tables.",
        "id": "Berkas KBPP riil milik Anda (tabel Profil Kesehatan, tabel data terbuka, register "
              "layanan atau tabel cakupan; boleh diulang), ditambahkan ke tabel KBPP terbitan."},
    "help.build.simulate": {
        "en": "Demonstration only: replace every KBPP value by the SIMULATED layer (labelled "
              "everywhere) and write to data/simulated/processed/ unless --out is given.",
        "id": "Hanya demonstrasi: ganti setiap nilai KBPP dengan lapisan SIMULASI (diberi label "
              "di mana-mana) dan tulis ke data/simulated/processed/ kecuali --out diberikan."},
    "help.build.allow_rejects": {
        "en": "Build even though rows or cells of the --kbpp files are rejected (they are left "
              "out and listed in rejects.csv). Without it, every problem of the --kbpp files "
              "is printed and nothing is written.",
        "id": "Tetap bangun walaupun baris atau sel berkas --kbpp ditolak (tidak dipakai dan "
              "dicatat di rejects.csv). Tanpa opsi ini, setiap masalah berkas --kbpp dicetak "
              "dan tidak ada yang ditulis."},
    "help.build.sheet": {
        "en": "Sheet to read in a --kbpp workbook holding several KBPP tables.",
        "id": "Lembar yang dibaca pada buku kerja --kbpp yang memuat beberapa tabel KBPP."},
    "help.check.sheet": {
        "en": "Sheet to read in a workbook holding several KBPP tables.",
        "id": "Lembar yang dibaca pada buku kerja yang memuat beberapa tabel KBPP."},
    "help.code_system": {
        "en": "System of the regency codes in {files}: bps (1101 = Simeulue) or kemendagri "
              "(11.09 or 1109 = Simeulue). Default: detected from the codes and names; needed "
              "when codes without names fit both systems.",
        "id": "Sistem kode kabupaten/kota pada {files}: bps (1101 = Simeulue) atau kemendagri "
              "(11.09 atau 1109 = Simeulue). Bawaan: dikenali dari kode dan nama; diperlukan "
              "bila kode tanpa nama cocok dengan kedua sistem."},
    "help.regency": {
        "en": "The kabupaten/kota of a district Profil Kesehatan table (puskesmas rows), as a "
              "BPS code (3506 = Kabupaten Kediri) or a name with its type: needed when the "
              "title of the {files} names no type (KABUPATEN/KOTA KEDIRI).",
        "id": "Kabupaten/kota dari tabel Profil Kesehatan kabupaten (baris puskesmas), berupa "
              "kode BPS (3506 = Kabupaten Kediri) atau nama beserta jenisnya: diperlukan bila "
              "judul {files} tidak menyebut jenisnya (KABUPATEN/KOTA KEDIRI)."},
    "help.files.kbpp_files": {"en": "the --kbpp files", "id": "berkas --kbpp"},
    "help.files.files": {"en": "the files", "id": "berkas"},
    "help.files.kbpp_file": {"en": "--kbpp file", "id": "berkas --kbpp"},
    "help.files.file": {"en": "file", "id": "berkas"},
    "help.check": {
        "en": "Check raw files without building: one line per problem, then OK or the count. "
              "KBPP files are checked together, with the published KBPP tables of the raw "
              "folder, as `data build --kbpp` combines them. Exit code 0 when every file is "
              "clean, 1 when any has a problem, 2 when a file is missing.",
        "id": "Periksa berkas mentah tanpa membangun: satu baris per masalah, lalu OK atau "
              "jumlahnya. Berkas KBPP diperiksa bersama tabel KBPP terbitan di folder mentah, "
              "seperti `data build --kbpp` menggabungkannya. Kode keluar 0 bila semua berkas "
              "bersih, 1 bila ada masalah, 2 bila berkas tidak ditemukan."},
    "help.check.files": {"en": "Raw files to check (CSV, workbook or TopoJSON, any known "
                               "format).",
                         "id": "Berkas mentah yang diperiksa (CSV, buku kerja atau TopoJSON, "
                               "format apa pun yang dikenal)."},
    "help.summary": {
        "en": "Summarise the committed tables: coverage, indicators, rejects, KBPP layer.",
        "id": "Ringkas tabel yang di-commit: cakupan, indikator, penolakan, lapisan KBPP."},
    "help.template": {
        "en": "Write a fill-in KBPP workbook (Profil Kesehatan table layout): the KBPP table to "
              "fill and a sheet of instructions (Bahasa Indonesia). A filled workbook goes to "
              "`kbanalysis data check FILE`, then `make run KBPP=FILE`.",
        "id": "Tulis buku kerja KBPP untuk diisi (tata letak tabel Profil Kesehatan): tabel "
              "KBPP yang diisi dan lembar petunjuk. Buku kerja yang sudah diisi diperiksa "
              "dengan `kbanalysis data check BERKAS`, lalu `make run KBPP=BERKAS`."},
    "help.template.province": {
        "en": "BPS province code (63 = Kalimantan Selatan): one row per kabupaten/kota, names "
              "and codes filled in.",
        "id": "Kode BPS provinsi (63 = Kalimantan Selatan): satu baris per kabupaten/kota, nama "
              "dan kode sudah terisi."},
    "help.template.regency": {
        "en": "BPS regency code (6371 = Kota Banjarmasin): blank puskesmas rows for a district "
              "office.",
        "id": "Kode BPS kabupaten/kota (6371 = Kota Banjarmasin): baris puskesmas kosong untuk "
              "dinas kesehatan kabupaten/kota."},
    "help.template.year": {"en": "Year of the figures, in the title. Default: last year.",
                           "id": "Tahun angka, tercantum di judul. Bawaan: tahun lalu."},
    "help.template.rows": {
        "en": "Blank puskesmas rows of a district template (the office can insert more).",
        "id": "Jumlah baris puskesmas kosong pada templat kabupaten/kota (kantor dapat "
              "menambah baris)."},
    "help.template.out": {
        "en": "File (.xlsx) or folder to write to. Default: reports/templates/ with a name from "
              "the region and the year.",
        "id": "Berkas (.xlsx) atau folder tujuan. Bawaan: reports/templates/ dengan nama dari "
              "wilayah dan tahun."},
    "help.template.force": {
        "en": "Replace an existing file of the same name (it may hold an office's figures).",
        "id": "Ganti berkas bernama sama yang sudah ada (mungkin berisi angka sebuah kantor)."},
    "help.report": {
        "en": "Make the HTML reports (national, province, regency): papermill templates, in "
              "parallel, incremental.",
        "id": "Buat laporan HTML (nasional, provinsi, kabupaten/kota): template papermill, "
              "paralel, hanya yang berubah."},
    "help.report.level": {
        "en": "national, province, regency, or all (national + every province + every "
              "regency)",
        "id": "'national' (nasional), 'province' (provinsi), 'regency' (kabupaten/kota), "
              "atau 'all' (nasional + semua provinsi + semua kabupaten/kota)"},
    "help.report.province": {
        "en": "BPS province code: that province's report, or with `--level regency` all its "
              "regencies.",
        "id": "Kode BPS provinsi: laporan provinsi itu, atau bersama `--level regency` semua "
              "kabupaten/kotanya."},
    "help.report.only": {
        "en": "Only these BPS codes: separate them by commas (3301,3302), by spaces inside quotes "
              "(\"3301 3302\"), or repeat the option. An unknown code is listed as failed; the others run.",
        "id": "Hanya kode BPS ini: pisahkan dengan koma (3301,3302), dengan spasi di dalam tanda kutip "
              "(\"3301 3302\"), atau ulangi opsinya. Kode yang tidak dikenal dicatat gagal; yang lain "
              "tetap dibuat."},
    "help.report.all": {"en": "Every province / every regency.",
                        "id": "Semua provinsi / semua kabupaten/kota."},
    "help.report.lang": {"en": "Language of the reports and messages: id (Bahasa Indonesia) "
                               "or en.",
                         "id": "Bahasa laporan dan pesan: id (Bahasa Indonesia) atau en "
                               "(Inggris)."},
    "help.report.jobs": {"en": "Parallel workers. Default: all cores.",
                         "id": "Jumlah proses paralel. Bawaan: semua inti prosesor."},
    "help.report.force": {"en": "Rebuild even unchanged reports.",
                          "id": "Bangun ulang juga laporan yang tidak berubah."},
    "help.report.out": {"en": "Reports folder. Default: reports/.",
                        "id": "Folder laporan. Bawaan: reports/."},
    "help.report.data": {"en": "Processed tables. Default: data/processed/.",
                         "id": "Tabel olahan. Bawaan: data/processed/."},
    "help.report.results": {"en": "Model results of `kbanalysis fit`. Default: results/.",
                            "id": "Hasil model dari `kbanalysis fit`. Bawaan: results/."},
    "help.report.quiet": {"en": "No progress bar.", "id": "Tanpa bilah kemajuan."},
    "help.report.contact": {
        "en": "Who produced the reports and receives filled templates (a name, an office, an "
              "address): named on every page. Default: a neutral sentence.",
        "id": "Pembuat laporan dan penerima templat yang sudah diisi (nama, kantor, alamat): "
              "disebut di setiap halaman. Bawaan: kalimat netral."},
    # What the commands print.
    "cli.error": {"en": "error: {detail}", "id": "kesalahan: {detail}"},
    "cli.cannot_write": {"en": "cannot write {path}: {reason}",
                         "id": "tidak dapat menulis {path}: {reason}"},
    "cli.interrupted": {
        "en": "interrupted (Ctrl-C): stopped; finished files are kept, none is half-written",
        "id": "dihentikan (Ctrl-C): berhenti; berkas yang selesai disimpan, tidak ada yang "
              "setengah tertulis"},
    "cli.terminated": {
        "en": "terminated (SIGTERM): stopped; finished files are kept, none is half-written",
        "id": "diakhiri (SIGTERM): berhenti; berkas yang selesai disimpan, tidak ada yang "
              "setengah tertulis"},
    "cli.counts_header": {"en": "source_id read kept rejected",
                          "id": "sumber dibaca disimpan ditolak"},
    "cli.template_one_of": {
        "en": "--province / --regency: give exactly one of --province CODE or --regency CODE",
        "id": "--province / --regency: berikan tepat satu dari --province KODE atau "
              "--regency KODE"},
    "cli.template_year": {
        "en": "--year: expected a year between 2000 and 2100, got {year}",
        "id": "--year: seharusnya tahun antara 2000 dan 2100, ditemukan {year}"},
    "cli.template_province": {"en": "province (2 digits, e.g. 63)",
                              "id": "provinsi (2 digit, misalnya 63)"},
    "cli.template_regency": {"en": "kabupaten/kota (4 digits, e.g. 6371)",
                             "id": "kabupaten/kota (4 digit, misalnya 6371)"},
    "cli.template_unknown_code": {
        "en": "{option}: {code!r} is not the BPS code of a {what}; {regions} lists them",
        "id": "{option}: {code!r} bukan kode BPS {what}; {regions} memuat daftarnya"},
    "cli.template_out": {
        "en": "--out: expected a folder or a file ending in .xlsx, got {path!r}",
        "id": "--out: seharusnya folder atau berkas berakhiran .xlsx, ditemukan {path!r}"},
    "cli.no_table": {"en": "No processed table at {path}: run `kbanalysis data build`.",
                     "id": "Tabel olahan tidak ada di {path}: jalankan `kbanalysis data build`."},
    "cli.summary_where": {"en": "Committed tables in {where}/",
                          "id": "Tabel yang di-commit di {where}/"},
    "cli.summary_rows": {
        "en": "Analysis table: {count} rows (one per kabupaten/kota and year)",
        "id": "Tabel analisis: {count} baris (satu per kabupaten/kota dan tahun)"},
    "cli.summary_regions": {
        "en": "Regencies: {regencies} of {n_regencies}, in {provinces} of {n_provinces} "
              "provinces",
        "id": "Kabupaten/kota: {regencies} dari {n_regencies}, di {provinces} dari "
              "{n_provinces} provinsi"},
    "cli.summary_years": {"en": "Years: {years}", "id": "Tahun: {years}"},
    "cli.summary_indicators": {
        "en": "Indicators (measure type, non-missing values, years with data):",
        "id": "Indikator (jenis ukuran, jumlah nilai terisi, tahun yang berdata):"},
    "cli.summary_rejects": {"en": "Rejected input values/rows: {count}",
                            "id": "Nilai/baris masukan yang ditolak: {count}"},
    "cli.summary_availability": {
        "en": "Regencies with a value, by kind ({file} lists the years per regency):",
        "id": "Kabupaten/kota yang bernilai, menurut jenis ({file} memuat tahunnya per "
              "kabupaten/kota):"},
    "cli.kbpp_absent": {"en": "KBPP layer: absent", "id": "Lapisan KBPP: tidak ada"},
    "cli.kbpp_all_simulated": {
        "en": "KBPP layer: SIMULATED for all {count} rows ({sources}). These are not real "
              "data: no result from them is evidence about any regency.",
        "id": "Lapisan KBPP: SIMULASI untuk seluruh {count} baris ({sources}). Ini bukan data "
              "riil: tidak ada hasil darinya yang menjadi bukti tentang kabupaten/kota mana "
              "pun."},
    "cli.kbpp_some_simulated": {
        "en": "KBPP layer: SIMULATED for {simulated} of {count} rows ({sources}); the other "
              "rows are administrative data.",
        "id": "Lapisan KBPP: SIMULASI untuk {simulated} dari {count} baris ({sources}); baris "
              "lainnya data administratif."},
    "cli.kbpp_real": {
        "en": "KBPP layer: administrative data for all {count} rows (none simulated)",
        "id": "Lapisan KBPP: data administratif untuk seluruh {count} baris (tanpa simulasi)"},
    "cli.report_summary": {
        "en": "{built} built, {skipped} unchanged, {failed} failed in {seconds} s; index: "
              "{index}",
        "id": "{built} dibuat, {skipped} tidak berubah, {failed} gagal dalam {seconds} detik; "
              "indeks: {index}"},
    "cli.report_failed": {"en": "FAILED {key}: {error}", "id": "GAGAL {key}: {error}"},
    "cli.progress_unit": {"en": "report", "id": "laporan"},
    # Click's usage errors (kbanalysis.cli._lang.usage_error); the English is Click's own.
    "cli.usage_missing_option": {"en": "Missing option {name}.",
                                 "id": "Opsi {name} wajib diisi."},
    "cli.usage_missing_argument": {"en": "Missing argument {name}.",
                                   "id": "Argumen {name} wajib diisi."},
    "cli.usage_no_such_option": {"en": "No such option: {name}{hint}",
                                 "id": "Opsi tidak dikenal: {name}{hint}"},
    "cli.usage_no_such_command": {"en": "No such command {name!r}.{hint}",
                                  "id": "Perintah tidak dikenal: {name!r}{hint}"},
    "cli.reason_not_exist": {"en": "{value} does not exist", "id": "{value} tidak ada"},
    "cli.reason_is_folder": {"en": "{value} is a folder, not a file",
                             "id": "{value} adalah folder, bukan berkas"},
    "cli.reason_is_file": {"en": "{value} is a file, not a folder",
                           "id": "{value} adalah berkas, bukan folder"},
    "cli.reason_integer": {"en": "a whole number is expected", "id": "seharusnya bilangan bulat"},
    "cli.reason_at_least": {"en": "at least {value}", "id": "seharusnya paling sedikit {value}"},
    "cli.reason_at_most": {"en": "at most {value}", "id": "seharusnya paling banyak {value}"},
    "cli.reason_not_one_of": {"en": "{value} is not one of {other}",
                              "id": "{value} bukan salah satu dari {other}"},
    "cli.usage_did_you_mean": {"en": " (Possible options: {names})",
                               "id": " (maksud Anda: {names})"},
    "cli.usage_bad_value": {"en": "Invalid value for {name}: {reason}",
                            "id": "Nilai tidak sah untuk {name}: {reason}"},
    # `kbanalysis fit` and `kbanalysis office` (issue 16 item 4): help texts and lines
    "help.fit": {"en": "Fit the estimator suite; write estimates.csv, meta.json, "
                       "predictions.csv.",
                 "id": "Hitung rangkaian model; tulis estimates.csv, meta.json, "
                       "predictions.csv."},
    "help.fit.outcome": {"en": "Outcome column (percent, 0-100).",
                         "id": "Kolom luaran (persen, 0-100)."},
    "help.fit.exposure": {"en": "Exposure column.", "id": "Kolom paparan."},
    "help.fit.covariates": {"en": "Comma-separated covariate columns ('' for none).",
                            "id": "Kolom kovariat dipisahkan koma ('' bila tanpa kovariat)."},
    "help.fit.weights": {
        "en": "Weight column (its nearest year), 'auto' (children_0_4, else population) or "
              "'none' (OLS main model).",
        "id": "Kolom bobot (tahun terdekatnya), 'auto' (children_0_4, bila tidak ada "
              "population) atau 'none' (model utama OLS)."},
    "help.fit.cluster": {
        "en": "'auto' (province clusters with >= 10 provinces, else HC3 by regency), "
              "'province', 'regency' (HC3) or a column name.",
        "id": "'auto' (klaster provinsi bila >= 10 provinsi, selain itu HC3 per "
              "kabupaten/kota), 'province', 'regency' (HC3) atau nama kolom."},
    "help.fit.outcome_year": {"en": "Outcome year. Default: the latest with the outcome.",
                              "id": "Tahun luaran. Bawaan: tahun terakhir yang berisi luaran."},
    "help.fit.exposure_year": {
        "en": "Exposure year. Default: the latest before the outcome year with real exposure.",
        "id": "Tahun paparan. Bawaan: tahun terakhir sebelum tahun luaran yang berisi paparan "
              "riil."},
    "help.fit.year": {
        "en": "Outcome and exposure both from this year (--exposure-year still overrides the "
              "exposure).",
        "id": "Luaran dan paparan sama-sama dari tahun ini (--exposure-year tetap menentukan "
              "paparan)."},
    "help.fit.seed": {"en": "Seed of every random draw.", "id": "Seed semua undian acak."},
    "help.fit.draws": {"en": "Wild bootstrap draws (at least 999).",
                       "id": "Jumlah undian wild bootstrap (paling sedikit 999)."},
    "help.fit.bootstrap_weights": {"en": "'rademacher' or 'webb'.",
                                   "id": "'rademacher' atau 'webb'."},
    "help.fit.table": {"en": "Analysis table CSV. Default: data/processed/analysis.csv.",
                       "id": "CSV tabel analisis. Bawaan: data/processed/analysis.csv."},
    "help.fit.synthetic": {
        "en": "Use the fully SIMULATED world of kbanalysis.simulate.synthetic (seeded by "
              "--seed) instead of the analysis table.",
        "id": "Pakai dunia yang sepenuhnya SIMULASI dari kbanalysis.simulate.synthetic "
              "(dengan --seed) sebagai ganti tabel analisis."},
    "help.fit.out": {"en": "Output folder. Default: results/.",
                     "id": "Folder keluaran. Bawaan: results/."},
    "help.fit.quiet": {"en": "Do not print the summary.", "id": "Jangan cetak ringkasan."},
    "help.fit.province_effects": {
        "en": "'auto' (province fixed effects in the main model when the regencies come from "
              "several provinces), 'yes' or 'no'.",
        "id": "'auto' (efek tetap provinsi pada model utama bila kabupaten/kota berasal dari "
              "beberapa provinsi), 'yes' atau 'no'."},
    "cli.fit_no_table": {
        "en": "No analysis table at {path}: build it with `kbanalysis data build`, pass "
              "--table, or use --synthetic.",
        "id": "Tabel analisis tidak ada di {path}: bangun dengan `kbanalysis data build`, "
              "berikan --table, atau pakai --synthetic."},
    "cli.fit_tidy_header": {
        "en": "{path}: row 1 (header) lacks column(s) {missing}; expected the tidy table "
              "`kbanalysis data build` writes (columns {columns}), or remove the file to fit "
              "without the province-level design",
        "id": "{path}: baris 1 (judul) tidak memuat kolom {missing}; seharusnya tabel tidy yang "
              "ditulis `kbanalysis data build` (kolom {columns}), atau hapus berkas itu untuk "
              "menghitung tanpa desain tingkat provinsi"},
    "cli.fit_wrote": {"en": "Wrote {files}{simulated}", "id": "Ditulis: {files}{simulated}"},
    "cli.fit_simulated": {"en": " (SIMULATED inputs)", "id": " (masukan SIMULASI)"},
    "help.office": {
        "en": "Build, fit and report with your own KBPP files, in a workspace apart from the "
              "committed data (what `make run KBPP=...` runs).",
        "id": "Bangun, hitung model dan buat laporan dengan berkas KBPP Anda sendiri, di ruang "
              "kerja terpisah dari data yang di-commit (yang dijalankan `make run KBPP=...`)."},
    "help.office.kbpp": {
        "en": "Your own real KBPP file (repeatable), added to the published KBPP tables.",
        "id": "Berkas KBPP riil milik Anda (boleh diulang), ditambahkan ke tabel KBPP "
              "terbitan."},
    "help.office.allow_rejects": {"en": "Build without the rejected rows or cells (listed).",
                                  "id": "Bangun tanpa baris atau sel yang ditolak (dicatat)."},
    "help.office.fit_args": {
        "en": "Options for `kbanalysis fit`, e.g. \"--exposure-year 2021 --draws 999\" "
              "(FIT_ARGS of make).",
        "id": "Opsi untuk `kbanalysis fit`, misalnya \"--exposure-year 2021 --draws 999\" "
              "(FIT_ARGS pada make)."},
    "help.office.only": {
        "en": "Only these regency pages (BPS codes), for a quick look. Default: every page.",
        "id": "Hanya halaman kabupaten/kota ini (kode BPS), untuk melihat sekilas. Bawaan: "
              "semua halaman."},
    "help.office.jobs": {"en": "Parallel report workers. Default: all cores.",
                         "id": "Jumlah proses laporan paralel. Bawaan: semua inti prosesor."},
    "help.office.build_only": {
        "en": "Only build the tables (what `make data KBPP=...` runs).",
        "id": "Hanya bangun tabel (yang dijalankan `make data KBPP=...`)."},
    "build.kbpp_table": {"en": "KBPP table", "id": "tabel KBPP"},
    # The notebook 3.01-your-data (kbanalysis.research.your_data); its parameters are
    # function arguments (kbpp_files=, allow_rejects=), never command-line options.
    "yd.heading_files": {"en": "Your KBPP files", "id": "Berkas KBPP Anda"},
    "yd.usage_what": {
        "en": "This notebook checks your own KBPP files, builds the tables with them in the "
              "office workspace (the folder make run KBPP=... uses, "
              "kbanalysis.config.LOCAL_PROCESSED_DIR; data/processed/ is never changed) and "
              "fits the estimator suite on the provinces they cover. No file was given, so "
              "nothing was checked or fitted.",
        "id": "Notebook ini memeriksa berkas KBPP Anda sendiri, membangun tabel dengannya di "
              "ruang kerja kantor (folder yang dipakai `make run KBPP=...`, "
              "kbanalysis.config.LOCAL_PROCESSED_DIR; data/processed/ tidak pernah diubah) "
              "lalu menjalankan rangkaian model pada provinsi yang dicakupnya. Tidak ada berkas "
              "yang diberikan, jadi tidak ada yang diperiksa atau dihitung."},
    "yd.usage_how": {
        "en": "Run it with papermill (one file, or several separated by the path separator: "
              "':' on Linux and macOS, ';' on Windows; or a YAML list with -y), for example "
              "(-p lang en: English):",
        "id": "Jalankan dengan papermill (satu berkas, atau beberapa yang dipisahkan pemisah "
              "path: ':' di Linux dan macOS, ';' di Windows; atau daftar YAML dengan -y), "
              "misalnya (-p lang en: bahasa Inggris):"},
    "yd.no_such_file": {"en": "kbpp_files: no such file: {files}",
                        "id": "kbpp_files: berkas tidak ditemukan: {files}"},
    "yd.no_raw": {
        "en": "no raw data folder found: the build needs the raw files (set ${env}, fill "
              "data/raw/, or pass raw_dir)",
        "id": "folder data mentah tidak ditemukan: pembangunan memerlukan berkas mentah (atur "
              "${env}, isi data/raw/, atau berikan raw_dir)"},
    "yd.heading_check": {"en": "Check of your files", "id": "Pemeriksaan berkas Anda"},
    "yd.problems_found": {"en": "{count} problem(s) found", "id": "{count} masalah ditemukan"},
    "yd.no_problem": {"en": "No problem found", "id": "Tidak ada masalah"},
    "yd.listed_above": {"en": " (problems listed above)",
                        "id": " (masalahnya tercantum di atas)"},
    "yd.build_refused": {"en": "the build refused your files{listed}: {detail}",
                         "id": "pembangunan menolak berkas Anda{listed}: {detail}"},
    "yd.nothing_kept": {
        "en": "no KBPP row of your files reached the analysis table (every row was rejected: "
              "see the check above)",
        "id": "tidak ada baris KBPP dari berkas Anda yang masuk ke tabel analisis (semua baris "
              "ditolak: lihat pemeriksaan di atas)"},
    "yd.nothing_built": {"en": "No file given: nothing was built.",
                         "id": "Tidak ada berkas: tidak ada yang dibangun."},
    "yd.heading_added": {"en": "What your files added", "id": "Yang ditambahkan berkas Anda"},
    "yd.coverage_item": {"en": "{province}: {count} regencies, years {years}",
                         "id": "{province}: {count} kabupaten/kota, tahun {years}"},
    "yd.coverage_where": {"en": " in {folder}", "id": " di {folder}"},
    "yd.coverage_intro": {
        "en": "KBPP coverage from your files (the rest of the table is the committed real "
              "data, rebuilt{where}):",
        "id": "Cakupan KBPP dari berkas Anda (sisa tabel adalah data riil yang di-commit, "
              "dibangun ulang{where}):"},
    "check.format_unknown": {"en": "unknown", "id": "format tidak dikenal"},
    # A KBPP field inside a sentence: an Indonesian label, or the quoted column name.
    "field.deliveries": {"en": "deliveries", "id": "jumlah persalinan"},
    "field.kbpp_total": {"en": "kbpp_total", "id": "jumlah peserta KBPP"},
    "field.method": {"en": "kbpp_{method}", "id": "peserta KBPP {method}"},
    "field.column": {"en": "{name}", "id": "kolom {name!r}"},
    # Report parameters (kbanalysis.reporting.params), as `report` prints them.
    "param.unknown_lang": {"en": "unknown language {lang!r}; use one of: {langs}",
                           "id": "bahasa tidak dikenal {lang!r}; pakai salah satu dari: {langs}"},
    "param.unknown_level": {"en": "unknown level {level!r}; use one of: {levels}",
                            "id": "tingkat tidak dikenal {level!r}; pakai salah satu dari: "
                                  "{levels}"},
    "param.unknown_code": {
        "en": "unknown {what} {code!r} (a {width}-digit BPS code is expected){closest}",
        "id": "{what} tidak dikenal {code!r} (seharusnya kode BPS {width} digit){closest}"},
    "param.what_province": {"en": "province", "id": "provinsi"},
    "param.what_regency": {"en": "regency", "id": "kabupaten/kota"},
    "param.closest": {"en": "; closest: {codes}", "id": "; yang paling mirip: {codes}"},
    # The exception's name is for the English manifest only (".0" prints none of it).
    "param.problem": {"en": "{kind}: {error}", "id": "{kind:.0}{error}"},
    # Interrupted or failed writes (kbanalysis.atomic); the OS's own reason stays as it is.
    "atomic.bad_journal": {
        "en": "unreadable journal of an interrupted write ({error}); delete it and write this "
              "folder again",
        "id": "jurnal penulisan yang terputus tidak terbaca ({error}); hapus jurnal itu lalu "
              "tulis ulang folder ini"},
    "atomic.journal_name": {"en": "journal names {name!r}, not a file of this folder",
                            "id": "jurnal menyebut {name!r}, bukan berkas di folder ini"},
    "atomic.pending": {
        "en": "an interrupted write left this folder between two versions and it could not be "
              "completed ({reason}); run the command that writes it again with write access",
        "id": "penulisan yang terputus meninggalkan folder ini di antara dua versi dan tidak "
              "dapat diselesaikan ({reason}); jalankan lagi perintah yang menulisnya dengan hak "
              "tulis"},
    "atomic.folder_in_way": {"en": "a folder is in the way of this file",
                             "id": "ada folder di tempat berkas ini"},
}
