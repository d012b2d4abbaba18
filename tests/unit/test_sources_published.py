"""Published value tables: KBPP coverage (Profil Kesehatan Jawa Tengah 2021), secondary
SSGI/SKI stunting lists and the Susenas 2022 province shares (PROVENANCE 12, 15, 16)."""
from __future__ import annotations

import csv

import pandas as pd
import pytest
from typer.testing import CliRunner

from kbanalysis.cli import app
from kbanalysis.dataset import RAW_SOURCES, raw_source_file
from kbanalysis.indicators import get
from kbanalysis.kbpp_schema import COUNT_COLUMNS, kbpp_to_tidy, validate_kbpp
from kbanalysis.sources.check import check_file
from kbanalysis.sources.kbpp_import import detect_kbpp_format, read_kbpp_files
from kbanalysis.sources.published import indicator_of, printed_name, read_published
from kbanalysis.sources.rows import promoted_column, row_accounting
from kbanalysis.sources.ssgi_province import read_ssgi_provinsi

HEADER = ("wilayah,level,provinsi,nilai,satuan,tahun,indikator,sumber_tercetak,url,halaman,"
          "daftar_lengkap")
SSGI_2022 = "prevalensi stunting SSGI 2022"
PAGE_A, PAGE_B, PAGE_C = ("https://news.example/a", "https://news.example/b",
                          "https://news.example/c")


# --------------------------------------------------------------------------------------
# Helpers: everything "expected" is read from the raw files with plain csv


def raw_rows(path) -> dict[int, dict]:
    """Data rows by line number (header = 1), as the csv module reads them."""
    with open(path, newline="", encoding="utf-8") as handle:
        return dict(enumerate(csv.DictReader(handle), start=2))


def bps_code(raw_dir, name: str, column: str = "nama_dagri") -> str:
    """The BPS code the raw bridging list gives for a Kemendagri name (``KAB. TEGAL``), or
    for a BPS name (``column="nama_bps"``)."""
    path = raw_dir / "kode_wilayah" / "bps_kemendagri_kabkota_2020__zakiego.csv"
    found = [r["kode_bps"] for r in raw_rows(path).values() if r[column] == name]
    assert len(found) == 1, name
    return found[0]


def line_of(rows: dict[int, dict], **match) -> int:
    found = [line for line, r in rows.items() if all(r[k] == v for k, v in match.items())]
    assert len(found) == 1, match
    return found[0]


def reasons(result) -> set[tuple]:
    return {(r.row, r.column or promoted_column(r.detail), r.reason) for r in result.ledger.rejects}


def accounted(result, path) -> dict[str, int]:
    """Rows read (counted with plain csv) = kept + rejected."""
    counts = row_accounting(result.rows_read, result.kept_rows(), result.rejected_rows())
    assert counts["read"] == len(raw_rows(path))
    return counts


def value_at(result, line: int, indicator: str) -> pd.Series:
    rows = result.tidy[(result.tidy["source_row"] == line) & (result.tidy["indicator"] == indicator)]
    assert len(rows) == 1, (line, indicator)
    return rows.iloc[0]


# The KBPP coverage extract's columns (PROVENANCE section 12): no level, no daftar_lengkap.
KBPP_HEADER = "provinsi,wilayah,nilai,satuan,tahun,indikator,sumber_tercetak,url,halaman"


def write(tmp_path, lines: list[str], name="published.csv", header=HEADER):
    path = tmp_path / name
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def row(wilayah, provinsi, nilai, url=PAGE_A, level="kabkota", tahun="2022",
        indikator=SSGI_2022, satuan="persen", complete="tidak") -> str:
    return f"{wilayah},{level},{provinsi},{nilai},{satuan},{tahun},{indikator},Pers,{url},1,{complete}"


# --------------------------------------------------------------------------------------
# PROVENANCE 12: KBPP coverage, Jawa Tengah 2021


@pytest.fixture(scope="module")
def kbpp_path(raw_dir):
    from kbanalysis.dataset import find_kbpp_tables
    (path,) = find_kbpp_tables(raw_dir)
    return path


def test_kbpp_coverage_values_read_by_hand(kbpp_path, raw_dir, resolver):
    result = read_published(kbpp_path, resolver=resolver)
    rows = raw_rows(kbpp_path)
    tegal = value_at(result, line_of(rows, wilayah="Kab.Tegal"), "kbpp_coverage_pct")
    magelang = value_at(result, line_of(rows, wilayah="Kota Magelang"), "kbpp_coverage_pct")
    assert tegal["region_code"] == bps_code(raw_dir, "KAB. TEGAL") == "3328"
    assert magelang["region_code"] == bps_code(raw_dir, "KOTA MAGELANG") == "3371"
    assert tegal["value"] == pytest.approx(91.3) and magelang["value"] == pytest.approx(13.7)
    # The programme indicator, printed on a government site: not flagged secondary.
    assert tegal["measure_type"] == "administrative" and tegal["flags"] == ""
    assert tegal["source_ref"].startswith("https://dinkesjatengprov.go.id/")
    # 35 kab/kota and the province line, kept at province level here.
    assert accounted(result, kbpp_path) == {"read": 36, "kept": 36, "rejected": 0}
    province = result.tidy[result.tidy["level"] == "province"]
    assert province[["region_code", "value"]].values.tolist() == [["33", 53.9]]


