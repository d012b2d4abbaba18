"""The sections of the report templates, by one name: the templates call ``S.<section>``.

The sections live in :mod:`.page_sections`, one module per level of report (regency,
province, national) and one for what they share; this module re-exports their public
names so that the templates (``notebooks/reports/*.ipynb``), the notebooks and the tests
keep importing ``kbanalysis.reporting.sections``.
"""
from __future__ import annotations

from .page_sections.national import (  # noqa: F401
    expected_range,
    literature_words,
    national_header,
    national_overview,
    national_provinces,
    national_research_covariates,
    national_research_evalue,
    national_research_excluded,
    national_research_referee,
    national_research_sensitivity,
    national_research_spatial,
    national_trend,
    variant_words,
)
from .page_sections.province import (  # noqa: F401
    papua_codes,
    province_deliveries,
    province_header,
    province_headline,
    province_intention,
    province_model,
    province_planning,
    province_programme_months,
    province_regencies,
    province_trend,
    regency_trends,
)
from .page_sections.regency import (  # noqa: F401
    PRE_SPLIT,
    data_quality_notes,
    facility_births,
    regency_comparison,
    regency_covariates,
    regency_header,
    regency_kbpp,
    regency_locator,
    regency_model,
    regency_plan,
    regency_programme,
    regency_rank,
    regency_relationship,
    regency_similar,
    regency_stunting,
    regency_targets,
    regency_trend,
)
from .page_sections.shared import (  # noqa: F401
    CONTACT_ENV,
    SKI_YEARS,
    banner,
    caveat,
    data_origin,
    footer,
    kbpp_template_offer,
    maps_section,
    model_comparison,
    model_name,
    model_scope,
    model_summary,
    own_targets,
    power_sentence,
    report_contact,
    scatter,
    susenas_context,
    trend_sentence,
    trend_target,
)
