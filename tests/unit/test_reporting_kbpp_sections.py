"""The KBPP and programme sections of a regency page, on the real default's shapes."""
from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from kbanalysis.reporting import sections as S

SOURCE = "Profil Kesehatan Provinsi Jawa Tengah 2021, Gambar 5.17"


def _cross(**columns) -> pd.DataFrame:
    base = {"bps_code": ["3328", "1101"], "name": ["Kabupaten Tegal", "Kabupaten Simeulue"],
            "province_bps": ["33", "11"], "province_name": ["Jawa Tengah", "Aceh"],
            "kbpp_coverage_pct": [91.3, None], "kbpp_year": [2021, None],
            "deliveries": [None, None], "kbpp_total": [None, None],
            "kbpp_measure_type": ["administrative", None], "kbpp_source": [SOURCE, None],
            "kbpp_flags": ["", ""]}
    return pd.DataFrame(base | columns)


def _ctx(cross, month=None):
    return SimpleNamespace(cross=cross, programme_month=lambda code: month)


def test_a_published_coverage_is_shown_with_its_source_and_no_invented_counts():
    block = S.regency_kbpp(_ctx(_cross()), "3328", "id")
    assert "91,3 %" in block.plain
    assert SOURCE in block.plain
    assert "tidak diterbitkan" in block.plain  # counts are said to be unpublished
    assert "ibu bersalin lagi" not in block.plain  # no "mothers to reach" without counts


def test_a_regency_without_a_public_figure_says_so_and_shows_the_commands():
    for lang, words in (("id", "Belum ada data KBPP publik"), ("en", "No public KBPP figure")):
        block = S.regency_kbpp(_ctx(_cross()), "1101", lang)
        assert words in block.plain and "Kabupaten Simeulue" in block.plain
        assert "kbanalysis data check" in block.plain
        assert 'make run KBPP="' in block.plain
        assert "<pre" in block.markup  # copyable, not reflowed


def test_programme_indicators_appear_only_where_the_data_hold_them():
    cross = _cross(modern_cpr_pct=[None, 41.25], modern_cpr_pct_year=[None, 2025],
                   unmet_need_pct=[None, 12.5], unmet_need_pct_year=[None, 2025])
    assert S.regency_programme(_ctx(cross), "3328", "en") is None
    block = S.regency_programme(_ctx(cross, month=(2025, 9)), "1101", "id")
    assert "41,2" in block.plain or "41,3" in block.plain
    assert "12,5" in block.plain
    assert "September 2025" in block.plain