def test_kbpp_coverage_table_is_a_kbpp_import_format(kbpp_path, raw_dir, resolver):
    assert detect_kbpp_format(kbpp_path) == "published_coverage"
    frame, ledger = read_kbpp_files([kbpp_path], resolver=resolver)
    assert len(frame) == 35 and frame["bps_code"].is_unique
    assert validate_kbpp(frame, kbpp_path, resolver) == []
    # Coverage only: no count is invented.
    assert frame[COUNT_COLUMNS].isna().all().all()
    assert set(frame["measure_type"]) == {"administrative"}
    tegal = frame.set_index("bps_code").loc[bps_code(raw_dir, "KAB. TEGAL")]
    assert tegal["kbpp_coverage_pct"] == pytest.approx(91.3)
    assert kbpp_path.name in tegal["source"] and "Gambar 5.17" in tegal["source"]
    assert "page73.html" in tegal["source"]
    tidy = kbpp_to_tidy(frame, "kbpp_import")
    assert set(tidy["indicator"]) == {"kbpp_coverage_pct"} and len(tidy) == 35
    assert tidy["value"].notna().all()
    # The province line is ledgered, with its value, not dropped silently.
    (aggregate,) = ledger.rejects
    line = line_of(raw_rows(kbpp_path), wilayah="JAWA TENGAH")
    assert (aggregate.row, aggregate.reason, aggregate.value) == (line, "aggregate_row", "53.9")


def test_data_check_of_the_kbpp_table_exits_0_and_names_the_format(kbpp_path):
    result = CliRunner().invoke(app, ["data", "check", str(kbpp_path)])
    assert result.exit_code == 0, result.output
    assert "kbpp_published_coverage" in result.stdout


def test_kbpp_names_resolve_or_are_ledgered(tmp_path, resolver):
    indikator = ("Cakupan Peserta KB Pasca Persalinan Terhadap Jumlah Ibu Bersalin Menurut "
                 "Kabupaten/ Kota")
    path = write(tmp_path, [
        f"Jawa Tengah,Kab.Tegal,91.3,persen,2021,{indikator},BKKBN,https://x.go.id/p,73",  # 2
        f"Jawa Tengah,Tegal,47.1,persen,2021,{indikator},BKKBN,https://x.go.id/p,73",  # 3
        f"Jawa Tengah,Kab.Atlantis,40,persen,2021,{indikator},BKKBN,https://x.go.id/p,73",  # 4
        f"Jawa Tengah,Kota Magelang,13.7,persen,2021,{indikator},BKKBN,https://x.go.id/p,73",  # 5
        f"Jawa Tengah,Kota Magelang,13.7,persen,2021,{indikator},BKKBN,https://x.go.id/p,73",  # 6
        f"Jawa Tengah,Kab.Demak,101,persen,2021,{indikator},BKKBN,https://x.go.id/p,73",  # 7
    ], name="kbpp.csv", header=KBPP_HEADER)
    frame, ledger = read_kbpp_files([path], resolver=resolver)
    assert sorted(frame["bps_code"]) == ["3328", "3371"]
    found = {(r.row, r.reason) for r in ledger.rejects}
    assert found == {(3, "ambiguous_region"), (4, "unknown_region"), (6, "duplicate"),
                     (7, "out_of_range")}


# --------------------------------------------------------------------------------------
# PROVENANCE 15: secondary stunting lists


@pytest.fixture(scope="module")
def stunting_path(raw_dir):
    return raw_source_file(raw_dir, "stunting_secondary")


@pytest.fixture(scope="module")
def official(raw_dir, resolver):
    return read_ssgi_provinsi(raw_source_file(raw_dir, "ssgi_provinsi"), resolver=resolver).tidy


@pytest.fixture(scope="module")
def stunting(stunting_path, official, resolver):
    return read_published(stunting_path, resolver=resolver, official=official)


