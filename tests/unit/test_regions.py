"""The region table and the resolver from names or codes to the BPS code."""
from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kbanalysis import config
from kbanalysis.regions import Match, RegionError, Resolver, build_regions, load_regions, name_key

REGIONS = load_regions()
PROVINCES = pd.read_csv(config.PROVINCES_CSV, dtype=str)


# --- the committed table -----------------------------------------------------------------

def test_table_has_38_provinces_and_514_unique_regencies():
    assert len(REGIONS) == 514
    assert REGIONS["bps_code"].is_unique and REGIONS["dagri_code"].is_unique
    assert REGIONS["bps_code"].str.fullmatch(r"\d{4}").all()
    assert REGIONS["province_bps"].nunique() == 38 == len(PROVINCES)
    assert set(REGIONS["type"]) == {"kabupaten", "kota"}
    # BPS numbers kota from 71 upwards inside each province.
    assert (REGIONS["bps_code"].str[2:].astype(int).ge(71) == REGIONS["type"].eq("kota")).all()


def test_bps_and_kemendagri_codes_differ_where_they_should():
    row = REGIONS.set_index("bps_code").loc["1101"]
    assert row["name"] == "Kabupaten Simeulue" and row["dagri_code"] == "11.09"
    aceh_selatan = REGIONS.set_index("dagri_code").loc["11.01"]
    assert aceh_selatan["bps_code"] == "1103"


def test_papua_split_assigns_new_provinces():
    by_code = REGIONS.set_index("bps_code")
    assert by_code.at["9401", "province_name"] == "Papua Selatan"  # Merauke
    assert by_code.at["9401", "province_bps"] == "95"
    assert by_code.at["9402", "province_bps"] == "97"  # Jayawijaya, Papua Pegunungan
    assert by_code.at["9404", "province_bps"] == "96"  # Nabire, Papua Tengah
    assert by_code.at["9171", "province_bps"] == "92"  # Kota Sorong, Papua Barat Daya
    assert by_code.at["9403", "province_bps"] == "94"  # Jayapura stays in Papua
    counts = REGIONS.groupby("province_bps").size()
    assert counts[["91", "92", "94", "95", "96", "97"]].tolist() == [7, 6, 9, 4, 8, 8]


def test_rebuild_from_raw_code_lists_matches_committed_table(raw_dir):
    regencies, provinces = build_regions(raw_dir)
    pd.testing.assert_frame_equal(regencies.reset_index(drop=True), REGIONS, check_dtype=False)
    assert provinces["n_regencies"].sum() == 514


def test_code_lists_that_do_not_join_fail_loudly(raw_dir, tmp_path):
    import shutil
    shutil.copytree(raw_dir / "kode_wilayah", tmp_path / "kode_wilayah")
    path = tmp_path / "kode_wilayah" / "kemendagri_regencies_2025__fityannugroho.csv"
    lines = path.read_text().splitlines()
    path.write_text("\n".join(line for line in lines if "Garut" not in line) + "\n")
    with pytest.raises(ValueError, match="do not join one to one"):
        build_regions(tmp_path)


# --- the resolver -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def res() -> Resolver:
    return Resolver()


@pytest.mark.parametrize("name,province,expected", [
    ("KABUPATEN GARUT", "JAWA BARAT", "3205"),
    ("Kab. Garut", None, "3205"),
    ("Kab.Garut", "32", "3205"),
    ("  kabupaten   garut ", "Jawa Barat", "3205"),
    ("KOTA BEKASI", "Jawa Barat", "3275"),
    ("Kota Adm. Jakarta Selatan", "DKI Jakarta", "3171"),
    ("Kota Administrasi Jakarta Selatan", None, "3171"),
    ("Kep. Seribu", "DKI JAKARTA", "3101"),
    ("Kota Makasar", "Sulawesi Selatan", "7371"),
    ("Banyu Asin", "Sumatera Selatan", "1607"),
    ("Toli-Toli", "Sulawesi Tengah", "7206"),
    ("Tulangbawang", "Lampung", "1808"),
    ("Tulang Bawang", "Lampung", "1808"),
    ("Pangkajene dan Kepulauan", None, "7309"),
    ("Pangkajene Kepulauan", None, "7309"),
    ("Kota Baru", "Kalimantan Selatan", "6302"),  # the kabupaten Kotabaru
    ("Mamuju Utara", "Sulawesi Barat", "7605"),  # renamed Pasangkayu
    ("Fak Fak", "Papua Barat", "9101"),
])
def test_resolves_name_variants(res, name, province, expected):
    assert res.regency(name, province) == expected


