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


@contextlib.contextmanager
def staged_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success move it over ``target``."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
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
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            os.close(fd)
            staged[target] = Path(tmp)
            writer(staged[target])
        for target, tmp in staged.items():
            os.replace(tmp, target)
    finally:
        for tmp in staged.values():
            tmp.unlink(missing_ok=True)


def write_frame_csv(frame, target: Path) -> None:
    """A DataFrame as CSV with fixed formatting (LF, no index) so rebuilds are byte-identical."""
    frame.to_csv(target, index=False, lineterminator="\n")
