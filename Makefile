# wgctl developer tasks. `make help` lists them.
#
# The environment that `make` builds is locked: requirements.lock pins every package, direct and
# indirect, so a fresh machine gets what the tests last passed with. pyproject.toml keeps the
# ranges for people who install wgctl; `make lock` refreshes the lock from them, and
# `make test-latest` runs the suite against the newest releases in a separate environment.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.lock
PIP_VERSION := 26.3
UV_VERSION := 0.13.9
LATEST := .venv-latest
TOOLS := .venv-tools
# Test workers: both cores of the CI machine (pytest-xdist); `make test WORKERS=0` runs in one process.
WORKERS ?= auto

.DEFAULT_GOAL := help
.PHONY: help setup demo test test-latest lint fmt schema golden check bench lock system-deps clean site

help: ## List the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml $(LOCK)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip==$(PIP_VERSION)
	$(BIN)/python -m pip install --quiet -c $(LOCK) -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP) ## Create .venv from the lock and install wgctl with its development tools

demo: $(STAMP) ## Validate records/, explain the 2016 co-chair rotation, render the October 2017 progress report, build the public site
	$(BIN)/wgctl validate
	$(BIN)/wgctl roster next dwg --as-of 2016-06-01
	@mkdir -p out
	$(BIN)/wgctl report progress --until 2017-10-31 --format md -o out/progress-report-2017-10.md
	$(BIN)/wgctl report progress --until 2017-10-31 --format html -o out/progress-report-2017-10.html
	$(BIN)/wgctl site --out out/site
	@echo "Open out/site/index.html in a browser, or run 'make site' to preview it."

test: $(STAMP) ## Run the whole test suite in parallel, with branch coverage and its floor
	$(BIN)/python -m pytest -q -n $(WORKERS) --dist worksteal --cov --cov-report=term:skip-covered

test-latest: ## Run the suite against the newest release of every dependency (not the lock)
	@test -x $(LATEST)/bin/python || $(PYTHON) -m venv $(LATEST)
	$(LATEST)/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(LATEST)/bin/python -m pip install --quiet --upgrade --upgrade-strategy eager -e '.[dev]'
	$(LATEST)/bin/python -m pip list --format=freeze > $(LATEST)/versions.txt
	$(LATEST)/bin/python -m pytest -q -n $(WORKERS) -p no:cacheprovider

lock: ## Refresh requirements.lock from pyproject.toml's ranges (newest versions that fit)
	@test -x $(TOOLS)/bin/uv || ($(PYTHON) -m venv $(TOOLS) && $(TOOLS)/bin/python -m pip install --quiet uv==$(UV_VERSION))
	$(TOOLS)/bin/uv pip compile pyproject.toml --all-extras --universal --python-version 3.11 \
		--upgrade --no-header --quiet --output-file $(LOCK)

system-deps: ## Install the Debian packages some tests need (browser, PDF libraries); needs root
	apt-get update -q
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$(grep -v '^#' .ci/debian-packages.txt)

lint: $(STAMP) ## ruff (lint + format check) and mypy --strict
	$(BIN)/ruff check wgctl tests benchmarks
	$(BIN)/ruff format --check wgctl tests benchmarks
	$(BIN)/mypy

fmt: $(STAMP) ## Format the code
	$(BIN)/ruff format wgctl tests benchmarks
	$(BIN)/ruff check --fix wgctl tests benchmarks

schema: $(STAMP) ## Regenerate schemas/ from the models
	$(BIN)/wgctl schema export --out schemas

golden: $(STAMP) ## Refresh report snapshots in tests/golden/
	WGCTL_UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q -p no:xdist tests -k golden

check: lint test ## lint + test

bench: $(STAMP) ## Run the benchmarks (prints ratios; not a test)
	$(BIN)/python benchmarks/bench_validate.py

clean: ## Remove the virtual environments and caches
	rm -rf $(VENV) $(LATEST) $(TOOLS) .pytest_cache .mypy_cache .ruff_cache .coverage out

.PHONY: fuzz
fuzz: $(STAMP) ## Fuzz the loader and the CLI for minutes (make test runs seconds of it)
	WGCTL_FUZZ=long $(BIN)/python -m pytest -q -p no:randomly tests/test_fuzz.py

site: $(STAMP) ## Build the public website of records/ into site/, preview it on 127.0.0.1:8000 and open it
	$(BIN)/wgctl site --out site --serve --open
