"""Writes that either complete or leave the previous files untouched.

Each file is written to a temporary sibling (``.<name>.<random>.tmp``) and moved over the
target with ``os.replace`` (atomic on one filesystem).

``write_set`` makes a whole set of files in one folder switch together, even if the process
is killed half-way. It stages every file and flushes it to disk; then it writes a journal
(``.write_set.journal`` in that folder: which staged file becomes which target) and moves it
into place with one rename -- that rename is the commit point; then it renames the staged
files and deletes the journal. A kill before the commit leaves the old set (the staged files
are stale and the next ``write_set`` removes them); a kill after it leaves a journal that the
next ``write_set`` or the next reader rolls forward (:func:`finish_pending`), so the folder
holds the new set. Readers therefore never see a mixed set: ``dataset.load_*`` and the
report batch call :func:`finish_pending` before reading, which completes a pending switch,
or -- when the folder is not writable -- refuses with :class:`PendingWriteError` naming it.
The target paths stay the same for readers (no directory swap, no symlink in git).

A folder's writers and a reader that completes a journal take an exclusive ``flock`` on the
folder itself, so concurrent writers cannot remove each other's staging files and a
reader never replays a journal while the writer is still renaming.

A failed write raises :class:`WriteError`, an ``OSError`` naming the target (not the
temporary file) and what failed.
"""
from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from .messages import msg

# mkstemp creates files readable by the owner only; published tables should get the usual
# permissions (0666 less the umask), like any file written with open().
_UMASK = os.umask(0)
os.umask(_UMASK)
_FILE_MODE = 0o666 & ~_UMASK

JOURNAL_NAME = ".write_set.journal"
_JOURNAL_VERSION = 1

# Staging files of single-file writes that this process has not finished yet. A process
# that is told to stop (a report worker on SIGTERM) removes them before it exits.
_IN_PROGRESS: set[Path] = set()


class WriteError(OSError):
    """Writing ``filename`` failed; ``strerror`` says why (disk full, read-only, ...)."""

    def __str__(self) -> str:
        return f"cannot write {self.filename}: {self.strerror}"


class PendingWriteError(OSError):
    """A folder holds an interrupted set switch that could not be completed."""

    def __str__(self) -> str:
        return f"{self.filename}: {self.strerror}"


def _write_error(error: OSError, target: Path) -> WriteError:
    if isinstance(error, WriteError):
        return error
    reason = error.strerror or str(error)
    if error.filename is not None and Path(error.filename).name != Path(target).name \
            and not Path(error.filename).name.startswith(f".{Path(target).name}."):
        reason = f"{reason} ({error.filename})"  # e.g. a parent folder that is a file
    return WriteError(error.errno or errno.EIO, reason, str(target))


def _temp_beside(target: Path) -> Path:
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    os.chmod(tmp, _FILE_MODE)
    return Path(tmp)


