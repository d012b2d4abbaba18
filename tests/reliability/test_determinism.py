"""Committed results are the same on every machine (issue 8 §1).

The last digits of a fit are noise (OpenBLAS picks its kernel per CPU, iterative fits stop at
a tolerance), so ``kbanalysis.models.output`` stores every number at a precision that noise
cannot flip. These tests check the rounding rules on values worked out by hand, that inputs
moved by 1e-12 relative (far more than BLAS noise) or given in another row order write the
same bytes, and that the committed results/ equal a fresh fit by value.
"""
from __future__ import annotations

import json
import math
import re
import shutil
import sys

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from kbanalysis import config
from kbanalysis.cli import app
from kbanalysis.models.output import json_ready, round_p_value, round_row, round_significant
from kbanalysis.results_contract import ESTIMATES_CSV, INFLUENCE_CSV, META_JSON, PREDICTIONS_CSV
from kbanalysis.versions import package_versions

RESULT_FILES = (ESTIMATES_CSV, META_JSON, PREDICTIONS_CSV, INFLUENCE_CSV)
ROW_KEYS = ("estimate", "std_error", "ci_low", "ci_high")
ROW_KEY = re.compile(r"(^|_)(estimate|std_error|ci_low|ci_high)(_|$)")


# --------------------------------------------------------------------------------------
# The rounding rules, on values worked out by hand


def test_a_row_shares_one_decimal_place_set_by_its_largest_value():
    # The spatial error model's KBPP row: the largest |value| is 0.093379545, so 4 significant
    # digits of it end at the 5th decimal, and the near-zero estimate keeps only 0.00052.
    row = round_row([0.00052363566, 0.047376334, -0.092332274, 0.093379545])
    assert row == pytest.approx([0.00052, 0.04738, -0.09233, 0.09338], abs=1e-15)
    # An intercept row at scale 24: two decimals.
    assert round_row([13.03228, 5.4839668, 1.9207075, 24.143852]) == pytest.approx(
        [13.03, 5.48, 1.92, 24.14], abs=1e-12)


def test_the_decimal_place_follows_the_scale_after_rounding():
    # 9.99996 rounds to 10.00 at 4 significant digits, so the row keeps 2 decimals, not 3.
    assert round_row([9.99996, 1.23456]) == pytest.approx([10.0, 1.23], abs=1e-12)


def test_missing_values_stay_missing_and_zero_has_one_sign():
    low, missing, high = round_row([-1e-9, float("nan"), 1.0])
    assert missing is None and high == 1.0
    assert low == 0.0 and math.copysign(1.0, low) == 1.0  # "-0.0" would be other bytes
    assert round_row([None, None]) == [None, None]


def test_p_values_keep_three_digits_and_a_floor():
    assert round_p_value(0.00070559002) == pytest.approx(0.000706, rel=1e-12)
    assert round_p_value(0.59162222) == pytest.approx(0.592, rel=1e-12)
    assert round_p_value(0.049996) == pytest.approx(0.05, rel=1e-12)
    # LM-lag p of the committed fit: its 10th digit changed with the BLAS kernel.
    assert round_p_value(2.878214841e-46) == 1e-16
    assert round_p_value(0.0) == 1e-16
    assert round_p_value(float("nan")) is None


def test_other_floats_keep_six_significant_digits():
    assert round_significant(203.9443689, 6) == pytest.approx(203.944, rel=1e-12)
    assert round_significant(-0.002012072435, 6) == pytest.approx(-0.00201207, rel=1e-12)


