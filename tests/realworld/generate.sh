#!/usr/bin/env bash
# Regenerates the expected outputs of tests/realworld with real PyTorch 1.13.1 (Debian's python3-torch
# on OpenBLAS 0.3.21, /usr/bin/python3), the way ../shared/realworld's are made:
#   NAME.out / NAME.rc / NAME.err.full (only when non-empty) with OpenBLAS's Haswell kernels;
#   NAME.alt.out (SkylakeX) and NAME.alt2.out (Prescott) only where they differ from NAME.out.
# usage: tests/realworld/generate.sh [NAME.py...]   (default: every *.py here)
set -u
cd "$(dirname "$0")"
PY=${PYTORCH_PYTHON:-/usr/bin/python3}
[ $# -gt 0 ] || set -- *.py
for py in "$@"; do
  name=$(basename "$py" .py)
  OPENBLAS_CORETYPE=Haswell OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 "$PY" "$name.py" > "$name.out" 2> "$name.err.full" < /dev/null
  echo $? > "$name.rc"
  sed -i "s|$PWD/||g" "$name.err.full"   # tracebacks name the script by its absolute path
  [ -s "$name.err.full" ] || rm -f "$name.err.full"
  rm -f "$name.alt.out" "$name.alt2.out"
  for pair in SkylakeX:alt Prescott:alt2; do
    core=${pair%%:*}; suffix=${pair#*:}
    OPENBLAS_CORETYPE=$core OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 "$PY" "$name.py" > "$name.$suffix.out" 2> /dev/null < /dev/null
    cmp -s "$name.out" "$name.$suffix.out" && rm -f "$name.$suffix.out"
  done
  echo "$name: rc $(cat "$name.rc")$( [ -f "$name.alt.out" ] && echo ', alt')$( [ -f "$name.alt2.out" ] && echo ', alt2')"
done
