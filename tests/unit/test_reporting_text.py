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