def test_jawa_barat_2022_values_read_by_hand(stunting, stunting_path, raw_dir):
    rows = raw_rows(stunting_path)
    sumedang = value_at(stunting, line_of(rows, wilayah="Kab Sumedang", tahun="2022"),
                        "stunting_survey_pct")
    bekasi = value_at(stunting, line_of(rows, wilayah="Kota Bekasi", tahun="2022"),
                      "stunting_survey_pct")
    assert sumedang["region_code"] == bps_code(raw_dir, "KAB. SUMEDANG") == "3211"
    assert bekasi["region_code"] == bps_code(raw_dir, "KOTA BEKASI") == "3275"
    assert sumedang["value"] == pytest.approx(27.6) and bekasi["value"] == pytest.approx(6.0)
    for kept in (sumedang, bekasi):
        assert kept["measure_type"] == "survey" and kept["year"] == 2022
        assert kept["flags"] == "secondary_source"
        assert kept["source_ref"].startswith("https://databoks.katadata.co.id/")


def test_every_row_is_kept_or_ledgered(stunting, stunting_path):
    counts = accounted(stunting, stunting_path)
    assert counts["kept"] + counts["rejected"] == counts["read"] == 535
    assert set(stunting.tidy["indicator"]) == {"stunting_survey_pct"}
    assert stunting.tidy["flags"].str.contains("secondary_source").all()
    assert (stunting.tidy["source_ref"].str.startswith("https://")).all()


def test_printed_typos_resolve_to_the_intended_regency(stunting, stunting_path, raw_dir):
    rows = raw_rows(stunting_path)
    cases = {"Kabupaten Sika": "KAB. SIKKA", "Kabupaten Membrano Tengah": "KAB. MAMBERAMO TENGAH",
             "Kota Bau-Bau": "KOTA BAU BAU", "Kabupaten Kabupaten Aceh Barat Daya":
             "KAB. ACEH BARAT DAYA", "Bangkalan Regency": "KAB. BANGKALAN",
             "Surabaya City": "KOTA SURABAYA", "Kabupaten Asmat": "KAB. ASMAT"}
    # Asmat: printed under pre-split Papua in 2022. The bridging list truncates the
    # Kemendagri name of OKU Timur, so its BPS name is used.
    cases = {printed: bps_code(raw_dir, name) for printed, name in cases.items()}
    cases["OKU Timur"] = bps_code(raw_dir, "OGAN KOMERING ULU TIMUR", "nama_bps")
    for printed, code in cases.items():
        lines = [line for line, r in rows.items() if r["wilayah"] == printed]
        codes = {value_at(stunting, line, "stunting_survey_pct")["region_code"] for line in lines}
        assert lines and codes == {code}, printed


def _ledgered(result, line):
    return [r for r in result.ledger.rejects if r.row == line]


@pytest.mark.parametrize("wilayah, tahun, printed, other, reason", [
    ("Sulawesi Tenggara", "2022", "22.7", "27.7", "disagrees_official"),
    ("Provinsi Riau", "2021", "23.3", "22.3", "disagrees_official"),
    ("Kalimantan Barat", "2023", "20.6", "24.5", "disagrees_official"),
    ("Kabupaten Tapanuli Tengah", "2022", "30.5", "20.5", "conflicting_sources"),
])
def test_known_conflicts_with_one_printed_row_are_ledgered(stunting, stunting_path, wilayah,
                                                           tahun, printed, other, reason):
    line = line_of(raw_rows(stunting_path), wilayah=wilayah, tahun=tahun)
    (entry,) = _ledgered(stunting, line)
    assert entry.reason == reason and entry.value == printed
    assert printed in entry.detail and other in entry.detail
    assert line not in stunting.kept_rows()


@pytest.mark.parametrize("wilayah, tahun, kept, other", [
    ("Kabupaten Kuantan Singingi", "2021", "23", "22.4"),  # complete Riau list wins
    ("Lahat", "2021", "22.4", "22.8"),  # complete Sumatera Selatan list wins
])
def test_conflicts_noted_elsewhere_are_ledgered_and_settled(stunting, stunting_path, wilayah,
                                                            tahun, kept, other):
    line = line_of(raw_rows(stunting_path), wilayah=wilayah, tahun=tahun)
    value = value_at(stunting, line, "stunting_survey_pct")
    assert value["value"] == pytest.approx(float(kept))
    assert value["flags"] == "secondary_source;conflict_resolved"
    noted = [r for r in stunting.ledger.rejects if r.reason == "conflicting_sources"
             and r.row is None and value["region_code"] in r.detail]
    assert len(noted) == 1 and noted[0].value == other and f"kept {kept}" in noted[0].detail


@pytest.mark.parametrize("wilayah", ["Kabupaten Aceh Barat Daya", "Kabupaten Puncak Jaya"])
def test_a_regency_printed_twice_in_one_list_uses_neither(stunting, stunting_path, wilayah):
    rows = raw_rows(stunting_path)
    lines = [line for line, r in rows.items() if r["wilayah"] == wilayah and r["tahun"] == "2022"]
    assert len(lines) == 2 and rows[lines[0]]["nilai"] != rows[lines[1]]["nilai"]
    for line in lines:
        (entry,) = _ledgered(stunting, line)
        assert entry.reason == "conflicting_sources" and "none used" in entry.detail
        assert all(rows[other]["nilai"].rstrip("0").rstrip(".") in entry.detail for other in lines)
        assert entry.detail.count(rows[line]["url"]) == 2  # both versions, same page


