"""Designs beside the lagged cross-section, for the data that exist.

- :func:`change_design`: the change in survey stunting between two survey years (where a
  regency has the outcome in both) on the exposure of a year before the later survey. Time-
  invariant differences between regencies (altitude, culture, reporting habits) drop out of
  a change. Rows whose outcome in either year comes from a secondary source (a re-published
  list, flag ``secondary_source``) are counted and marked.
- :func:`other_exposures`: the programme indicators of BKKBN SIGA (modern contraceptive
  prevalence, unmet need, long-acting share) where they exist. With fewer than
  ``MIN_ROWS`` regencies (Sulawesi Barat: six) a regression is refused: a table only.
- :func:`province_design`: the Susenas postpartum modern-method indicator against official
  province survey stunting (SSGI/SKI), descriptive plus Spearman's rank correlation when at
  least ``MIN_PROVINCES_FOR_RANKS`` provinces have both; the year pairing is stated.

Each returns a :class:`DesignResult` (``table`` for a reader, ``as_dict()`` for meta.json,
``notes`` with every refusal and its reason). Survey stunting only: routine-weighing
stunting (``stunting_weighing_pct``) is a different measure and never enters these designs.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

from ..results_contract import PER_10, PER_10_POINTS, Design
from .bootstrap import wild_cluster_bootstrap
from .linear import cr1_label, fit_linear, hc3_label
from .power import design_power
from .spec import INTERCEPT, MIN_CLUSTERS, MIN_ROWS, weight_note
from .timing import parse_flags, usable_exposure

SURVEY_OUTCOME = "stunting_survey_pct"
SECONDARY_FLAG = "secondary_source"
SIGA_EXPOSURES = ("modern_cpr_pct", "unmet_need_pct", "long_acting_share_pct")
PROVINCE_EXPOSURE = "postpartum_modern_method_pct"
MIN_PROVINCES_FOR_RANKS = 10
# Papua was split in 2022: a province value for the pre-split territory is not comparable
# with one for the smaller post-split province 94 from 2023 on.
PAPUA_SPLIT_YEAR = 2023
PRE_SPLIT_FLAG = "pre_split_territory"


@dataclass
class DesignResult:
    """One design's result: what a reader sees (``table``) and what meta.json keeps."""

    name: str
    description: str
    status: str  # "estimated", "descriptive" or "not applicable"
    table: pd.DataFrame
    notes: list[str] = field(default_factory=list)
    statistics: dict = field(default_factory=dict)
    estimates: pd.DataFrame | None = None  # comparison-style rows (model, term, estimate, ...)
    models: dict = field(default_factory=dict)  # name -> fitted object
    model_notes: list[str] = field(default_factory=list)  # weighting and data kind, per model
    rows: pd.DataFrame | None = None  # the change design's regencies (secondary_source marked)

    def record(self) -> Design:
        """``meta["designs"][name]`` as the results contract declares it."""
        return Design(description=self.description, status=self.status,
                      notes=tuple(self.notes), statistics=dict(self.statistics),
                      table=tuple(self.table.to_dict(orient="records")),
                      rows=None if self.rows is None
                      else tuple(self.rows.to_dict(orient="records")))

    def as_dict(self) -> dict:
        return self.record().write()


def _flagged(flags: pd.Series, indicator: str, flag: str) -> pd.Series:
    return flags.map(lambda text: (indicator, flag) in parse_flags(text))


# --------------------------------------------------------------------------------------
# Change design


def change_pairs(table: pd.DataFrame, outcome: str, exposure: str,
                 exposure_year: int) -> pd.DataFrame:
    """Every pair of outcome years (from < to, to > ``exposure_year``) with the number of
    regencies that have the outcome in both years and the exposure in ``exposure_year``."""
    value = pd.to_numeric(table[outcome], errors="coerce")
    years = sorted(int(y) for y in table.loc[value.notna(), "year"].unique())
    exposed = set(table.loc[usable_exposure(table, exposure).notna()
                            & table["year"].eq(exposure_year), "bps_code"])
    by_year = {y: set(table.loc[value.notna() & table["year"].eq(y), "bps_code"])
               for y in years}
    rows = [{"from_year": a, "to_year": b, "n_regencies": len(by_year[a] & by_year[b] & exposed)}
            for i, a in enumerate(years) for b in years[i + 1:] if b > exposure_year]
    return pd.DataFrame(rows, columns=["from_year", "to_year", "n_regencies"])


