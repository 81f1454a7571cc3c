#!/usr/bin/env bash
# Fuzz the three targets for a budget of CPU time, not wall time, at nice 19
# (only the CPU other jobs leave), docs/reliability.md:
#   fuzz/cpu-run.sh CPU_SECONDS [WORKERS]
# WORKERS processes per target (default 1) each run chunks of CHUNK (300) s
# wall (libFuzzer's -max_total_time) until the target's CPU time (user + sys
# of its finished chunks, /usr/bin/time) reaches CPU_SECONDS / 3; a file
# fuzz/STOP ends every worker after its chunk.  Inputs found go to
# fuzz/work/<target>, crashes to fuzz/crashes/, one log per chunk to
# fuzz/logs/; the tally at the end: chunks, inputs, CPU, sanitizer reports.
set -uo pipefail
cd "$(dirname "$0")"
budget=${1:?CPU seconds}; workers=${2:-1}; chunk=${CHUNK:-300}
make -s all || exit 1
mkdir -p logs crashes
share=$((budget / 3))

# the CPU seconds of a target's finished chunks
target_cpu() { cat logs/$1.*.time 2>/dev/null | awk '{c += $1 + $2} END {printf "%d", c}'; }

worker() {
  local t=$1 w=$2 n=0
  while [ ! -e STOP ] && [ "$(target_cpu $t)" -lt $share ]; do
    n=$((n + 1))
    mkdir -p work/$t
    /usr/bin/time -f "%U %S %e" -o logs/$t.$w.$n.time nice -n 19 ./fuzz_$t -max_total_time=$chunk \
      -max_len=16384 -timeout=300 -rss_limit_mb=2048 -dict=dict/$t.dict -artifact_prefix=crashes/$t- \
      -print_final_stats=1 work/$t corpus/$t > logs/$t.$w.$n.log 2>&1
  done
}

for t in json schema compile; do
  for w in $(seq 1 $workers); do worker $t $w & done
done
wait

for t in json schema compile; do
  inputs=$(cat logs/$t.*.log 2>/dev/null | awk '/stat::number_of_executed_units/ {s += $2} END {print s + 0}')
  echo "$t: $(ls logs/$t.*.time 2>/dev/null | wc -l) chunks, $inputs inputs, $(target_cpu $t) s of CPU"
done
reports=$(grep -l -E 'ERROR: (Address|Leak|Undefined)Sanitizer|runtime error:|deadly signal' logs/*.log 2>/dev/null | wc -l)
echo "chunks with a crash or sanitizer report: $reports; in crashes/: $(ls crashes | grep -vc slow-unit) crashes, $(ls crashes | grep -c slow-unit) slow units"
[ "$reports" -eq 0 ]