def _fsync_path(path: Path, directory: bool = False) -> None:
    fd = os.open(path, os.O_RDONLY | (os.O_DIRECTORY if directory else 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def staged_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success move it over ``target``."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp_path = _temp_beside(target)
    except OSError as error:
        raise _write_error(error, target) from error
    _IN_PROGRESS.add(tmp_path)
    try:
        try:
            yield tmp_path
            os.replace(tmp_path, target)
        except WriteError:
            raise
        except OSError as error:
            raise _write_error(error, target) from error
    finally:
        tmp_path.unlink(missing_ok=True)
        _IN_PROGRESS.discard(tmp_path)


def remove_in_progress() -> None:
    """Delete this process's unfinished staging files (call before a forced exit)."""
    for path in list(_IN_PROGRESS):
        with contextlib.suppress(OSError):
            path.unlink()
        _IN_PROGRESS.discard(path)


# ``.<name>.<8 random characters>.tmp``: the names mkstemp gives staging files here.
_STAGING_NAME = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")


def remove_staging_files(folder: Path) -> list[Path]:
    """Delete the staging files a killed run left in ``folder`` (not in its subfolders).

    Only for a folder no other process is writing now (e.g. a reports folder when its batch
    starts); ``write_set`` folders clean themselves under their lock.
    """
    removed = []
    for path in Path(folder).glob(".*.tmp"):
        if _STAGING_NAME.fullmatch(path.name) and path.is_file() and path not in _IN_PROGRESS:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def check_writable(folder: Path) -> None:
    """Raise :class:`WriteError` now if files cannot be created in ``folder`` (read-only,
    no permission), rather than after a long computation."""
    folder = Path(folder)
    try:
        fd, probe = tempfile.mkstemp(prefix=".write-check.", suffix=".tmp", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as error:
        raise WriteError(error.errno or errno.EIO, error.strerror or str(error), str(folder)) from error


def write_text(target: Path, text: str) -> None:
    with staged_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="\n")


# --------------------------------------------------------------------------------------
# Sets of files


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # released by the kernel if the process dies
        yield
    finally:
        os.close(fd)


def _one_folder(targets: list[Path]) -> Path:
    folders = {t.parent for t in targets}
    if len(folders) != 1:
        raise ValueError(f"write_set writes one folder at a time, got {sorted(map(str, folders))}")
    return folders.pop()


def _remove_stale(folder: Path, names) -> None:
    """Staging files a killed run left for ``names`` (and for the journal)."""
    for name in {*names, JOURNAL_NAME}:
        for stale in folder.glob(f"{_glob_escape('.' + name)}.*.tmp"):
            stale.unlink(missing_ok=True)


def _glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[]" else c for c in text)


def _read_journal(folder: Path) -> list[tuple[str, str]]:
    journal = folder / JOURNAL_NAME
    try:
        payload = json.loads(journal.read_text(encoding="utf-8"))
        moves = [(str(a), str(b)) for a, b in payload["moves"]]
    except (ValueError, KeyError, TypeError) as error:
        raise PendingWriteError(errno.EIO, msg("atomic.bad_journal", error=str(error)),
                                str(journal)) from None
    for name in (n for move in moves for n in move):
        if Path(name).name != name or name in ("", ".", ".."):  # names only, never a path
            raise PendingWriteError(errno.EIO, msg("atomic.journal_name", name=name),
                                    str(journal))
    return moves


def _roll_forward(folder: Path) -> list[str]:
    """Complete the journal's renames (idempotent) and delete it; the targets' names."""
    moves = _read_journal(folder)
    for staged, target in moves:
        if (folder / staged).exists():  # not renamed yet
            os.replace(folder / staged, folder / target)
    _fsync_path(folder, directory=True)
    (folder / JOURNAL_NAME).unlink()
    _fsync_path(folder, directory=True)
    return [target for _, target in moves]


def _recover(folder: Path, names=()) -> None:
    """With the folder locked: finish a pending switch, then remove stale staging files."""
    if (folder / JOURNAL_NAME).exists():
        names = [*names, *_roll_forward(folder)]
    _remove_stale(folder, names)


def finish_pending(folder: Path) -> None:
    """Before reading ``folder``: complete a set switch that a killed writer left half done.

    Costs one ``stat`` when nothing is pending. Raises :class:`PendingWriteError` when a
    switch is pending and cannot be completed (e.g. the folder is read-only): reading
    would give a mix of old and new files.
    """
    folder = Path(folder)
    if not (folder / JOURNAL_NAME).exists():
        return
    try:
        with _folder_lock(folder):
            _recover(folder)
    except PendingWriteError:
        raise
    except OSError as error:
        raise PendingWriteError(
            error.errno or errno.EIO,
            msg("atomic.pending", reason=str(error.strerror or error)),
            str(folder / JOURNAL_NAME)) from error


def write_set(writers: Mapping[Path, Callable[[Path], None]]) -> None:
    """Run every ``writer(tmp_path)``; only when all succeeded, switch them in together.

    All targets must be in one folder. A failure while producing any file leaves every old
    file in place; a kill at any moment leaves either the old or the new set once the next
    writer or reader has run :func:`finish_pending` (see the module docstring).
    """
    targets = [Path(t) for t in writers]
    if not targets:
        return
    folder = _one_folder(targets)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _write_error(error, targets[0]) from error
    with _folder_lock(folder):
        _recover(folder, [t.name for t in targets])
        for target in targets:  # the one rename that could fail after the commit point
            if target.is_dir():
                raise WriteError(errno.EISDIR, msg("atomic.folder_in_way"), str(target))
        staged: dict[Path, Path] = {}
        try:
            for target, writer in zip(targets, writers.values()):
                try:
                    staged[target] = _temp_beside(target)
                    writer(staged[target])
                    _fsync_path(staged[target])
                except OSError as error:
                    raise _write_error(error, target) from error
            _commit_journal(folder, staged)
        except BaseException:
            for tmp in staged.values():
                tmp.unlink(missing_ok=True)
            raise
        try:
            _roll_forward(folder)
        except OSError as error:  # the journal stays: the next writer or reader completes it
            raise _write_error(error, folder / JOURNAL_NAME) from error


def _commit_journal(folder: Path, staged: dict[Path, Path]) -> None:
    journal = folder / JOURNAL_NAME
    moves = [[tmp.name, target.name] for target, tmp in staged.items()]
    text = json.dumps({"version": _JOURNAL_VERSION, "moves": moves}, indent=1) + "\n"
    tmp = _temp_beside(journal)
    try:
        tmp.write_text(text, encoding="utf-8")
        _fsync_path(tmp)
        os.replace(tmp, journal)  # the commit point of the whole set
    except OSError as error:
        raise _write_error(error, journal) from error
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_path(folder, directory=True)


def write_frame_csv(frame, target: Path) -> None:
    """A DataFrame as CSV with fixed formatting (LF, no index) so rebuilds are byte-identical."""
    frame.to_csv(target, index=False, lineterminator="\n")