def test_bare_tegal_is_ambiguous_never_guessed(stunting, stunting_path):
    rows = raw_rows(stunting_path)
    lines = [line for line, r in rows.items() if r["wilayah"] == "Tegal"]
    assert len(lines) == 2
    for line in lines:
        (entry,) = _ledgered(stunting, line)
        assert entry.reason == "ambiguous_region" and "3328" in entry.detail and "3376" in entry.detail


def test_pre_split_papua_province_line_is_flagged(stunting, stunting_path):
    line = line_of(raw_rows(stunting_path), wilayah="Provinsi Papua", tahun="2022")
    value = value_at(stunting, line, "stunting_survey_pct")
    assert (value["level"], value["region_code"]) == ("province", "94")
    assert "pre_split_territory" in value["flags"]


# Crafted lists: one rule at a time.


def test_the_same_value_printed_twice_is_one_value(tmp_path, resolver):
    path = write(tmp_path, [row("Kabupaten Garut", "Jawa Barat", "23.6"),
                            row("Kab Garut", "Jawa Barat", "23.60", url=PAGE_B)])
    result = read_published(path, resolver=resolver)
    assert result.kept_rows() == {2} and reasons(result) == {(3, None, "duplicate")}
    assert value_at(result, 2, "stunting_survey_pct")["flags"] == "secondary_source"


def test_a_value_printed_by_more_pages_wins(tmp_path, resolver):
    path = write(tmp_path, [row("Kabupaten Garut", "Jawa Barat", "30.1", complete="ya"),
                            row("Kabupaten Garut", "Jawa Barat", "23.6", url=PAGE_B),
                            row("Kabupaten Garut", "Jawa Barat", "23.6", url=PAGE_C)])
    result = read_published(path, resolver=resolver)
    assert result.kept_rows() == {3}
    assert reasons(result) == {(2, None, "conflicting_sources"), (4, None, "duplicate")}
    (lost,) = [r for r in result.ledger.rejects if r.reason == "conflicting_sources"]
    assert PAGE_A in lost.detail and PAGE_B in lost.detail and "kept 23.6" in lost.detail
    assert value_at(result, 3, "stunting_survey_pct")["flags"] == "secondary_source;conflict_resolved"


def test_on_a_tie_a_complete_list_wins_else_none(tmp_path, resolver):
    path = write(tmp_path, [row("Kabupaten Garut", "Jawa Barat", "23.6"),
                            row("Kabupaten Garut", "Jawa Barat", "30.1", url=PAGE_B, complete="ya"),
                            row("Kota Depok", "Jawa Barat", "12.6"),
                            row("Kota Depok", "Jawa Barat", "13.6", url=PAGE_B)])
    result = read_published(path, resolver=resolver)
    assert result.kept_rows() == {3}
    assert value_at(result, 3, "stunting_survey_pct")["value"] == pytest.approx(30.1)
    assert reasons(result) == {(2, None, "conflicting_sources"), (4, None, "conflicting_sources"),
                               (5, None, "conflicting_sources")}


def test_province_line_against_the_official_series(tmp_path, resolver):
    official = pd.DataFrame({"region_code": ["32", "32"], "level": "province",
                             "year": [2022, 2021], "indicator": "stunting_survey_pct",
                             "value": [20.2, 24.5], "source_id": "ssgi_provinsi",
                             "source_row": [40, 12]})
    path = write(tmp_path, [row("Jawa Barat", "Jawa Barat", "20.2", level="provinsi"),
                            row("Provinsi Jawa Barat", "Jawa Barat", "25.5", level="provinsi",
                                tahun="2021", indikator="prevalensi stunting SSGI 2021")])
    result = read_published(path, resolver=resolver, official=official)
    assert result.kept_rows() == {2}
    (entry,) = result.ledger.rejects
    assert (entry.row, entry.reason) == (3, "disagrees_official")
    assert "25.5" in entry.detail and "24.5" in entry.detail and "ssgi_provinsi row 12" in entry.detail


