"""Service registers: the DuckDB aggregation, its pandas twin, the rules and the bounded ledger."""
from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from kbanalysis.kbpp_schema import METHOD_COLUMNS
from kbanalysis.ledger import InputError
from kbanalysis.sources.kbpp_parts import method_of
from kbanalysis.sources.registers import (
    aggregate_register,
    looks_like_register,
    parse_date,
    read_register_parts,
    wilson_interval,
)
from tests.fixtures import write_register
from tests.fixtures.register_pandas_engine import aggregate_register_pandas

REGENCIES = ["3201", "3271", "3205", "3273", "9403"]  # Bogor kab + kota share a bare name
COUNTS = ["bps_code", "year", "deliveries", *METHOD_COLUMNS]


@pytest.fixture(scope="module", params=["csv", "parquet"])
def register(request, tmp_path_factory):
    path = tmp_path_factory.mktemp("register") / f"register.{request.param}"
    truth = write_register(path, 6_000, chunk_rows=2_500, regencies=REGENCIES,
                           keep_records=True, problem_share=0.03)
    return path, truth


def test_duckdb_and_pandas_give_identical_results(register):
    path, _ = register
    fast = aggregate_register(path, threads=2)
    plain = aggregate_register_pandas(path)
    pd.testing.assert_frame_equal(fast.monthly, plain.monthly)
    pd.testing.assert_frame_equal(fast.yearly, plain.yearly)
    pd.testing.assert_frame_equal(fast.reasons, plain.reasons)
    assert fast.ledger.to_frame().equals(plain.ledger.to_frame())
    assert fast.rows_read == plain.rows_read == 6_000


def test_example_lines_are_the_first_ones_even_when_the_scan_must_read_further(
        register, monkeypatch):
    """The DuckDB engine reads example lines in a short scan that widens until every reason
    has its first examples; forced to start tiny, it must still match the pandas engine."""
    import kbanalysis.sources.registers as registers
    path, _ = register
    monkeypatch.setattr(registers, "EXAMPLE_SCAN_FACTOR", 0.05)
    fast = aggregate_register(path, threads=2, examples_per_reason=3)
    plain = aggregate_register_pandas(path, examples_per_reason=3)
    assert fast.ledger.to_frame().equals(plain.ledger.to_frame())
    pd.testing.assert_frame_equal(fast.reasons, plain.reasons)


