#!/usr/bin/env bash
# gpu_check.sh BIN_DIR CASES_DIR... — the GPU session's checks in one go, for a machine with an
# NVIDIA GPU where gradlab was built (or copied) with its CUDA backend:
#   1. `gradlab info` and the card;  2. the CPU-vs-CUDA agreement suite (gradlab_cuda_tests);
#   3. the host-side [cuda] Catch2 cases, when gradlab_tests is there;  4. every golden case on
#   the GPU compared with its CPU run (compare_devices.py);  5. `gradlab bench --device cuda`;
#   6. the PyTorch CUDA peer and the card's ceilings (bench/peers/pytorch_cuda_bench.py).
# Logs go to $OUT (default ./gpu-check-logs); a summary is printed last. Exits non-zero when a
# check fails.
set -u
bin=$1; shift
out=${OUT:-gpu-check-logs}; mkdir -p "$out"
here=$(cd "$(dirname "$0")/../.." && pwd)
status=0
step() {  # step NAME TIMEOUT CMD... — runs CMD with a time limit, logs it, records pass/fail
  local name=$1 limit=$2; shift 2
  local t0=$SECONDS
  timeout -k 5 "$limit" "$@" > "$out/$name.log" 2>&1
  local rc=$?
  echo "$name: exit $rc in $((SECONDS - t0)) s" | tee -a "$out/summary.txt"
  [ $rc -eq 0 ] || status=1
  return 0
}
# cuBLAS is dlopen()ed: where the toolkit's copy is not on the loader's path, use any copy there.
if ! ldconfig -p | grep -q 'libcublas\.so'; then
  lib=$(find /usr/local /opt /usr/lib -name 'libcublas.so*' 2>/dev/null | head -n 1)
  [ -n "$lib" ] && export LD_LIBRARY_PATH=$(dirname "$lib")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
fi
echo "cuBLAS search path: ${LD_LIBRARY_PATH:-(loader default)}" > "$out/summary.txt"
nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.sm --format=csv > "$out/gpu.txt" 2>&1
step info 30 "$bin/gradlab" info
step agreement 240 "$bin/gradlab_cuda_tests"
[ -x "$bin/gradlab_tests" ] && step catch2_cuda 120 "$bin/gradlab_tests" "[cuda]"
step golden 300 python3 "$here/tests/golden/compare_devices.py" "$bin/gradlab" "$@"
step bench 240 "$bin/gradlab" bench --device cuda --seconds 0.5
step torch_peer 240 python3 "$here/bench/peers/pytorch_cuda_bench.py" --seconds 0.5
{
  echo "== card"; cat "$out/gpu.txt"
  echo "== info"; cat "$out/info.log"
  echo "== agreement (failures, last lines)"; grep -m 40 "^FAIL" "$out/agreement.log"; tail -n 1 "$out/agreement.log"
  [ -f "$out/catch2_cuda.log" ] && { echo "== catch2 [cuda]"; tail -n 4 "$out/catch2_cuda.log"; }
  echo "== golden on cuda"; grep -m 40 -A3 "^FAIL" "$out/golden.log"; tail -n 1 "$out/golden.log"
  echo "== bench"; cat "$out/bench.log"
  echo "== pytorch cuda"; cat "$out/torch_peer.log" | tail -n 12
  echo "== summary"; cat "$out/summary.txt"
} | tee "$out/report.txt"
exit $status
