"""The KBPP table schema: validation names file, row and column; conversion to tidy rows."""
from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from kbanalysis.indicators import TIDY_COLUMNS
from kbanalysis.kbpp_schema import KBPP_COLUMNS, METHODS, kbpp_to_tidy, validate_kbpp
from kbanalysis.ledger import InputError

FILE = "kbpp_test.csv"
METHOD_NAMES = ["kondom", "suntik", "pil", "akdr", "mop", "mow", "implan", "mal"]


def valid_frame() -> pd.DataFrame:
    """Three rows worked out by hand: 450/1000 = 45 %, 441/980 = 45 %, 86/300 = 28.67 %."""
    rows = [
        # bps_code, year, deliveries, kondom suntik pil akdr mop mow implan mal, total, pct, type, source
        ("3205", 2022, 1000, 10, 200, 40, 80, 0, 20, 70, 30, 450, 45.00, "administrative", "garut.xlsx"),
        ("3205", 2023, 980, 9, 198, 39, 80, 1, 19, 66, 29, 441, 45.00, "administrative", "garut.xlsx"),
        ("9401", 2022, 300, 2, 40, 10, 14, 0, 3, 12, 5, 86, 28.67, "simulated",
         "simulated: kbanalysis.simulate.kbpp seed=1"),
    ]
    return pd.DataFrame(rows, columns=KBPP_COLUMNS)


def test_methods_are_the_profil_kesehatan_columns():
    assert list(METHODS) == METHOD_NAMES
    assert KBPP_COLUMNS == ["bps_code", "year", "deliveries", *[f"kbpp_{m}" for m in METHOD_NAMES],
                            "kbpp_total", "kbpp_coverage_pct", "measure_type", "source"]


def test_a_valid_frame_passes():
    assert validate_kbpp(valid_frame(), FILE) == []


def test_a_valid_frame_read_back_from_csv_passes():
    text = valid_frame().to_csv(index=False)
    frame = pd.read_csv(io.StringIO(text), dtype={"bps_code": str})
    assert validate_kbpp(frame, FILE) == []


def test_coverage_within_rounding_passes():
    frame = valid_frame()
    frame.loc[2, "kbpp_coverage_pct"] = 28.7  # 28.666... published to one decimal
    assert validate_kbpp(frame, FILE) == []


def _set(position, column, value):
    def change(frame):
        frame[column] = frame[column].astype(object)
        frame.loc[position, column] = value
        return frame.infer_objects()
    return change


