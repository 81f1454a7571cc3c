#!/usr/bin/env bash
# Conformance: the same queries through Prisma 7 Client and prisma_query.
set -uo pipefail
cd "$(dirname "$0")/../.."
# a fixed seed keeps CI repeatable; other seeds: regress/conformance/run.sh --seed N
out=$(regress/conformance/run.sh --seed 1 --random 500 2>&1); status=$?
echo "$out" | tail -30
line=$(echo "$out" | grep -E '^conformance: [0-9]+ queries, [0-9]+ differ' | tail -1)
if [ -n "$line" ]; then
  n=$(echo "$line" | awk '{print $2}'); k=$(echo "$line" | awk '{print $4}')
  [ $status -ne 0 ] && [ "$k" -eq 0 ] && k=1
  echo "conformance: $((n - k)) passed, $k failed"
else
  echo "conformance harness did not finish"
  echo "conformance: 0 passed, 1 failed"
fi
