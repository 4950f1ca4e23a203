# The two commands: `make demo` (set up, generate the sample intake, process it, print the results)
# and `make test` (set up, lint, type-check, run the suite).
SHELL := /bin/bash
VENV := .venv/bin
export OMP_THREAD_LIMIT := 1
export DO_NOT_TRACK := 1
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export PREFECT_LOGGING_LEVEL := WARNING
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS := 90

DEMO_HOME ?= endorse-data
CORPUS := fixtures/corpus

.PHONY: setup demo test lint fixtures bench clean

setup:
	@bash scripts/setup.sh

fixtures: setup
	@$(VENV)/python fixtures/generate.py --out $(CORPUS)

demo: fixtures
	@rm -rf $(DEMO_HOME)
	@$(VENV)/endorse --home $(DEMO_HOME) process $(CORPUS)/intake --flow
	@$(VENV)/endorse --home $(DEMO_HOME) summary

lint: setup
	@$(VENV)/ruff check pipeline extractors flows review fixtures tests bench
	@$(VENV)/mypy pipeline extractors flows review

test: lint
	@$(VENV)/python -m pytest -q -p no:cacheprovider; rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo 'pytest collected no tests' >&2; exit 1; fi; exit $$rc

bench: fixtures
	@$(VENV)/python bench/accuracy.py

clean:
	rm -rf $(CORPUS) $(DEMO_HOME) .pytest_cache .mypy_cache .ruff_cache