def change_design(table: pd.DataFrame, *, exposure: str, exposure_year: int,
                  outcome: str = SURVEY_OUTCOME, weights: str | None = None,
                  weights_year: int | None = None, from_year: int | None = None,
                  to_year: int | None = None, draws: int = 9999,
                  bootstrap_weights: str = "rademacher", seed: int = 0) -> DesignResult:
    """Change in ``outcome`` from ``from_year`` to ``to_year`` regressed on ``exposure`` of
    ``exposure_year``: WLS by ``weights`` of ``weights_year`` (children 0-4: the outcome is
    a share of children) or OLS, HC3 and a wild bootstrap over regencies when the rows span
    fewer than 10 provinces, else CR1 by province and the wild cluster bootstrap.

    Without years, the pair with the most regencies is used (ties: the later pair). Fewer than
    ``MIN_ROWS`` regencies: the rows are shown, no regression, and the notes say why.
    """
    description = (f"change in {outcome} between two survey years on {exposure} "
                   f"({exposure_year})")
    table = _slim(table, outcome, exposure, exposure_year, weights, weights_year)
    pairs = change_pairs(table, outcome, exposure, exposure_year)
    if from_year is None or to_year is None:
        usable = pairs.loc[pairs["n_regencies"] > 0]
        if usable.empty:
            return DesignResult("change", description, "not applicable", pairs,
                                [f"no regency has {outcome} in two survey years after the "
                                 f"exposure year {exposure_year} together with {exposure}"],
                                {"pairs": pairs.to_dict(orient="records")})
        best = usable.sort_values(["n_regencies", "to_year", "from_year"],
                                  ascending=False, kind="mergesort").iloc[0]
        from_year, to_year = int(best["from_year"]), int(best["to_year"])
        how = "the pair of survey years with the most regencies"
    else:
        how = "as asked"
    rows = _change_rows(table, outcome, exposure, exposure_year, weights, weights_year,
                        from_year, to_year)
    n_secondary = int(rows["secondary_source"].sum())
    statistics = {"outcome": outcome, "exposure": exposure, "exposure_year": exposure_year,
                  "from_year": from_year, "to_year": to_year, "n_obs": len(rows),
                  "n_secondary_source": n_secondary,
                  "pairs": pairs.to_dict(orient="records"),
                  "weights": weights if weights else None,
                  "weights_year": weights_year if weights else None}
    notes = [f"change in {outcome} {from_year}->{to_year} ({how}) on {exposure} "
             f"{exposure_year}; {len(rows)} regencies have all three",
             f"{n_secondary} of {len(rows)} rows use a secondary-source outcome value in "
             f"{from_year} or {to_year} (flag {SECONDARY_FLAG})"]
    if exposure_year >= from_year:
        notes.append(f"the exposure year {exposure_year} is not before the first survey "
                     f"{from_year}: part of the change predates the exposure")
    if len(rows) < MIN_ROWS:
        notes.append(f"no regression: {len(rows)} regencies (need at least {MIN_ROWS} for any "
                     f"regression); the rows are shown as they are")
        return DesignResult("change", description, "descriptive", rows, notes, statistics,
                            rows=rows)
    if weights and rows["weight"].isna().any():
        missing = rows.loc[rows["weight"].isna(), "bps_code"].iloc[0]
        notes.append(f"unweighted: {weights} missing for bps_code {missing}")
        weights = None
    w = rows["weight"].to_numpy(float) / rows["weight"].mean() if weights else None
    X = np.column_stack([np.ones(len(rows)), rows[exposure].to_numpy(float)])
    y = rows["change"].to_numpy(float)
    provinces = rows["province_bps"].astype(str)
    hc3 = provinces.nunique() < MIN_CLUSTERS
    clusters = (np.arange(len(rows)) if hc3
                else np.unique(provinces.to_numpy(), return_inverse=True)[1])
    fit = fit_linear(X, y, [INTERCEPT, exposure], weights=w, clusters=clusters,
                     vcov_type="HC3" if hc3 else "CR1")
    boot = wild_cluster_bootstrap(X, y, clusters, 1, weights=w, term=exposure, draws=draws,
                                  weight_type=bootstrap_weights, seed=seed)
    name = "change_wls" if w is not None else "change_ols"
    inference = (hc3_label(fit.n_obs, X.shape[1]) if hc3 else
                 cr1_label(fit.n_clusters, "province_bps"))
    why = (f"{provinces.nunique()} province(s), fewer than the {MIN_CLUSTERS} clusters "
           f"cluster-robust errors need: HC3 and a wild bootstrap over regencies" if hc3 else
           f"{provinces.nunique()} provinces: CR1 by province and the wild cluster bootstrap")
    weights_used = weight_note(weights if w is not None else None, weights_year,
                               "no weights asked")
    notes += [f"inference: {why}", weights_used]
    power = design_power(name, X, fit.resid, w, 1, fit.bse[1], fit.df_t, inference,
                         scale=PER_10)
    statistics.update({"inference": "hc3" if hc3 else "cluster", "inference_reason": why,
                       "mde_pp": power.mde, "power": power.as_dict()})
    terms = fit.terms(keep=[exposure]).assign(model=name, inference=inference)
    estimates = _with_bootstrap_row(terms, boot, name, exposure, hc3, fit, len(rows))
    table_out = estimates.assign(**{c: estimates[c] * PER_10 for c in
                                    ("estimate", "std_error", "ci_low", "ci_high")},
                                 scale=PER_10_POINTS)
    statistics["estimate_per_10"] = float(fit.params[1] * PER_10)
    return DesignResult("change", description, "estimated", table_out, notes, statistics,
                        estimates=estimates, models={name: fit, f"{name}_wild_bootstrap": boot},
                        model_notes=[notes[0], notes[1], weights_used], rows=rows)


