#!/usr/bin/env bash
# Load and faults (regress/load/, docs/reliability.md), short version (CI's
# suite 72-load): 64 clients x LOAD_SECONDS (60) s, cancel, DDL under load,
# PgBouncer, hot standby, dump.  The long version:
#   regress/load/run.sh --duration 600
set -uo pipefail
cd "$(dirname "$0")/../.."
out=$(regress/load/run.sh --duration "${LOAD_SECONDS:-60}" 2>&1)
echo "$out" | grep -v '^progress' | tail -80
echo "$out" | grep -E '^load: [0-9]+ passed, [0-9]+ failed$' || echo "load: 0 passed, 1 failed"
