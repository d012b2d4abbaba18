"""The install story: pyproject, lock, environment.yml, Makefile, README and CI agree."""
from __future__ import annotations

import hashlib
import importlib
import os
import re
import shutil
import stat
import subprocess
import sys
import tomllib

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from kbanalysis import config

ROOT = config.PROJ_ROOT
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LOCK = ROOT / "requirements.lock"
README = (ROOT / "README.md").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


def _pyproject_requirements() -> dict[str, Requirement]:
    project = PYPROJECT["project"]
    lines = [*project["dependencies"], *project["optional-dependencies"]["dev"]]
    return {canonicalize_name(r.name): r for r in map(Requirement, lines)}


def _lock_pins() -> dict[str, str]:
    pins = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)", line)
        assert match, f"requirements.lock: not an exact pin: {line!r}"
        pins[canonicalize_name(match[1])] = match[2]
    return pins


def _readme_commands() -> list[str]:
    """The commands of the README's first code block, comments stripped."""
    block = re.search(r"```(?:bash|sh)?\n(.*?)```", README, re.S)
    assert block, "README.md has no code block"
    commands = [line.split("#", 1)[0].strip() for line in block[1].splitlines()]
    return [c for c in commands if c]


def _script_commands(text: str) -> list[str]:
    lines = [line.strip() for line in text.splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


# --- dependencies -------------------------------------------------------------------------

def test_environment_yml_has_the_same_dependencies_as_pyproject():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    assert "python=3.11" in conda
    listed = {canonicalize_name(Requirement(d).name): Requirement(d) for d in conda
              if not d.startswith("python=") and d != "pip"}
    wanted = _pyproject_requirements()
    assert set(listed) == set(wanted), (
        f"only in pyproject: {sorted(set(wanted) - set(listed))}; "
        f"only in environment.yml: {sorted(set(listed) - set(wanted))}")
    differing = {n: (str(wanted[n].specifier), str(listed[n].specifier)) for n in wanted
                 if wanted[n].specifier != listed[n].specifier}
    assert not differing, f"lower bounds differ (pyproject, environment.yml): {differing}"


def test_lock_pins_every_pyproject_dependency_within_its_bounds():
    pins = _lock_pins()
    missing = sorted(set(_pyproject_requirements()) - set(pins))
    assert not missing, f"in pyproject.toml but not in requirements.lock: {missing}"
    outside = {name: (pins[name], str(req.specifier))
               for name, req in _pyproject_requirements().items()
               if not req.specifier.contains(pins[name], prereleases=True)}
    assert not outside, f"locked versions outside pyproject's bounds: {outside}"


def test_lock_is_made_by_make_lock_for_python_3_11():
    header = LOCK.read_text(encoding="utf-8")[:400]
    assert "Python 3.11" in header and "make lock" in header
    assert PYPROJECT["project"]["requires-python"] == ">=3.11,<3.12"


def test_install_files_name_no_local_paths_or_indexes():
    # pip-compile copies a machine's own pip settings (find-links, extra indexes) into the
    # lock unless told not to; a lock that names them installs nowhere else.
    for name in ("requirements.lock", "environment.yml", "pyproject.toml", "Makefile"):
        text = (ROOT / name).read_text(encoding="utf-8")
        absolute = re.findall(r"(?:^|[\s='\"])(/[A-Za-z][^\s'\"]*)", text)
        assert not absolute, f"{name} names absolute paths: {absolute}"
        for option in ("file://", "--find-links", "--index-url", "--extra-index-url"):
            assert option not in text, f"{name} names {option}"


def test_console_script_points_at_the_cli_main():
    target = PYPROJECT["project"]["scripts"]["kbanalysis"]
    module, _, attribute = target.partition(":")
    assert callable(getattr(importlib.import_module(module), attribute))


def test_pytest_collects_from_tests_only_and_skips_are_reported():
    options = PYPROJECT["tool"]["pytest"]["ini_options"]
    assert options["testpaths"] == ["tests"]
    assert "-ra" in options["addopts"]


# --- the two commands ---------------------------------------------------------------------

def test_readme_opens_with_the_two_make_commands():
    first_block = README.index("```")
    assert README.index("\n## ") > first_block, "the commands come before any section"
    assert _readme_commands()[:2] == ["make run", "make test"]


@pytest.mark.parametrize("target", ["help", "setup", "run", "test", "lock", "data", "clean"])
def test_makefile_target_exists_with_a_help_line(target):
    assert re.search(rf"^{target}:[^\n]*## \S", MAKEFILE, re.M), f"no documented target {target}"


def test_make_help_is_the_default_and_lists_the_readme_commands():
    done = subprocess.run(["make", "--no-print-directory"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    listed = {line.split()[0] for line in done.stdout.splitlines() if line.startswith("  ")}
    for command in _readme_commands()[:2]:
        assert command.split()[1] in listed


def test_ci_runs_exactly_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.startswith("#!/usr/bin/env bash\n")
    commands = _script_commands(ci)
    assert commands == ["set -euo pipefail", _readme_commands()[1]]


# --- setup is idempotent ------------------------------------------------------------------

def _fake_project(tmp_path):
    """A copy of the Makefile, lock and pyproject with a .venv whose python only logs calls."""
    for name in ("Makefile", "requirements.lock", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    bin_dir = tmp_path / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    fake = bin_dir / "python"
    fake.write_text(f'#!/bin/sh\necho "$@" >> "{tmp_path / "calls.log"}"\n')
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    return tmp_path


def _make_setup(project):
    env = {**os.environ, "MAKEFLAGS": ""}
    done = subprocess.run(["make", "--no-print-directory", "setup", f"PYTHON={sys.executable}"],
                          cwd=project, capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    log = project / "calls.log"
    calls = log.read_text().splitlines() if log.exists() else []
    log.unlink(missing_ok=True)
    return done.stdout, calls


def _stamp_hash(project):
    data = (project / "requirements.lock").read_bytes() + (project / "pyproject.toml").read_bytes()
    return hashlib.sha256(data).hexdigest()


def test_setup_installs_the_lock_then_the_package_and_skips_when_unchanged(tmp_path):
    project = _fake_project(tmp_path)
    _, calls = _make_setup(project)
    pip_calls = [c for c in calls if c.startswith("-m pip install")]
    assert len(pip_calls) == 2
    assert "-r requirements.lock" in pip_calls[0]
    assert "--no-deps -e ." in pip_calls[1]
    assert (project / ".venv" / ".kbanalysis-setup").read_text().strip() == _stamp_hash(project)

    out, calls = _make_setup(project)
    assert calls == [] and "up to date" in out

    with (project / "requirements.lock").open("a") as lock:
        lock.write("# changed\n")
    _, calls = _make_setup(project)
    assert sum(c.startswith("-m pip install") for c in calls) == 2


def test_make_run_passes_real_kbpp_files_and_fit_options_through():
    done = subprocess.run(["make", "--no-print-directory", "-n", "run", "KBPP=a.xlsx b.csv",
                           "FIT_ARGS=--cluster regency"], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    # An office's files go to its workspace through `kbanalysis office`, never to the
    # committed tables (issue 16): no `data build` of data/processed/ with them.
    assert "kbanalysis office --kbpp a.xlsx --kbpp b.csv --fit-args '--cluster regency'" \
        in done.stdout
    assert "data build" not in done.stdout
    plain = subprocess.run(["make", "--no-print-directory", "-n", "run"], cwd=ROOT,
                           capture_output=True, text=True, check=True)
    assert "--kbpp" not in plain.stdout