def _slim(table, outcome, exposure, exposure_year, weights, weights_year) -> pd.DataFrame:
    """Only the rows and columns the change design reads, the exposure already made usable
    (simulated values masked on a real build), so the rest works on a few hundred rows."""
    exposure_values = usable_exposure(table, exposure)
    year = table["year"]
    keep = (pd.to_numeric(table[outcome], errors="coerce").notna()
            | (exposure_values.notna() & year.eq(exposure_year)))
    if weights and weights in table.columns:
        keep |= year.eq(weights_year)
    columns = [c for c in ("bps_code", "year", "name", "province_bps", outcome, "flags",
                           weights) if c and c in table.columns]
    return table.loc[keep, list(dict.fromkeys(columns))].assign(
        **{exposure: exposure_values[keep].to_numpy()})


def _change_rows(table, outcome, exposure, exposure_year, weights, weights_year, from_year,
                 to_year) -> pd.DataFrame:
    value = pd.to_numeric(table[outcome], errors="coerce")
    has_flags = "flags" in table.columns

    def year_rows(year):
        part = table.loc[table["year"].eq(year) & value.notna()]
        out = pd.DataFrame({"bps_code": part["bps_code"].to_numpy(),
                            f"{outcome}_{year}": value[part.index].to_numpy(float)})
        out[f"secondary_{year}"] = (_flagged(part["flags"], outcome, SECONDARY_FLAG).to_numpy()
                                    if has_flags else False)
        return out

    exposure_values = usable_exposure(table, exposure)
    at = table.loc[table["year"].eq(exposure_year) & exposure_values.notna()]
    frame = pd.DataFrame({"bps_code": at["bps_code"].to_numpy(),
                          exposure: exposure_values[at.index].to_numpy(float)})
    frame = year_rows(from_year).merge(year_rows(to_year), on="bps_code").merge(frame,
                                                                              on="bps_code")
    ids = (table.drop_duplicates("bps_code")
           .reindex(columns=["bps_code", "name", "province_bps"]).set_index("bps_code"))
    frame = frame.join(ids, on="bps_code")
    frame["change"] = frame[f"{outcome}_{to_year}"] - frame[f"{outcome}_{from_year}"]
    frame["secondary_source"] = frame[f"secondary_{from_year}"] | frame[f"secondary_{to_year}"]
    if weights and weights in table.columns:
        w = table.loc[table["year"].eq(weights_year), ["bps_code", weights]]
        frame = frame.merge(w.rename(columns={weights: "weight"}), on="bps_code", how="left")
    else:
        frame["weight"] = np.nan
    columns = ["bps_code", "name", "province_bps", f"{outcome}_{from_year}",
               f"{outcome}_{to_year}", "change", exposure, "secondary_source", "weight"]
    return frame[columns].sort_values("bps_code", kind="mergesort").reset_index(drop=True)


