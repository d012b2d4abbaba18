"""Installed versions of the packages a result depends on, for provenance records."""
from __future__ import annotations

import sys
from importlib import metadata

from . import __version__


def python_version() -> str:
    """Python as major.minor: a patch release changes no result, and outputs must not
    differ between machines that only differ in it."""
    return f"{sys.version_info.major}.{sys.version_info.minor}"


def package_versions(packages, *, missing: str = "not installed") -> dict[str, str]:
    """``{"python": "3.11", "kbanalysis": ..., name: version}`` for each of ``packages``."""
    versions = {"python": python_version(), "kbanalysis": __version__}
    for name in packages:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = missing
    return versions
