"""Run the report templates in batch: warm workers in parallel, incremental, atomic writes.

Design (why it is fast): starting Python, importing pandas/matplotlib and loading the tables
costs seconds; a report itself costs a fraction of one. So each worker process keeps **one
IPython shell** (:mod:`.engine`, a papermill engine) and **one nbconvert exporter** for all its
reports. For each report it injects the parameters with papermill's own
``parameterize_notebook``, runs the cells in that shell, exports HTML and writes it
atomically; between reports the namespace is reset (``reset(new_session=True)``: variables,
history and execution count), so a report made after another is the same as one made in a
fresh kernel (tested). Imported modules and the memoised tables stay: that is the point. The
batch's own process runs no notebook: even one worker is a process of its own.

Incremental: a report is skipped when its template, parameters, the package code and *its
own* inputs are unchanged since it was last built successfully (``manifest.json`` in the
reports folder holds the fingerprints; :mod:`.page_inputs` says what each page reads). An
office that corrects its method split re-renders its regency's, its province's and the
national page; a change the model sees re-renders every page, since every page shows the
model. A failing report does not stop the others: it is recorded with its error, listed in
the index, and the batch reports failure at the end. So does a code of ``--only`` that names
no region: the other codes still run.

Interruption: no worker outlives the batch. Ctrl-C, SIGTERM (through the command line, see
``kbanalysis.cli``) or any error in the parent terminates every worker; a worker deletes its
unfinished staging file and exits. If the parent is killed outright (SIGKILL), each worker
notices (``PR_SET_PDEATHSIG`` on Linux, and a thread that watches the parent id everywhere)
and does the same. Workers ignore Ctrl-C: it is the parent's to handle, so the user sees one
line, not a traceback per process. Pages are written atomically, so an interrupted batch
leaves finished pages and no partial one; stale staging files of a killed run are removed by
the next. A page that cannot be written (full disk, read-only folder) stops the batch: every
other page would fail the same.

A worker that dies on its own (killed, out of memory) costs only the report it was making:
the parent hands out one job at a time, notices the dead worker by its process sentinel,
records that report as failed (the next run retries it), removes its unfinished page and
starts a new worker for the jobs still waiting.

Several batches may write into one reports folder at the same time: each report's manifest
entry is merged into the manifest as it is on disk, under a lock (``.manifest.lock``), and
the index is written from the merged manifest, so no batch loses another's entries. A
batch removes stale staging files only when no other batch is running there
(``.kbanalysis-batch.lock``, held shared by every running batch).
"""
from __future__ import annotations

import contextlib
import copy
import ctypes
import dataclasses
import hashlib
import json
import multiprocessing
import multiprocessing.util
import os
import posixpath
import re
import signal
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import atomic, config
from .. import messages as T
from . import params as P
from .paths import output_path, slug  # noqa: F401 (slug: importable here as before)

TEMPLATES_DIR = config.NOTEBOOKS_DIR / "reports"
TEMPLATES = {level: TEMPLATES_DIR / f"{level}.ipynb" for level in P.LEVELS}
MANIFEST_NAME = "manifest.json"
MANIFEST_FLUSH_SECONDS = 1.0  # how often a running batch merges its finished reports into the manifest
CELL_TIMEOUT = 600  # seconds per cell; a report is a handful of quick cells
# BLAS libraries start one thread per core in each process; with one worker per core that
# oversubscribes the machine. Pin them to one thread.
PINNED_THREADS = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                                         "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS")}


# --------------------------------------------------------------------------------------
# Planning


@dataclass(frozen=True)
class ReportJob:
    """One report to make: which template, with which parameters, into which file."""

    key: str  # unique and stable, e.g. "id/regency/3205"
    level: str
    code: str | None
    lang: str
    name: str  # the region's name (for the title and the index)
    parameters: dict = field(hash=False)
    output: str = ""  # relative to the reports folder
    problem: str = ""  # set when the job cannot run (an unknown code): it is recorded as failed
    province: str = ""  # the province the page belongs to (for the index's groups)
    province_name: str = ""
    nav: str = ""  # the page's links to the index, the nation, its province and neighbours
    simulated: bool = False  # the KBPP layer is simulated: the page's KBPP columns say so

    @property
    def template(self) -> Path:
        return TEMPLATES[self.level]

    def title(self) -> str:
        if self.level == "national":
            return T.t("title_national", self.lang)
        return T.t(f"title_{self.level}", self.lang, name=self.name)