# --------------------------------------------------------------------------------------
# Other real exposures (SIGA), descriptive


def other_exposures(table: pd.DataFrame, columns=SIGA_EXPOSURES,
                    outcome: str = SURVEY_OUTCOME) -> DesignResult:
    """The regencies with SIGA programme indicators, beside their latest survey stunting.

    Never a regression below ``MIN_ROWS`` regencies; the notes say how many there are and
    that the indicators are measured after the latest survey where that is so.
    """
    description = "other exposures (BKKBN SIGA programme indicators), descriptive"
    present = [c for c in columns if c in table.columns]
    values = table[present].apply(pd.to_numeric, errors="coerce") if present else None
    if not present or not values.notna().any(axis=None):
        return DesignResult("other_exposures", description, "not applicable", pd.DataFrame(),
                            [f"none of {list(columns)} has values in the table"],
                            {"columns": list(columns), "n_regencies": 0})
    rows = table.loc[values.notna().any(axis=1)]
    keep = ["bps_code", "name", "province_name", "year", *present]
    out = rows.reindex(columns=keep).sort_values(["bps_code", "year"], kind="mergesort")
    outcome_values = pd.to_numeric(table[outcome], errors="coerce") \
        if outcome in table.columns else pd.Series(np.nan, index=table.index)
    survey = table.loc[outcome_values.notna() & table["bps_code"].isin(out["bps_code"]),
                       ["bps_code", "year"]].assign(value=outcome_values)
    latest = survey.sort_values("year").drop_duplicates("bps_code", keep="last")
    out = out.merge(latest.rename(columns={"year": f"{outcome}_year", "value": outcome}),
                    on="bps_code", how="left").reset_index(drop=True)
    n = int(out["bps_code"].nunique())
    provinces = sorted(rows["province_name"].dropna().astype(str).unique()) \
        if "province_name" in rows else []
    exposure_years = sorted(int(y) for y in out["year"].unique())
    notes = [f"{n} regencies ({', '.join(provinces) or 'province unknown'}) have "
             f"{', '.join(present)} in {', '.join(map(str, exposure_years))}"]
    if n < MIN_ROWS:
        notes.append(f"descriptive only: {n} regencies, fewer than the {MIN_ROWS} any "
                     f"regression needs")
    else:
        notes.append("descriptive here: the suite's models take one exposure at a time; fit "
                     "one of these with --exposure")
    survey_years = out[f"{outcome}_year"].dropna()
    if len(survey_years) and min(exposure_years) > int(survey_years.max()):
        notes.append(f"the indicators ({min(exposure_years)}) come after the latest survey "
                     f"stunting ({int(survey_years.max())}): they cannot have shaped it")
    return DesignResult("other_exposures", description, "descriptive", out, notes,
                        {"columns": present, "n_regencies": n,
                         "exposure_years": exposure_years})


