# newskit: two commands on a fresh machine.
#   make lab    set up .venv and open JupyterLab on the first notebook
#   make test   set up .venv and run every test (unit, widgets, notebooks, browser)

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
PYTEST := $(PY) -m pytest
PORT   ?= 8888

.PHONY: lab test unit notebooks nbval browser bench lint clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

lab: $(STAMP)
	$(VENV)/bin/jupyter lab --port=$(PORT) notebooks/00_start_here.ipynb

test: $(STAMP)
	$(PYTEST) tests --nbval --nbval-current-env --nbval-sanitize-with tests/sanitize.cfg notebooks

unit: $(STAMP)
	$(PYTEST) tests -m "not browser"

nbval: $(STAMP)
	$(PYTEST) --nbval --nbval-current-env --nbval-sanitize-with tests/sanitize.cfg notebooks

browser: $(STAMP)
	$(PYTEST) tests/browser -m browser

notebooks: $(STAMP)
	$(PY) tools/run_notebooks.py notebooks

bench: $(STAMP)
	$(PY) tests/benchmarks/run.py

lint: $(STAMP)
	$(PY) -m ruff check kit tests tools
	$(PY) -m ruff format --check kit tests tools

clean:
	rm -rf $(VENV) build dist *.egg-info test-artifacts
