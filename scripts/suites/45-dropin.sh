#!/usr/bin/env bash
# The prisma-compile Client extension (client/): the conformance corpus
# through Prisma Client with the extension against plain Prisma Client
# (regress/conformance/run.sh --dropin; it also sets up the databases and
# installs the package), then the extension's own tests (client/test).
set -uo pipefail
cd "$(dirname "$0")/../.."
passed=0 failed=0
out=$(regress/conformance/run.sh --dropin --seed 1 --random 500 2>&1); status=$?
echo "$out" | tail -12
line=$(echo "$out" | grep -E '^dropin: [0-9]+ queries, [0-9]+ differ, [0-9]+ fell back' | tail -1)
if [ -n "$line" ]; then
  n=$(echo "$line" | awk '{print $2}'); k=$(echo "$line" | awk '{print $4}')
  [ $status -ne 0 ] && [ "$k" -eq 0 ] && k=1
  passed=$((n - k)) failed=$k
else
  echo "dropin harness did not finish"
  failed=1
fi
tests=$(regress/conformance/node_modules/.bin/tsx --test --test-reporter=tap client/test/*.test.mjs 2>&1); tstatus=$?
echo "$tests" | grep -E '^(not )?ok |^# (pass|fail)' 
tp=$(echo "$tests" | awk '/^# pass /{print $3}'); tf=$(echo "$tests" | awk '/^# fail /{print $3}')
tp=${tp:-0} tf=${tf:-1}
[ $tstatus -ne 0 ] && [ "$tf" -eq 0 ] && tf=1
if [ "$tf" -ne 0 ]; then echo "$tests" | grep -v '^ *at ' | grep -A30 '^not ok\|^    not ok' | head -120; fi
echo "dropin: $((passed + tp)) passed, $((failed + tf)) failed"
