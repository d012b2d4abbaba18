# kbanalysis — `make` alone lists the targets. Every target that runs code sets up .venv first.
.DEFAULT_GOAL := help
.PHONY: help setup browser run data fit reports notebooks lab nbval bench test lint lock clean distclean

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
KB := $(BIN)/kbanalysis
LOCK := requirements.lock
# What the installed environment was made from; setup reinstalls only when this changes.
STAMP := $(VENV)/.kbanalysis-setup
LOCK_VENV := build/lock-venv
PIP_TOOLS := pip-tools==7.6.2
PYTEST_ARGS ?=
# An office's own KBPP files, added to the published ones: make run KBPP="profil_2023.xlsx register.parquet"
# They are built, fitted and reported by `kbanalysis office` in the office workspace
# (kbanalysis.config.LOCAL_DIR and LOCAL_REPORTS_DIR, ignored by git), never into the committed
# data/processed/ and results/; `make run` without KBPP is the default again.
KBPP ?=
KBPP_FLAGS = $(foreach f,$(KBPP),--kbpp $(f))
# Options for `kbanalysis office` with KBPP, e.g. OFFICE_ARGS="--only 5203 --sheet 'Tabel 39'".
OFFICE_ARGS ?=
# The office run when KBPP is given (SIMULATE wins: the demonstration takes no office files).
OFFICE = $(if $(SIMULATE),,$(strip $(KBPP)))
# Options for `kbanalysis fit`, e.g. FIT_ARGS="--outcome-year 2024 --exposure-year 2021".
FIT_ARGS ?=
# SIMULATE=1: the labelled demonstration with a simulated KBPP layer, kept apart from the
# real default: data/simulated/ (kbanalysis.config.SIMULATED_DIR) and reports/simulated/, never committed.
SIMULATE ?=
ifneq ($(SIMULATE),)
BUILD_FLAGS = --simulate
FIT_IO = --table data/simulated/processed/analysis.csv --out data/simulated/results
REPORT_IO = --data data/simulated/processed --results data/simulated/results --out reports/simulated
INDEX = reports/simulated/index.html
else
BUILD_FLAGS = $(KBPP_FLAGS)
INDEX = reports/index.html
endif

# Hash of the lock and pyproject.toml (pyproject holds the entry points and package metadata).
SETUP_HASH = $$($(PYTHON) -c 'import hashlib, sys; print(hashlib.sha256(b"".join(open(f, "rb").read() for f in sys.argv[1:])).hexdigest())' $(LOCK) pyproject.toml)

help: ## Show this list of targets
	@echo "Usage: make <target>   (the first two are all a newcomer needs)"
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

run: setup ## Set up, rebuild the real data (if raw files are found), fit, write every HTML report (SIMULATE=1: demo)
ifneq ($(OFFICE),)
	$(KB) office $(KBPP_FLAGS) --fit-args '$(FIT_ARGS)' $(OFFICE_ARGS)
else
	@if $(BIN)/python -c 'import sys; from kbanalysis.config import default_raw_dir; sys.exit(default_raw_dir() is None)'; then \
		$(KB) data build $(BUILD_FLAGS); \
	else \
		$(if $(SIMULATE),echo "run: SIMULATE=1 perlu berkas mentah dan tidak ada yang ditemukan" >&2; exit 1,echo "run: folder data mentah tidak ditemukan; memakai tabel yang di-commit di data/processed/"); \
	fi
	@$(if $(SIMULATE),,$(KB) data summary)
	$(KB) fit --quiet $(FIT_ARGS) $(FIT_IO)
	$(KB) report --level all $(REPORT_IO)
	@echo "run: buka $(INDEX) di peramban"
endif

test: setup browser ## Set up, then lint (ruff) and run the whole test suite: unit, reliability, e2e, browser, nbval
	$(BIN)/ruff check kbanalysis tests bench
	$(BIN)/python -m pytest --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg tests notebooks $(PYTEST_ARGS)