@pytest.mark.parametrize("bare", ["Bogor", "BEKASI", "malang", "Sorong"])
def test_bare_name_shared_by_kabupaten_and_kota_is_never_guessed(res, bare):
    with pytest.raises(RegionError) as err:
        res.regency(bare)
    assert err.value.reason == "ambiguous_region"
    assert "Kabupaten" in str(err.value) and "Kota" in str(err.value)


def test_bare_name_resolved_by_file_convention_or_prefix(res):
    assert res.regency("Bogor", "Jawa Barat", bare_means="kabupaten") == "3201"
    assert res.regency("Kota Bogor", "Jawa Barat", bare_means="kabupaten") == "3271"
    assert res.regency("Kabupaten Bogor") == "3201"


def test_unknown_name_lists_closest_candidates(res):
    with pytest.raises(RegionError) as err:
        res.regency("Garutt", "Jawa Barat")
    assert err.value.reason == "unknown_region"
    assert "Kabupaten Garut (3205" in str(err.value)


def test_name_in_wrong_province_is_unknown(res):
    with pytest.raises(RegionError, match="in Bali"):
        res.regency("Garut", "Bali")


def test_codes_of_both_systems(res):
    assert res.code("1101") == "1101"
    assert res.code("11.01", system="dagri") == "1103"
    assert res.code("93.01", system="dagri") == "9401"
    with pytest.raises(RegionError):
        res.code("9999")


def test_mixed_code_systems_are_resolved_by_agreement_with_the_name(res):
    # 9103 is Teluk Wondama in BPS coding but Jayapura in Kemendagri-style coding.
    assert res.code_and_name("9103", "Jayapura", "Papua").bps_code == "9403"
    assert res.code_and_name("9103", "Teluk Wondama", "Papua Barat").bps_code == "9103"
    match = res.code_and_name("3205", "Garut", "Jawa Barat")
    assert (match.bps_code, match.via) == ("3205", "bps_code")
    with pytest.raises(RegionError) as err:
        res.code_and_name("3205", "Nowhere Land", "Jawa Barat")
    assert err.value.reason == "code_name_mismatch"


@pytest.mark.parametrize("code, name, province", [
    ("3201", "KOTA BANDUNG", "Jawa Barat"),  # 3201 is Kabupaten Bogor in both systems
    ("5201", "KOTA MATARAM", "Nusa Tenggara Barat"),  # 5201 is Lombok Barat in both
    ("3273", "Kabupaten Bandung", None),  # kabupaten and kota of one name
])
def test_a_code_naming_another_regency_is_a_mismatch_never_settled_by_the_name(
        res, code, name, province):
    with pytest.raises(RegionError) as err:
        res.code_and_name(code, name, province)
    assert err.value.reason == "code_name_mismatch"
    assert repr(code) in str(err.value) and repr(name) in str(err.value)


def test_a_declared_system_is_the_only_one_tried(res):
    # Kemendagri 11.09 is Simeulue (BPS 1101); BPS 1109 is Pidie (bridging list, row 10).
    assert res.code_and_name("1109", "Simeulue", system="kemendagri").bps_code == "1101"
    assert res.code_and_name("1109", "Pidie", system="bps").bps_code == "1109"
    with pytest.raises(RegionError) as err:
        res.code_and_name("1109", "Simeulue", system="bps")
    assert err.value.reason == "code_name_mismatch" and "Pidie" in str(err.value)
    # Undeclared, the system in which code and name agree wins, row by row.
    assert res.code_and_name("1109", "Simeulue").via == "dagri_code"
    assert res.code_and_name("1109", "Pidie").via == "bps_code"