# Each case breaks one rule; (line, column) of the errors expected (header = line 1, so
# the frame's first row is line 2; None = the whole column).
BROKEN = {
    "missing column": (lambda f: f.drop(columns="kbpp_mal"), [(1, "kbpp_mal")]),
    "unexpected column": (lambda f: f.assign(catatan=""), [(1, "catatan")]),
    "codes read as numbers": (lambda f: f.assign(bps_code=f["bps_code"].astype(int)), [(None, "bps_code")]),
    "unknown code": (_set(1, "bps_code", "3299"), [(3, "bps_code")]),
    "dotted kemendagri code": (_set(1, "bps_code", "32.05"), [(3, "bps_code")]),
    "year out of range": (_set(2, "year", 1999), [(4, "year")]),
    "negative count": (_set(0, "kbpp_kondom", -1), [(2, "kbpp_kondom")]),
    "fractional count": (_set(1, "kbpp_pil", 39.5), [(3, "kbpp_pil")]),
    "missing count": (_set(2, "kbpp_total", np.nan), [(4, "kbpp_total")]),
    "text count": (_set(0, "deliveries", "seribu"), [(2, "deliveries")]),
    "counts as floats": (lambda f: f.assign(kbpp_akdr=f["kbpp_akdr"].astype(float)), [(None, "kbpp_akdr")]),
    "zero deliveries": (lambda f: _set(2, "deliveries", 0)(f), [(4, "deliveries")]),
    "total is not the sum of methods": (_set(0, "kbpp_suntik", 201), [(2, "kbpp_total")]),
    "more acceptors than deliveries": (
        lambda f: _set(2, "kbpp_coverage_pct", 86 / 80 * 100)(_set(2, "deliveries", 80)(f)),
        [(4, "kbpp_total")]),
    "coverage does not match": (_set(1, "kbpp_coverage_pct", 46.0), [(3, "kbpp_coverage_pct")]),
    "coverage as a proportion": (_set(0, "kbpp_coverage_pct", 0.45), [(2, "kbpp_coverage_pct")]),
    "unknown measure type": (_set(0, "measure_type", "survey"), [(2, "measure_type")]),
    "empty source": (_set(1, "source", ""), [(3, "source")]),
    "simulated row without a simulated source": (_set(2, "source", "profil_2022.xlsx"), [(4, "source")]),
    "real row labelled as simulated": (_set(0, "source", "simulated: mine"), [(2, "source")]),
    "duplicate regency and year": (_set(1, "year", 2022), [(3, "bps_code")]),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_each_broken_rule_is_caught_at_its_row_and_column(case):
    change, expected = BROKEN[case]
    errors = validate_kbpp(change(valid_frame()), FILE)
    assert [(e.row, e.column) for e in errors] == expected
    assert all(isinstance(e, InputError) and e.file == FILE and e.expected for e in errors)


def test_an_error_reads_as_one_line_naming_file_row_and_column():
    errors = validate_kbpp(_set(1, "kbpp_suntik", 199)(valid_frame()), FILE)
    assert len(errors) == 1
    line = str(errors[0])
    assert line.startswith("kbpp_test.csv, row 3, column 'kbpp_total': expected the sum")
    assert "(442)" in line and "\n" not in line


def test_the_duplicate_names_the_first_row():
    errors = validate_kbpp(_set(1, "year", 2022)(valid_frame()), FILE)
    assert "row 2" in errors[0].expected


def test_several_problems_are_all_listed_in_row_order():
    frame = _set(2, "measure_type", "")(_set(0, "year", 3000)(valid_frame()))
    assert [(e.row, e.column) for e in validate_kbpp(frame, FILE)] == [(2, "year"), (4, "measure_type")]


# --- to the tidy table ----------------------------------------------------------------------

def test_kbpp_to_tidy_round_trips_the_counts():
    frame = valid_frame()
    tidy = kbpp_to_tidy(frame, "profil_kesehatan_test")
    assert list(tidy.columns) == TIDY_COLUMNS
    assert len(tidy) == 3 * 11  # deliveries, 8 methods, total, coverage per row
    back = tidy.pivot(index=["region_code", "year"], columns="indicator", values="value")
    back = back.reset_index().rename(columns={"region_code": "bps_code"})
    merged = frame.merge(back, on=["bps_code", "year"], suffixes=("", "_tidy"))
    for column in ["deliveries", *[f"kbpp_{m}" for m in METHOD_NAMES], "kbpp_total", "kbpp_coverage_pct"]:
        assert (merged[column] == merged[f"{column}_tidy"]).all(), column


def test_kbpp_to_tidy_keeps_labels_and_line_numbers():
    tidy = kbpp_to_tidy(valid_frame(), "profil_kesehatan_test")
    assert (tidy["level"] == "regency").all() and (tidy["source_id"] == "profil_kesehatan_test").all()
    assert (tidy["flags"] == "").all()
    by_row = tidy.groupby("source_row")["measure_type"].agg(set)
    # Line 2 and 3 are the administrative Garut rows, line 4 the simulated Merauke row.
    assert by_row.to_dict() == {2: {"administrative"}, 3: {"administrative"}, 4: {"simulated"}}
    merauke = tidy[tidy["region_code"] == "9401"]
    assert (merauke["source_row"] == 4).all()
    units = dict(zip(tidy["indicator"], tidy["unit"]))
    assert units["kbpp_coverage_pct"] == "percent" and units["deliveries"] == "count"


def test_kbpp_to_tidy_running_index_can_start_elsewhere():
    tidy = kbpp_to_tidy(valid_frame(), "simulated_kbpp", first_row=1)
    assert sorted(tidy["source_row"].unique()) == [1, 2, 3]
