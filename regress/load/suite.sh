#!/usr/bin/env bash
# Load and faults (regress/load/, docs/reliability.md), short version:
# 64 clients x 60 s, cancel, DDL under load, PgBouncer, hot standby, dump.
# The long version: regress/load/run.sh --duration 600
set -uo pipefail
cd "$(dirname "$0")/../.."
out=$(regress/load/run.sh --duration "${LOAD_SECONDS:-60}" 2>&1)
echo "$out" | tail -60
echo "$out" | grep -E '^load: [0-9]+ passed, [0-9]+ failed$' || echo "load: 0 passed, 1 failed"
