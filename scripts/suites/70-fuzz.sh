#!/usr/bin/env bash
# Fuzzing (fuzz/, docs/reliability.md): build the three libFuzzer targets
# with ASan and UBSan, replay the committed seed corpus, then fuzz each
# target for FUZZ_SECONDS (default 45).  A crash, a sanitizer report, a
# leak or an internal error (XX000) fails; its input is printed as base64
# and kept in fuzz/crashes/.
set -uo pipefail
cd "$(dirname "$0")/../.."
seconds=${FUZZ_SECONDS:-45}
passed=0; failed=0
if ! command -v clang-14 >/dev/null || ! command -v xxd >/dev/null; then
  echo "clang-14 or xxd missing (scripts/install-deps.sh installs them)"
  echo "fuzz: 0 passed, 1 failed"; exit 0
fi
start=$(date +%s)
if ! out=$(nice make -s -C fuzz -j2 2>&1); then
  echo "$out" | tail -20; echo "fuzz: 0 passed, 1 failed"; exit 0
fi
echo "built in $(( $(date +%s) - start )) s"
rm -rf fuzz/crashes fuzz/work; mkdir -p fuzz/crashes
for t in json schema compile; do
  n=$(ls fuzz/corpus/$t | wc -l)
  if out=$(fuzz/fuzz_$t -runs=0 -artifact_prefix=fuzz/crashes/$t-replay- fuzz/corpus/$t 2>&1); then
    echo "ok   replay $t: $n seeds"; passed=$((passed + 1))
  else
    echo "FAIL replay $t: $n seeds"; echo "$out" | grep -vE '^(INFO|#)' | head -30; failed=$((failed + 1))
  fi
done
for t in json schema compile; do
  mkdir -p fuzz/work/$t
  out=$(fuzz/fuzz_$t -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
        -dict=fuzz/dict/$t.dict -artifact_prefix=fuzz/crashes/$t- -print_final_stats=1 \
        fuzz/work/$t fuzz/corpus/$t 2>&1); status=$?
  runs=$(echo "$out" | sed -n 's/^stat::number_of_executed_units: *//p')
  cov=$(echo "$out" | grep -oE 'cov: [0-9]+' | tail -1)
  if [ $status -eq 0 ]; then
    echo "ok   fuzz $t: ${runs:-?} inputs in $seconds s, $cov, 0 crashes"; passed=$((passed + 1))
  else
    echo "FAIL fuzz $t: ${runs:-?} inputs"; echo "$out" | grep -vE '^(INFO|#)' | head -40
    failed=$((failed + 1))
  fi
done
echo "fuzz: $passed passed, $failed failed"