# --------------------------------------------------------------------------------------
# Province level


def province_design(tidy: pd.DataFrame, *, exposure: str = PROVINCE_EXPOSURE,
                    outcome: str = SURVEY_OUTCOME,
                    outcome_year: int | None = None) -> DesignResult:
    """Province ``exposure`` (Susenas) against official province ``outcome`` (SSGI/SKI).

    The outcome year is ``outcome_year``, else the exposure's own survey year (the same
    year; Susenas asks about births in the two years before it). Spearman's rank
    correlation when at least ``MIN_PROVINCES_FOR_RANKS`` provinces have both, else the table
    only. A pre-split Papua value is left out against a post-split year.
    """
    description = (f"province level: {exposure} against official province {outcome}, "
                   f"descriptive and Spearman's rank correlation")
    level = tidy["level"].astype(str).eq("province")
    exp_rows = tidy.loc[level & tidy["indicator"].eq(exposure)]
    if exp_rows.empty:
        return DesignResult("province", description, "not applicable", pd.DataFrame(),
                            [f"no province values of {exposure} in the tidy table"],
                            {"exposure": exposure, "n_provinces": 0})
    exposure_year = int(exp_rows["year"].max())
    exp_rows = exp_rows.loc[exp_rows["year"].eq(exposure_year)]
    out_rows = tidy.loc[level & tidy["indicator"].eq(outcome)]
    outcome_years = sorted(int(y) for y in out_rows["year"].unique())
    chosen = outcome_year if outcome_year is not None else exposure_year
    pairing = (f"{exposure} {exposure_year} with {outcome} {chosen} "
               + ("(the same survey year)" if chosen == exposure_year else
                  f"({chosen - exposure_year:+d} years)"))
    out_rows = out_rows.loc[out_rows["year"].eq(chosen)]
    frame = pd.DataFrame({"province_bps": exp_rows["region_code"].astype(str).to_numpy(),
                          exposure: exp_rows["value"].astype(float).to_numpy(),
                          "exposure_flags": exp_rows["flags"].fillna("").astype(str).to_numpy()})
    outcome_frame = pd.DataFrame({"province_bps": out_rows["region_code"].astype(str),
                                  outcome: out_rows["value"].astype(float),
                                  "outcome_source": out_rows["source_id"].astype(str)})
    frame = frame.merge(outcome_frame, on="province_bps", how="left")
    frame = frame.sort_values("province_bps", kind="mergesort").reset_index(drop=True)
    notes = [f"year pairing: {pairing}; survey stunting years available: "
             f"{', '.join(map(str, outcome_years)) or 'none'}"]
    split = frame["exposure_flags"].str.contains(PRE_SPLIT_FLAG, regex=False)
    if chosen >= PAPUA_SPLIT_YEAR and split.any():
        left_out = ", ".join(frame.loc[split, "province_bps"])
        notes.append(f"left out: {left_out} (the exposure covers the pre-split territory, the "
                     f"{chosen} outcome the post-split province)")
        frame.loc[split, outcome] = np.nan
    both = frame[[exposure, outcome]].notna().all(axis=1)
    n = int(both.sum())
    missing = frame.loc[~both, "province_bps"].tolist()
    if missing:
        notes.append(f"{len(missing)} province(s) with {exposure} but no {outcome} "
                     f"{chosen}: {', '.join(missing)}")
    secondary = int(frame.loc[both, "exposure_flags"].str.contains(SECONDARY_FLAG,
                                                                    regex=False).sum())
    statistics = {"exposure": exposure, "outcome": outcome, "exposure_year": exposure_year,
                  "outcome_year": chosen, "year_pairing": pairing, "n_provinces": n,
                  "n_secondary_source": secondary}
    if secondary:
        notes.append(f"{secondary} of {n} province values of {exposure} come from a "
                     f"secondary source (flag {SECONDARY_FLAG})")
    if n < MIN_PROVINCES_FOR_RANKS:
        notes.append(f"no rank correlation: {n} provinces have both (need at least "
                     f"{MIN_PROVINCES_FOR_RANKS})")
        return DesignResult("province", description, "descriptive", frame, notes, statistics)
    rho, p = stats.spearmanr(frame.loc[both, exposure], frame.loc[both, outcome])
    low, high = spearman_interval(rho, n)
    statistics.update({"spearman_rho": float(rho), "spearman_p": float(p),
                       "spearman_p_method": "scipy.stats.spearmanr (t approximation)",
                       "spearman_ci_low": low, "spearman_ci_high": high,
                       "spearman_ci_method": "Fisher z with the Bonett-Wright (2000) variance "
                                             "(1 + rho^2 / 2) / (n - 3)"})
    notes.append(f"Spearman's rho {rho:+.2f} (95 % {low:+.2f} to {high:+.2f}; p {p:.3f}, "
                 f"n={n}): a rank association between provinces, not an effect on children")
    _placeholder_what_if(frame, both, exposure, outcome, chosen, statistics, notes)
    return DesignResult("province", description, "estimated", frame, notes, statistics)


