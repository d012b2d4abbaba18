"""An office's own KBPP files in the notebook ``3.01-your-data``: check, build aside, fit.

The files are checked as ``kbanalysis data check`` checks them (:func:`check_files`, together
with the published KBPP tables of the raw folder, as the build combines them), then built
with the raw files into the office workspace (``kbanalysis.workspace.local()``: the folder
``make run KBPP=...`` builds into; ``data/processed/`` is never touched), and the suite is
fitted on the provinces the files cover. Every problem the check found is listed;
a build with problems stops with one message unless ``allow_rejects`` (the
``--allow-rejects`` of ``data build``) keeps the rest.
"""
from __future__ import annotations

import inspect
import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import config
from ..messages import check_lang, default_lang, msg
from ..reporting import blocks as B
from ..reporting.params import ParameterError, check_injected
from .fitting import ModelRequest, as_parameters, parse_count, parse_year

CODE_SYSTEMS = ("bps", "kemendagri")
USAGE = ["yd.usage_what", "yd.usage_how"]  # catalogue keys
USAGE_COMMANDS = [
    ".venv/bin/papermill notebooks/3.01-your-data.ipynb out.ipynb "
    "-p kbpp_files profil_kesehatan_2023.xlsx",
    ".venv/bin/papermill notebooks/3.01-your-data.ipynb out.ipynb "
    "-p kbpp_files profil_2023.xlsx -p sheet 'Tabel 39' -p allow_rejects True",
    ".venv/bin/papermill notebooks/3.01-your-data.ipynb out.ipynb "
    "-y 'kbpp_files: [profil_2023.xlsx, register.parquet]'",
]


@dataclass
class OfficeFiles:
    """The checked parameters of the notebook."""

    paths: list[Path]
    sheet: str | None = None
    code_system: str | None = None
    allow_rejects: bool = False
    outcome_year: int | None = None
    draws: int = 9999
    raw_dir: Path | None = None
    lang: str = "id"  # of everything the notebook prints
    problems: list = field(default_factory=list)  # InputErrors found by the check
    reports: list = field(default_factory=list)  # CheckReports, one per file


def parse_files(value) -> list[Path]:
    """A list of paths, or one string with paths separated by ``os.pathsep``."""
    if value is None:
        return []
    parts = value if isinstance(value, (list, tuple)) else str(value).split(os.pathsep)
    return [Path(str(p).strip()).expanduser() for p in parts if str(p).strip()]


def parse_flag(value, name: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "yes", "1"):
        return True
    if text in ("false", "no", "0", "", "none"):
        return False
    raise ParameterError(f"{name}={value!r}: expected True or False")


def office_files(*, kbpp_files=None, sheet=None, code_system=None, allow_rejects=False,
                 outcome_year=None, draws=9999, raw_dir=None, lang=None) -> OfficeFiles:
    """Check the parameters (not yet the files' contents); run by papermill, a parameter
    name the notebook does not take stops here. ``lang``: "id" (the default, or
    ``$KBANALYSIS_LANG``) or "en", the language of what the notebook prints."""
    check_injected(inspect.signature(office_files).parameters)
    try:
        lang = check_lang(str(lang).strip().lower()) if lang not in (None, "") else default_lang()
    except ValueError:
        raise ParameterError(f"lang={lang!r}: expected 'id' or 'en'", ["id", "en"]) from None
    paths = parse_files(kbpp_files)
    missing = [p for p in paths if not p.is_file()]
    if missing:
        raise ParameterError(msg("yd.no_such_file", files=", ".join(map(str, missing)))
                             .render(lang))
    system = None if code_system in (None, "") or str(code_system).lower() == "none" \
        else str(code_system).strip().lower()
    if system is not None and system not in CODE_SYSTEMS:
        raise ParameterError(f"code_system={code_system!r}: expected None (detect), "
                             f"{' or '.join(map(repr, CODE_SYSTEMS))}")
    raw = Path(raw_dir) if raw_dir else config.default_raw_dir()
    if paths and (raw is None or not raw.is_dir()):
        raise ParameterError(msg("yd.no_raw", env=config.RAW_DIR_ENV).render(lang))
    return OfficeFiles(paths=paths, sheet=None if sheet in (None, "") else str(sheet),
                       code_system=system,
                       allow_rejects=parse_flag(allow_rejects, "allow_rejects"),
                       outcome_year=parse_year(outcome_year, "outcome_year"),
                       draws=parse_count(draws, "draws", 999) or 9999, raw_dir=raw, lang=lang)


def usage(lang: str = "id") -> B.Block:
    return B.join(B.heading(msg("yd.heading_files").render(lang)),
                  *(B.paragraph(msg(key).render(lang)) for key in USAGE),
                  B.commands(USAGE_COMMANDS))


def check(files: OfficeFiles) -> OfficeFiles:
    """Run the check of ``kbanalysis data check`` on the files; keep every problem."""
    from ..dataset import find_kbpp_tables
    from ..sources.check import check_files

    if not files.paths:
        return files
    files.reports = check_files(files.paths, code_system=files.code_system, sheet=files.sheet,
                                published_kbpp=find_kbpp_tables(files.raw_dir))
    files.problems = [p for r in files.reports for p in r.problems]
    return files


