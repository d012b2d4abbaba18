"""Report parameters: codes and names resolve, unknown ones fail with the closest matches."""
from __future__ import annotations

import pytest

from kbanalysis.regions import load_provinces, load_regions
from kbanalysis.reporting.params import (
    ParameterError,
    check_lang,
    check_level,
    check_province,
    check_regency,
)


@pytest.fixture(scope="module")
def regions():
    return load_regions()


@pytest.fixture(scope="module")
def provinces():
    return load_provinces()


@pytest.mark.parametrize("given", ["3205", " 3205 ", "32.05", "Garut", "Kabupaten Garut", "KAB. GARUT"])
def test_regency_codes_and_names(regions, given):
    assert check_regency(given, regions) == "3205"  # BPS 3205 = Kabupaten Garut


def test_kota_prefix_picks_the_city(regions):
    assert check_regency("Kota Bogor", regions) == "3271"
    assert check_regency("Kabupaten Bogor", regions) == "3201"


def test_bare_shared_name_is_ambiguous_and_lists_both(regions):
    with pytest.raises(ParameterError) as error:
        check_regency("Bogor", regions)
    assert set(error.value.candidates) == {"3201", "3271"}


def test_unknown_regency_code_names_the_closest_codes(regions):
    with pytest.raises(ParameterError) as error:
        check_regency("3599", regions)
    message = str(error.value)
    assert "3599" in message and "closest" in message
    assert error.value.candidates and all(c.startswith("35") for c in error.value.candidates)
    assert all(c in message for c in error.value.candidates)


def test_misspelt_regency_name_suggests_the_right_one(regions):
    with pytest.raises(ParameterError) as error:
        check_regency("Garutt", regions)
    assert "3205" in error.value.candidates


@pytest.mark.parametrize("given", ["32", "Jawa Barat", "jawa barat"])
def test_province(provinces, given):
    assert check_province(given, provinces) == "32"


def test_unknown_province_code(provinces):
    with pytest.raises(ParameterError) as error:
        check_province("39", provinces)
    assert error.value.candidates and "39" in str(error.value)


def test_lang_and_level():
    assert check_lang("EN") == "en"
    assert check_level("Regency") == "regency"
    with pytest.raises(ParameterError):
        check_lang("fr")
    with pytest.raises(ParameterError) as error:
        check_level("regncy")
    assert error.value.candidates == ["regency"]