# Province survey values the official series holds as placeholders (the reader rejects them:
# kbanalysis.sources.ssgi_province), with the published figure data/SOURCES.md records. Used
# only as a flagged what-if beside the result, never in place of it.
PUBLISHED_FOR_PLACEHOLDER = {("53", 2022): 35.3}  # NTT, SSGI 2022 (0.0 in the series)


def spearman_interval(rho: float, n: int, level: float = 0.95) -> tuple[float, float]:
    """Fisher-z interval of Spearman's rho with the Bonett & Wright (2000, Psychometrika
    65:23) variance ``(1 + rho^2 / 2) / (n - 3)``; coverage is close to nominal from n = 10."""
    z = float(np.arctanh(np.clip(rho, -0.999999, 0.999999)))
    half = stats.norm.ppf(0.5 + level / 2) * np.sqrt((1 + rho ** 2 / 2) / (n - 3))
    return float(np.tanh(z - half)), float(np.tanh(z + half))


def _placeholder_what_if(frame, both, exposure, outcome, year, statistics, notes) -> None:
    """The rank correlation again with each placeholder's published value, flagged."""
    filled = frame[[exposure, outcome]].copy()
    used, published = [], []
    for (code, placeholder_year), value in PUBLISHED_FOR_PLACEHOLDER.items():
        at = frame["province_bps"].eq(code) & ~both
        if placeholder_year == year and at.any():
            filled.loc[at, outcome] = value
            used.append(f"{code} {year}: {value:g}")
            published.append({"province_bps": code, "year": int(year), "value": float(value)})
    if not used:
        return
    ok = filled.notna().all(axis=1)
    rho, p = stats.spearmanr(filled.loc[ok, exposure], filled.loc[ok, outcome])
    low, high = spearman_interval(rho, int(ok.sum()))
    statistics["with_published_placeholders"] = {
        "values": used, "published": published, "flag": SECONDARY_FLAG, "n_provinces": int(ok.sum()),
        "spearman_rho": float(rho), "spearman_p": float(p), "spearman_ci_low": low,
        "spearman_ci_high": high}
    notes.append(f"with the published value for the series' placeholder ({'; '.join(used)}; "
                 f"flag {SECONDARY_FLAG}, not in the official file): rho {rho:+.2f} (95 % "
                 f"{low:+.2f} to {high:+.2f}, n={int(ok.sum())}) instead of "
                 f"{statistics['spearman_rho']:+.2f}")


# --------------------------------------------------------------------------------------
# Baseline-adjusted (ANCOVA) design


