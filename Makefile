# newskit: two commands on a fresh machine.
#   make lab    set up .venv and open JupyterLab on the first notebook
#   make test   set up .venv and run every test (unit, widgets, notebooks, browser)
#   make bench  speed and memory against dateparser and spaCy+textacy; writes bench-report.json
#   make bench-corpus   kit.corpus on 10,000 generated articles, per backend (adds to the report)

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
PYTEST := $(PY) -m pytest
PORT   ?= 8888
# Jupyter refuses to run as root unless told to (containers, CI machines).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)
# Tests and notebook runs save progress records in a throw-away folder, not in notebooks/.
TEST_ENV := NEWSKIT_PROGRESS_DIR=$$(mktemp -d)
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/sanitize.cfg

.PHONY: lab test unit notebooks nbval browser bench bench-corpus lint clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml tools/jupyterlab-overrides.json | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	# JupyterLab for the course: no "Jupyter news?" pop-up and no update check (both go online).
	mkdir -p $(VENV)/share/jupyter/lab/settings
	cp tools/jupyterlab-overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	touch $(STAMP)

lab: $(STAMP)
	$(VENV)/bin/jupyter lab --port=$(PORT) $(ROOT_FLAG) --ServerApp.root_dir=notebooks \
		--LabApp.default_url=/lab/tree/00_start_here.ipynb

test: $(STAMP)
	$(TEST_ENV) $(PYTEST) tests $(NBVAL) notebooks

unit: $(STAMP)
	$(TEST_ENV) $(PYTEST) tests -m "not browser"

nbval: $(STAMP)
	$(TEST_ENV) $(PYTEST) $(NBVAL) notebooks

browser: $(STAMP)
	$(TEST_ENV) $(PYTEST) tests/browser

notebooks: $(STAMP)
	$(PY) tools/run_notebooks.py notebooks

# The bench extra: dateparser, spaCy with its small English model, textacy (never runtime deps).
BENCH_STAMP := $(VENV)/.bench-installed
$(BENCH_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[bench]'
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(PY) tests/benchmarks/run.py

# A class of 20 on JupyterHub on this machine (deploy/jupyterhub/): real users, run as root.
.PHONY: class-test
HUB_STAMP := $(VENV)/.hub-installed
$(HUB_STAMP): pyproject.toml | $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,hub]'
	touch $(HUB_STAMP)

class-test: $(HUB_STAMP)
	command -v configurable-http-proxy >/dev/null || npm install -g configurable-http-proxy
	$(PY) tools/class_test.py

bench-corpus: $(STAMP)
	$(PY) tests/benchmarks/corpus_bench.py

lint: $(STAMP)
	$(PY) -m ruff check kit tests tools
	$(PY) -m ruff format --check kit tests tools

clean:
	rm -rf $(VENV) build dist *.egg-info test-artifacts