INDEX_PAGE = "index.html"


def make_job(level: str, code: str | None, lang: str, name: str, extra: dict | None = None) -> ReportJob:
    """A job whose file name is built only from a checked code, the language and a slug."""
    if level == "national":
        return ReportJob(f"{lang}/national", level, None, lang, name, {"lang": lang, **(extra or {})},
                         output_path(level, None, lang, name))
    if not (code and code.isdigit()):
        raise P.ParameterError(f"a {level} report needs a numeric BPS code, got {code!r}")
    return ReportJob(f"{lang}/{level}/{code}", level, code, lang, name,
                     {level: code, "lang": lang, **(extra or {})},
                     output_path(level, code, lang, name))


def _region_index(cross) -> tuple[dict, dict]:
    """Each regency's province, and each province's regencies (code, name) by code: looked
    up once per plan instead of filtering the table for every page."""
    rows = cross[["bps_code", "name", "province_bps"]].sort_values("bps_code", kind="mergesort")
    province_of = dict(zip(cross["bps_code"], cross["province_bps"]))
    members: dict = {}
    for code, name, province in zip(rows["bps_code"], rows["name"], rows["province_bps"]):
        members.setdefault(province, []).append((code, name))
    return province_of, members


def with_navigation(job: ReportJob, cross, provinces, index=None) -> ReportJob:
    """``job`` with its province and its links: every page links to the index and the
    national report; a regency to its province and its sibling regencies; a province to its
    regencies; the nation to every province. Links are relative, so the reports folder works
    offline and wherever it is copied."""
    from .html import navigation

    if job.problem:
        return job
    lang = job.lang
    prov_names = dict(zip(provinces["province_bps"], provinces["province_name"]))
    here = posixpath.dirname(job.output)

    def link(label: str, target: str) -> tuple[str, str]:
        return label, posixpath.relpath(target, here)

    province_of, members = index if index is not None else _region_index(cross)

    def regencies_of(province: str) -> list[tuple[str, str]]:
        return [link(name, output_path("regency", code, lang, name))
                for code, name in members.get(province, [])]

    links = [link(T.t("ui_nav_index", lang), INDEX_PAGE)]
    if job.level != "national":
        links.append(link(T.t("ui_nav_national", lang), output_path("national", None, lang, "")))
    groups, province = [], ""
    if job.level == "regency":
        province = str(province_of[job.code])
        links.append(link(T.t("ui_nav_province", lang, name=prov_names.get(province, province)),
                          output_path("province", province, lang, prov_names.get(province, province))))
        groups.append((T.t("ui_nav_regencies", lang), regencies_of(province)))
    elif job.level == "province":
        province = job.code
        groups.append((T.t("ui_nav_regencies", lang), regencies_of(province)))
    else:
        present = set(cross["province_bps"])
        groups.append((T.t("ui_nav_provinces", lang),
                       [link(prov_names[c], output_path("province", c, lang, prov_names[c]))
                        for c in sorted(prov_names) if c in present]))
    return replace(job, province=province, province_name=prov_names.get(province, ""),
                   nav=navigation(links, groups, lang, current=posixpath.basename(job.output)))


def plan(level: str, *, province=None, only=(), all_: bool = False, lang: str = "id",
         context=None, extra: dict | None = None) -> list[ReportJob]:
    """The reports a command asks for, with every code checked before anything runs.

    ``level`` "all" means the national report, every province and every regency.
    ``extra`` parameters (``processed_dir``, ``results_dir``) go to every template.
    Each job carries its page's links (``with_navigation``).
    """
    from .context import load_context

    if context is None:
        settle_inputs((extra or {}).get("processed_dir"), (extra or {}).get("results_dir"))
    ctx = context if context is not None else load_context(
        (extra or {}).get("processed_dir"), (extra or {}).get("results_dir"))
    jobs = _planned(level, province=province, only=only, all_=all_, lang=lang, context=ctx, extra=extra)
    simulated = "simulated_kbpp" in getattr(ctx, "simulated", ())
    index = _region_index(ctx.cross)
    return [replace(with_navigation(job, ctx.cross, ctx.provinces, index), simulated=simulated)
            for job in jobs]