browser: ## Install Debian's headless Chromium for the browser tests (needs root; skipped when present)
	@command -v chromium >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "browser: chromium is missing; install it with 'sudo apt-get install chromium'" >&2; \
		fi; }

fit: setup ## Fit the estimator suite on data/processed/ into results/ (committed, displayed by notebooks)
	$(KB) fit --quiet $(FIT_ARGS)

reports: setup ## Write every HTML report (national, provinces, regencies) and reports/index.html
	$(KB) report --level all

notebooks: setup ## Re-execute the committed notebooks (their outputs are the nbval references)
	$(BIN)/python -m kbanalysis.reporting.refresh

# LAB_ARGS passes options to JupyterLab, e.g. LAB_ARGS="--no-browser --port 8890".
LAB_ARGS ?=
# JUPYTER_PATH puts .venv's kernel spec first, so "Python 3" is .venv's Python even when the
# user has another kernel of that name; root (a container) needs --allow-root.
lab: setup ## Start JupyterLab on notebooks/ with the project's kernel (.venv's Python; LAB_ARGS for options)
	JUPYTER_PATH="$(CURDIR)/$(VENV)/share/jupyter" $(BIN)/jupyter lab --notebook-dir=notebooks \
		$$([ "$$(id -u)" = 0 ] && echo --allow-root) $(LAB_ARGS)

lint: setup ## Run the linter alone (ruff, rules in pyproject.toml)
	$(BIN)/ruff check kbanalysis tests bench

nbval: setup ## Check only the committed notebooks against their stored outputs
	$(BIN)/python -m pytest -p no:cacheprovider --nbval notebooks --nbval-sanitize-with tests/nbval_sanitize.cfg

bench: setup ## Run the benchmarks in bench/ (models, registers vs pandas, reports vs naive papermill)
	$(BIN)/python bench/bench_models.py
	$(BIN)/python bench/bench_registers.py
	$(BIN)/python bench/bench_reports.py

setup: ## Create .venv with the locked dependencies and the package (skipped when already up to date)
	@want="$(SETUP_HASH)"; \
	if [ -x $(BIN)/python ] && [ "$$(cat $(STAMP) 2>/dev/null)" = "$$want" ]; then \
		echo "setup: $(VENV) is up to date with $(LOCK)"; exit 0; \
	fi; \
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV) || exit 1; \
	$(BIN)/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || { \
		echo "setup: kbanalysis needs Python 3.11; $(VENV) has $$($(BIN)/python --version)." \
		     "Run 'make distclean', then 'make PYTHON=python3.11 setup'." >&2; exit 1; }; \
	$(BIN)/python -m pip install --disable-pip-version-check -r $(LOCK) || exit 1; \
	$(BIN)/python -m pip install --disable-pip-version-check --no-deps -e . || exit 1; \
	echo "$$want" > $(STAMP); \
	echo "setup: $(VENV) ready"

data: setup ## Rebuild data/processed/ from the raw files (KBPP="files...": your files, into data/local/)
ifneq ($(OFFICE),)
	$(KB) office $(KBPP_FLAGS) --build-only $(OFFICE_ARGS)
else
	$(KB) data build $(BUILD_FLAGS)
endif

lock: ## Regenerate requirements.lock from pyproject.toml (keeps existing pins; UPGRADE=1 refreshes them)
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet --disable-pip-version-check $(PIP_TOOLS)
	CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_VENV)/bin/pip-compile --quiet --extra dev \
		--strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links \
		--no-emit-trusted-host $(if $(UPGRADE),--upgrade) --output-file $(LOCK) pyproject.toml

clean: ## Remove caches and build artefacts (keeps .venv and the data)
	rm -rf build dist .pytest_cache .hypothesis *.egg-info
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean ## Also remove .venv (the next setup reinstalls everything)
	rm -rf $(VENV)
