#!/usr/bin/env bash
# run_golden.sh CLI_COMMAND CASES_DIR...
#
# Runs every CASES_DIR/NAME.py through `CLI_COMMAND run NAME.py` and checks it against what real
# PyTorch printed (see ../shared/golden/README.md):
#   - stdout is byte-identical to NAME.out;
#   - where NAME.err exists, the exit status is non-zero and the last line of stderr equals it;
#     otherwise the exit status is 0.
# CLI_COMMAND is one argument, split on whitespace: `build/native/gradlab` or
# `node build/wasm/gradlab.js`. GOLDEN_TIMEOUT (seconds, default 20) bounds each case.
# GOLDEN_KNOWN names a file of cases this build is known to print differently (name, then the
# reason after `#`): they run, and are reported as KNOWN with their reason, not as passes.
# Prints a FAIL line (plus the first lines of a unified diff) per failing case and ends with
# `golden: N passed, M failed`; exits non-zero when a case fails or when no case was found.
set -u

if [ $# -lt 2 ]; then
  echo "usage: $0 CLI_COMMAND CASES_DIR..." >&2
  exit 2
fi
read -r -a cli <<< "$1"
shift
limit=${GOLDEN_TIMEOUT:-20}
diff_lines=20

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pass=0
fail=0
known=0
declare -A known_reason=()
if [ -n "${GOLDEN_KNOWN:-}" ]; then
  while IFS= read -r line || [ -n "$line" ]; do
    n=${line%%#*}; n=${n//[[:space:]]/}
    [ -n "$n" ] && known_reason[$n]=$(printf '%s' "${line#*#}" | sed 's/^ *//')
  done < "$GOLDEN_KNOWN"
fi
for dir in "$@"; do
  if [ ! -d "$dir" ]; then
    echo "FAIL $dir: not a directory"
    fail=$((fail + 1))
    continue
  fi
  dir=$(cd "$dir" && pwd)
  for py in "$dir"/*.py; do
    [ -e "$py" ] || continue
    base=${py%.py}
    name=$(basename "$base")
    out=$tmp/stdout
    err=$tmp/stderr
    timeout -k 5 "$limit" "${cli[@]}" run "$py" > "$out" 2> "$err" < /dev/null
    rc=$?

    reason=""
    detail=""
    if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
      reason="timed out after ${limit}s"
    elif [ ! -f "$base.out" ]; then
      reason="missing $name.out (run tests/golden/generate.sh)"
    elif ! cmp -s "$base.out" "$out"; then
      reason="stdout differs from $name.out"
      detail=$(diff -u --label "expected/$name.out" --label "actual/stdout" "$base.out" "$out" \
        | head -n "$diff_lines")
    elif [ -f "$base.err" ]; then
      want=$(cat "$base.err")
      got=$(tail -n 1 "$err")
      if [ $rc -eq 0 ]; then
        reason="exit status 0, expected an error: $want"
      elif [ "$got" != "$want" ]; then
        reason="last line of stderr differs from $name.err"
        detail=$(printf -- '-%s\n+%s\n' "$want" "$got")
      fi
    elif [ $rc -ne 0 ]; then
      reason="exit status $rc, expected 0; stderr ends: $(tail -n 1 "$err")"
    fi

    if [ -n "${known_reason[$name]:-}" ]; then
      known=$((known + 1))
      echo "KNOWN $name (${reason:-now matches: remove it from the list}): ${known_reason[$name]}"
    elif [ -z "$reason" ]; then
      pass=$((pass + 1))
    else
      fail=$((fail + 1))
      echo "FAIL $name: $reason"
      [ -n "$detail" ] && printf '%s\n' "$detail" | sed 's/^/    /'
    fi
  done
done

echo "golden: $pass passed, $fail failed${GOLDEN_KNOWN:+, $known known differences (listed above)}"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
