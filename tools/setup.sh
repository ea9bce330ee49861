#!/usr/bin/env bash
# Installs whatever gradlab needs that is missing on a Debian 12 machine (run as root), and is
# quick when everything is already there. Used by every Makefile target.
#   tools/setup.sh native|wasm|web|test
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-test}

need=()
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_file() { [ -e "$1" ]; }
want() { need+=("$1"); }

# Native build.
have_cmd cmake || want cmake
have_cmd g++ || want g++
have_cmd make || want make
have_file /usr/include/xtensor/xtensor.hpp || want xtensor-dev
have_file /usr/include/catch2/catch.hpp || want catch2
have_file /usr/include/nlohmann/json.hpp || want nlohmann-json3-dev
have_file /usr/include/fmt/format.h || want libfmt-dev
# OpenBLAS for large native matmuls: test for the library itself. cblas.h proves nothing — the
# reference BLAS (libblas-dev) ships one too, and with only that, CMake finds no OpenBLAS.
have_openblas() { compgen -G '/usr/lib/*/libopenblas.so' >/dev/null || compgen -G '/usr/lib/libopenblas.so' >/dev/null; }
have_openblas || want libopenblas-dev
have_cmd node || want nodejs
if [ "$what" != native ]; then
  have_cmd em++ || want emscripten
fi
if [ "$what" = web ] || [ "$what" = test ]; then
  have_cmd npm || want npm
fi
if [ "$what" = test ]; then
  have_cmd clang++ || want clang
  have_file /usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a || want libclang-rt-14-dev
  have_cmd chromium || want chromium
  have_file /usr/share/fonts/truetype/noto/NotoSansSinhala-Regular.ttf || want fonts-noto-core
  have_cmd python3 || want python3
fi

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "gradlab setup: missing packages: ${need[*]} — run as root or: sudo apt-get install ${need[*]}" >&2
    exit 1
  fi
  echo "gradlab setup: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# npm packages for the page and the browser tests (never a downloaded browser).
if { [ "$what" = web ] || [ "$what" = test ]; } && [ -f package-lock.json ]; then
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  fi
fi
