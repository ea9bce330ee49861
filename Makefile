# gradlab's front door. Every target first installs what is missing (tools/setup.sh), then
# builds incrementally, so a second run is quick.
#   make serve   build the engine as wasm, build the page, serve it on http://127.0.0.1:$(PORT)/
#   make test    build everything (native, CUDA if nvcc is present, wasm, page) and run every test
#   make native | make wasm | make web | make bench | make clean
SHELL := /bin/bash
JOBS ?= $(shell nproc)
PORT ?= 8000
export NODE_PATH := /usr/share/nodejs
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
# The shared reference folder the tests compare against (tools/find_shared.sh); CMake and the
# Node tests read it from the environment.
GRADLAB_SHARED_DIR ?= $(shell tools/find_shared.sh)
export GRADLAB_SHARED_DIR

.PHONY: all native wasm web serve test test-native test-wasm test-web test-fuzz test-asan bench bench-page clean setup

all: native wasm web

native:
	@tools/setup.sh native
	@[ -f build/native/CMakeCache.txt ] || cmake --preset native
	cmake --build build/native -j$(JOBS)

wasm:
	@tools/setup.sh wasm
	@[ -f build/wasm/CMakeCache.txt ] || emcmake cmake --preset wasm -DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node
	cmake --build build/wasm -j$(JOBS)

web: wasm
	@tools/setup.sh web
	npm run --silent build

serve: web
	PORT=$(PORT) node tools/serve.mjs build/web

test: test-native test-wasm test-web test-asan test-fuzz
	@echo "make test: all test suites passed"

test-native: native
	@tools/setup.sh test
	ctest --test-dir build/native --output-on-failure -j$(JOBS)

test-wasm: wasm
	ctest --test-dir build/wasm --output-on-failure -j$(JOBS)

test-web: web
	@tools/setup.sh test
	npm run --silent test:node
	npm run --silent test:browser

# The golden cases under AddressSanitizer + UBSan.
test-asan:
	@tools/setup.sh test
	@[ -f build/asan/CMakeCache.txt ] || cmake --preset asan
	cmake --build build/asan -j$(JOBS) --target gradlab
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  bash tests/golden/run_golden.sh build/asan/gradlab $(GRADLAB_SHARED_DIR)/golden/cases tests/golden/cases

# A short libFuzzer run over the interpreter, seeded with the golden scripts.
test-fuzz:
	@tools/setup.sh test
	@[ -f build/fuzz/CMakeCache.txt ] || cmake --preset fuzz
	cmake --build build/fuzz -j$(JOBS) --target fuzz_smoke

bench: native wasm
	bash bench/run.sh

bench-page: web
	npm run --silent bench

clean:
	rm -rf build
