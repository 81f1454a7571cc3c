#!/usr/bin/env bash
# Install what is needed, build, install, and run every test in a throwaway
# cluster: pg_regress suites, pgTAP suites, the conformance test against
# Prisma 7.  Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
make -s clean >/dev/null
make -s >/dev/null && make -s install >/dev/null || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }
summary=$(mktemp)
pg_virtualenv -t env SUMMARY_FILE="$summary" bash scripts/run-tests.sh
status=$?
# the totals last, after pg_virtualenv's own messages
line=$(cat "$summary" 2>/dev/null); rm -f "$summary"
echo "${line:-0 passed, 1 failed}"
[ $status -eq 0 ] && [ -n "$line" ]