def test_meta_values_are_rounded_by_what_their_key_names():
    meta = json_ready({
        "spatial": {"lm_lag_p": 2.878214841e-46, "moran_p_normal": 0.012345678,
                    "lm_lag_stat": 203.9443689},
        "expected_effect": {"expected_pp": -0.005904572565},
        "sensitivity": [{"estimate": 0.00728221233, "std_error": 0.0806814961,
                         "ci_low": -0.1563474459, "ci_high": 0.1709118706,
                         "p_value": 0.9285819093, "n_obs": np.int64(471)}],
        "columns": {"estimate": "words, not a number"},
    })
    assert meta["spatial"] == {"lm_lag_p": 1e-16, "moran_p_normal": pytest.approx(0.0123),
                               "lm_lag_stat": pytest.approx(203.944)}
    # "_pp" (percentage points) is not a p-value: six significant digits.
    assert meta["expected_effect"]["expected_pp"] == pytest.approx(-0.00590457, rel=1e-12)
    grid = meta["sensitivity"][0]
    assert [grid[k] for k in ROW_KEYS] == pytest.approx([0.0073, 0.0807, -0.1563, 0.1709],
                                                        abs=1e-15)
    assert grid["p_value"] == pytest.approx(0.929) and grid["n_obs"] == 471
    assert meta["columns"] == {"estimate": "words, not a number"}
    # A record's other intervals (analytic_ci_low) share its decimal place too: at scale 2.1,
    # three decimals, so a bound of -0.00012 is written 0.0 (on its own it would keep 6 digits).
    headline = json_ready({"estimate": 0.49612, "std_error": 0.7937,
                           "analytic_ci_low": -0.00012345, "analytic_ci_high": 2.1037,
                           "analytic_p_value": 0.536, "mde_pp": 2.2345678})
    low = headline["analytic_ci_low"]
    assert low == 0.0 and math.copysign(1.0, low) == 1.0
    assert headline["analytic_ci_high"] == pytest.approx(2.104, abs=1e-12)
    assert headline["estimate"] == pytest.approx(0.496, abs=1e-12)
    # An estimate named otherwise (estimate_per_10) is still an estimate: 4 digits, not 6.
    change = json_ready({"estimate_per_10": 0.02540241, "mde_pp": 1.3221123})
    assert change == {"estimate_per_10": pytest.approx(0.0254, abs=1e-15),
                      "mde_pp": pytest.approx(1.32211, abs=1e-12)}
    assert headline["analytic_p_value"] == pytest.approx(0.536) and headline["mde_pp"] == 2.23457


def test_python_is_recorded_without_its_patch_release():
    recorded = package_versions(())["python"]
    assert re.fullmatch(r"\d+\.\d+", recorded), recorded
    assert (sys.version_info.major, sys.version_info.minor) == tuple(map(int, recorded.split(".")))


def test_reports_print_no_negative_zero_and_no_zero_p_value():
    from kbanalysis import messages as T
    # A near-zero estimate on either side of 0 prints the same text.
    assert T.number(-0.0004, "en", 2) == T.number(0.0004, "en", 2) == "0.00"
    assert T.number(-0.04, "id", 1) == "0,0"
    assert T.number(-1.2345, "en", 2) == "-1.23"
    assert T.p_value(2e-09, "en") == "<0.001" and T.p_value(2e-09, "id") == "<0,001"
    assert T.p_value(0.0228, "en") == "0.023" and T.p_value(0.592, "id") == "0,592"
    assert T.p_value(None, "en") == "–" and T.p_value(float("nan"), "id") == "–"


# --------------------------------------------------------------------------------------
# Whole fits


def _fit(out_dir, *args):
    result = CliRunner().invoke(app, ["fit", "--quiet", "--out", str(out_dir), *args])
    assert result.exit_code == 0, result.output
    return out_dir


@pytest.fixture(scope="module")
def fit_999(analysis_csv, tmp_path_factory):
    """One fit of the committed table with 999 draws: the reference the perturbed inputs
    are compared with (fitted once for both tests)."""
    return _fit(tmp_path_factory.mktemp("committed_999"), "--table", str(analysis_csv),
                "--draws", "999")


