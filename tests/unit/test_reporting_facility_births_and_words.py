"""Facility births on Jawa Tengah regency pages; literature ratios in the page's decimal mark."""
from __future__ import annotations

import dataclasses
import shutil

import pytest

from kbanalysis import config
from kbanalysis.reporting import sections as S


@pytest.fixture(scope="module")
def ctx():
    from kbanalysis.reporting.context import load_context
    if not config.ANALYSIS_CSV.exists():
        from tests.conftest import skip_or_fail
        skip_or_fail("data/processed/analysis.csv has not been built yet")
    return load_context(raw_dir=None)


def test_a_jawa_tengah_regency_page_shows_its_facility_births_with_the_publication(ctx, tmp_path):
    processed = tmp_path / "processed"
    shutil.copytree(ctx.processed_dir, processed)
    with open(processed / "tidy.csv", "a", encoding="utf-8") as handle:
        # two Jawa Tengah regencies of the printed figure, as a build would write them
        handle.write("3327,regency,2021,births_in_facility_pct,97.4,percent,administrative,"
                     "persalinan_faskes_jateng,9,,https://example.org/page67.html\n")
        handle.write("3328,regency,2021,births_in_facility_pct,99.9,percent,administrative,"
                     "persalinan_faskes_jateng,10,,https://example.org/page67.html\n")
    here = dataclasses.replace(ctx, processed_dir=processed)
    assert ("Persalinan di fasilitas kesehatan 2021: 97,4 % (Profil Kesehatan Jawa Tengah 2021)."
            in S.regency_kbpp(here, "3327", "id").plain)
    english = S.regency_kbpp(here, "3328", "en").plain
    assert "Deliveries in a health facility 2021: 99.9 % (Jawa Tengah Health Profile 2021)." in english
    # a regency of another province has no such line
    assert "fasilitas kesehatan 2021" not in S.regency_kbpp(here, "5203", "id").plain


def test_literature_ratios_use_the_decimal_comma_on_indonesian_pages():
    label = "Someone et al. 2019, interval 6-11 months (RR 1.125; OR 0.7)"
    assert S.literature_words(label, "id") == "Someone et al. 2019, jarak kelahiran 6-11 bulan (RR 1,125; OR 0,7)"
    assert S.literature_words(label, "en") == label
