# Every target uses the virtualenv in .venv at the repo root; `make install` creates it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS ?= ../shared/corpus
SAMPLE := examples/sample-ilacs-report.pdf

.PHONY: install compiled demo test lint typecheck accuracy bench fixtures snapshot authorities clean fuzz

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

# The compiled build a wheel install (`pipx install .`) gives: the hot modules compiled with
# mypyc (setup.py, src/inspectparse/_compiled.py), installed apart from the editable, pure-Python
# .venv so that a source change always takes effect there. Rebuilt when any source changes.
COMPILED := build/compiled
BUILD_INPUTS := $(shell find src -name '*.py') setup.py build_support/backend.py pyproject.toml
IS_COMPILED := PYTHONPATH=$(COMPILED) $(BIN)/python -c \
	'import sys, inspectparse._compiled as c; sys.exit(not c.compiled_modules())'

$(COMPILED)/.built: $(STAMP) $(BUILD_INPUTS)
	rm -rf $(COMPILED) build/lib build/lib.* build/bdist.*
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --target $(COMPILED) .
	touch $@

compiled: $(COMPILED)/.built

# CI runs this (.ci/run): lint, types (strict on src/), then the tests, on the editable install
# and again on the compiled build (skipped, with a note, where no C compiler could build it).
test: $(STAMP) $(COMPILED)/.built
	$(BIN)/ruff check src tests bench scripts setup.py build_support
	$(BIN)/mypy
	$(BIN)/mypy $(MYPY_TESTS) tests
	$(BIN)/python -m pytest -q
	@if $(IS_COMPILED); then \
		echo "make test: the same tests on the compiled build ($(COMPILED))" >&2; \
		PYTHONPATH=$(COMPILED) INSPECTPARSE_EXPECT_COMPILED=1 $(BIN)/python -m pytest -q; \
	else \
		echo "make test: no compiled build here (no C compiler?); pure Python tested only" >&2; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts setup.py build_support

typecheck: $(STAMP)
	$(BIN)/mypy
	$(BIN)/mypy $(MYPY_TESTS) tests

accuracy: $(STAMP)
	$(BIN)/python -m inspectparse.accuracy --corpus $(CORPUS) --engine auto --engine pdfplumber --texts --write docs/accuracy.md

# Measures the compiled build (what `pipx install .` gives; `make compiled`; the report's
# machine table says which build ran), with the pure-Python editable install's throughput beside.
bench: $(STAMP) $(COMPILED)/.built
	INSPECTPARSE_BUILD=$(COMPILED) $(BIN)/python bench/bench.py --corpus $(CORPUS) --write docs/performance.md
	$(BIN)/python bench/bench.py --corpus $(CORPUS) --only throughput --append docs/performance.md
	INSPECTPARSE_BUILD=$(COMPILED) $(BIN)/python bench/bench_batch.py --corpus $(CORPUS) --repeat 3 --append docs/performance.md
	INSPECTPARSE_BUILD=$(COMPILED) $(BIN)/python bench/bench_xlsx.py --corpus $(CORPUS) --append docs/performance.md
	INSPECTPARSE_BUILD=$(COMPILED) $(BIN)/python bench/bench_authority.py --corpus $(CORPUS) --append docs/performance.md
	INSPECTPARSE_BUILD=$(COMPILED) $(BIN)/python bench/bench_search.py --corpus $(CORPUS) --append docs/performance.md

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
