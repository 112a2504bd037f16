# Two commands: `make run` and `make test`. Both set up .venv from pyproject.toml first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
export QT_API := pyside6

.PHONY: run test lint regenerate bench package package-test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.run-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.run-installed

run: $(VENV)/.run-installed
	$(BIN)/planner $(ARGS)

lint: $(VENV)/.test-installed
	$(BIN)/ruff check planner tests devtools
	$(BIN)/lint-imports

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not packaging" $(PYTEST_ARGS)

# Every derived file, from its one source (devtools/regenerate.py): the JSON Schema, the
# samples (their .json as the program writes it, their .twplan), the tables, revisions and
# example of docs/file-format.md, and schema.REVISIONS. tests/test_regenerate.py fails
# while one is stale.
regenerate: $(VENV)/.run-installed
	$(BIN)/python -m devtools.regenerate

# The one-folder bundle (PyInstaller, packaging/planner.spec) in dist/TeleworkPlanner/.
$(VENV)/.package-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[package]'
	touch $@

package: $(VENV)/.package-installed
	$(BIN)/python -m PyInstaller --noconfirm --distpath dist --workpath build packaging/planner.spec
	@du -sh dist/TeleworkPlanner

# Builds the bundle in a temporary folder and runs it headless (tests/test_packaging.py).
package-test: $(VENV)/.test-installed $(VENV)/.package-installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m packaging -rA $(PYTEST_ARGS) tests/test_packaging.py

bench: $(VENV)/.test-installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/bench.py

clean:
	rm -rf $(VENV) build dist .pytest_cache
