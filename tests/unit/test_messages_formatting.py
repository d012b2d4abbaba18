"""Report strings: both languages everywhere, and numbers in each language's format."""
from __future__ import annotations

import string

import pandas as pd
import pytest

from kbanalysis import messages as T


def test_every_string_exists_in_both_languages_with_the_same_placeholders():
    for key, versions in T.CATALOGUE.items():
        assert set(versions) == set(T.LANGS), key
        fields = [{f for _, f, _, _ in string.Formatter().parse(v) if f} for v in versions.values()]
        assert fields[0] == fields[1], key


@pytest.mark.parametrize(("value", "lang", "decimals", "expected"), [
    (4512.34, "id", 1, "4.512,3"),
    (4512.3, "en", 1, "4,512.3"),
    (19.8, "id", 1, "19,8"),
    (1234567, "id", 0, "1.234.567"),
    (1234567, "en", 0, "1,234,567"),
    (None, "id", 1, "–"),
    (float("nan"), "en", 1, "–"),
    (pd.NA, "id", 0, "–"),
])
def test_numbers_follow_the_language(value, lang, decimals, expected):
    assert T.number(value, lang, decimals) == expected


def test_unknown_key_or_language_is_an_error():
    with pytest.raises(KeyError):
        T.t("no_such_text", "id")
    with pytest.raises(KeyError):
        T.t("h_stunting", "fr")


def test_flags_in_words_and_unknown_flags_kept():
    assert T.flag_label("sampling_zero", "en") != "sampling_zero"
    assert T.flag_label("brand_new_flag", "id") == "brand_new_flag"


def test_one_catalogue_refuses_a_key_defined_twice():
    from kbanalysis.messages import _joined_catalogue

    with pytest.raises(KeyError, match="twice.*'same'"):
        _joined_catalogue({"a": {"id": "a", "en": "a"}, "same": {"id": "x", "en": "x"}},
                          {"same": {"id": "y", "en": "y"}})


def test_report_words_and_problem_messages_share_one_catalogue_and_one_formatter():
    # A report key and a CLI key are reachable both ways, and a prose float in either takes
    # the same separators as number(): 4512.5 is "4.512,5" in Indonesian, "4,512.5" in English.
    from kbanalysis.messages import CATALOGUE, msg, number, t

    assert "simulated_banner" in CATALOGUE and "frame.row" in CATALOGUE
    assert t("frame.row", "id", row=7) == msg("frame.row", row=7).render("id") == "baris 7"
    assert t("reg_scope_provinces", "id", k=2) == "dari 2 provinsi"
    value = 4512.5
    for lang, written in (("id", "4.512,5"), ("en", "4,512.5")):
        assert number(value, lang) == written
    # A report template given a float (no pre-formatted text) gets the language's comma.
    assert t("reg_scope_provinces", "id", k=2.5) == "dari 2,5 provinsi"
    assert t("reg_scope_provinces", "en", k=2.5) == "2.5 provinces"
