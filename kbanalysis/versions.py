"""Installed versions of the packages a result depends on, for provenance records."""
from __future__ import annotations

import platform
from importlib import metadata

from . import __version__


def package_versions(packages, *, missing: str = "not installed") -> dict[str, str]:
    """``{"python": ..., "kbanalysis": ..., name: version}`` for each of ``packages``."""
    versions = {"python": platform.python_version(), "kbanalysis": __version__}
    for name in packages:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = missing
    return versions
