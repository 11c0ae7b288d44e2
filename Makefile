# The README's two commands: `make demo` and `make test`. Both create .venv if missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install lint typecheck bench train clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/newsgraph report examples/moscow8.txt

lint: $(STAMP)
	$(BIN)/ruff check newsgraph tests $(wildcard bench scripts)

typecheck: $(STAMP)
	$(BIN)/mypy

test: $(STAMP) lint typecheck
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

# Reproduces newsgraph/analyse/data/attribution_model/ from ../shared PolNeAR train (seeded; ~15 min on 2 cores),
# then the confidence of quotations in marks, analyse/data/quote_confidence.tsv (~10 min more).
train: $(STAMP)
	nice $(BIN)/python scripts/train_attribution.py
	nice $(BIN)/python scripts/calibrate_confidence.py

clean:
	rm -rf $(VENV) build *.egg-info newsgraph.db