def test_a_code_of_no_system_leaves_the_name_to_decide_and_says_so(res):
    match = res.code_and_name("9201", "Kabupaten Sorong", "Papua Barat Daya")  # pre-2022 code
    assert match == Match("9107", "name")


def test_a_dotted_code_is_kemendagri_by_its_form(res):
    assert res.code("11.09", "kemendagri") == "1101"
    with pytest.raises(RegionError, match="Kemendagri code"):
        res.code("11.09", "bps")
    assert res.code_alone("11.09").bps_code == "1101"


def test_a_code_alone_must_name_one_regency(res):
    assert res.code_alone("3204") == Match("3204", "bps_code")  # Bandung in both systems
    assert res.code_alone("1109", "kemendagri").bps_code == "1101"
    with pytest.raises(RegionError) as err:
        res.code_alone("1109")
    assert err.value.reason == "ambiguous_region"
    assert "Pidie" in str(err.value) and "Simeulue" in str(err.value)
    assert "--code-system" in str(err.value)
    # 9103 is Teluk Wondama (BPS, Papua Barat) or Jayapura (Kemendagri, Papua): the province
    # tells them apart.
    assert res.code_alone("9103", province="94").bps_code == "9403"


def test_a_name_that_is_a_code_is_read_as_a_code(res):
    assert res.regency("3204") == "3204"
    assert res.regency("1109", system="kemendagri") == "1101"
    assert res.regency("32.73") == "3273"
    with pytest.raises(RegionError) as err:
        res.regency("3204", "Bali")
    assert err.value.reason == "code_name_mismatch"
    assert res.code_and_name("3204", "3204").bps_code == "3204"
    assert res.code_and_name("", "3273").bps_code == "3273"
    with pytest.raises(RegionError) as err:
        res.code_and_name("3204", "3273")
    assert err.value.reason == "code_name_mismatch"


def test_an_unknown_code_system_is_an_error(res):
    with pytest.raises(ValueError, match="bps, kemendagri"):
        res.code_and_name("3204", "Bandung", system="bsp")


def test_provinces_by_name_and_code(res):
    assert res.province("DKI JAKARTA") == "31"
    assert res.province("Daerah Istimewa Yogyakarta") == "34"
    assert res.province("KEP. BANGKA BELITUNG") == "19"
    assert res.province("Papua Pegunungan") == "97"
    assert res.province("94") == "94"
    assert res.province("95", system="dagri") == "97"
    with pytest.raises(RegionError, match="closest: Jawa Barat"):
        res.province("Jawa Barar")


# --- property-based: any spelling of a real name resolves back to it ------------------------

_UNIQUE = REGIONS[~REGIONS["name"].map(name_key).duplicated(keep=False)]


def _bare(name: str) -> str:
    return name.split(" ", 1)[1] if name.startswith(("Kabupaten ", "Kota ")) else name


@st.composite
def spelled(draw):
    row = _UNIQUE.iloc[draw(st.integers(0, len(_UNIQUE) - 1))]
    core = _bare(row["name"]).replace("Administrasi ", "")
    prefix = draw(st.sampled_from(
        ["Kabupaten ", "KAB. ", "Kab.", "kab ", ""] if row["type"] == "kabupaten"
        else ["Kota ", "KOTA ", "Kota Adm. ", "kota "]))
    words = core.split(" ")
    sep = draw(st.sampled_from([" ", "  ", " - "[1:], "\t"]))
    text = sep.join(words)
    text = draw(st.sampled_from([text, text.upper(), text.lower(), text.title()]))
    pad = draw(st.sampled_from(["", " ", "  "]))
    return row["bps_code"], pad + prefix + text + pad


@settings(max_examples=300, deadline=None)
@given(spelled())
def test_any_spelling_of_a_unique_name_resolves(res, case):
    code, text = case
    assert res.regency(text) == code


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ ", min_size=3, max_size=12))
def test_random_text_either_resolves_consistently_or_fails_clearly(res, text):
    try:
        code = res.regency(text)
    except RegionError as err:
        assert err.reason in {"unknown_region", "ambiguous_region"} and str(err)
    else:
        assert name_key(text) in {name_key(REGIONS.set_index("bps_code").at[code, c])
                                  for c in ("name", "bps_name")}