def _planned(level: str, *, province=None, only=(), all_: bool = False, lang: str = "id",
             context=None, extra: dict | None = None) -> list[ReportJob]:
    lang = P.check_lang(lang)
    ctx = context
    cross, provinces = ctx.cross, ctx.provinces
    prov_names = dict(zip(provinces["province_bps"], provinces["province_name"]))
    reg_names = dict(zip(cross["bps_code"], cross["name"]))
    present = set(cross["province_bps"])
    only = split_codes(only)

    if level == "all":
        return (_planned("national", lang=lang, context=ctx, extra=extra)
                + _planned("province", all_=True, lang=lang, context=ctx, extra=extra)
                + _planned("regency", all_=True, lang=lang, context=ctx, extra=extra))
    level = P.check_level(level)
    if level == "national":
        return [make_job("national", None, lang, T.t("title_national", lang), extra)]
    if level == "province":
        if only:
            codes, unknown = _checked(only, lambda c: P.check_province(c, provinces))
            return ([make_job("province", c, lang, prov_names[c], extra) for c in dict.fromkeys(codes)]
                    + [unknown_job("province", c, lang, e) for c, e in unknown.items()])
        elif province is not None:
            codes = [P.check_province(province, provinces)]
        elif all_:
            codes = sorted(c for c in prov_names if c in present)
        else:
            raise P.ParameterError("province reports: give --province CODE, --only CODE or --all")
        return [make_job("province", c, lang, prov_names[c], extra) for c in dict.fromkeys(codes)]
    # regency
    if only:
        codes, unknown = _checked(only, lambda c: P.check_regency(c, cross))
        return ([make_job("regency", c, lang, reg_names[c], extra) for c in dict.fromkeys(sorted(codes))]
                + [unknown_job("regency", c, lang, e) for c, e in unknown.items()])
    elif province is not None:
        prov = P.check_province(province, provinces)
        codes = cross.loc[cross["province_bps"] == prov, "bps_code"].tolist()
    elif all_:
        codes = cross["bps_code"].tolist()
    else:
        raise P.ParameterError("regency reports: give --province CODE, --only CODE or --all")
    return [make_job("regency", c, lang, reg_names[c], extra) for c in dict.fromkeys(sorted(codes))]


def split_codes(only) -> list[str]:
    """``["3205 3273", "3205,5301", "Kota Bandung"]`` -> ``3205, 3273, 3205, 5301, Kota Bandung``.

    Commas always separate; spaces separate codes, but a piece with letters is one region
    name (names have spaces).
    """
    codes = []
    for item in only or ():
        for piece in re.split(r"[,;]", str(item)):
            words = piece.split()
            if all(re.fullmatch(r"[\d.]+", word) for word in words):
                codes += words
            elif words:
                codes.append(" ".join(words))
    return codes


def _checked(codes: list[str], check) -> tuple[list[str], dict[str, P.ParameterError]]:
    """The valid codes, and the unknown ones with their errors; all unknown is a plain error."""
    valid, unknown = [], {}
    for code in codes:
        try:
            valid.append(check(code))
        except P.ParameterError as error:
            unknown.setdefault(code, error)
    if not valid:  # nothing to make: a mistyped command, not a batch with one bad entry
        raise next(iter(unknown.values()))
    return valid, unknown


def unknown_job(level: str, code: str, lang: str, error: Exception) -> ReportJob:
    """A job that only records, in the manifest and the index, that ``code`` is not valid."""
    from ..messages import message_of, msg

    # a message (str, English in the manifest) the command prints in the user's language
    return ReportJob(f"{lang}/{level}/{code}", level, code, lang, code, {}, "",
                     problem=msg("param.problem", kind=type(error).__name__,
                                 error=message_of(error)))


# --------------------------------------------------------------------------------------
# Fingerprints and the manifest