def test_bad_rows_get_one_clear_reason_each(tmp_path, resolver):
    path = write(tmp_path, [
        row("Kabupaten Garut", "Jawa Barat", '"23,6"'),  # 2 decimal comma: fine
        row("Kabupaten Bogor", "Jawa Barat", "x"),  # 3
        row("Kabupaten Bandung", "Jawa Barat", "25", tahun="22"),  # 4
        row("Kabupaten Cianjur", "Jawa Barat", "25", satuan="jiwa"),  # 5
        row("Kabupaten Sukabumi", "Jawa Barat", "25", indikator="angka stunting"),  # 6 no survey
        row("Indonesia", "Indonesia", "21.6", level="nasional"),  # 7
        row("Kabupaten Atlantis", "Jawa Barat", "25"),  # 8
        row("Kabupaten Garut", "Atlantis", "25"),  # 9
        row("Jawa Tengah", "Jawa Barat", "20.8", level="provinsi"),  # 10
        row("Kabupaten Karawang", "Jawa Barat", "140"),  # 11
        row("Kabupaten Subang", "Jawa Barat", "25", tahun="2021"),  # 12 text says 2022
    ])
    result = read_published(path, resolver=resolver)
    assert value_at(result, 2, "stunting_survey_pct")["value"] == pytest.approx(23.6)
    assert reasons(result) == {
        (3, "nilai", "not_a_number"), (4, "tahun", "bad_year"), (5, "satuan", "unit_mismatch"),
        (6, "indikator", "unknown_indicator"), (7, "wilayah", "aggregate_row"),
        (8, "wilayah", "unknown_region"), (9, "provinsi", "unknown_region"),
        (10, "wilayah", "code_name_mismatch"), (11, "nilai", "out_of_range"),
        (12, "tahun", "bad_year")}
    assert accounted(result, path) == {"read": 11, "kept": 1, "rejected": 10}


def test_check_names_file_row_and_column_of_an_unknown_indicator(tmp_path):
    path = write(tmp_path, [row("Kabupaten Sukabumi", "Jawa Barat", "25", indikator="angka stunting")])
    report = check_file(path)
    assert report.format == "published_table"
    (problem,) = report.problems
    assert (problem.row, problem.column) == (2, "indikator")
    assert str(path) in problem.line() and "indikator" in problem.line()


# --------------------------------------------------------------------------------------
# PROVENANCE 16: Susenas 2022 province shares


@pytest.mark.parametrize("source_id, indicator, papua, national, line_values", [
    ("susenas_provinsi_kb_modern", "postpartum_modern_method_pct", "28.71", "73.01",
     {"Kalimantan Selatan": ("63", 87.57), "Nusa Tenggara Timur (NTT)": ("53", 51.6),
      "Kep Bangka Belitung": ("19", 81.98)}),
    ("susenas_provinsi_konseling", "kbpp_counselling_pct", "47.44", "78.16",
     {"DKI Jakarta": ("31", 92.18), "Aceh": ("11", 64.36)}),
])
def test_susenas_province_shares(raw_dir, resolver, source_id, indicator, papua, national,
                                 line_values):
    path = raw_source_file(raw_dir, source_id)
    result = read_published(path, resolver=resolver)
    rows = raw_rows(path)
    accounted(result, path)
    assert set(result.tidy["indicator"]) == {indicator}
    assert get(indicator).measure_type == "survey" and set(result.tidy["measure_type"]) == {"survey"}
    assert set(result.tidy["level"]) == {"province"}
    for wilayah, (code, value) in line_values.items():
        kept = value_at(result, line_of(rows, wilayah=wilayah), indicator)
        assert (kept["region_code"], kept["flags"]) == (code, "secondary_source")
        assert kept["value"] == pytest.approx(value)
    # Papua in 2022 is the pre-split province (BPS 94).
    kept = value_at(result, line_of(rows, wilayah="Papua"), indicator)
    assert kept["region_code"] == "94" and kept["value"] == pytest.approx(float(papua))
    assert kept["flags"] == "secondary_source;pre_split_territory"
    # The national line is ledgered with its value.
    (entry,) = result.ledger.rejects
    assert entry.reason == "aggregate_row" and national in entry.detail
    assert entry.row == line_of(rows, level="nasional")


# --------------------------------------------------------------------------------------
# Pieces


@pytest.mark.parametrize("text, sumber, expected", [
    ("Cakupan Peserta KB Pasca Persalinan Terhadap Jumlah Ibu Bersalin", "", "kbpp_coverage_pct"),
    ("Persentase ibu melahirkan yang menggunakan alat KB modern setelah melahirkan "
     "(pascapersalinan)", "", "postpartum_modern_method_pct"),
    ("Persentase ibu melahirkan yang menerima konseling KB pascapersalinan (KBPP)", "",
     "kbpp_counselling_pct"),
    ("Prevalensi balita stunting di Aceh pada 2022", "Databoks mengutip SSGI 2022",
     "stunting_survey_pct"),
    ("prevalensi stunting SKI 2023", "", "stunting_survey_pct"),
    ("persentase balita stunting hasil penimbangan", "", "stunting_weighing_pct"),
    ("angka stunting 2022", "Pemkab (tanpa nama survei)", None),
    ("jumlah penduduk", "", None),
])
def test_indicator_of(text, sumber, expected):
    assert indicator_of(text, sumber) == expected


