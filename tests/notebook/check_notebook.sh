#!/usr/bin/env bash
# check_notebook.sh CLI_COMMAND [NOTEBOOK.ipynb]
# Executes the notebook (default: seed.ipynb next to this script) with
# `CLI_COMMAND run NOTEBOOK.ipynb --output OUT.ipynb` and compares OUT.ipynb's outputs with
# NOTEBOOK.expected.json (real PyTorch, from generate_expected.py) using check_notebook.py.
# CLI_COMMAND is one argument, split on whitespace (`node build/wasm/gradlab.js` works).
set -u
if [ $# -lt 1 ]; then
  echo "usage: $0 CLI_COMMAND [NOTEBOOK.ipynb]" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
read -r -a cli <<< "$1"
nb=${2:-$here/seed.ipynb}
expected=${nb%.ipynb}.expected.json
py=${PYTHON:-python3}
limit=${GOLDEN_TIMEOUT:-20}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=$tmp/out.ipynb
timeout -k 5 "$limit" "${cli[@]}" run "$nb" --output "$out" > "$tmp/stdout" 2> "$tmp/stderr" < /dev/null
rc=$?
if [ $rc -ne 0 ]; then
  echo "notebook: '$1 run $(basename "$nb") --output OUT.ipynb' exited with status $rc"
  tail -n 5 "$tmp/stderr" | sed 's/^/    /'
  exit 1
fi
if [ ! -s "$out" ]; then
  echo "notebook: no output notebook was written"
  exit 1
fi
"$py" "$here/check_notebook.py" "$nb" "$expected" "$out"
