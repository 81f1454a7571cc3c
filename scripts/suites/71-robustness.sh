#!/usr/bin/env bash
# SQL-level robustness (regress/robustness/, docs/reliability.md): 22,000
# hostile documents and schemas, three passes each (66,000 calls) and
# 20,000 top-level failing calls in one backend.
set -uo pipefail
cd "$(dirname "$0")/../.."
out=$(regress/robustness/run.sh --seed 1 --docs 20000 --schemas 2000 --toplevel 5000 2>&1)
echo "$out" | tail -80
echo "$out" | grep -E '^robustness: [0-9]+ passed, [0-9]+ failed$' || echo "robustness: 0 passed, 1 failed"
