#!/usr/bin/env bash
# pgTAP: property checks against hand-written SQL (regress/tap/).
set -uo pipefail
cd "$(dirname "$0")/../.."
createdb tap_prisma_compile 2>/dev/null || true
out=$(pg_prove -d tap_prisma_compile regress/tap/*.sql 2>&1); echo "$out" | tail -15
ntests=$(echo "$out" | sed -n 's/^Files=[0-9]*, Tests=\([0-9]*\),.*/\1/p')
nfail=$(echo "$out" | grep -oE 'Failed [0-9]+/[0-9]+ subtests' | awk -F'[ /]' '{s+=$2} END {print s+0}')
if ! echo "$out" | grep -q '^Result: PASS'; then [ "$nfail" -eq 0 ] && nfail=1; fi
echo "pgtap: $((${ntests:-0} - nfail)) passed, $nfail failed"
