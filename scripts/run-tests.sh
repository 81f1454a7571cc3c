#!/usr/bin/env bash
# Run every suite against the cluster named by PGHOST/PGPORT/PGUSER (as set
# by pg_virtualenv) and print the totals.  Called by scripts/test.sh.
set -uo pipefail
cd "$(dirname "$0")/.."
passed=0
failed=0

# pg_regress: one file per feature in sql/
out=$(make -s installcheck 2>&1); status=$?
echo "$out" | grep -E '^(ok|not ok|test |     |#)|tests (passed|failed)|FAILED|failed \(ignored\)' | grep -vE '^\s*$' || true
total=$(ls sql/*.sql | grep -vc 'prisma_compile--')
nfail=$(echo "$out" | grep -cE '^not ok|\.\.\. FAILED')
if [ $status -ne 0 ] && [ "$nfail" -eq 0 ]; then nfail=$total; echo "$out" | tail -20; fi
[ -f regression.diffs ] && head -100 regression.diffs
passed=$((passed + total - nfail)); failed=$((failed + nfail))

# pgTAP: property checks against hand-written SQL
if ls regress/tap/*.sql >/dev/null 2>&1; then
  createdb tap_prisma_compile 2>/dev/null || true
  out=$(pg_prove -d tap_prisma_compile regress/tap/*.sql 2>&1); echo "$out" | tail -15
  ntests=$(echo "$out" | sed -n 's/^Files=[0-9]*, Tests=\([0-9]*\),.*/\1/p')
  nfail=$(echo "$out" | grep -oE 'Failed [0-9]+/[0-9]+ subtests' | awk -F'[ /]' '{s+=$2} END {print s+0}')
  if ! echo "$out" | grep -q '^Result: PASS'; then [ "$nfail" -eq 0 ] && nfail=1; fi
  passed=$((passed + ${ntests:-0} - nfail)); failed=$((failed + nfail))
fi

# conformance: the same queries through Prisma 7 Client and prisma_query
if [ -x regress/conformance/run.sh ]; then
  # a fixed seed keeps CI repeatable; other seeds: regress/conformance/run.sh --seed N
  out=$(regress/conformance/run.sh --seed 1 --random 500 2>&1); status=$?
  echo "$out" | tail -30
  line=$(echo "$out" | grep -E '^conformance: [0-9]+ queries, [0-9]+ differ' | tail -1)
  if [ -n "$line" ]; then
    n=$(echo "$line" | awk '{print $2}'); k=$(echo "$line" | awk '{print $4}')
    passed=$((passed + n - k)); failed=$((failed + k))
    [ $status -ne 0 ] && [ "$k" -eq 0 ] && failed=$((failed + 1))
  else
    failed=$((failed + 1)); echo "conformance harness did not finish"
  fi
fi

echo "$passed passed, $failed failed"
[ -n "${SUMMARY_FILE:-}" ] && echo "$passed passed, $failed failed" > "$SUMMARY_FILE"
[ "$failed" -eq 0 ]