def package_fingerprint() -> str:
    """Hash of the kbanalysis sources: a code change may change any report."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def job_fingerprint(job: ReportJob, template_hash: str, data_hash: str, code_hash: str) -> str:
    """``data_hash``: what the page reads (``page_inputs.page_fingerprint``) and the shapes."""
    payload = json.dumps({"template": template_hash, "parameters": job.parameters,
                          "data": data_hash, "code": code_hash, "output": job.output,
                          "nav": job.nav, "simulated": job.simulated,
                          # the contact every page names (report --contact) is part of the page
                          "contact": os.environ.get(config.REPORT_CONTACT_ENV, "").strip()},
                         sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def load_manifest(reports_dir: Path) -> dict:
    path = Path(reports_dir) / MANIFEST_NAME
    if not path.exists():
        return {"reports": {}}
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError:
        return {"reports": {}}  # a damaged manifest only costs a full rebuild
    manifest.setdefault("reports", {})
    return manifest


def write_manifest(reports_dir: Path, manifest: dict) -> None:
    atomic.write_text(Path(reports_dir) / MANIFEST_NAME,
                      json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False) + "\n")


LOCK_NAME = ".kbanalysis-batch.lock"  # batches into one folder: shared while running
MANIFEST_LOCK_NAME = ".manifest.lock"  # exclusive while the manifest is read and rewritten


def _open_lock(path: Path) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as error:  # one line naming the file, like any page that cannot be written
        raise atomic.WriteError(error.errno, error.strerror, str(path)) from error


@contextlib.contextmanager
def manifest_lock(reports_dir: Path):
    """The manifest of ``reports_dir`` as it is on disk now, locked: changes made to it in
    the block are written (atomically) before the lock is released. Two batches writing
    into one folder thus merge their entries instead of overwriting each other's."""
    import fcntl

    # Ctrl-C waits until the lock is released: landing between the lock and its release, it
    # could leave the descriptor open and the lock held, and the batch's final merge (which
    # runs after an interrupt too) would then wait for itself forever.
    with _signals_held():
        fd = _open_lock(Path(reports_dir) / MANIFEST_LOCK_NAME)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)  # released by the kernel if the process dies
            manifest = load_manifest(reports_dir)
            yield manifest
            write_manifest(reports_dir, manifest)
        finally:
            os.close(fd)


@contextlib.contextmanager
def batch_lock(reports_dir: Path):
    """Held (shared) by every batch writing into ``reports_dir``. The first batch there
    removes what a killed run left (staging files); a batch that starts while another one
    runs leaves them, since they may be the other batch's pages being written."""
    import fcntl

    fd = _open_lock(Path(reports_dir) / LOCK_NAME)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            alone = True
        except BlockingIOError:
            alone = False
        if alone:
            remove_staging_files(reports_dir)  # a killed run's unfinished pages
        fcntl.flock(fd, fcntl.LOCK_SH)  # from here on, others may start beside this batch
        yield alone
    finally:
        os.close(fd)


# --------------------------------------------------------------------------------------
# The worker: one IPython shell and one exporter per process


def kernel_environment() -> dict[str, str]:
    """The environment of a process that runs templates (a worker, or a papermill kernel in
    the tests and the benchmark): this process's, BLAS pinned, this checkout importable first."""
    env = dict(os.environ)
    env.update(PINNED_THREADS)
    env["PYTHONPATH"] = os.pathsep.join([str(config.PROJ_ROOT), *filter(None, [env.get("PYTHONPATH")])])
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # quiet ipykernel's debugger on 3.11
    return env


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _load_prctl():
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


def die_with_parent(signum: int) -> bool:
    """Ask Linux to send ``signum`` to this process when its parent dies."""
    prctl = _load_prctl()
    return bool(prctl) and prctl(_PR_SET_PDEATHSIG, signum, 0, 0, 0) == 0


class Worker:
    """Makes reports one after another in this process: papermill injects the parameters,
    :mod:`.engine` runs the cells in this process's IPython shell, one exporter writes HTML."""

    def __init__(self, timeout: int = CELL_TIMEOUT):
        from .html import ReportExporter

        self.timeout = timeout
        self.exporter = ReportExporter()
        self._templates: dict = {}

    def execute(self, template: Path, parameters: dict):
        """The template executed with ``parameters`` (a NotebookNode)."""
        from papermill.iorw import load_notebook_node
        from papermill.parameterize import parameterize_notebook

        from . import engine

        if template not in self._templates:  # read and validated once per worker
            source = load_notebook_node(str(template))
            for cell in source.cells:  # the committed outputs (nbval's references) are replaced
                if cell.cell_type == "code":  # by the run: not copied for every page
                    cell.outputs = []
            self._templates[template] = source
        notebook = parameterize_notebook(copy.deepcopy(self._templates[template]), parameters)
        for cell in notebook.cells:  # papermill gives the injected cell a random id
            if "injected-parameters" in cell.metadata.get("tags", []):
                cell.id = "injected-parameters"
        return engine.execute(notebook, self.timeout)

    def render(self, job: ReportJob) -> str:
        """The HTML page of ``job`` (raises :class:`engine.CellError` on a notebook error)."""
        notebook = self.execute(job.template, job.parameters)
        return self.exporter.export(notebook, job.title(), job.lang, job.nav, job.simulated)

    def run(self, job: ReportJob, reports_dir: Path) -> dict:
        """Make one report; never raises: the outcome is a dict for the manifest.

        A page that cannot be written is outcome ``write_error`` (with ``os_error``: errno,
        reason, file) and keeps the previous page: the batch stops on it.
        """
        started = time.perf_counter()
        target = Path(reports_dir) / job.output
        try:
            page = self.render(job)
        except Exception as error:  # noqa: BLE001 - one report's failure must not stop the batch
            return self._failed(error, target, started)
        try:
            atomic.write_text(target, page)
        except OSError as error:
            return {"status": "write_error", "error": str(error), "seconds": time.perf_counter() - started,
                    "os_error": [error.errno, error.strerror, str(error.filename or target)]}
        return {"status": "ok", "error": None, "seconds": time.perf_counter() - started}

    @staticmethod
    def _failed(error: Exception, target: Path, started: float) -> dict:
        """Called inside the ``except`` block (the traceback is the current exception's)."""
        from .engine import CellError

        target.unlink(missing_ok=True)  # a stale page would look current
        message = str(error) if isinstance(error, CellError) else (
            f"{type(error).__name__}: {error}\n{traceback.format_exc(limit=3)}")
        return {"status": "failed", "error": message.strip(), "seconds": time.perf_counter() - started}


