# make demo : set up, build, print the merged profiles of the bundled seeds and write their report (build/report)
# make test : set up, build, then clang-tidy, C++ tests (plain and under ASan+UBSan), the example program,
#             a short fuzz smoke of every libFuzzer target, Python tests, the Dask tests in a
#             venv with only the dask extra, and notebooks
# make fuzz : every libFuzzer target for FUZZ_SECONDS (default 300) each
# make stubs: regenerate python/scholarmerge/_core/*.pyi from the built module (commit the result)
# make lint : ruff and mypy --strict over python/scholarmerge; make stub-check: the stubs match the build
# make docs : the API reference (Sphinx, warnings are errors) into build/docs/api/html
# make tidy : clang-tidy over cpp/src and cpp/bindings; any finding fails it (part of make test)
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
APT_PACKAGES := libsimdjson-dev libgtest-dev libutf8proc-dev pkg-config g++ clang clang-tidy libclang-rt-14-dev chromium chromium-driver
CORE_INPUTS := $(shell find cpp python seeds -type f -not -name '*.pyc' 2>/dev/null) CMakeLists.txt cmake/Findutf8proc.cmake pyproject.toml
BUILD       := build
FUZZ_SECONDS ?= 300
NINJA       = -G Ninja -DCMAKE_MAKE_PROGRAM=$(abspath $(VENV)/bin/ninja)
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test setup stubs stub-check lint docs tidy cpp-test sanitize-test fuzz-build fuzz fuzz-smoke example py-test dask-venv-test notebook-test bench clean

demo: setup
	$(VENV)/bin/scholarmerge profile
	@echo "profile report of the seeds (open in a browser; no server needed):"
	@$(VENV)/bin/scholarmerge report --out $(BUILD)/report 2>/dev/null

test: setup stub-check lint tidy docs cpp-test sanitize-test example fuzz-smoke py-test dask-venv-test notebook-test

setup: $(BUILD)/.apt-stamp $(VENV)/.deps-stamp $(VENV)/.pkg-stamp

# Debian packages: checked when the list changes, installed only when missing.
$(BUILD)/.apt-stamp: Makefile
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
	$(CMAKE) -S . -B $(BUILD)/cpp $(NINJA) -DSCHOLARMERGE_TESTS=ON -DCMAKE_BUILD_TYPE=Release \
	  -DCMAKE_INSTALL_PREFIX=$(abspath $(BUILD)/install)

cpp-test: $(BUILD)/cpp/build.ninja
	$(CMAKE) --build $(BUILD)/cpp -j $(JOBS)
	$(VENV)/bin/ctest --test-dir $(BUILD)/cpp --output-on-failure -j $(JOBS)

# The same tests under AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize-test: $(BUILD)/.apt-stamp $(VENV)/.deps-stamp
	$(CMAKE) -S . -B $(BUILD)/asan $(NINJA) -DSCHOLARMERGE_TESTS=ON -DSCHOLARMERGE_SANITIZE=ON \
	  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	$(CMAKE) --build $(BUILD)/asan -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  $(VENV)/bin/ctest --test-dir $(BUILD)/asan --output-on-failure -j $(JOBS)

# libFuzzer targets (clang), one per entry point; see fuzz/run.sh.
fuzz-build: $(BUILD)/.apt-stamp $(VENV)/.deps-stamp
	CC=clang CXX=clang++ $(CMAKE) -S . -B $(BUILD)/fuzz $(NINJA) -DSCHOLARMERGE_FUZZ=ON \
	  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	$(CMAKE) --build $(BUILD)/fuzz -j $(JOBS)

fuzz: fuzz-build
	fuzz/run.sh $(FUZZ_SECONDS) $(BUILD)/fuzz

fuzz-smoke: fuzz-build
	fuzz/run.sh 5 $(BUILD)/fuzz

# The example links the *installed* library through find_package(scholarmerge), with only
# the install prefix on its include path; every installed header is compiled on its own too
# (examples/CMakeLists.txt). The prefix is emptied first, so no header of an older install counts.
example: cpp-test
	rm -rf $(BUILD)/install
	$(CMAKE) --install $(BUILD)/cpp >/dev/null
	$(CMAKE) -S examples -B $(BUILD)/example $(NINJA) \
	  -DCMAKE_PREFIX_PATH=$(abspath $(BUILD)/install) >/dev/null
	$(CMAKE) --build $(BUILD)/example
	$(BUILD)/example/summarize seeds