def test_counts_equal_the_generators_own_truth(register):
    path, truth = register
    result = aggregate_register(path)
    monthly = truth.monthly.sort_values(["bps_code", "year", "month"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(result.monthly[monthly.columns], monthly, check_dtype=False)
    pd.testing.assert_frame_equal(result.yearly[COUNTS], truth.yearly()[COUNTS],
                                  check_dtype=False)
    rejected = result.reasons[~result.reasons["kept"]].groupby("reason")["rows"].sum().to_dict()
    assert rejected == truth.reasons
    late = result.reasons[result.reasons["kept"]]
    assert late["reason"].tolist() == ["after_kbpp_window"] and late["rows"].sum() == truth.late
    # Every record is kept (a delivery) or rejected, none twice.
    assert result.yearly["deliveries"].sum() + result.rows_rejected == result.rows_read


def test_ledger_is_bounded_and_its_examples_are_the_first_records(register):
    path, truth = register
    result = aggregate_register(path, examples_per_reason=2)
    records = truth.records.set_index("line")
    by_reason: dict[tuple, list] = {}
    for reject in result.ledger.rejects:
        by_reason.setdefault((reject.reason, reject.row is None), []).append(reject)
    for (reason, summary), rejects in by_reason.items():
        assert len(rejects) == (1 if summary else min(2, len(rejects)))
    for row in result.reasons.itertuples():
        examples = [r.row for r in result.ledger.rejects
                    if r.reason == row.reason and r.row is not None]
        if row.kept:
            expected = records.index[records["late"]][:2].tolist()
        else:
            expected = records.index[records["reason"] == row.reason][:2].tolist()
        assert examples == expected
    summary = next(r for r in result.ledger.rejects if r.reason == "method_unknown")
    assert summary.row is None and summary.detail.startswith(f"{truth.reasons['method_unknown']} ")


def test_wilson_interval_matches_the_textbook_formula():
    from statsmodels.stats.proportion import proportion_confint

    k, n = np.array([0, 5, 45, 100]), np.array([10, 10, 100, 100])
    low, high = wilson_interval(k, n)
    ref_low, ref_high = proportion_confint(k, n, alpha=0.05, method="wilson")
    np.testing.assert_allclose(low, 100 * ref_low, atol=1e-9)
    np.testing.assert_allclose(high, 100 * ref_high, atol=1e-9)
    assert np.isnan(wilson_interval([0], [0])[0]).all()


def test_yearly_coverage_carries_its_interval(register):
    path, truth = register
    yearly = aggregate_register(path).yearly
    assert (yearly["kbpp_total"] == yearly[METHOD_COLUMNS].sum(axis=1)).all()
    # Coverage against the generator's own counts, not the aggregation's columns.
    known = truth.yearly().merge(yearly[["bps_code", "year", "kbpp_coverage_pct"]],
                                 on=["bps_code", "year"], validate="one_to_one")
    assert len(known) == len(yearly)
    assert np.allclose(known["kbpp_coverage_pct"],
                       100 * known[METHOD_COLUMNS].sum(axis=1) / known["deliveries"])
    assert ((yearly["coverage_ci_low"] < yearly["kbpp_coverage_pct"])
            & (yearly["kbpp_coverage_pct"] < yearly["coverage_ci_high"])).all()


@pytest.mark.parametrize("text, method", [
    ("Suntik 3 Bulan", "suntik"), ("IUD", "akdr"), ("AKDR/IUD", "akdr"),
    ("IUD Post Plasenta", "akdr"), ("Implant", "implan"), ("MOW/Tubektomi", "mow"),
    ("Vasektomi", "mop"), ("Metode Amenore Laktasi", "mal"), ("PIL KB", "pil"),
    ("kondom", "kondom"), ("Kalender", None), ("Lainnya", None), ("", None), ("Pilihan", None),
])
def test_method_vocabulary(text, method):
    assert method_of(text) == method


@pytest.mark.parametrize("text, expected", [
    ("2022-03-05", date(2022, 3, 5)), ("05/03/2022", date(2022, 3, 5)),
    ("05-03-2022", date(2022, 3, 5)), ("2022-03-05 00:00:00", date(2022, 3, 5)),
    ("31/02/2022", None), ("kemarin", None), ("", None),
])
def test_dates_are_read_day_first(text, expected):
    assert parse_date(text) == expected


def _small_register(path, rows, sep=","):
    frame = pd.DataFrame(rows)
    frame.to_csv(path, index=False, sep=sep)
    return path


def test_typed_parquet_and_aliased_text_columns_read_alike(tmp_path):
    rows = {"tgl_persalinan": [date(2023, 1, 3), date(2023, 1, 20), date(2023, 2, 1), None],
            "kode_kab": [3205, 3205, 3273, 3273],
            "kb_pasca_persalinan": [1, 0, 1, 1],
            "jenis_kontrasepsi": ["IUD", None, "Suntik", "Pil"],
            "selang_hari": pd.array([0, None, 50, 3], dtype="Int64")}
    typed = tmp_path / "typed.parquet"
    pd.DataFrame(rows).to_parquet(typed)
    text = _small_register(tmp_path / "text.csv", {
        "tgl_persalinan": ["03/01/2023", "20/01/2023", "01/02/2023", ""],
        "kode_kab": ["3205", "3205", "3273", "3273"], "kb_pasca_persalinan": ["Ya", "T", "Y", "1"],
        "jenis_kontrasepsi": ["AKDR", "", "suntik", "pil"], "selang_hari": ["0", "", "50", "3"]},
        sep=";")
    results = [engine(p) for p in (typed, text)
               for engine in (aggregate_register, aggregate_register_pandas)]
    for other in results[1:]:
        pd.testing.assert_frame_equal(results[0].monthly, other.monthly)
        pd.testing.assert_frame_equal(results[0].reasons, other.reasons)
    yearly = results[0].yearly.set_index("bps_code")
    # Garut: two deliveries, one IUD; Kota Bandung: one delivery, its injection at day 50 is late.
    assert yearly.at["3205", "deliveries"] == 2 and yearly.at["3205", "kbpp_akdr"] == 1
    assert yearly.at["3273", "deliveries"] == 1 and yearly.at["3273", "kbpp_total"] == 0
    reasons = results[0].reasons.set_index("reason")["rows"].to_dict()
    assert reasons == {"after_kbpp_window": 1, "bad_date": 1}


def test_year_range_and_regency_names_without_codes(tmp_path):
    path = _small_register(tmp_path / "names.csv", {
        "tanggal_persalinan": ["2019-12-31", "2020-01-01", "2020-06-01", "2020-06-02"],
        "nama_kabupaten_kota": ["Kab. Garut", "KOTA BOGOR", "Bogor", "Kabupaten Entah"],
        "kb_pasca_persalinan": ["tidak", "ya", "ya", "ya"],
        "metode_kb": ["", "Implan", "Pil", "Pil"], "hari_ke_kb": ["", "1", "2", "3"]})
    result = aggregate_register(path, years=(2020, 2025))
    reasons = result.reasons.set_index("reason")["rows"].to_dict()
    assert reasons == {"date_out_of_range": 1, "ambiguous_region": 1, "unknown_region": 1}
    assert result.yearly[["bps_code", "kbpp_implan"]].values.tolist() == [["3271", 1]]
    # Told that bare names are kabupaten, "Bogor" is Kabupaten Bogor.
    result = aggregate_register(path, years=(2020, 2025), bare_means="kabupaten")
    assert set(result.yearly["bps_code"]) == {"3201", "3271"}


def test_acceptor_register_needs_deliveries_and_ledgers_non_postpartum_rows(tmp_path):
    path = _small_register(tmp_path / "acceptors.csv", {
        "tanggal_persalinan": ["2023-01-03", "2023-02-03", "2023-03-03", "2023-04-03"],
        "kode_kabupaten_kota": ["3205"] * 4, "kb_pasca_persalinan": ["ya", "ya", "tidak", "ya"],
        "metode_kb": ["Implan", "Suntik", "Pil", "Pil"], "hari_ke_kb": ["3", "10", "", "60"]})
    result = aggregate_register(path, unit="acceptor")
    assert result.reasons.set_index("reason")["rows"].to_dict() == {
        "after_kbpp_window": 1, "not_postpartum": 1}
    assert result.yearly[["kbpp_implan", "kbpp_suntik", "kbpp_pil"]].values.tolist() == [[1, 1, 0]]
    parts = read_register_parts(path, unit="acceptor",
                                deliveries=pd.DataFrame({"bps_code": ["3205"], "year": [2023],
                                                         "deliveries": [40]}))
    assert parts.rows[["deliveries", "kbpp_implan", "kbpp_suntik"]].values.tolist() == [[40, 1, 1]]


def test_memory_and_thread_limits_do_not_change_the_result(register):
    path, _ = register
    small = aggregate_register(path, memory_limit="256MB", threads=1)
    pd.testing.assert_frame_equal(small.monthly, aggregate_register(path).monthly)


def test_broken_and_foreign_files(tmp_path):
    broken = tmp_path / "broken.csv"
    broken.write_text("tanggal_persalinan,kode_kabupaten_kota,kb_pasca_persalinan,metode_kb\n"
                      "2023-01-01,3205,ya,Pil\n2023-01-02,3205,ya,Pil,extra,fields\n")
    result = aggregate_register(broken)  # the long line is ledgered, the good one counted
    assert result.reasons.to_dict("records") == [
        {"reason": "malformed_row", "column": None, "rows": 1, "kept": False}]
    assert result.yearly["kbpp_pil"].tolist() == [1] and result.rows_read == 2
    example = [r for r in result.ledger.rejects if r.row is not None]
    assert [(r.row, r.detail) for r in example] == [(3, "6 fields, header has 4")]
    foreign = tmp_path / "foreign.csv"
    foreign.write_text("tanggal_persalinan,kode_kabupaten_kota\n2023-01-01,3205\n")
    assert looks_like_register(broken) and not looks_like_register(foreign)
    with pytest.raises(InputError, match="kb_pasca_persalinan"):
        aggregate_register(foreign)
