#!/usr/bin/env bash
# check.sh [--expected FILE] [--known FILE] DIR CLI_COMMAND
#
# Runs the real-world corpus DIR (tests/realworld, or ../shared/realworld) through the shared checker
# $GRADLAB_SHARED_DIR/tools/realworld-check (override with REALWORLD_CHECK) and judges its verdict
# lines (PASS, NEAR, UNSUPPORTED, DIFF, CRASH, TIMEOUT; see the checker's header):
#   - any DIFF, CRASH or TIMEOUT fails: gradlab printed something PyTorch did not print, died, or hung;
#   - every name in the EXPECTED_PASS list (default DIR/EXPECTED_PASS; one script name per line,
#     `#` comments and blank lines allowed) must be PASS or NEAR;
#   - UNSUPPORTED (a clean error after a correct prefix of PyTorch's output) is allowed for the others.
# A script that passes but is not listed is reported so that it can be added (the list is a ratchet).
# CLI_COMMAND is one argument, split on whitespace: `build/native/gradlab` or `node build/wasm/gradlab.js`.
# Prints the checker's per-script lines and its `realworld: P/N pass` line, then the problems found.
# Exits 0 when the corpus is as good as EXPECTED_PASS says, 1 otherwise, 77 (skipped) when the
# shared checker cannot be found.
set -u

expected=""
known=""
while true; do
  case "${1:-}" in
    --expected) expected=${2:-}; shift 2 ;;
    --known) known=${2:-}; shift 2 ;;
    *) break ;;
  esac
done
if [ $# -ne 2 ]; then
  echo "usage: $0 [--expected FILE] DIR CLI_COMMAND" >&2
  exit 2
fi
dir=$1
read -r -a cli <<< "$2"
[ -n "$expected" ] || expected=$dir/EXPECTED_PASS

shared=${GRADLAB_SHARED_DIR:-$(cd "$(dirname "$0")/../../.." && pwd)/shared}
checker=${REALWORLD_CHECK:-$shared/tools/realworld-check}
if [ ! -f "$checker" ]; then
  echo "realworld: skipped, no checker at $checker (set GRADLAB_SHARED_DIR or REALWORLD_CHECK)"
  exit 77
fi
if [ ! -d "$dir" ]; then echo "realworld: FAIL, no folder $dir"; exit 1; fi
if [ ! -f "$expected" ]; then echo "realworld: FAIL, no EXPECTED_PASS list $expected"; exit 1; fi

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
bash "$checker" "$dir" "${cli[@]}" > "$tmp" 2>&1
status=$?
cat "$tmp"
if [ $status -ge 2 ] || ! grep -qE '^realworld: [0-9]+/[0-9]+ pass' "$tmp"; then
  echo "realworld: FAIL, the checker did not run through (exit $status)"
  exit 1
fi

declare -A verdict=()
while read -r v name _; do
  case "$v" in
    PASS|NEAR|UNSUPPORTED|DIFF|CRASH|TIMEOUT) verdict[${name%:}]=$v ;;
  esac
done < "$tmp"

# --known FILE: scripts this build is known to print differently (name, then the reason after
# `#`), e.g. the wasm build's large-matmul digits. Each is reported as KNOWN, not as a pass, and
# is neither required to pass nor counted as a problem.
declare -A known_reason=()
if [ -n "$known" ]; then
  while IFS= read -r line || [ -n "$line" ]; do
    name=${line%%#*}; name=${name//[[:space:]]/}
    [ -n "$name" ] || continue
    known_reason[$name]=$(printf '%s' "${line#*#}" | sed 's/^ *//')
    echo "KNOWN $name (${verdict[$name]:-not run}): ${known_reason[$name]}"
    unset "verdict[$name]"
  done < "$known"
fi

problems=()
for name in "${!verdict[@]}"; do
  case "${verdict[$name]}" in
    DIFF|CRASH|TIMEOUT) problems+=("${verdict[$name]} $name: never acceptable") ;;
  esac
done
declare -A listed=()
while IFS= read -r line || [ -n "$line" ]; do
  name=${line%%#*}; name=${name//[[:space:]]/}; name=${name%.py}
  [ -n "$name" ] || continue
  listed[$name]=1
  [ -n "${known_reason[$name]:-}" ] && continue
  v=${verdict[$name]:-}
  if [ -z "$v" ]; then
    problems+=("MISSING $name: listed in $(basename "$expected") but there is no $name.py")
  elif [ "$v" != PASS ] && [ "$v" != NEAR ]; then
    problems+=("REGRESSION $name: listed in $(basename "$expected") but got $v")
  fi
done < "$expected"

for name in $(printf '%s\n' "${!verdict[@]}" | sort); do
  v=${verdict[$name]}
  if { [ "$v" = PASS ] || [ "$v" = NEAR ]; } && [ -z "${listed[$name]:-}" ]; then
    echo "note: $name passes now; add it to $(basename "$expected")"
  fi
done

if [ ${#problems[@]} -gt 0 ]; then
  printf '%s\n' "${problems[@]}" | sort
  echo "realworld: FAIL (${#problems[@]} problem(s) above; $(basename "$expected") lists ${#listed[@]})"
  exit 1
fi
echo "realworld: OK (no DIFF/CRASH/TIMEOUT; all ${#listed[@]} scripts of $(basename "$expected") pass)"
exit 0