# The typed stubs of _core are generated (pybind11-stubgen) and checked in; stub-check
# fails when the built module's signatures differ from them (run `make stubs`, commit).
STUBS := python/scholarmerge/_core
stubs: setup
	rm -rf $(BUILD)/stubs && $(VENV)/bin/pybind11-stubgen scholarmerge._core --exit-code -o $(BUILD)/stubs
	rm -rf $(STUBS) && cp -r $(BUILD)/stubs/scholarmerge/_core $(STUBS)

stub-check: setup
	rm -rf $(BUILD)/stubs && $(VENV)/bin/pybind11-stubgen scholarmerge._core --exit-code -o $(BUILD)/stubs
	@diff -ru $(STUBS) $(BUILD)/stubs/scholarmerge/_core || \
	  { echo "stub-check: $(STUBS) is not what the built module gives: run 'make stubs' and commit"; exit 1; }

lint: setup
	$(VENV)/bin/ruff check python/scholarmerge
	$(VENV)/bin/mypy

# clang-tidy (checks in .clang-tidy, every finding an error; cpp/bindings/.clang-tidy
# drops one check there) over the core and the bindings, from a compile database of its own.
TIDY_FILES = $(shell find cpp/src cpp/bindings -name '*.cpp' | sort)
tidy: $(BUILD)/.apt-stamp $(VENV)/.deps-stamp
	@command -v clang-tidy >/dev/null || { echo "tidy: needs clang-tidy (apt-get install clang-tidy)"; exit 1; }
	$(CMAKE) -S . -B $(BUILD)/tidy $(NINJA) -DSCHOLARMERGE_PYTHON=ON -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
	  -Dpybind11_DIR=$$($(PY) -m pybind11 --cmakedir) -DPython_EXECUTABLE=$(abspath $(PY)) >/dev/null
	run-clang-tidy -quiet -p $(BUILD)/tidy -j $(JOBS) $(TIDY_FILES)

# The API reference from the installed package's docstrings; any Sphinx warning fails the build.
docs: setup
	$(VENV)/bin/sphinx-build -W --keep-going -q -b html docs/api $(BUILD)/docs/api/html
	@echo "API reference: $(BUILD)/docs/api/html/index.html"

py-test: setup
	SCHOLARMERGE_BROWSER_TESTS=required $(PY) -m pytest -q tests/python

# The dask extra brings what scholarmerge.dask needs: the built wheel in a venv
# that has nothing else (pytest aside), and the Dask tests run there.
DASK_VENV := $(BUILD)/dask-venv
dask-venv-test: setup
	rm -rf $(DASK_VENV) $(BUILD)/wheel
	$(PIP) wheel -q --no-deps --no-build-isolation -w $(BUILD)/wheel .
	$(PYTHON) -m venv $(DASK_VENV)
	$(DASK_VENV)/bin/python -m pip install -q --disable-pip-version-check "$$(ls $(BUILD)/wheel/scholarmerge-*.whl)[dask]" pytest
	cd tests/python && ../../$(DASK_VENV)/bin/python -m pytest -q -p no:cacheprovider test_dask.py

# The DBLP-ACM notebook needs ../shared/benchmarks next to the checkout, as the benchmark tests do.
notebook-test: setup
	@if [ -d ../shared/benchmarks ]; then nbs=notebooks; else \
	  echo "../shared/benchmarks not present: notebooks/dblp_acm_quality.ipynb skipped"; nbs=notebooks/explore_seeds.ipynb; fi; \
	  $(PY) -m pytest -q --nbmake $$nbs

# Every benchmark table of the README (long: tens of minutes).
bench: setup
	$(PY) bench/bench_names.py
	$(PY) bench/bench_json.py --mb 100 --stream 10 --repeat 3
	$(PY) bench/bench_dedupe.py --sizes 10000,100000,1000000 --minhash 100000
	$(PY) bench/index_recall.py --benchmarks --sizes 10000,20000 --sampled 1000000:1000
	$(PY) bench/bench_splink.py
	$(PY) bench/bench_dask.py --records 1000000 --partitions 4 --single

clean:
	rm -rf $(BUILD) $(VENV)