def check_block(files: OfficeFiles) -> B.Block:
    """One line per problem (file, row, column, expected), then one verdict per file."""
    lang = files.lang
    if not files.paths:
        return usage(lang)
    lines = [p.line(lang) for p in files.problems]
    for report in files.reports:  # the lines of `kbanalysis data check`
        where = dict(path=report.path.name, label=report.label_in(lang))
        lines.append(msg("cli.one_problem" if len(report.problems) == 1 else "cli.problems",
                         count=len(report.problems), **where).render(lang)
                     if report.problems else msg("cli.ok", **where).render(lang))
    verdict = (msg("yd.problems_found", count=len(files.problems)) if files.problems
               else msg("yd.no_problem"))
    return B.join(B.heading(msg("yd.heading_check").render(lang)),
                  B.paragraph(verdict.render(lang) + "."), B.commands(lines))


@dataclass
class OfficeBuild:
    """The analysis table built with the office's files and the provinces they cover."""

    analysis: pd.DataFrame
    kbpp: pd.DataFrame  # the KBPP rows of the office's files
    provinces: list[str]
    folder: Path | None = None  # where the tables were written (the office workspace)


def build(files: OfficeFiles) -> OfficeBuild | None:
    """Build the tables with the files into the office workspace (the folder of
    ``make run KBPP=...``, written as one set); None without files."""
    from .. import dataset
    from ..ledger import InputError
    from ..workspace import local

    if not files.paths:
        return None
    folder = local().processed
    # The build decides what stops it (and whether allow_rejects would help): one message.
    try:
        result = dataset.build(files.raw_dir, folder, kbpp_files=files.paths,
                               allow_kbpp_rejects=files.allow_rejects,
                               kbpp_sheet=files.sheet, code_system=files.code_system)
    except InputError as error:
        lang = files.lang
        listed = msg("yd.listed_above").render(lang) if files.problems else ""
        raise ParameterError(msg("yd.build_refused", listed=listed,
                                 detail=as_parameters(error.line(lang))).render(lang)) from None
    analysis = dataset.load_analysis(folder / config.ANALYSIS_CSV.name)
    names = {p.name for p in files.paths}
    own = result.kbpp.loc[result.kbpp["source"].astype(str).isin(names)]
    codes = set(own["bps_code"].astype(str))
    provinces = sorted(set(analysis.loc[analysis["bps_code"].astype(str).isin(codes),
                                        "province_bps"].astype(str)))
    if not provinces:
        raise ParameterError(msg("yd.nothing_kept").render(files.lang))
    return OfficeBuild(analysis=analysis, kbpp=own.reset_index(drop=True), provinces=provinces,
                       folder=folder)


def coverage_block(built: OfficeBuild | None, lang: str = "id") -> B.Block:
    """Regencies and years of KBPP coverage the files gave, per province."""
    if built is None:
        return B.paragraph(msg("yd.nothing_built").render(lang))
    rows = built.analysis.drop_duplicates("bps_code").set_index("bps_code")
    kbpp = built.kbpp.assign(province=built.kbpp["bps_code"].astype(str).map(
        rows["province_name"]))
    items = [msg("yd.coverage_item", province=province, count=part["bps_code"].nunique(),
                 years=", ".join(str(y) for y in sorted(part["year"].unique()))).render(lang)
             for province, part in kbpp.groupby("province", sort=True)]
    from ..workspace import shown

    where = (msg("yd.coverage_where", folder=shown(built.folder)).render(lang)
             if built.folder is not None else "")
    return B.join(B.heading(msg("yd.heading_added").render(lang)),
                  B.bullets(items, msg("yd.coverage_intro", where=where).render(lang)))


def model_request(built: OfficeBuild | None, files: OfficeFiles) -> ModelRequest | None:
    """The suite's request on the provinces the files cover (real data, the default
    specification); None without files."""
    from ..models import DEFAULT_COVARIATES, DEFAULT_EXPOSURE, DEFAULT_OUTCOME
    from .fitting import REAL

    if built is None:
        return None

    from ..models import Spec, SpecificationError, prepare

    table = built.analysis.loc[built.analysis["province_bps"].astype(str)
                               .isin(built.provinces)].copy()
    arguments = {"outcome": DEFAULT_OUTCOME, "exposure": DEFAULT_EXPOSURE,
                 "covariates": DEFAULT_COVARIATES, "weights": "auto", "cluster": "auto",
                 "outcome_year": files.outcome_year, "exposure_year": None,
                 "bootstrap_draws": files.draws, "seed": config.SEED}
    source = ("real data rebuilt in the office workspace with your KBPP files ("
              + ", ".join(p.name for p in files.paths) + ")")
    spec = {k: arguments[k] for k in ("outcome", "exposure", "covariates", "weights",
                                      "cluster", "outcome_year")}
    try:
        prepare(table, Spec(**spec))
    except SpecificationError:
        # Too few regencies in the office's own provinces: every regency with real KBPP is
        # pooled, each with its own year and province effects, as make run KBPP=... does.
        source += ("; your provinces alone have too few regencies for a regression, so the "
                   "model pools every regency with real KBPP (each its own year, province "
                   "fixed effects), as make run KBPP=... does")
        return ModelRequest(table=built.analysis, arguments=arguments, data=REAL,
                            provinces=[], source=source)
    return ModelRequest(table=table, arguments=arguments, data=REAL,
                        provinces=built.provinces, source=source)
