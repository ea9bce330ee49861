#!/usr/bin/env bash
# Prints the shared reference folder (golden cases, seed notebook, sinhala-lint) that the tests
# compare against: ../shared beside this checkout, or, for a scratch clone of a working copy
# (`git clone . /tmp/x/p`), the one beside the checkout it was cloned from. Prints nothing when
# there is none; the tests that need it then fail and say which folder they looked for.
cd "$(dirname "$0")/.." || exit 0
if [ -d ../shared ]; then
  (cd ../shared && pwd)
  exit 0
fi
origin=$(git config --get remote.origin.url 2>/dev/null)
if [ -n "$origin" ] && [ -d "$origin/../shared" ]; then
  (cd "$origin/../shared" && pwd)
fi
