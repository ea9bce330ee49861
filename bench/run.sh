#!/usr/bin/env bash
# `make bench` (after `make native wasm`): runs the workloads (W1..W6, R1) on every runner in one go —
# gradlab native (1 and 2 threads) and wasm, PyTorch 1.13 eager (1 and 2 threads), TF.js 4.22
# (cpu and wasm backends) — plus the machine's own limits (OpenBLAS SGEMM, memcpy bandwidth),
# then prints ONE table of times and target ratios (bench/report.py) and writes it to
# build/bench/table.md and table.json. Raw JSON and logs: build/bench/raw/.
#
# Machines here are shared and noisy, so every peer is measured in the same run as gradlab and
# only ratios are compared. Environment: BENCH_SECONDS (timing budget per workload, default 1),
# BENCH_ONLY (e.g. W2,W3).
set -uo pipefail  # no -e: one runner failing must not lose the others' results
cd "$(dirname "$0")/.."

OUT=build/bench
RAW=$OUT/raw
SECS=${BENCH_SECONDS:-1}
ONLY=${BENCH_ONLY:-}
PY=/usr/bin/python3  # the interpreter that has torch 1.13 (TOOLCHAIN.md)
mkdir -p "$RAW"
rm -f "$RAW"/*.json "$RAW"/*.log

say() { echo "== $*" >&2; }

# run NAME COMMAND...: stdout (one JSON object) to raw/NAME.json, stderr to raw/NAME.log.
run() {
  local name=$1
  shift
  say "$name"
  if ! "$@" >"$RAW/$name.json" 2>"$RAW/$name.log"; then
    say "$name exited non-zero; see $RAW/$name.log (a failed workload is listed in the table)"
  fi
}

only_args=()
[ -n "$ONLY" ] && only_args=(--only "$ONLY")

# ---- machine limits ---------------------------------------------------------------------------
if cc -O2 bench/machine/sgemm.c -o "$OUT/sgemm" -lopenblas -lm 2>"$RAW/build_machine.log" &&
   cc -O2 -pthread bench/machine/membw.c -o "$OUT/membw" 2>>"$RAW/build_machine.log"; then
  # OpenBLAS 0.3.21 does not know some newer CPUs (these VMs report a generic "Intel Xeon
  # Processor") and falls back to its SSE3 "Prescott" kernels, ~7x below what the machine can do.
  # Then pick the kernel from the CPU flags, for every runner alike: gradlab native, PyTorch and
  # the SGEMM probe all load the same libopenblas.
  core=$(OPENBLAS_VERBOSE=2 "$OUT/sgemm" 1 2>&1 >/dev/null | sed -n 's/^Core: //p')
  if [ -z "${OPENBLAS_CORETYPE:-}" ] && [ "$core" = Prescott ]; then
    if grep -qw avx512f /proc/cpuinfo; then export OPENBLAS_CORETYPE=SkylakeX
    elif grep -qw avx2 /proc/cpuinfo; then export OPENBLAS_CORETYPE=Haswell; fi
  fi
  echo "{\"openblas_detected\": \"$core\", \"openblas_coretype\": \"${OPENBLAS_CORETYPE:-}\"}" >"$RAW/env.json"
  [ -n "${OPENBLAS_CORETYPE:-}" ] && say "OpenBLAS detected core '$core'; using OPENBLAS_CORETYPE=$OPENBLAS_CORETYPE for all runners"
  for t in 1 2; do
    run "sgemm_t$t" env OPENBLAS_NUM_THREADS=$t "$OUT/sgemm" $t
    run "membw_t$t" "$OUT/membw" $t
  done
else
  say "machine programs did not build (libopenblas-dev missing?); see $RAW/build_machine.log"
fi

# ---- TF.js, installed here only (never by the main build) ---------------------------------------
if [ ! -f bench/node_modules/.package-lock.json ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  say "npm ci --prefix bench (TF.js 4.22)"
  npm ci --prefix bench --no-audit --no-fund >"$RAW/npm.log" 2>&1 || say "npm ci failed; see $RAW/npm.log"
fi

# ---- the runs: gradlab and its peers, alternating so drift in machine load hits all alike -------
native=${GRADLAB_NATIVE:-build/native/gradlab}  # overridable, e.g. to bench another build
wasm=${GRADLAB_WASM:-build/wasm/gradlab.js}
[ -x "$native" ] || say "$native missing: run make native"
[ -f "$wasm" ] || say "$wasm missing: run make wasm"

[ -x "$native" ] && run gradlab_native_t1 env OPENBLAS_NUM_THREADS=1 "$native" bench --json --threads 1 --seconds "$SECS" "${only_args[@]}"
run pytorch_t1 "$PY" bench/peers/pytorch_bench.py --threads 1 --seconds "$SECS" "${only_args[@]}"
[ -f "$wasm" ] && run gradlab_wasm node "$wasm" bench --json --seconds "$SECS" "${only_args[@]}"
run tfjs_wasm node bench/peers/tfjs_bench.mjs --backend wasm --seconds "$SECS" "${only_args[@]}"
# Threads matter only where a matmul library can use them (W2, W3) or memory traffic (W4).
two=(--only "${ONLY:-W2,W3,W4}")
[ -x "$native" ] && run gradlab_native_t2 env OPENBLAS_NUM_THREADS=2 "$native" bench --json --threads 2 --seconds "$SECS" "${two[@]}"
run pytorch_t2 "$PY" bench/peers/pytorch_bench.py --threads 2 --seconds "$SECS" "${two[@]}"
run tfjs_cpu node bench/peers/tfjs_bench.mjs --backend cpu --seconds "$SECS" "${only_args[@]}"

python3 bench/report.py "$OUT"
say "table written to $OUT/table.md and $OUT/table.json"