@pytest.mark.parametrize("printed, read", [
    ("Ogan Komering Ilir (OKI)", "Ogan Komering Ilir"), ("Bangkalan Regency", "Kabupaten Bangkalan"),
    ("Singkawang City", "Kota Singkawang"), ("Kabuapeten Tapanuli Utara", "Kabupaten Tapanuli Utara"),
    ("Kabupaten Kabupaten Aceh Barat Daya", "Kabupaten Aceh Barat Daya"), ("Kab.Tegal", "Kab.Tegal"),
])
def test_printed_name(printed, read):
    assert printed_name(printed) == read


def test_the_build_registers_the_published_tables(raw_dir):
    ids = [s.source_id for s in RAW_SOURCES]
    for source_id in ("stunting_secondary", "susenas_provinsi_kb_modern",
                      "susenas_provinsi_konseling"):
        assert source_id in ids
        assert raw_source_file(raw_dir, source_id).is_file()
    # Official series first: an official value wins a tie with a printed one.
    assert ids.index("ssgi_provinsi") < ids.index("stunting_secondary")


def test_printed_coverage_beside_counts(tmp_path, resolver):
    """Counts that agree with the printed coverage stay; counts that contradict it give way
    to the printed figure and the conflict is in the ledger (kbpp_import's rule)."""
    from kbanalysis.ledger import Ledger
    from kbanalysis.sources.published import add_printed_coverage, read_published_kbpp_parts
    indikator = "Cakupan Peserta KB Pasca Persalinan Terhadap Jumlah Ibu Bersalin"
    path = write(tmp_path, [
        f"Jawa Tengah,Kab.Tegal,50.0,persen,2021,{indikator},Profil,https://x.go.id/p,73",  # 2
        f"Jawa Tengah,Kab.Demak,60.0,persen,2021,{indikator},Profil,https://x.go.id/p,73",  # 3
        f"Jawa Tengah,Kab.Kudus,70.0,persen,2021,{indikator},Profil,https://x.go.id/p,73",  # 4
        f"Jawa Tengah,Kab.Pati,80.0,persen,2021,{indikator},Profil,https://x.go.id/p,73",  # 5
    ], name="coverage.csv", header=KBPP_HEADER)
    counts = pd.DataFrame({
        "bps_code": ["3328", "3321", "3319"], "year": 2021,
        "deliveries": pd.array([1000, 1000, pd.NA], dtype="Int64"),
        **{c: pd.array([pd.NA] * 3, dtype="Int64") for c in COUNT_COLUMNS[1:-1]},
        "kbpp_total": pd.array([500, 700, 300], dtype="Int64"),
        "kbpp_coverage_pct": [50.0, 70.0, None], "measure_type": "administrative",
        "source": "counts.csv"})
    frame, ledger = add_printed_coverage(counts, Ledger(),
                                         [read_published_kbpp_parts(path, resolver=resolver)])
    by_code = frame.set_index("bps_code")
    # Tegal agrees with 500/1000: a duplicate. Demak prints 60 against 700/1000: the printed
    # figure is used, without the counts, and the conflict is recorded.
    assert {(r.row, r.reason) for r in ledger.rejects} == {(2, "duplicate"),
                                                           (3, "conflicts_published")}
    assert by_code.at["3321", "kbpp_coverage_pct"] == pytest.approx(60.0)
    assert pd.isna(by_code.at["3321", "kbpp_total"])
    # Kudus: a total without deliveries; the printed coverage completes it.
    assert by_code.at["3319", "kbpp_coverage_pct"] == pytest.approx(70.0)
    assert by_code.at["3319", "source"].startswith("counts.csv; coverage.csv")
    # Pati: coverage only.
    assert pd.isna(by_code.at["3318", "kbpp_total"])
    assert by_code.at["3318", "kbpp_coverage_pct"] == pytest.approx(80.0)
    assert validate_kbpp(frame, "combined", resolver) == []


def test_validate_kbpp_on_coverage_only_rows(resolver):
    def frame(coverage, measure_type="administrative", deliveries=pd.NA):
        return pd.DataFrame({
            "bps_code": ["3328"], "year": [2021],
            **{c: pd.array([pd.NA], dtype="Int64") for c in COUNT_COLUMNS},
            "kbpp_coverage_pct": [coverage], "measure_type": [measure_type],
            "source": ["simulated: x" if measure_type == "simulated" else "profil.csv"]
        }).assign(deliveries=pd.array([deliveries], dtype="Int64"))
    assert validate_kbpp(frame(91.3), "f.csv", resolver) == []
    (error,) = validate_kbpp(frame(130.0), "f.csv", resolver)
    assert (error.row, error.column) == (2, "kbpp_coverage_pct") and "0 to 100" in error.expected
    # Only a real (administrative) row may lack its counts; a simulated one never does.
    assert {e.column for e in validate_kbpp(frame(50.0, "simulated"), "f.csv", resolver)} >= {
        "deliveries", "kbpp_total"}
    # Deliveries without acceptors is not a coverage-only row.
    assert validate_kbpp(frame(50.0, deliveries=1000), "f.csv", resolver) != []
    assert kbpp_to_tidy(frame(91.3), "kbpp_import")["indicator"].tolist() == ["kbpp_coverage_pct"]


