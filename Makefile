# Every target uses the virtualenv in .venv at the repo root; `make install` creates it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS ?= ../shared/corpus
SAMPLE := examples/sample-ilacs-report.pdf

.PHONY: install demo test lint typecheck accuracy bench fixtures snapshot authorities clean fuzz

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The sample read as a person reads it, then its full JSON record written to out/.
demo: $(STAMP)
	$(BIN)/inspectparse show $(SAMPLE)
	@mkdir -p out
	$(BIN)/inspectparse extract --pretty $(SAMPLE) -o out/sample-record.json
	@echo "The full record: out/sample-record.json" >&2

# Tests are type-checked too, with annotations optional and None left unchecked.
MYPY_TESTS := --allow-untyped-defs --allow-incomplete-defs --allow-untyped-calls \
	--no-warn-return-any --no-strict-optional --implicit-reexport --no-warn-unreachable \
	--no-warn-unused-ignores

# CI runs this (.ci/run): lint, types (strict on src/), then the tests; each must pass.
test: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy
	$(BIN)/mypy $(MYPY_TESTS) tests
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts

typecheck: $(STAMP)
	$(BIN)/mypy
	$(BIN)/mypy $(MYPY_TESTS) tests

accuracy: $(STAMP)
	$(BIN)/python -m inspectparse.accuracy --corpus $(CORPUS) --engine auto --engine pdfplumber --texts --write docs/accuracy.md

bench: $(STAMP)
	$(BIN)/python bench/bench.py --corpus $(CORPUS) --write docs/performance.md
	$(BIN)/python bench/bench_batch.py --corpus $(CORPUS) --repeat 3 --append docs/performance.md
	$(BIN)/python bench/bench_xlsx.py --corpus $(CORPUS) --append docs/performance.md
	$(BIN)/python bench/bench_authority.py --corpus $(CORPUS) --append docs/performance.md
	$(BIN)/python bench/bench_search.py --corpus $(CORPUS) --append docs/performance.md

# A longer fuzzing campaign (FUZZ_MINUTES, default 10): mutated corpus PDFs and texts, each
# converted in a capped worker; reports every untyped exception, hang and memory overrun
# (saved under out/fuzz to reproduce). Exit 1 if it found any. See docs/reliability.md.
FUZZ_MINUTES ?= 10
fuzz: $(STAMP)
	nice -n 10 $(BIN)/python scripts/fuzz.py --minutes $(FUZZ_MINUTES) --corpus $(CORPUS)

# Regenerates the synthetic PDFs in tests/fixtures and examples/ from their scripts.
fixtures: $(STAMP)
	$(BIN)/python scripts/make_fixtures.py

# Rewrites tests/golden/records.json after an intended change of the records (see tests/test_snapshot.py).
snapshot: $(STAMP)
	$(BIN)/python scripts/snapshot.py --update --corpus $(CORPUS)

# Rebuilds the bundled authority lookup (src/inspectparse/data/authorities.*) from ../shared/reference.
authorities: $(STAMP)
	$(BIN)/python scripts/build_authorities.py --reference ../shared/reference

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
