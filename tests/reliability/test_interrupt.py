"""Interruption: a write set killed between its renames, a report batch killed or interrupted.

The killed processes are real subprocesses: the write set is killed with SIGKILL at chosen
renames (the hook wraps ``os.replace`` in the child only), the report batch is sent SIGTERM,
SIGINT, or its parent is SIGKILLed. Afterwards nobody may see a mixed set of files, no
staging file may remain, and no worker may outlive the batch.
"""
from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pandas as pd
import psutil
import pytest
from tiny_batch import TEMPLATE_ENV, wait_for, write_template

from kbanalysis import atomic, config, dataset

# The child performs one write_set of analysis.csv, tidy.csv and kbpp.csv (the "new" set)
# and SIGKILLs itself right after the rename number KILL_AT (0 = the journal's rename,
# the commit point; 1.. = the targets' renames). Test-only code: it lives here.
CHILD = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    import pandas as pd
    from kbanalysis import atomic

    folder, kill_at = Path(sys.argv[1]), int(sys.argv[2])
    real_replace, renames = os.replace, []

    def replace_then_maybe_die(src, dst, *args, **kwargs):
        real_replace(src, dst, *args, **kwargs)
        if Path(dst).parent == folder and not Path(dst).name.endswith(".tmp"):
            renames.append(dst)
            if len(renames) - 1 == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)

    os.replace = replace_then_maybe_die
    frames = {name: pd.read_csv(folder / ("new-" + name), dtype=str, keep_default_na=False)
              for name in ("analysis.csv", "tidy.csv", "kbpp.csv")}
    atomic.write_set({folder / name: (lambda tmp, f=frame: atomic.write_frame_csv(f, tmp))
                      for name, frame in frames.items()})
""")
NAMES = ("analysis.csv", "tidy.csv", "kbpp.csv")
OLD_ROWS, NEW_ROWS = 5, 9


def _seed_folder(folder: Path) -> None:
    """The old set (first 5 rows of each committed table) and the new one (first 9) beside it."""
    folder.mkdir()
    sources = {"analysis.csv": config.ANALYSIS_CSV, "tidy.csv": config.TIDY_CSV,
               "kbpp.csv": config.KBPP_CSV}
    for name, source in sources.items():
        table = pd.read_csv(source, dtype=str, keep_default_na=False, nrows=NEW_ROWS)
        table.head(OLD_ROWS).to_csv(folder / name, index=False, lineterminator="\n")
        table.to_csv(folder / f"new-{name}", index=False, lineterminator="\n")


def _kill_during_write_set(folder: Path, kill_at: int) -> None:
    script = folder.parent / "child.py"
    script.write_text(CHILD)
    done = subprocess.run([sys.executable, str(script), str(folder), str(kill_at)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize("kill_at", [0, 1, 2, 3])  # 3 = after the last rename, journal not deleted
def test_a_reader_after_a_kill_between_renames_sees_one_whole_set(tmp_path, kill_at):
    folder = tmp_path / "processed"
    _seed_folder(folder)
    _kill_during_write_set(folder, kill_at)
    assert atomic.JOURNAL_NAME in _leftovers(folder)  # killed after the commit point
    if 1 <= kill_at < 3:  # the raw files really are mixed until the journal is replayed
        lengths = {len(pd.read_csv(folder / n)) for n in NAMES}
        assert lengths == {OLD_ROWS, NEW_ROWS}

    # the readers complete the switch before reading: every table is the new one
    assert len(dataset.load_analysis(folder / "analysis.csv")) == NEW_ROWS
    assert len(dataset.load_tidy(folder / "tidy.csv")) == NEW_ROWS
    assert len(dataset.load_kbpp(folder / "kbpp.csv")) == NEW_ROWS
    assert _leftovers(folder) == []


def test_a_kill_before_the_commit_point_keeps_the_old_set_and_the_next_run_cleans_up(tmp_path):
    folder = tmp_path / "processed"
    _seed_folder(folder)
    # a writer that kills itself while the second file is being staged
    script = tmp_path / "child_staging.py"
    script.write_text(textwrap.dedent("""
        import os, signal, sys
        from pathlib import Path
        from kbanalysis import atomic
        folder = Path(sys.argv[1])
        def first(tmp): tmp.write_text("half,new\\n")
        def second(tmp):
            tmp.write_text("half")
            os.kill(os.getpid(), signal.SIGKILL)
        atomic.write_set({folder / "analysis.csv": first, folder / "tidy.csv": second})
    """))
    before = {n: (folder / n).read_bytes() for n in NAMES}
    done = subprocess.run([sys.executable, str(script), str(folder)], capture_output=True, timeout=120)
    assert done.returncode == -signal.SIGKILL
    stale = _leftovers(folder)
    assert stale and all(name.endswith(".tmp") for name in stale)  # staging, no journal
    assert {n: (folder / n).read_bytes() for n in NAMES} == before  # old set intact

    atomic.write_set({folder / "kbpp.csv": lambda tmp: tmp.write_text("x\n"),
                      folder / "analysis.csv": lambda tmp: tmp.write_text("y\n"),
                      folder / "tidy.csv": lambda tmp: tmp.write_text("z\n")})
    assert _leftovers(folder) == []  # the next run removed the killed run's staging files
    assert (folder / "tidy.csv").read_text() == "z\n"


# --------------------------------------------------------------------------------------
# A report batch interrupted: SIGTERM, Ctrl-C (SIGINT to the process group), SIGKILL

TINY_BATCH = Path(__file__).with_name("tiny_batch.py")
MARKER = "KBANALYSIS_TEST_MARKER"  # inherited by the batch and its workers
QUICK, SLOW = ["0101", "0102"], ["0199", "0299"]  # the slow ones are running when we strike


def _marked(marker: str) -> list[psutil.Process]:
    found = []
    for process in psutil.process_iter():
        try:
            if process.environ().get(MARKER) == marker and process.status() != psutil.STATUS_ZOMBIE:
                found.append(process)
        except psutil.Error:
            pass
    return found


def _workers(processes) -> list[psutil.Process]:
    """The batch's report workers (started with "spawn"; each runs its pages in itself)."""
    found = []
    for process in processes:
        with contextlib.suppress(psutil.Error):
            if "spawn_main" in " ".join(process.cmdline()):
                found.append(process)
    return found