# --------------------------------------------------------------------------------------
# PROVENANCE 17: the second secondary stunting list (same rules, a ``catatan`` column)

NOTED_HEADER = HEADER + ",catatan"


def noted_row(wilayah, provinsi, nilai, note="", **kwargs) -> str:
    quoted = note.replace('"', '""')  # CSV quoting of a note that quotes a name
    return row(wilayah, provinsi, nilai, **kwargs) + f',"{quoted}"'


def test_local_abbreviations_and_english_province_names_resolve(tmp_path, resolver):
    printed = {"Bolmong": ("Sulawesi Utara", "7101"), "Mitra": ("Sulawesi Utara", "7109"),
               "Kep. Sitaro": ("Sulawesi Utara", "7108"), "Malra": ("Maluku", "8102"),
               "Kabupaten Kepuluan Kei": ("Maluku", "8102"), "SBB": ("Maluku", "8106"),
               "MBD": ("Maluku", "8108"), "Kabupaten Taliabu": ("Maluku Utara", "8208"),
               "Kepulauan Morotai": ("Maluku Utara", "8207")}
    lines = [noted_row(name, province, "20.1", tahun="2022") if name != "Kabupaten Kepuluan Kei"
             else noted_row(name, province, "20.1", tahun="2023",
                            indikator="prevalensi stunting SKI 2023")
             for name, (province, _) in printed.items()]
    lines.append(noted_row("West Papua", "Papua Barat (sebelum pemekaran)", "30.0",
                           level="provinsi"))
    path = write(tmp_path, lines, header=NOTED_HEADER)
    result = read_published(path, resolver=resolver)
    assert not result.ledger.rejects
    for line, (name, (_, code)) in enumerate(printed.items(), start=2):
        assert value_at(result, line, "stunting_survey_pct")["region_code"] == code, name
    province = value_at(result, len(printed) + 2, "stunting_survey_pct")
    assert (province["level"], province["region_code"], province["value"]) == ("province", "91", 30.0)


@pytest.mark.parametrize("note", ['KONFLIK NAMA: sumber lain menulis "Minut"',
                                  "konflik nama Bolmut/Minut", "Name conflict with page B"])
def test_a_value_two_pages_give_to_different_regions_is_not_used(tmp_path, resolver, note):
    path = write(tmp_path, [
        noted_row("Bolmut", "Sulawesi Utara", "20.5", note=note),
        noted_row("Minut", "Sulawesi Utara", "20.5", note=note, url=PAGE_B),
        noted_row("Kabupaten Minahasa Utara", "Sulawesi Utara", "10.9", tahun="2023",
                  indikator="prevalensi stunting SKI 2023", url=PAGE_C),
    ], header=NOTED_HEADER)
    result = read_published(path, resolver=resolver)
    assert result.kept_rows() == {4}
    assert reasons(result) == {(2, "wilayah", "conflicting_sources"),
                               (3, "wilayah", "conflicting_sources")}
    for entry in result.ledger.rejects:
        assert note in entry.detail and "not guessed" in entry.detail
    assert set(result.tidy["region_code"]) == {"7106"}  # the 2023 value only


def test_a_value_conflict_note_leaves_the_usual_rule_to_settle_it(tmp_path, resolver):
    # Kaimana 2022 in the second list: a complete list against a single article.
    path = write(tmp_path, [
        noted_row("Kaimana Regency", "Papua Barat (sebelum pemekaran)", "29.2",
                  note="KONFLIK: TribunPapuaBarat 29,9", complete="ya"),
        noted_row("Kabupaten Kaimana", "Papua Barat (sebelum pemekaran)", "29.9",
                  note="KONFLIK dengan databoks (29,2)", url=PAGE_B),
    ], header=NOTED_HEADER)
    result = read_published(path, resolver=resolver)
    kept = value_at(result, 2, "stunting_survey_pct")
    assert (kept["region_code"], kept["value"]) == ("9102", 29.2)
    assert kept["flags"] == "secondary_source;conflict_resolved"
    (lost,) = result.ledger.rejects
    assert (lost.row, lost.reason, lost.value) == (3, "conflicting_sources", "29.9")
    assert "kept 29.2" in lost.detail


