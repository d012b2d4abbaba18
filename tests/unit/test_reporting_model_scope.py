"""The scope sentence names the provinces a model rests on and calls it national only when
every province of the data enters it (two provinces with KBPP figures are not Indonesia)."""
from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from kbanalysis.reporting.page_sections.shared import model_scope


def _cross(provinces: dict[str, str], per_province: int = 3) -> pd.DataFrame:
    rows = [{"bps_code": f"{p}{i:02d}", "province_bps": p, "province_name": name}
            for p, name in provinces.items() for i in range(1, per_province + 1)]
    return pd.DataFrame(rows)


def _pooled_meta(scope: list[tuple[str, str, list[int]]], n: int) -> dict:
    return {"design": {"outcome_year": 2024, "pooled": {
        "regencies_in_data": n,
        "scope": [{"province_bps": p, "province_name": name, "exposure_years": years}
                  for p, name, years in scope]}}}


PROVINCES = {"33": "Jawa Tengah", "52": "Nusa Tenggara Barat", "63": "Kalimantan Selatan"}


def _text(ctx, lang):
    block = model_scope(ctx, lang)
    return str(block.html if hasattr(block, "html") else block)


@pytest.mark.parametrize("lang, national_word, names", [
    ("id", "nasional", "Jawa Tengah dan Nusa Tenggara Barat"),
    ("en", "national", "Jawa Tengah and Nusa Tenggara Barat")])
def test_two_of_three_provinces_are_named_and_not_called_national(lang, national_word, names):
    cross = _cross(PROVINCES)
    predictions = cross.loc[cross["province_bps"].isin(["33", "52"]), ["bps_code"]]
    meta = _pooled_meta([("33", "Jawa Tengah", [2021]), ("52", "Nusa Tenggara Barat", [2023])], 6)
    text = _text(SimpleNamespace(cross=cross, predictions=predictions, meta=meta), lang)
    assert names in text
    assert "2021" in text and "2023" in text and " 6 " in text
    # "not a national estimate", never "Scope of the model: national"
    assert f": {national_word}," not in text
    assert ("bukan perkiraan nasional" if lang == "id" else "not a national estimate") in text


def test_every_province_of_the_data_is_national():
    cross = _cross(PROVINCES)
    meta = _pooled_meta([(p, name, [2023]) for p, name in PROVINCES.items()], 9)
    text = _text(SimpleNamespace(cross=cross, predictions=cross[["bps_code"]], meta=meta), "id")
    assert "Cakupan model: nasional, 9 kabupaten/kota di 3 provinsi" in text


def test_one_province_says_only_there():
    cross = _cross(PROVINCES)
    predictions = cross.loc[cross["province_bps"] == "33", ["bps_code"]]
    meta = {"design": {"outcome_year": 2024, "exposure_year": 2021}}
    text = _text(SimpleNamespace(cross=cross, predictions=predictions, meta=meta), "id")
    assert "hanya 3 kabupaten/kota di Jawa Tengah" in text and "bukan perkiraan nasional" in text


def test_a_regency_alone_in_its_province_is_counted_and_said_to_carry_no_slope():
    cross = _cross(PROVINCES)
    cross.loc[cross["bps_code"] == "5201", "name"] = "Kabupaten Lombok Barat"
    predictions = cross.loc[cross["province_bps"] == "33", ["bps_code"]]
    meta = _pooled_meta([("33", "Jawa Tengah", [2021]), ("52", "Nusa Tenggara Barat", [2023])], 4)
    meta["design"]["pooled"]["absorbed"] = ["5201"]
    text = _text(SimpleNamespace(cross=cross, predictions=predictions, meta=meta), "id")
    assert "4 kabupaten/kota di 2 provinsi" in text
    assert ("1 di antaranya (Kabupaten Lombok Barat) sendirian di provinsinya" in text
            and "bertumpu pada 3 kabupaten/kota" in text)