_WORKER: Worker | None = None
PARENT_POLL_SECONDS = 0.5


def _stop_worker(signum=None, frame=None) -> None:
    """Delete this worker's unfinished page and exit now (no traceback)."""
    atomic.remove_in_progress()
    os._exit(128 + (signum or signal.SIGTERM))


def _watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(PARENT_POLL_SECONDS)
    _stop_worker()


def _init_worker(timeout: int, parent_pid: int) -> None:
    global _WORKER
    # jsonschema (under nbformat) builds IRI grammars for a second at import when the optional
    # rfc3987_syntax is installed; notebook validation checks no IRI, so workers skip it.
    sys.modules.setdefault("rfc3987_syntax", None)
    # Ctrl-C reaches the whole terminal process group; stopping workers is the parent's job.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _stop_worker)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})  # see _start_worker
    die_with_parent(signal.SIGTERM)
    if os.getppid() != parent_pid:  # the parent died before prctl
        _stop_worker()
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True,
                     name="kbanalysis-parent-watch").start()
    os.environ.update(kernel_environment())
    _WORKER = Worker(timeout)
    _import_what_pages_use()


def _import_what_pages_use() -> None:
    """The imports of every page and the IPython shell, made while the parent still plans
    and fingerprints the batch rather than during the first page."""
    from papermill import parameterize  # noqa: F401

    from ..sources import geometry  # noqa: F401
    from . import engine, sections  # noqa: F401
    from .context import load_context  # noqa: F401

    engine.NotebookShell.shell()


def _run_in_worker(job: ReportJob, reports_dir: str) -> tuple[str, dict]:
    assert _WORKER is not None
    return job.key, _WORKER.run(job, Path(reports_dir))


# --------------------------------------------------------------------------------------
# The batch


@dataclass
class BatchSummary:
    built: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # key -> error
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def run_batch(jobs: list[ReportJob], *, reports_dir=None, workers: int | None = None,
              force: bool = False, progress: bool = True, timeout: int = CELL_TIMEOUT,
              processed_dir=None, results_dir=None, lang: str = "id") -> BatchSummary:
    """Make ``jobs`` (skipping unchanged ones), update the manifest and the index.
    ``lang``: the language of the progress bar.

    Raises ``atomic.WriteError`` when a page cannot be written; on any exception or
    interruption every worker is stopped before it propagates. Several batches
    may write into one folder at once: their manifest and index entries are merged.
    """
    started = time.perf_counter()
    reports_dir = Path(reports_dir) if reports_dir else config.REPORTS_DIR
    try:
        reports_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise atomic.WriteError(error.errno, error.strerror, str(reports_dir)) from error
    atomic.check_writable(reports_dir)  # before any worker starts, not after the first report
    settle_inputs(processed_dir, results_dir)
    with batch_lock(reports_dir) as alone:
        return _run_batch(jobs, reports_dir, workers, force, progress, timeout, processed_dir,
                          results_dir, started, alone, lang)


