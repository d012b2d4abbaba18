"""A full disk, a file-size limit, a folder that cannot be written: one line, exit 1, old files kept.

Every command that writes (``data build``, ``fit``, ``report``) is run as a real process into
a folder that holds a previous, complete output. The fault is made three ways that work as
root: RLIMIT_FSIZE (write() then fails with EFBIG, as on a full disk: Python ignores
SIGXFSZ), a regular file where the output folder should be (nothing can be created under
it), and, where the system allows a private mount namespace, a read-only bind mount.
"""
from __future__ import annotations

import errno
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tiny_batch import TEMPLATE_ENV, write_template

from kbanalysis import atomic
from tests.fixtures.folders import folder_files

KBANALYSIS = [sys.executable, "-m", "kbanalysis"]
TINY_BATCH = Path(__file__).with_name("tiny_batch.py")
FSIZE_LIMIT = {"data": 50_000, "fit": 10_000, "report": 100_000}  # bytes; all below the largest file


def _command(kind: str, out: Path, raw_dir: Path | None, seed: int) -> list[str]:
    if kind == "data":
        return [*KBANALYSIS, "data", "build", "--raw", str(raw_dir), "--out", str(out),
                "--seed", str(seed)]
    if kind == "fit":
        return [*KBANALYSIS, "fit", "--synthetic", "--draws", "999", "--quiet", "--out", str(out),
                "--seed", str(seed)]
    return [sys.executable, str(TINY_BATCH), "report", "--level", "regency", "--only", "0101",
            "--jobs", "1", "--quiet", "--force", "--out", str(out)]


def _run(command: list[str], env: dict, fsize: int | None = None, prefix=()) -> subprocess.CompletedProcess:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    return subprocess.run([*prefix, *command], env=env, capture_output=True, text=True, timeout=300,
                          preexec_fn=limit if fsize is not None else None)


@pytest.fixture(scope="module")
def environment(tmp_path_factory):
    template = write_template(tmp_path_factory.mktemp("template") / "tiny.ipynb", page_bytes=200_000)
    # other modules' deprecation warnings would add lines to the stderr under test
    # the lines under test in English (the default is Indonesian)
    return {**os.environ, TEMPLATE_ENV: str(template), "PYTHONWARNINGS": "ignore",
            "KBANALYSIS_LANG": "en"}


@pytest.fixture(scope="module", params=["data", "fit", "report"])
def previous(request, tmp_path_factory, environment):
    """(kind, raw folder, a folder holding the command's complete output of a first run)."""
    kind = request.param
    raw_dir = request.getfixturevalue("raw_dir") if kind == "data" else None
    out = tmp_path_factory.mktemp(f"previous-{kind}") / "out"
    done = _run(_command(kind, out, raw_dir, seed=1), environment)
    assert done.returncode == 0, done.stderr
    return kind, raw_dir, out


def _assert_one_line_and_nothing_changed(done, expected_start: str, before: dict, out: Path) -> str:
    assert done.returncode == 1, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(expected_start), done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert folder_files(out) == before  # previous files intact, nothing half-written beside them
    return lines[0]


def test_a_full_disk_is_one_line_naming_the_file(previous, tmp_path, environment):
    kind, raw_dir, source = previous
    out = shutil.copytree(source, tmp_path / "out")
    before = folder_files(out)
    done = _run(_command(kind, out, raw_dir, seed=2), environment, fsize=FSIZE_LIMIT[kind])
    line = _assert_one_line_and_nothing_changed(done, f"error: cannot write {out}{os.sep}", before, out)
    assert line.endswith(": File too large")
    named = Path(line.removeprefix("error: cannot write ").removesuffix(": File too large"))
    assert named.relative_to(out).as_posix() in before  # one of the command's own files


def test_a_file_where_the_folder_should_be_is_one_line(previous, tmp_path, environment):
    kind, raw_dir, _ = previous
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file\n")
    target = blocker / "out"
    done = _run(_command(kind, target, raw_dir, seed=2), environment)
    assert done.returncode == 1, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: cannot write {target}"), done.stderr
    assert "Not a directory" in lines[0]
    assert blocker.read_text() == "a file\n" and [p.name for p in tmp_path.iterdir()] == [blocker.name]


def _read_only_mount_prefix(folder: Path) -> list[str]:
    """Run the command in a private mount namespace where ``folder`` is mounted read-only."""
    unshare = shutil.which("unshare")
    probe = subprocess.run([unshare, "-m", "sh", "-c", f'mount --bind -o ro "{folder}" "{folder}"'],
                           capture_output=True) if unshare else None
    if probe is None or probe.returncode != 0:
        pytest.skip("no private mount namespace here (needs unshare and CAP_SYS_ADMIN)")
    return [unshare, "-m", "sh", "-c", 'mount --bind -o ro "$0" "$0" && exec "$@"', str(folder)]


def test_a_read_only_folder_is_one_line(previous, tmp_path, environment):
    kind, raw_dir, source = previous
    out = shutil.copytree(source, tmp_path / "out")
    before = folder_files(out)
    done = _run(_command(kind, out, raw_dir, seed=2), environment, prefix=_read_only_mount_prefix(out))
    # report checks its folder before starting any kernel; the others name the first file
    start = f"error: cannot write {out}" + ("" if kind == "report" else os.sep)
    line = _assert_one_line_and_nothing_changed(done, start, before, out)
    assert line.endswith(": Read-only file system")


def test_debug_shows_the_traceback_instead(tmp_path, environment):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file\n")
    done = _run([*KBANALYSIS, "--debug", "fit", "--synthetic", "--draws", "999", "--quiet",
                 "--out", str(blocker / "out")], environment)
    assert done.returncode == 1
    assert "Traceback" in done.stderr or "WriteError" in done.stderr


def test_a_writer_out_of_space_leaves_the_old_set_and_names_its_file(tmp_path):
    for name in ("a.csv", "b.csv"):
        (tmp_path / name).write_text(f"old {name}\n")

    def full_disk(tmp: Path) -> None:
        tmp.write_text("half")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.raises(atomic.WriteError) as error:
        atomic.write_set({tmp_path / "a.csv": lambda tmp: tmp.write_text("new\n"),
                          tmp_path / "b.csv": full_disk})
    assert str(error.value) == f"cannot write {tmp_path / 'b.csv'}: No space left on device"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]
    assert [(tmp_path / n).read_text() for n in ("a.csv", "b.csv")] == ["old a.csv\n", "old b.csv\n"]


def test_a_folder_in_the_way_of_a_file_is_refused_before_anything_moves(tmp_path):
    (tmp_path / "a.csv").write_text("old\n")
    (tmp_path / "b.csv").mkdir()
    with pytest.raises(atomic.WriteError) as error:
        atomic.write_set({tmp_path / "a.csv": lambda tmp: tmp.write_text("new\n"),
                          tmp_path / "b.csv": lambda tmp: tmp.write_text("new\n")})
    assert str(error.value) == f"cannot write {tmp_path / 'b.csv'}: a folder is in the way of this file"
    assert (tmp_path / "a.csv").read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]
