"""All real KBPP is pooled, never replaced (issue 16): each regency enters with its own latest
real KBPP year 1-3 years before the outcome, regencies of several provinces get province fixed
effects, and a regency alone in its province is in the data but absorbed by its own effect.

Tables are generated here: Jawa Tengah (33) with KBPP 2021 and Nusa Tenggara Barat (52) with
KBPP 2022/2023, stunting 2024. Expected years are written down by hand; slopes and standard
errors are checked against statsmodels WLS with province dummies (HC3)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from kbanalysis.models import Spec, fit_suite, prepare
from kbanalysis.workspace import model_change

COVARIATES = ("poverty_pct", "births_outside_facility_pct", "first_birth_before_20_pct")


def _table(ntb_years: dict[str, list[int]], seed: int = 3, jateng: int = 35) -> pd.DataFrame:
    """One row per regency and year 2021-2024; KBPP 2021 for Jawa Tengah, ``ntb_years`` per
    NTB regency; stunting, covariates and children in every year."""
    rng = np.random.default_rng(seed)
    regencies = [(f"33{k:02d}", "33", "Jawa Tengah", [2021]) for k in range(1, jateng + 1)]
    regencies += [(code, "52", "Nusa Tenggara Barat", years)
                  for code, years in ntb_years.items()]
    rows = []
    for code, province, province_name, kbpp_years in regencies:
        base = {c: rng.uniform(5, 30) for c in COVARIATES}
        children = rng.uniform(50_000, 250_000)
        for year in (2021, 2022, 2023, 2024):
            kbpp = rng.uniform(10, 90) if year in kbpp_years else np.nan
            rows.append({"bps_code": code, "year": year, "name": f"Kab {code}",
                         "province_bps": province, "province_name": province_name,
                         "latitude": -7.0, "longitude": 110.0,
                         "stunting_survey_pct": rng.uniform(15, 35),
                         **base, "children_0_4": children,
                         "kbpp_coverage_pct": kbpp,
                         "kbpp_measure_type": "administrative" if year in kbpp_years else pd.NA,
                         "flags": ""})
    return pd.DataFrame(rows)


def _statsmodels(table: pd.DataFrame, exposure_year: dict[str, int], dummies: bool):
    """WLS by children 0-4 (of 2024) of stunting 2024 on each regency's KBPP of its year,
    the covariates of 2024 and (``dummies``) an indicator for NTB, with HC3 errors."""
    out = table.loc[table["year"] == 2024].set_index("bps_code")
    kbpp = table.set_index(["bps_code", "year"])["kbpp_coverage_pct"]
    codes = [c for c in out.index if c in exposure_year]
    X = pd.DataFrame({"kbpp": [kbpp[(c, exposure_year[c])] for c in codes]}, index=codes)
    for c in COVARIATES:
        X[c] = out.loc[codes, c]
    if dummies:
        X["ntb"] = (out.loc[codes, "province_bps"] == "52").astype(float)
    X = sm.add_constant(X)
    return sm.WLS(out.loc[codes, "stunting_survey_pct"], X,
                  weights=out.loc[codes, "children_0_4"]).fit(cov_type="HC3")


def _fit(table):
    return fit_suite(table, bootstrap_draws=999, sensitivity=False, panel=False,
                     designs=False, spatial_model="never")


def test_each_regency_takes_its_own_latest_year_within_the_lag_window():
    # Written by hand: 5201 has 2022 and 2023 -> 2023 (lag 1); 5202 only 2022 -> 2022 (lag 2);
    # 5203 only 2024 (the outcome year itself, lag 0) -> outside the window, not in the model;
    # Jawa Tengah 2021 -> lag 3.
    ntb = {"5201": [2022, 2023], "5202": [2022], "5203": [2024],
           **{f"52{k:02d}": [2023] for k in range(4, 12)}}
    data = prepare(_table(ntb), Spec())
    years = dict(zip(data.frame["bps_code"], data.frame["exposure_year"].astype(int)))
    assert years["5201"] == 2023 and years["5202"] == 2022 and years["3301"] == 2021
    assert "5203" not in years
    assert sorted(set(years.values())) == [2021, 2022, 2023]
    assert data.n_obs == 35 + 10
    assert data.spec.exposure_year == 2021  # the year most regencies share
    assert "2021 for 35 regencies (lag 3), 2022 for 1 regency (lag 2), 2023 for 9 " \
        "regencies (lag 1)" in data.notes[0]


def test_ten_ntb_regencies_enter_with_a_province_effect_like_statsmodels():
    ntb = {f"52{k:02d}": [2023] for k in range(1, 11)}
    table = _table(ntb)
    res = _fit(table)
    by_hand = {**{f"33{k:02d}": 2021 for k in range(1, 36)}, **{c: 2023 for c in ntb}}
    sm_fit = _statsmodels(table, by_hand, dummies=True)
    main = res.models["wls"]
    assert res.data.n_obs == 45 and res.data.effect_names == ["province_52"]
    assert main.params[1] == pytest.approx(sm_fit.params["kbpp"], rel=1e-9)
    assert main.bse[1] == pytest.approx(sm_fit.bse["kbpp"], rel=1e-9)
    assert main.params[-1] == pytest.approx(sm_fit.params["ntb"], rel=1e-9)
    # Two provinces: HC3 and the bootstrap over regencies (kbanalysis.models.pooled).
    assert res.data.hc3 and "2 provinces with province fixed effects" in \
        res.data.inference_reason
    assert "province_fe" in res.skipped  # the main model already is the FE model
    pooled = res.design()["pooled"]
    assert pooled["exposure_years"] == {"2021": 35, "2023": 10}
    assert [(p["province_name"], p["exposure_years"], p["regencies"]) for p in
            pooled["scope"]] == [("Jawa Tengah", [2021], 35),
                                 ("Nusa Tenggara Barat", [2023], 10)]
    # Without the province effect the slope differs: the effect is not a no-op here.
    assert sm_fit.params["kbpp"] != pytest.approx(
        _statsmodels(table, by_hand, dummies=False).params["kbpp"], rel=1e-3)


def test_one_added_regency_is_in_the_data_but_not_informative_for_the_slope():
    table = _table({"5203": [2023]})
    res = _fit(table)
    jateng_only = _statsmodels(table, {f"33{k:02d}": 2021 for k in range(1, 36)},
                               dummies=False)
    # Its own province effect would fit it exactly: the slope is Jawa Tengah's.
    assert res.models["wls"].params[1] == pytest.approx(jateng_only.params["kbpp"], rel=1e-9)
    assert res.models["wls"].bse[1] == pytest.approx(jateng_only.bse["kbpp"], rel=1e-9)
    assert res.data.n_obs == 35
    pooled = res.design()["pooled"]
    assert pooled["absorbed"] == ["5203"] and pooled["regencies_in_data"] == 36
    assert pooled["provinces_in_data"] == 2
    assert pooled["exposure_years"] == {"2021": 35, "2023": 1}
    assert any("Kab 5203 (5203)" in n and "not informative for the slope" in n
               for n in res.notes)
    lines = [m.render("id") for m in model_change({"design": {"n_obs": 35,
                                                              "n_provinces": 1}},
                                                  {"design": res.design()})]
    assert lines == ["model: 35 → 36 kabupaten/kota, 2 provinsi (Jawa Tengah KBPP 2021; "
                     "Nusa Tenggara Barat KBPP 2023)",
                     "  1 kabupaten/kota sendirian di provinsinya: ada dalam data, tidak "
                     "informatif untuk kemiringan (diserap efek tetap provinsinya)"]


def test_one_province_one_year_is_unchanged():
    table = _table({}, jateng=35)
    res = _fit(table)
    assert "pooled" not in res.design() and res.data.effect_names == []
    assert "exposure_year" not in res.data.frame.columns
    sm_fit = _statsmodels(table, {f"33{k:02d}": 2021 for k in range(1, 36)}, dummies=False)
    assert res.models["wls"].params[1] == pytest.approx(sm_fit.params["kbpp"], rel=1e-9)


def test_five_provinces_use_province_clusters_and_webb_weights():
    table = _table({f"52{k:02d}": [2023] for k in range(1, 9)})
    extra = []
    for province in ("61", "62", "63"):
        part = table.loc[table["province_bps"] == "52"].copy()
        part["bps_code"] = province + part["bps_code"].str[2:]
        part["province_bps"] = province
        part["province_name"] = f"Provinsi {province}"
        extra.append(part)
    res = _fit(pd.concat([table, *extra], ignore_index=True))
    assert res.data.inference == "cluster" and res.data.n_clusters == 5
    assert res.data.bootstrap_weights == "webb"
    assert "webb weights" in res.model_info["wls_wild_bootstrap"]["inference"]


def test_the_scope_sentence_names_every_province_and_year():
    from types import SimpleNamespace

    from kbanalysis.reporting import sections

    table = _table({"5203": [2023]})
    res = _fit(table)
    meta = {"design": res.design()}
    cross = table.loc[table["year"] == 2024, ["bps_code", "name", "province_bps", "province_name"]]
    ctx = SimpleNamespace(meta=meta, predictions=res.predictions(), cross=cross)
    html = str(sections.model_scope(ctx, "id"))
    assert ("36 kabupaten/kota di 2 provinsi (stunting 2024, cakupan KBPP Jawa Tengah 2021; "
            "Nusa Tenggara Barat 2023)") in html


def test_pages_say_why_a_pooled_regency_is_outside_the_estimation_rows():
    from types import SimpleNamespace

    from kbanalysis.reporting import content
    from kbanalysis.reporting.page_sections import regency

    ntb = {f"52{k:02d}": [2023] for k in range(1, 11)}
    table = _table(ntb)
    # 5210 lacks poverty in 2024: outside the model for that reason only (its KBPP is 2023,
    # a year the model pooled, so KBPP 2021 is not a reason).
    table.loc[(table["bps_code"] == "5210") & (table["year"] == 2024), "poverty_pct"] = np.nan
    res = _fit(table)
    meta = {"design": res.design(), "exposure": {"column": "kbpp_coverage_pct"}}
    assert content.model_exclusion(table, meta, res.predictions(), "5210") == {
        "missing": [{"column": "poverty_pct", "year": 2024}]}

    alone = _table({"5203": [2023]})
    res = _fit(alone)
    meta = {"design": res.design(), "exposure": {"column": "kbpp_coverage_pct"}}
    cross = alone.loc[alone["year"] == 2024]
    ctx = SimpleNamespace(cross=cross, analysis=alone, meta=meta, predictions=res.predictions())
    assert regency._outside_model(ctx, "5203", "id") == (
        "Kab 5203 ada dalam data model, tetapi satu-satunya kabupaten/kota dari provinsinya: "
        "efek tetap provinsinya menyerapnya, jadi angkanya tidak ikut menentukan kemiringan.")