def _run_batch(jobs, reports_dir: Path, workers, force, progress, timeout, processed_dir,
               results_dir, started: float, alone: bool, lang: str = "id") -> BatchSummary:
    from tqdm.auto import tqdm

    from .context import data_fingerprint, geometry_fingerprint
    from .index import write_index
    from .page_inputs import page_fingerprint

    manifest = load_manifest(reports_dir)
    entries = manifest["reports"]
    data_hash = data_fingerprint(processed_dir, results_dir)
    simulated = _simulated_inputs(processed_dir, results_dir)
    # The province workbooks (openpyxl, seconds) are written beside the pages, in a thread,
    # while the workers start: no page reads them, the index lists them at the end.
    template_errors: list[BaseException] = []

    def templates() -> None:
        try:
            write_report_templates(jobs, reports_dir, manifest, processed_dir, results_dir)
        except BaseException as error:  # noqa: BLE001 - raised in the batch's thread below
            template_errors.append(error)

    template_thread = threading.Thread(target=templates, name="kbanalysis-templates", daemon=True)
    template_thread.start()
    code_hash = package_fingerprint()
    geometry_hash = geometry_fingerprint()
    template_hashes = {level: hashlib.sha256(path.read_bytes()).hexdigest()
                       for level, path in TEMPLATES.items()}
    summary = BatchSummary()
    todo: list[tuple[ReportJob, str]] = []
    invalid = [job for job in jobs if job.problem]
    # Workers start now: their imports and table loads overlap the fingerprints below. One
    # that turns out to have nothing to do is sent None and exits.
    wanted = min(workers or default_workers(), len(jobs) - len(invalid))
    early = [_start_worker(timeout) for _ in range(max(0, wanted))]
    try:
        for job in jobs:
            if job.problem:
                continue
            inputs = page_fingerprint(job.level, job.code, processed_dir, results_dir) + geometry_hash
            fingerprint = job_fingerprint(job, template_hashes[job.level], inputs, code_hash)
            entry = entries.get(job.key, {})
            if (not force and entry.get("fingerprint") == fingerprint and entry.get("status") == "ok"
                    and (reports_dir / job.output).exists()):
                summary.skipped.append(job.key)
            else:
                todo.append((job, fingerprint))
    except BaseException:
        _stop_processes([slot.process for slot in early])
        raise

    from ..messages import msg

    bar = tqdm(total=len(jobs), unit=msg("cli.progress_unit").render(lang), disable=not progress,
               initial=len(summary.skipped))

    def record(job: ReportJob, fingerprint: str | None, outcome: dict) -> None:
        if outcome["status"] == "write_error":  # the old page and its entry stay as they were
            raise atomic.WriteError(*outcome["os_error"])
        entry = {"level": job.level, "code": job.code, "lang": job.lang, "name": job.name,
                 "province": job.province, "province_name": job.province_name,
                 "output": job.output, "status": outcome["status"],
                 "error": outcome["error"], "data_hash": data_hash,
                 "fingerprint": fingerprint if outcome["status"] == "ok" else None}
        entries[job.key] = entry
        pending[job.key] = (job, entry)
        if time.monotonic() - flushed[0] >= MANIFEST_FLUSH_SECONDS:
            with manifest_lock(reports_dir) as current:
                merge(current)
        if outcome["status"] == "ok":
            summary.built.append(job.key)
        else:
            summary.failed[job.key] = outcome["error"]
        bar.update(1)

    # Merged into the manifest as it is on disk now (another batch may be writing into this
    # folder too), at most every MANIFEST_FLUSH_SECONDS and at the end (also when stopped):
    # rewriting the whole manifest after each of hundreds of reports cost seconds.
    pending: dict[str, tuple[ReportJob, dict]] = {}
    flushed = [time.monotonic()]

    def merge(current: dict) -> None:
        for key, (job, entry) in pending.items():
            old = current["reports"].get(key, {})
            if old.get("output") and old["output"] != job.output:  # the region was renamed
                (reports_dir / old["output"]).unlink(missing_ok=True)
            current["reports"][key] = entry
        pending.clear()
        flushed[0] = time.monotonic()

    def finish() -> None:
        template_thread.join()
        with manifest_lock(reports_dir) as current:
            merge(current)
            current["data_hash"] = data_hash
            current["simulated"] = simulated
            current.setdefault("templates", {}).update(manifest.get("templates", {}))
            write_index(reports_dir, current)

    n_workers = max(1, min(workers or default_workers(), len(todo) or 1))
    try:
        for job in invalid:
            record(job, None, {"status": "failed", "error": job.problem})
        # in worker processes, even one: the batch's own process runs no notebook
        _run_in_pool(todo, reports_dir, timeout, n_workers, record, early)
    except BaseException:
        _stop_processes([slot.process for slot in early if slot.process.is_alive()])
        bar.close()
        if alone:  # every worker is gone: nothing of this batch is in progress
            remove_staging_files(reports_dir)
        with contextlib.suppress(OSError):  # keep what finished; the first error is the one to show
            finish()
        raise
    bar.close()
    finish()
    if template_errors:
        raise template_errors[0]
    summary.seconds = time.perf_counter() - started
    return summary