@pytest.fixture(scope="module")
def extra_path(raw_dir):
    return raw_source_file(raw_dir, "stunting_secondary_extra")


@pytest.fixture(scope="module")
def extra(extra_path, official, resolver):
    return read_published(extra_path, resolver=resolver, official=official)


@pytest.mark.parametrize("wilayah, tahun, code, value", [
    ("Kabupaten Majene", "2022", "7601", 40.6), ("Kepulauan Seribu", "2022", "3101", 20.5),
    ("Kabupaten Gianyar", "2021", "5104", 5.1),
    ("Kabupaten Buru Selatan", "2022", "8109", 41.6), ("Kaimana Regency", "2022", "9102", 29.2),
])
def test_second_list_values_read_by_hand(extra, extra_path, wilayah, tahun, code, value):
    kept = value_at(extra, line_of(raw_rows(extra_path), wilayah=wilayah, tahun=tahun),
                    "stunting_survey_pct")
    assert (kept["region_code"], kept["year"], kept["value"]) == (code, int(tahun), value)
    assert "secondary_source" in kept["flags"]


def test_second_list_kaimana_tribun_value_and_sulut_names_are_ledgered(extra, extra_path):
    rows = raw_rows(extra_path)
    tribun = line_of(rows, wilayah="Kabupaten Kaimana", tahun="2022")
    # The Tribun row names no survey: it cannot be a survey value, whatever its number.
    assert [(r.reason, r.value) for r in _ledgered(extra, tribun)] == [
        ("unknown_indicator", rows[tribun]["indikator"])]
    disputed = [n for n, r in rows.items() if r["wilayah"] in ("Bolmut", "Minut")]
    assert len(disputed) == 4
    for line in disputed:
        assert [r.reason for r in _ledgered(extra, line)] == ["conflicting_sources"]
    kept = extra.tidy[extra.tidy["region_code"].isin(["7106", "7107"])]
    assert kept[["region_code", "year", "value"]].values.tolist() == [["7106", 2023, 10.9]]
    assert accounted(extra, extra_path)["read"] == 198


# --------------------------------------------------------------------------------------
# PROVENANCE 18: facility births 2021, Jawa Tengah (Profil Kesehatan, Gambar 5.9)


def test_facility_births_jawa_tengah_read_by_hand(raw_dir, resolver):
    path = raw_source_file(raw_dir, "persalinan_faskes_jateng")
    result = read_published(path, resolver=resolver)
    rows = raw_rows(path)
    assert accounted(result, path) == {"read": 36, "kept": 36, "rejected": 0}
    for printed, code, value in [("Kab.Pemalang", "3327", 97.4), ("Kab.Cilacap", "3301", 99.9),
                                 ("JAWA TENGAH", "33", 99.7)]:
        kept = value_at(result, line_of(rows, wilayah_tercetak=printed), "births_in_facility_pct")
        assert (kept["region_code"], kept["year"], kept["value"]) == (code, 2021, value)
        assert kept["flags"] == ""  # printed on the province's own (.go.id) site
    assert get("births_in_facility_pct").unit == "percent"


FACILITY_HEADER = ("urutan_di_gambar,wilayah_tercetak,level,provinsi,nilai,satuan,tahun,indikator,"
                   "sumber_tercetak,url,halaman")


def test_facility_births_table_shape_checks_and_reads(tmp_path, resolver):
    unit = '"persen (cakupan; penyebut tidak dicetak)"'
    lines = [f"1,Kota Tegal,kabkota,Jawa Tengah,98.5,{unit},2021,{text},Profil,https://x.go.id,67"
             for text in ("Cakupan persalinan di fasilitas pelayanan kesehatan (PF)",
                          "Persalinan tidak di fasilitas kesehatan")]
    path = write(tmp_path, lines, header=FACILITY_HEADER)
    result = read_published(path, resolver=resolver)
    assert value_at(result, 2, "births_in_facility_pct")["region_code"] == "3376"
    # Births OUTSIDE a facility are another measure: never read as this one.
    assert reasons(result) == {(3, "indikator", "unknown_indicator")}
    report = check_file(path)
    assert report.format == "published_table" and [p.row for p in report.problems] == [3]


def test_the_build_reads_both_secondary_lists_and_facility_births(raw_dir):
    ids = [s.source_id for s in RAW_SOURCES]
    for source_id in ("stunting_secondary_extra", "persalinan_faskes_jateng"):
        assert raw_source_file(raw_dir, source_id).is_file()
    assert raw_source_file(raw_dir, "stunting_secondary") != raw_source_file(
        raw_dir, "stunting_secondary_extra")
    assert ids.index("ssgi_provinsi") < ids.index("stunting_secondary_extra")