def baseline_design(table: pd.DataFrame, *, exposure: str, exposure_year: int,
                    outcome_year: int, outcome: str = SURVEY_OUTCOME,
                    weights: str | None = None, weights_year: int | None = None,
                    draws: int = 9999, bootstrap_weights: str = "rademacher",
                    seed: int = 0, change: DesignResult | None = None) -> DesignResult:
    """``outcome`` of ``outcome_year`` on ``exposure`` with the regency's earlier survey
    value as a covariate (the earlier survey year with the most regencies), on the regencies
    that have it.

    The change design forces the earlier value's coefficient to 1; here it is estimated, so
    regression to the mean (a coefficient below 1) is not read as an exposure effect. The
    change design asks "did regencies with more KBPP fall faster?", this one "do regencies with
    more KBPP end lower than their earlier level predicts?"; they agree only when the
    coefficient is near 1.

    ``change``: the change design fitted with the same exposure and weights; when it ends in
    ``outcome_year`` its pair is the one chosen here too, and its rows are reused.
    """
    description = (f"{outcome} {outcome_year} on {exposure} ({exposure_year}) adjusted for "
                   f"the regency's earlier {outcome}")
    if (change is not None and change.rows is not None
            and change.statistics.get("to_year") == outcome_year):
        # The change design took the pair with the most regencies; ending in the outcome
        # year, it is also the best pair here (the same ordering), so its rows serve.
        from_year, rows = int(change.statistics["from_year"]), change.rows
    else:
        table = _slim(table, outcome, exposure, exposure_year, weights, weights_year)
        pairs = change_pairs(table, outcome, exposure, exposure_year)
        pairs = pairs.loc[pairs["to_year"].eq(outcome_year) & pairs["n_regencies"].gt(0)]
        if pairs.empty:
            return DesignResult("baseline", description, "not applicable", pd.DataFrame(),
                                [f"no regency has {outcome} in {outcome_year} and an earlier "
                                 f"survey year together with {exposure} {exposure_year}"],
                                {"outcome_year": outcome_year})
        best = pairs.sort_values(["n_regencies", "from_year"], ascending=False,
                                 kind="mergesort").iloc[0]
        from_year = int(best["from_year"])
        rows = _change_rows(table, outcome, exposure, exposure_year, weights, weights_year,
                            from_year, outcome_year)
    baseline = f"{outcome}_{from_year}"
    n_secondary = int(rows["secondary_source"].sum())
    statistics = {"outcome": outcome, "exposure": exposure, "exposure_year": exposure_year,
                  "outcome_year": outcome_year, "baseline_year": from_year,
                  "n_obs": len(rows), "n_secondary_source": n_secondary}
    notes = [f"{outcome} {outcome_year} on {exposure} {exposure_year} and {outcome} "
             f"{from_year} (the earlier survey year with the most regencies); {len(rows)} "
             f"regencies have all three",
             f"{n_secondary} of {len(rows)} rows use a secondary-source outcome value in "
             f"{from_year} or {outcome_year} (flag {SECONDARY_FLAG})"]
    if from_year > exposure_year:
        notes.append(f"the baseline ({from_year}) is measured after the exposure "
                     f"({exposure_year}): if KBPP acted by {from_year}, adjusting for it "
                     f"removes part of that effect")
    if len(rows) < MIN_ROWS:
        notes.append(f"no regression: {len(rows)} regencies (need at least {MIN_ROWS})")
        return DesignResult("baseline", description, "descriptive", rows, notes, statistics,
                            rows=rows)
    if weights and rows["weight"].isna().any():
        notes.append(f"unweighted: {weights} missing for some regencies")
        weights = None
    w = rows["weight"].to_numpy(float) / rows["weight"].mean() if weights else None
    X = np.column_stack([np.ones(len(rows)), rows[exposure].to_numpy(float),
                         rows[baseline].to_numpy(float)])
    y = rows[f"{outcome}_{outcome_year}"].to_numpy(float)
    provinces = rows["province_bps"].astype(str)
    hc3 = provinces.nunique() < MIN_CLUSTERS
    clusters = (np.arange(len(rows)) if hc3
                else np.unique(provinces.to_numpy(), return_inverse=True)[1])
    names = [INTERCEPT, exposure, baseline]
    fit = fit_linear(X, y, names, weights=w, clusters=clusters,
                     vcov_type="HC3" if hc3 else "CR1")
    boot = wild_cluster_bootstrap(X, y, clusters, 1, weights=w, term=exposure, draws=draws,
                                  weight_type=bootstrap_weights, seed=seed)
    name = "baseline_wls" if w is not None else "baseline_ols"
    inference = (hc3_label(fit.n_obs, X.shape[1]) if hc3 else
                 cr1_label(fit.n_clusters, "province_bps"))
    weights_used = weight_note(weights if w is not None else None, weights_year,
                               "no weights asked")
    notes.append(weights_used)
    power = design_power(name, X, fit.resid, w, 1, fit.bse[1], fit.df_t, inference,
                         scale=PER_10)
    ci = fit.conf_int()
    statistics.update({
        "inference": "hc3" if hc3 else "cluster", "model": name,
        "estimate_per_10": float(fit.params[1] * PER_10),
        "ci_low_per_10": float(ci[1, 0] * PER_10), "ci_high_per_10": float(ci[1, 1] * PER_10),
        "bootstrap_ci_low_per_10": float(boot.ci_low * PER_10),
        "bootstrap_ci_high_per_10": float(boot.ci_high * PER_10),
        "bootstrap_p_value": float(boot.p_value),
        "baseline_coefficient": {"estimate": float(fit.params[2]),
                                 "ci_low": float(ci[2, 0]), "ci_high": float(ci[2, 1])},
        "mde_pp": power.mde, "power": power.as_dict()})
    notes.append(f"coefficient on the {from_year} value {fit.params[2]:.2f} (95 % "
                 f"{ci[2, 0]:.2f} to {ci[2, 1]:.2f}): below 1 is regression to the mean, "
                 f"which the change design would fold into its slope")
    notes.append("the change design answers 'did regencies with more KBPP fall faster?', this "
                 "one 'did they end lower than their earlier level predicts?'; with a "
                 "coefficient below 1 the change slope carries regression to the mean whenever "
                 "KBPP is related to the earlier level, which this one removes, at the price "
                 "of assuming the earlier level is not itself an effect of KBPP")
    terms = fit.terms(keep=[exposure, baseline]).assign(model=name, inference=inference)
    estimates = _with_bootstrap_row(terms, boot, name, exposure, hc3, fit, len(rows))
    table_out = estimates.loc[estimates["term"].eq(exposure)]
    table_out = table_out.assign(**{c: table_out[c] * PER_10 for c in
                                    ("estimate", "std_error", "ci_low", "ci_high")},
                                 scale=PER_10_POINTS).reset_index(drop=True)
    return DesignResult("baseline", description, "estimated", table_out, notes, statistics,
                        estimates=estimates, models={name: fit, f"{name}_wild_bootstrap": boot},
                        model_notes=[notes[0], notes[1], weights_used], rows=rows)


def _with_bootstrap_row(terms: pd.DataFrame, boot, name: str, exposure: str, hc3: bool, fit,
                        n_obs: int) -> pd.DataFrame:
    """A design's term rows and its wild bootstrap row for the exposure, with n and clusters."""
    boot_row = pd.DataFrame([{
        "model": f"{name}_wild_bootstrap", "term": exposure, "estimate": boot.estimate,
        "std_error": np.nan, "ci_low": boot.ci_low, "ci_high": boot.ci_high,
        "p_value": boot.p_value,
        "inference": (f"restricted wild {'bootstrap over regencies' if hc3 else 'cluster bootstrap'}"
                      f", {boot.weight_type} weights, {boot.draws} draws, seed {boot.seed}")}])
    estimates = pd.concat([terms, boot_row], ignore_index=True)
    estimates["n_obs"] = n_obs
    estimates["n_clusters"] = pd.NA if hc3 else fit.n_clusters
    return estimates