@pytest.fixture()
def running_batch(tmp_path):
    """A batch of 2 workers that has written the quick pages and is busy with the slow ones."""
    template = write_template(tmp_path / "tiny.ipynb")
    marker = uuid.uuid4().hex
    out = tmp_path / "reports"
    env = {**os.environ, TEMPLATE_ENV: str(template), MARKER: marker, "PYTHONWARNINGS": "ignore"}
    batch = subprocess.Popen(
        [sys.executable, str(TINY_BATCH), "report", "--level", "regency", "--only",
         " ".join(QUICK + SLOW), "--jobs", "2", "--quiet", "--out", str(out)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,  # its own process group, like a job in a terminal
        # ... with Ctrl-C as a terminal's foreground job has it: a test suite started in the
        # background by a shell without job control inherits SIGINT ignored, and Python then
        # never turns it into KeyboardInterrupt
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        wait_for(lambda: all(any((out / "id" / "regency").glob(f"{c}-*.html")) for c in QUICK)
                  and len(_workers(_marked(marker))) == 2, 180, "two busy workers")
        yield batch, marker, out
    finally:
        for process in _marked(marker):  # never leave a stray process behind a failed test
            with contextlib.suppress(psutil.Error):
                process.kill()
        batch.kill()
        batch.communicate()


def _assert_nothing_left(marker: str, out: Path) -> None:
    wait_for(lambda: not _marked(marker), 30, "every worker to exit")
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]  # no staging file left
    pages = sorted(p.name.split("-")[0] for p in out.rglob("*.html") if p.name != "index.html")
    assert pages == QUICK  # the finished pages, and no page of the interrupted reports
    for page in out.rglob("*.html"):
        assert page.read_text(encoding="utf-8").rstrip().endswith("</html>")  # whole pages


def test_sigterm_stops_every_worker(running_batch):
    batch, marker, out = running_batch
    batch.send_signal(signal.SIGTERM)
    _, stderr = batch.communicate(timeout=60)
    assert batch.returncode == 143
    assert stderr.splitlines() == ["diakhiri (SIGTERM): berhenti; berkas yang selesai "
                                   "disimpan, tidak ada yang setengah tertulis"]
    _assert_nothing_left(marker, out)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(code in index for code in QUICK)  # the index keeps the finished work


def test_ctrl_c_prints_one_line_and_stops_everything(running_batch):
    batch, marker, out = running_batch
    os.killpg(batch.pid, signal.SIGINT)  # what a terminal sends on Ctrl-C: the whole group
    _, stderr = batch.communicate(timeout=60)
    assert batch.returncode == 130
    assert stderr.splitlines() == ["dihentikan (Ctrl-C): berhenti; berkas yang selesai "
                                   "disimpan, tidak ada yang setengah tertulis"]
    _assert_nothing_left(marker, out)


def test_sigkill_of_the_parent_takes_the_workers_with_it(running_batch):
    batch, marker, out = running_batch
    children = psutil.Process(batch.pid).children(recursive=True)
    assert len(_workers(_marked(marker))) == 2 and children
    batch.kill()
    batch.communicate(timeout=60)
    assert batch.returncode == -signal.SIGKILL
    _assert_nothing_left(marker, out)


def test_a_journal_that_cannot_be_trusted_stops_the_reader_with_one_clear_error(tmp_path):
    folder = tmp_path / "processed"
    _seed_folder(folder)
    (folder / atomic.JOURNAL_NAME).write_text('{"version": 1, "moves": [["../x", "analysis.csv"]]}')
    with pytest.raises(atomic.PendingWriteError) as error:
        dataset.load_analysis(folder / "analysis.csv")
    assert str(error.value) == (f"{folder / atomic.JOURNAL_NAME}: journal names '../x', "
                                "not a file of this folder")
    (folder / atomic.JOURNAL_NAME).write_text("{not json")
    with pytest.raises(atomic.PendingWriteError, match="unreadable journal of an interrupted write"):
        dataset.load_tidy(folder / "tidy.csv")