def _simulated_inputs(processed_dir, results_dir) -> list[str] | None:
    """Text keys of the simulated inputs (for the index's banner); None when the tables cannot
    be read (then the index claims neither simulated nor real: the pages say which)."""
    from .context import load_context

    try:
        return list(load_context(processed_dir, results_dir).simulated)
    except Exception:  # noqa: BLE001 - the index must still be written
        return None


def write_report_templates(jobs: list[ReportJob], reports_dir: Path, manifest: dict,
                           processed_dir=None, results_dir=None) -> list[str]:
    """The fill-in KBPP workbook of each province of ``jobs`` in ``<reports>/templates/``,
    where the pages' "no public KBPP data" sections link (``sections.kbpp_template_offer``);
    offline files, rewritten only when their regencies, year or the template code change
    (``manifest["templates"]``). Returns the files written."""
    from .. import templates as TP
    from .context import load_context

    provinces = sorted({job.province for job in jobs if job.province and not job.problem})
    if not provinces:
        return []
    try:
        cross = load_context(processed_dir, results_dir).cross
    except Exception:  # noqa: BLE001 - the pages fail on the same tables and say why
        return []
    folder = Path(reports_dir) / TP.TEMPLATES_SUBDIR
    if folder.is_dir():
        atomic.remove_staging_files(folder)  # a killed run's unfinished workbook
    code = hashlib.sha256(Path(TP.__file__).read_bytes()).hexdigest()
    year = TP.report_template_year(cross)
    known = manifest.setdefault("templates", {})
    written = []
    for province in provinces:
        members = cross.loc[cross["province_bps"] == province]
        if members.empty:
            continue
        name = str(members["province_name"].iloc[0])
        spec = TP.province_spec(province, year, regions=cross,  # the pages' own names
                                provinces=cross[["province_bps", "province_name"]].drop_duplicates())
        # the sheet names whom to send the filled file to, as the pages do (report --contact)
        spec = dataclasses.replace(spec, contact=os.environ.get(config.REPORT_CONTACT_ENV, "").strip())
        relative = TP.report_template_path(province, name, year)
        fingerprint = hashlib.sha256(f"{code}|{spec!r}".encode()).hexdigest()
        if known.get(relative) == fingerprint and (Path(reports_dir) / relative).is_file():
            continue
        # The batch's own files, rewritten when out of date (never an office's copy).
        TP.write_template(spec, Path(reports_dir) / relative, overwrite=True)
        known[relative] = fingerprint
        written.append(relative)
    return written


def remove_staging_files(reports_dir: Path) -> None:
    """Staging files in the folders a batch writes: the reports folder, ``<lang>/``,
    ``<lang>/<level>/``. Not deeper: a nested reports folder may belong to another batch."""
    for folder in [reports_dir, *(reports_dir / lang for lang in T.LANGS),
                   *(reports_dir / lang / level for lang in T.LANGS for level in P.LEVELS)]:
        if folder.is_dir():
            atomic.remove_staging_files(folder)


def settle_inputs(processed_dir=None, results_dir=None) -> None:
    """Complete an interrupted rebuild of the tables or the results before reading them."""
    atomic.finish_pending(Path(processed_dir) if processed_dir else config.PROCESSED_DIR)
    atomic.finish_pending(Path(results_dir) if results_dir else config.RESULTS_DIR)


@contextlib.contextmanager
def _pinned_threads():
    """BLAS pinned in the environment a worker starts with: it imports numpy before it runs
    any code of ours, and a BLAS reads its thread count once, when it loads."""
    saved = {name: os.environ.get(name) for name in PINNED_THREADS}
    os.environ.update(PINNED_THREADS)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextlib.contextmanager
