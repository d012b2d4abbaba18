"""Writes that either complete or leave the previous files untouched.

Each file is written to a temporary sibling and moved over the target with ``os.replace``
(atomic on one filesystem). ``write_set`` stages a whole set of files first, so a failure
while producing any of them leaves every old file in place.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

# mkstemp creates files readable by the owner only; published tables should get the usual
# permissions (0666 less the umask), like any file written with open().
_UMASK = os.umask(0)
os.umask(_UMASK)
_FILE_MODE = 0o666 & ~_UMASK


def _temp_beside(target: Path) -> Path:
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    os.chmod(tmp, _FILE_MODE)
    return Path(tmp)


@contextlib.contextmanager
def staged_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success move it over ``target``."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp_path = _temp_beside(target)
    try:
        yield tmp_path
        os.replace(tmp_path, target)
    finally:
        tmp_path.unlink(missing_ok=True)


def write_text(target: Path, text: str) -> None:
    with staged_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="\n")


def write_set(writers: Mapping[Path, Callable[[Path], None]]) -> None:
    """Run every ``writer(tmp_path)``; only when all succeeded, move them into place."""
    staged: dict[Path, Path] = {}
    try:
        for target, writer in writers.items():
            target = Path(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            staged[target] = _temp_beside(target)
            writer(staged[target])
        for target, tmp in staged.items():
            os.replace(tmp, target)
    finally:
        for tmp in staged.values():
            tmp.unlink(missing_ok=True)


def write_frame_csv(frame, target: Path) -> None:
    """A DataFrame as CSV with fixed formatting (LF, no index) so rebuilds are byte-identical."""
    frame.to_csv(target, index=False, lineterminator="\n")
