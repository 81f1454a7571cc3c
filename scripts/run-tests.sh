#!/usr/bin/env bash
# Run every suite against the cluster named by PGHOST/PGPORT/PGUSER (as set
# by pg_virtualenv) and print the totals.  Called by scripts/test.sh.
# Each suite is a script in scripts/suites/ (run in name order) whose last
# line is "<name>: N passed, K failed"; a suite that prints no such line
# counts as one failure.  SUITES="10 30" runs only the suites whose names
# start with those prefixes.
set -uo pipefail
cd "$(dirname "$0")/.."
passed=0
failed=0
for suite in scripts/suites/*.sh; do
  base=$(basename "$suite")
  if [ -n "${SUITES:-}" ]; then
    keep=no; for p in $SUITES; do case "$base" in "$p"*) keep=yes;; esac; done
    [ $keep = yes ] || continue
  fi
  echo "=== $base"
  start=$(date +%s)
  out=$(bash "$suite" 2>&1); echo "$out"
  line=$(echo "$out" | grep -E '^[A-Za-z0-9_ -]+: [0-9]+ passed, [0-9]+ failed$' | tail -1)
  if [ -n "$line" ]; then
    p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed$/\1/')
    f=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed$/\2/')
  else
    p=0; f=1; echo "$base: printed no totals"
  fi
  passed=$((passed + p)); failed=$((failed + f))
  echo "=== $base: $p passed, $f failed ($(( $(date +%s) - start )) s)"
done
echo "$passed passed, $failed failed"
[ -n "${SUMMARY_FILE:-}" ] && echo "$passed passed, $failed failed" > "$SUMMARY_FILE"
[ "$failed" -eq 0 ]