def _signals_held():
    """Ctrl-C and SIGTERM held back in the block (delivered when it ends); in the main
    thread only, where Python delivers them."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _worker_main(conn, timeout: int, parent_pid: int) -> None:
    """A report worker process: makes the jobs the parent sends, one at a time, and sends
    back each outcome, until it is sent None."""
    _init_worker(timeout, parent_pid)
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            break
        if item is None:
            break
        job, reports_dir = item
        try:
            result = _run_in_worker(job, reports_dir)
        except Exception as error:  # noqa: BLE001 - reported as this report's failure
            result = (job.key, {"status": "failed", "error": f"{type(error).__name__}: {error}",
                                "seconds": 0.0})
        conn.send(result)


@dataclass
class _Slot:
    """One worker process, its end of the pipe, and the job it is making (None: idle)."""

    process: multiprocessing.process.BaseProcess
    conn: object
    job: tuple | None = None


def _start_worker(timeout: int) -> _Slot:
    """A new report worker process (spawned: a fresh interpreter, no copied locks or threads)."""
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    process = context.Process(target=_worker_main, args=(theirs, timeout, os.getpid()),
                              name="kbanalysis-report-worker")
    # Signals held while it starts: the worker inherits the mask, so a Ctrl-C cannot hit it
    # before its initializer ignores it (the parent gets it once unblocked).
    with _signals_held(), _pinned_threads():
        process.start()
    theirs.close()
    return _Slot(process, ours)


def _run_in_pool(todo, reports_dir: Path, timeout: int, n_workers: int, record,
                 started: list[_Slot] | tuple = ()) -> None:
    """``todo`` over ``n_workers`` processes (``started`` ones first), each sent one job at a
    time; a started worker with nothing to do is sent None and exits. A worker that dies
    (killed, out of memory) costs only the report it was making: that report is recorded as
    failed, its unfinished page removed, and a new worker takes the next job."""
    from collections import deque
    from multiprocessing.connection import wait

    queue = deque(todo)
    slots: list[_Slot] = list(started)

    def start() -> _Slot:
        slot = _start_worker(timeout)
        slots.append(slot)
        return slot

    def give(slot: _Slot) -> None:
        slot.job = queue.popleft() if queue else None
        with contextlib.suppress(OSError):  # a dead worker is noticed by its sentinel
            slot.conn.send((slot.job[0], str(reports_dir)) if slot.job else None)

    def lost(slot: _Slot) -> None:
        """The worker died while making ``slot.job``: that report alone fails."""
        slot.process.join(5)
        slots.remove(slot)
        job, fingerprint = slot.job
        slot.job = None
        target = Path(reports_dir) / job.output
        if target.parent.is_dir():  # its unfinished page (a killed worker cannot clean up)
            for stale in target.parent.glob(f".{_glob_escape(target.name)}.*.tmp"):
                stale.unlink(missing_ok=True)
        code = slot.process.exitcode
        how = (f"killed by signal {-code}" if code is not None and code < 0
               else f"exit code {code}")
        record(job, fingerprint, {"status": "failed", "seconds": 0.0,
                                  "error": f"worker failed: the report worker stopped ({how}) "
                                           "while making this report; run the batch again"})
        if queue:
            give(start())

    try:
        for slot in list(slots):
            give(slot)
        for _ in range(min(n_workers - len(slots), len(queue))):
            give(start())
        while any(slot.job for slot in slots):
            busy = [slot for slot in slots if slot.job]
            ready = set(wait([slot.conn for slot in busy]
                             + [slot.process.sentinel for slot in busy]))
            for slot in busy:
                if slot.conn not in ready and slot.process.sentinel not in ready:
                    continue
                outcome = None
                try:
                    if slot.conn.poll():
                        outcome = slot.conn.recv()[1]
                except (EOFError, OSError):
                    pass
                if outcome is not None:
                    job, fingerprint = slot.job
                    record(job, fingerprint, outcome)
                    give(slot)
                elif not slot.process.is_alive() or slot.process.sentinel in ready:
                    lost(slot)
    except BaseException:
        _stop_processes([slot.process for slot in slots])
        raise
    for slot in slots:  # each was sent None: it exits
        slot.process.join(30)
    _stop_processes([slot.process for slot in slots if slot.process.is_alive()])


def _glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[]" else c for c in text)


def _stop_processes(processes, grace: float = 10.0) -> None:
    """Terminate every worker and wait for them; kill stragglers."""
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    deadline = time.monotonic() + grace
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
    for process in processes:
        if process.is_alive():
            process.kill()
            process.join(1.0)
