# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install run test lint typecheck unit bench eval clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## Start the web/API server on embedded SQLite with the demo data loaded.
run: install
	$(BIN)/coopex serve --demo

## Lint, type-check and run the whole test suite.
test: lint typecheck unit

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

# Storage, service, API and CLI tests run on SQLite and, when one is found, on PostgreSQL.
# One pytest worker per core, at most four (each loads the NLP models): a module's tests stay
# on one worker, so its module-scoped fixtures are built once. `PYTEST_WORKERS=` runs serially.
PYTEST_WORKERS ?= -n auto --maxprocesses 4 --dist loadscope
unit: install
	@url="$${COOPEX_TEST_POSTGRES_URL:-$$(scripts/postgres-url 2>/dev/null || true)}"; \
	if [ -z "$$url" ]; then echo "no PostgreSQL found: testing on SQLite only (see docs/testing.md)"; fi; \
	COOPEX_TEST_POSTGRES_URL="$$url" $(BIN)/pytest $(PYTEST_WORKERS)

## Performance benchmarks (ratios against baselines measured in the same run).
bench: install
	$(BIN)/python -m benchmarks

## Matching quality: synthetic set (per language pair, ablation) and the development set of real
## requests (per part and language, with the embedding alone beside it).
eval: install
	$(BIN)/python -m evaluation.matching
	$(BIN)/python -m evaluation.news

clean:
	rm -rf $(VENV) .coopex .pytest_cache .mypy_cache .ruff_cache
