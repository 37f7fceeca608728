# Plateau Lab: one entry point for setup, tests, figures, benchmarks and the site.
# Every target creates .venv on first use, so a fresh clone needs only `make serve` or `make test`;
# setup also installs the Debian packages the tests and figures need (scripts/system_deps.sh).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# torch is pinned to the CPU build that ships on our machines; override for a CUDA box:
#   make setup TORCH='torch --index-url https://download.pytorch.org/whl/cu124'
TORCH  ?= torch==2.13.0
PROFILE ?= cpu
export PYTHONHASHSEED := 0
# Material 9.8 prints an end-of-life banner on every mkdocs run; keep build output to real problems.
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup system-deps test test-fast test-slow serve docs figures figures-check bench linkcheck i18n-status clean help

help:
	@echo "make serve        install into .venv, then serve the site on http://127.0.0.1:8000/plateau-lab/"
	@echo "make test         install into .venv, then run the whole test suite (incl. browser tests)"
	@echo "make figures      rerun stale gallery experiments (PROFILE=cpu|gpu|smoke)"
	@echo "make bench        run the benchmarks and write bench/results.md"
	@echo "make docs         strict build of the site into site/"
	@echo "make linkcheck    check every link of the built site, offline"
	@echo "make i18n-status  report missing/stale/structurally different translations"
	@echo "make setup        only install: Debian packages (as root or with sudo), then .venv"

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q "$(TORCH)"
	$(PY) -m pip install -q -e '.[docs,dev]'
	touch $@

setup: system-deps $(VENV)/.installed

# fonts-noto-cjk, chromium, chromium-driver: installed when missing (root or passwordless
# sudo); otherwise one line says which apt-get command to run.
system-deps:
	@scripts/system_deps.sh

test: setup
	$(PY) -m pytest -q

test-slow: setup
	$(PY) -m pytest -q -m slow

serve: setup
	$(VENV)/bin/mkdocs serve

docs: setup
	$(VENV)/bin/mkdocs build --strict

figures: setup
	$(PY) -m trainer.gallery run --profile $(PROFILE)

figures-check: setup
	$(PY) -m trainer.gallery check

bench: setup
	$(PY) -m trainer bench --out bench/results.md

linkcheck: docs
	$(VENV)/bin/linkchecker --no-warnings --no-status site/index.html  # external URLs are not checked: offline

i18n-status: setup
	$(PY) scripts/i18n_status.py

clean:
	rm -rf site .pytest_cache