def _beside_the_committed_tables(folder, table: pd.DataFrame, analysis_csv):
    """``table`` as the analysis table of a copy of the committed folder (fit also reads the
    tables beside ``--table``, e.g. tidy.csv)."""
    shutil.copytree(analysis_csv.parent, folder)
    target = folder / analysis_csv.name
    table.to_csv(target, index=False, lineterminator="\n")
    return target


def _meta_without_data_hash(folder):
    meta = json.loads((folder / META_JSON).read_text(encoding="utf-8"))
    meta["data"].pop("sha256")  # hashes the input bytes, which the perturbation changes
    return meta


def test_inputs_moved_as_blas_noise_moves_them_write_the_same_bytes(analysis_csv, fit_999,
                                                                    tmp_path):
    """Moving every float input by 1e-12 relative shakes every fitted number as another BLAS
    kernel or CPU does (measured across OpenBLAS kernels: up to ~1e-12 of a row's scale, ~2e-9
    for the iterative spatial GMM); the written files must not notice."""
    table = pd.read_csv(analysis_csv, dtype=str, keep_default_na=False)
    rng = np.random.default_rng(8)
    floats = [c for c in table.columns if c.endswith(("_pct", "_index", "_per_100k"))]
    assert {"stunting_survey_pct", "kbpp_coverage_pct", "poverty_pct"} <= set(floats)
    for column in floats:
        values = pd.to_numeric(table[column].replace("", np.nan))
        moved = values * (1.0 + rng.choice([-1e-12, 1e-12], size=len(values)))
        assert (moved != values)[values.notna() & (values != 0)].all()
        table[column] = [("" if pd.isna(v) else repr(float(v))) for v in moved]
    moved_csv = _beside_the_committed_tables(tmp_path / "moved", table, analysis_csv)

    first = fit_999
    second = _fit(tmp_path / "second", "--table", str(moved_csv), "--draws", "999")
    for name in (ESTIMATES_CSV, PREDICTIONS_CSV):
        assert (first / name).read_text() == (second / name).read_text(), name
    assert _meta_without_data_hash(first) == _meta_without_data_hash(second)


def test_row_order_of_the_input_does_not_change_a_byte(analysis_csv, fit_999, tmp_path):
    table = pd.read_csv(analysis_csv, dtype=str, keep_default_na=False)
    shuffled = table.sample(frac=1.0, random_state=8)
    assert not shuffled.index.equals(table.index)
    shuffled_csv = _beside_the_committed_tables(tmp_path / "shuffled", shuffled, analysis_csv)

    first = fit_999
    second = _fit(tmp_path / "second", "--table", str(shuffled_csv), "--draws", "999")
    for name in RESULT_FILES:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


# -- committed results/ against a fresh fit, by value --------------------------------------

def _close_rows(committed: pd.DataFrame, fresh: pd.DataFrame, where: str) -> None:
    """Estimate/SE/CI within one unit of the row's 4th significant digit; p-values within
    one unit of their 3rd."""
    for i in range(len(committed)):
        a = committed.iloc[i]
        b = fresh.iloc[i]
        values = [abs(v) for v in (*a[list(ROW_KEYS)], *b[list(ROW_KEYS)]) if pd.notna(v)]
        step = 1.001e-3 * max(values, default=0.0)
        for key in ROW_KEYS:
            assert pd.isna(a[key]) == pd.isna(b[key]), (where, i, key)
            if pd.notna(a[key]):
                assert abs(a[key] - b[key]) <= step, (where, i, key, a[key], b[key])
        if "p_value" in a:
            assert pd.isna(a["p_value"]) == pd.isna(b["p_value"]), (where, i)
            if pd.notna(a["p_value"]):
                assert math.isclose(a["p_value"], b["p_value"], rel_tol=1.001e-2), (where, i)


