# wgctl developer tasks. `make help` lists them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help setup demo test lint fmt schema golden check bench clean

help: ## List the tasks
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-8s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP) ## Create .venv and install wgctl with its development tools

demo: $(STAMP) ## Validate records/, explain the 2016 co-chair rotation, render the October 2017 progress report
	$(BIN)/wgctl validate
	$(BIN)/wgctl roster next dwg --as-of 2016-06-01
	@mkdir -p out
	$(BIN)/wgctl report progress --until 2017-10-31 --format md -o out/progress-report-2017-10.md
	$(BIN)/wgctl report progress --until 2017-10-31 --format html -o out/progress-report-2017-10.html

test: $(STAMP) ## Run the whole test suite
	$(BIN)/python -m pytest -q

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
	WGCTL_UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests -k golden

check: lint test ## lint + test

bench: $(STAMP) ## Run the benchmarks (prints ratios; not a test)
	$(BIN)/python benchmarks/bench_validate.py

clean: ## Remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache out
