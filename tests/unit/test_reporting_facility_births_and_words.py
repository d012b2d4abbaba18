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
    page = S.regency_kbpp(here, "3327", "id")
    assert ("Persalinan di fasilitas kesehatan 2021: 97,4 % (Profil Kesehatan Jawa Tengah 2021, hlm. 67, "
            "Gambar 5.9, https://example.org/page67.html)." in page.plain)
    assert 'href="https://example.org/page67.html"' in page.markup  # the page it was printed on, a link
    english = S.regency_kbpp(here, "3328", "en").plain
    assert ("Deliveries in a health facility 2021: 99.9 % (Jawa Tengah Health Profile 2021, p. 67, "
            "Figure 5.9, https://example.org/page67.html)." in english)
    # a regency of another province has no such line
    assert "fasilitas kesehatan 2021" not in S.regency_kbpp(here, "5203", "id").plain


def test_literature_ratios_use_the_decimal_comma_on_indonesian_pages():
    label = "Someone et al. 2019, interval 6-11 months (RR 1.125; OR 0.7)"
    assert S.literature_words(label, "id") == "Someone et al. 2019, jarak kelahiran 6-11 bulan (RR 1,125; OR 0,7)"
    assert S.literature_words(label, "en") == label
    # comparison signs and "vs" as a reader writes them (a literature row of the default results)
    row = "Ntambara et al. 2023, >= 24 vs < 24 months (OR 0.61)"
    assert S.literature_words(row, "id") == "Ntambara et al. 2023, ≥ 24 dibanding < 24 bulan (OR 0,61)"


def test_a_printed_source_names_its_page_in_the_page_language(ctx):
    """The Profil Kesehatan Jawa Tengah 2021 note reads "BKKBN Prov. Jateng, 2021, P. 73, Gambar
    5.17, …/page73.html" (raw file, read by hand): an Indonesian page writes "hlm. 73", and the
    address keeps its own "page73"."""
    indonesian = S.regency_kbpp(ctx, "3328", "id").plain
    # the publication and where the figure is printed first; the figure's own "Sumber:" note
    # after it, said to be its data source (not read as the publisher)
    assert ("Sumber: Profil Kesehatan Jawa Tengah 2021, hlm. 73, Gambar 5.17, https://dinkesjatengprov.go.id/"
            "v2018/dokumen/Profil_Kesehatan_2021/files/basic-html/page73.html (sumber data yang tercetak: "
            "BKKBN Prov. Jateng, 2021).") in indonesian
    assert "P. 73" not in indonesian
    assert "Profil Kesehatan Jawa Tengah 2021, p. 73, Gambar 5.17" in S.regency_kbpp(ctx, "3328", "en").plain


def test_the_regency_survey_figures_are_labelled_as_a_copy_with_its_address(ctx, raw_dir):
    """PROVENANCE §4: the 514 regency SSGI 2024 values are an extraction from a BRIN
    researcher's data map, not the report book: the pages say so and link the repository."""
    provenance = (raw_dir / "PROVENANCE.md").read_text(encoding="utf-8")
    assert "yanuprasetyo/sppg_rawanpangan" in provenance
    address = "https://github.com/yanuprasetyo/sppg_rawanpangan"
    regency = S.regency_comparison(ctx, "6371", "id")
    assert "dibaca dari salinan tabelnya" in regency.plain and address in regency.plain
    assert f'href="{address}"' in regency.markup
    province = S.province_regencies(ctx, "63", "id").plain
    assert address in province and "Target 14 % untuk 2024 dari RPJMN 2020–2024" in province


def test_a_regency_kbpp_figure_has_its_province_yardstick(ctx, raw_dir):
    """Tegal's 91,3 % beside the province figure and its regencies' range, all read by hand
    from the printed chart (Profil Kesehatan Jawa Tengah 2021, Gambar 5.17)."""
    import csv
    import statistics
    path = raw_dir / "kbpp_kabkota" / "profil_kesehatan_jateng_2021_gambar_5_17_kbpp.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        printed = {row["wilayah"]: float(row["nilai"]) for row in csv.DictReader(handle)}
    province = printed.pop("JAWA TENGAH")
    assert len(printed) == 35
    low, high, median = min(printed.values()), max(printed.values()), statistics.median(printed.values())
    text = S.regency_kbpp(ctx, "3328", "id").plain
    comma = lambda v: f"{v:.1f}".replace(".", ",")  # noqa: E731
    assert f"Sebagai pembanding: Jawa Tengah 2021 {comma(province)} % (angka provinsi yang terbit)." in text
    assert f"35 kabupaten/kota provinsi ini punya angka tahun itu: {comma(low)}–{comma(high)} %, " \
           f"median {comma(median)} %." in text
    # a regency without a KBPP figure has no yardstick sentence
    assert "Sebagai pembanding" not in S.regency_kbpp(ctx, "5203", "id").plain


def test_a_page_number_stays_with_its_mark_on_a_phone(ctx):
    """"hlm. 73" is never split across two lines: a no-break space in the markup, a plain
    space in the text twin; a word ending in "p." before a number is left alone."""
    from kbanalysis.reporting import blocks as B
    block = S.regency_kbpp(ctx, "3328", "id")
    assert "hlm.\u00a073, Gambar 5.17" in block.markup and "hlm. 73, Gambar 5.17" in block.plain
    assert B.esc("help. 5; p. 4") == "help. 5; p.\u00a04"