def _close_json(committed, fresh, where: str = "meta") -> None:
    """Same keys, strings, integers and booleans; floats within one unit of their last
    stored digit (rows and p-values as in ``_close_rows``, others at 6 digits)."""
    assert type(committed) is type(fresh) or {type(committed), type(fresh)} == {int, float}, where
    if isinstance(committed, dict):
        assert committed.keys() == fresh.keys(), where
        keys = [k for k in committed if ROW_KEY.search(k)]
        if (any(re.search(r"(^|_)estimate(_|$)", k) for k in keys)
                and not any(isinstance(committed[k], str) for k in keys)):
            # analytic_ci_low, estimate_per_10 and the like share the row's decimal place
            frame = pd.DataFrame([{k: committed[k] for k in keys}, {k: fresh[k] for k in keys}],
                                 dtype="float64")
            values = frame.abs().max(axis=None)
            step = 1.001e-3 * (0.0 if pd.isna(values) else values)
            for key in keys:
                a, b = frame.loc[0, key], frame.loc[1, key]
                assert pd.isna(a) == pd.isna(b), (where, key)
                assert pd.isna(a) or abs(a - b) <= step, (where, key, a, b)
            committed = {k: v for k, v in committed.items() if k not in keys}
            fresh = {k: v for k, v in fresh.items() if k not in keys}
        for key in committed:
            _close_json(committed[key], fresh[key], f"{where}.{key}")
    elif isinstance(committed, list):
        assert len(committed) == len(fresh), where
        for i, (a, b) in enumerate(zip(committed, fresh)):
            _close_json(a, b, f"{where}[{i}]")
    elif isinstance(committed, float) or isinstance(fresh, float):
        p_value = re.search(r"(^|_)p(_|$)", where.rsplit(".", 1)[-1])
        assert math.isclose(committed, fresh, rel_tol=1.001e-2 if p_value else 1.001e-5,
                            abs_tol=1e-300), (where, committed, fresh)
    else:
        assert committed == fresh, where


def test_committed_results_equal_a_fresh_fit_by_value(analysis_csv, tmp_path):
    """results/ is what `kbanalysis fit` makes from the committed tables, up to one unit of
    the last stored digit on another machine."""
    fresh = _fit(tmp_path, "--table", str(analysis_csv))
    committed = config.RESULTS_DIR
    try:
        est_a, est_b = (pd.read_csv(d / ESTIMATES_CSV) for d in (committed, fresh))
        assert list(est_a.columns) == list(est_b.columns), "estimates.csv columns"
        exact = [c for c in est_a.columns if c not in (*ROW_KEYS, "p_value")]
        assert est_a[exact].equals(est_b[exact]), "estimates.csv rows (model, term, n_obs, ...)"
        _close_rows(est_a, est_b, ESTIMATES_CSV)

        pred_a, pred_b = (pd.read_csv(d / PREDICTIONS_CSV, dtype={"bps_code": str})
                          for d in (committed, fresh))
        pd.testing.assert_frame_equal(pred_a, pred_b, check_exact=False, rtol=0, atol=1.001e-4)

        _close_json(json.loads((committed / META_JSON).read_text(encoding="utf-8")),
                    json.loads((fresh / META_JSON).read_text(encoding="utf-8")))
    except AssertionError as error:
        pytest.fail("results/ is not what `kbanalysis fit` makes from the committed tables: "
                    f"regenerate it with `make fit`, then `make notebooks`.\n{error}")


def test_committed_results_record_no_machine():
    """No time, no absolute path, no Python patch release in results/."""
    meta_text = (config.RESULTS_DIR / META_JSON).read_text(encoding="utf-8")
    assert re.fullmatch(r"\d+\.\d+", json.loads(meta_text)["package_versions"]["python"])
    for name in RESULT_FILES:
        text = (config.RESULTS_DIR / name).read_text(encoding="utf-8")
        assert not re.search(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", text), name
        assert not re.search(r"(^|[\s\"'=(])(/[\w.-]+){2,}|[A-Za-z]:\\\\", text), name
