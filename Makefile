# make demo : set up, build, and print the merged profiles of the bundled seeds
# make test : set up, build, then C++ tests, the example program, Python tests and notebooks
#
# Set-up is idempotent: Debian packages are installed only when missing, the
# virtual environment and the package are rebuilt only when their inputs change.

SHELL       := /bin/bash
PYTHON      ?= python3
VENV        := .venv
PY          := $(VENV)/bin/python
PIP         := $(PY) -m pip --disable-pip-version-check
CMAKE       := $(VENV)/bin/cmake
JOBS        ?= $(shell nproc 2>/dev/null || echo 2)
APT_PACKAGES := libsimdjson-dev libgtest-dev libutf8proc-dev pkg-config g++
CORE_INPUTS := $(shell find cpp python seeds -type f -not -name '*.pyc' 2>/dev/null) CMakeLists.txt cmake/Findutf8proc.cmake pyproject.toml
BUILD       := build
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test setup cpp-test example py-test notebook-test bench fuzz clean

demo: setup
	$(VENV)/bin/scholarmerge profile

test: setup cpp-test example py-test notebook-test

setup: $(BUILD)/.apt-stamp $(VENV)/.deps-stamp $(VENV)/.pkg-stamp

# Debian packages: checked every time (cheap), installed only when missing.
$(BUILD)/.apt-stamp:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@mkdir -p $(BUILD) && touch $@

$(PY):
	$(PYTHON) -m venv $(VENV)

# Build tools and the Python dependencies (test and bench extras): redone when pyproject.toml changes.
$(VENV)/.deps-stamp: pyproject.toml | $(PY)
	$(PIP) install -q "scikit-build-core>=0.10" "pybind11>=2.12" "cmake>=3.20" ninja
	$(PIP) install -q --no-build-isolation ".[test,bench,dask]"
	touch $@

# The package itself: rebuilt incrementally (build/<wheel tag>) when a source changes.
$(VENV)/.pkg-stamp: $(VENV)/.deps-stamp $(CORE_INPUTS)
	$(PIP) install -q --no-deps --no-build-isolation .
	touch $@

$(BUILD)/cpp/build.ninja: CMakeLists.txt $(BUILD)/.apt-stamp $(VENV)/.deps-stamp
	$(CMAKE) -S . -B $(BUILD)/cpp -G Ninja -DSCHOLARMERGE_TESTS=ON -DCMAKE_BUILD_TYPE=Release \
	  -DCMAKE_MAKE_PROGRAM=$(abspath $(VENV)/bin/ninja) -DCMAKE_INSTALL_PREFIX=$(abspath $(BUILD)/install)

cpp-test: $(BUILD)/cpp/build.ninja
	$(CMAKE) --build $(BUILD)/cpp -j $(JOBS)
	$(VENV)/bin/ctest --test-dir $(BUILD)/cpp --output-on-failure -j $(JOBS)

# The example links the *installed* library through find_package(scholarmerge).
example: cpp-test
	$(CMAKE) --install $(BUILD)/cpp >/dev/null
	$(CMAKE) -S examples -B $(BUILD)/example -G Ninja -DCMAKE_MAKE_PROGRAM=$(abspath $(VENV)/bin/ninja) \
	  -DCMAKE_PREFIX_PATH=$(abspath $(BUILD)/install) >/dev/null
	$(CMAKE) --build $(BUILD)/example
	$(BUILD)/example/summarize seeds

py-test: setup
	$(PY) -m pytest -q tests/python

notebook-test: setup
	$(PY) -m pytest -q --nbmake notebooks

bench: setup
	$(PY) bench/run.py

clean:
	rm -rf $(BUILD) $(VENV)
