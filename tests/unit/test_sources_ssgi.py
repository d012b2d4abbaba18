"""The 514-regency SSGI 2024 / IKP / SPPG table."""
from __future__ import annotations

import csv

import pytest

from kbanalysis.dataset import raw_source_file
from kbanalysis.regions import RegionError, split_prefix
from kbanalysis.sources import kode_wilayah
from kbanalysis.sources.population import read_crosswalk_2020, read_population_total
from kbanalysis.sources.rows import promoted_column, row_accounting
from kbanalysis.sources.ssgi import read_ssgi_kabkota

HEADER = "provinsi,kabkota,ikp,kat_ikp,sppg_per100k,pct_miskin,pct_stunting,n_sppg,is_papua"


@pytest.fixture(scope="module")
def ssgi_path(raw_dir):
    return raw_source_file(raw_dir, "ssgi2024_kabkota")


@pytest.fixture(scope="module")
def ssgi(ssgi_path, resolver):
    return read_ssgi_kabkota(ssgi_path, resolver=resolver)


def raw_rows(path):
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_all_514_rows_kept_once(ssgi):
    kept, rejected = ssgi.kept_rows(), ssgi.rejected_rows()
    assert ssgi.rows_read == 514 and len(kept) == 514 and not rejected
    assert row_accounting(ssgi.rows_read, kept, rejected)["kept"] == 514
    stunting = ssgi.tidy[ssgi.tidy["indicator"] == "stunting_survey_pct"]
    assert stunting["region_code"].is_unique and len(stunting) == 514


def test_stunting_is_ssgi_2024_with_published_spot_values(ssgi):
    stunting = ssgi.tidy[ssgi.tidy["indicator"] == "stunting_survey_pct"]
    assert set(stunting["year"]) == {2024} and set(stunting["measure_type"]) == {"survey"}
    value = stunting.set_index("region_code")["value"]
    # Garut, Kota Bekasi, Cianjur, Klungkung (lowest), Timor Tengah Selatan (highest).
    assert value[["3205", "3275", "3203", "5105", "5304"]].tolist() == [14.2, 11.7, 7.2, 5.2, 56.8]


def test_population_weighted_mean_is_the_national_ssgi_2024_figure(ssgi, raw_dir, resolver):
    # SSGI 2024 national prevalence is 19.8 % (SSGI 2022: 21.6 %, SKI 2023: 21.5 %): the year
    # check of PROVENANCE, weighted by the BPS 2024 population (a table of its own).
    population = read_population_total(
        raw_source_file(raw_dir, "bps_population"), resolver=resolver,
        crosswalk=read_crosswalk_2020(raw_dir / kode_wilayah.FILES["bridge"][0]))
    weights = population.tidy.set_index("region_code")["value"]
    stunting = ssgi.tidy[ssgi.tidy["indicator"] == "stunting_survey_pct"].set_index("region_code")["value"]
    mean = (stunting * weights[stunting.index]).sum() / weights[stunting.index].sum()
    assert mean == pytest.approx(19.8, abs=0.3)


def test_no_population_from_this_table(ssgi):
    # The SPPG rate rests on a population sized like 2026: population comes from BPS only.
    assert "population" not in set(ssgi.tidy["indicator"]) and len(ssgi.ledger) == 0


def test_poverty_year_flagged_uncertain(ssgi):
    poverty = ssgi.tidy[ssgi.tidy["indicator"] == "poverty_pct"]
    assert len(poverty) == 514 and set(poverty["flags"]) == {"year_uncertain"}


def test_bare_names_are_kabupaten_in_this_file(ssgi_path, resolver):
    """The convention holds: every bare name that is ambiguous without it has its ``Kota``
    twin in the same province, so the bare one must be the kabupaten."""
    rows = raw_rows(ssgi_path)
    names = {(r["provinsi"], r["kabkota"]) for r in rows}
    ambiguous = []
    for province, name in names:
        try:
            resolver.regency(name, province)
        except RegionError as error:
            assert error.reason == "ambiguous_region"
            ambiguous.append((province, name))
    assert ambiguous  # the convention is needed at all
    for province, name in ambiguous:
        assert split_prefix(name)[0] is None and (province, f"Kota {name}") in names
    # Prefix and type agree everywhere except Kotabaru, a kabupaten written "Kota Baru".
    by_name = {n: resolver.regency(n, p, bare_means="kabupaten") for p, n in names}
    types = resolver.regencies.set_index("bps_code")["type"]
    disagree = {n for n, code in by_name.items()
                if (split_prefix(n)[0] == "kota") != (types[code] == "kota")}
    assert disagree == {"Kota Baru"} and types[by_name["Kota Baru"]] == "kabupaten"
    assert sum(types[c] == "kota" for c in by_name.values()) == 98


def test_crafted_rows(tmp_path, resolver):
    path = tmp_path / "ssgi.csv"
    path.write_text("\n".join([
        HEADER,
        "Jawa Barat,Bogor,75.0,5,4.0,7.0,18.9,220,false",  # 2 kabupaten
        "Jawa Barat,Kota Bogor,80.0,5,5.0,6.0,21.1,55,false",  # 3 kota
        "Jawa Barat,Atlantis,80.0,5,5.0,6.0,21.1,55,false",  # 4 unknown
        "Jawa Barat,Garut,70.0,5,abc,9.0,,0,false",  # 5 text, empty, no SPPG
        "Jawa Barat,Kota Bogor,80.0,5,5.0,6.0,21.1,55,false",  # 6 again
        "Atlantis,Garut,70.0,5,1.0,9.0,14.2,10,false",  # 7 unknown province
        "Jawa Barat,Cianjur,70.0",  # 8 short
        "Jawa Barat,Cianjur,70.0,5,4.0,9.0,120.0,100,false",  # 9 percent > 100
    ]) + "\n")
    result = read_ssgi_kabkota(path, resolver=resolver)
    kept, rejected = result.kept_rows(), result.rejected_rows()
    assert kept == {2, 3, 5, 9} and rejected == {4, 6, 7, 8} and not kept & rejected
    found = {(r.row, r.column or promoted_column(r.detail), r.reason)
             for r in result.ledger.rejects}
    assert found == {(4, "kabkota", "unknown_region"), (5, "sppg_per100k", "not_a_number"),
                     (5, "pct_stunting", "missing_value"), (6, None, "duplicate"),
                     (7, "provinsi", "unknown_region"), (8, None, "malformed_row"),
                     (9, "pct_stunting", "out_of_range")}
    codes = result.tidy.set_index("source_row")["region_code"]
    assert codes[2].unique().tolist() == ["3201"] and codes[3].unique().tolist() == ["3271"]
    assert "population" not in set(result.tidy["indicator"])
