#!/usr/bin/env bash
# pg_regress: one file per feature in sql/ (expected output in expected/).
set -uo pipefail
cd "$(dirname "$0")/../.."
out=$(make -s installcheck 2>&1); status=$?
echo "$out" | grep -E '^(ok|not ok|test |     |#)|tests (passed|failed)|FAILED|failed \(ignored\)' | grep -vE '^\s*$' || true
total=$(ls sql/*.sql | grep -vc 'prisma_compile--')
nfail=$(echo "$out" | grep -cE '^not ok|\.\.\. FAILED')
if [ $status -ne 0 ] && [ "$nfail" -eq 0 ]; then nfail=$total; echo "$out" | tail -20; fi
[ -f regression.diffs ] && head -100 regression.diffs
echo "pg_regress: $((total - nfail)) passed, $nfail failed"
