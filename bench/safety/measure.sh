#!/usr/bin/env bash
# The costs docs/safety.md reports, for the installed build (run after
# make install, with PGHOST/PGPORT/PGUSER set): median findUnique latency
# (pgbench, one client), the same on 2,000- and 10,000-model schemas while
# another client creates and drops temporary tables, and a 20,000-model
# prisma_load_schema under statement_timeout = 2s.
#   bench/safety/measure.sh [calls per run] [model counts] [load: yes/no]
set -euo pipefail
cd "$(dirname "$0")"
calls=${1:-5000}
models=${2:-"2000 10000"}
load=${3:-yes}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# median latency in ms of a pgbench run's transaction log
median() { cat "$work"/log.* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]/1000}'; rm -f "$work"/log.*; }
bench() {  # db script: one connection (its first call builds the schema copy)
  pgbench -n -M prepared -c 1 -t "$calls" -f "$2" -l --log-prefix="$work/log" "$1" >/dev/null
  median
}

echo 'SELECT prisma_query($q${"model":"M5","operation":"findUnique","args":{"where":{"id":1}}}$q$);' > "$work/find.sql"
printf 'CREATE TEMP TABLE churn (a int);\nDROP TABLE churn;\n' > "$work/churn.sql"

# kitchen sink
dropdb --if-exists safety_ks >/dev/null 2>&1; createdb safety_ks
psql -Xq safety_ks -c 'CREATE EXTENSION prisma_compile' >/dev/null
(cd ../.. && psql -Xq safety_ks -v ON_ERROR_STOP=1 -f regress/fixtures/kitchen_sink.sql >/dev/null)
psql -Xq safety_ks -c "SELECT prisma_load_schema(pg_read_file('$(cd ../.. && pwd)/regress/fixtures/kitchen_sink.prisma')) IS NOT NULL" >/dev/null
echo 'SELECT prisma_query($q${"model":"Category","operation":"findUnique","args":{"where":{"id":1}}}$q$);' > "$work/ks.sql"
echo "findUnique (kitchen sink): $(bench safety_ks "$work/ks.sql") ms"
dropdb safety_ks

for n in $models; do
  ./gen_models.sh "$n" "$work/m$n"
  dropdb --if-exists "safety_m$n" >/dev/null 2>&1; createdb "safety_m$n"
  psql -Xq "safety_m$n" -c 'CREATE EXTENSION prisma_compile' >/dev/null
  psql -Xq "safety_m$n" -v ON_ERROR_STOP=1 -f "$work/m$n/tables.sql" >/dev/null
  chmod a+r "$work/m$n/schema.prisma"; chmod a+rx "$work" "$work/m$n"
  psql -Xq "safety_m$n" -c "SELECT prisma_load_schema(pg_read_file('$work/m$n/schema.prisma')) IS NOT NULL" >/dev/null
  quiet=$(bench "safety_m$n" "$work/find.sql")
  pgbench -n -c 1 -T 100000 -f "$work/churn.sql" "safety_m$n" >/dev/null 2>&1 &
  churn=$!
  sleep 1
  busy=$(bench "safety_m$n" "$work/find.sql")
  kill "$churn"; wait "$churn" 2>/dev/null || true
  echo "findUnique, $n models: $quiet ms alone, $busy ms while another backend creates temp tables"
  dropdb "safety_m$n"
done

[ "$load" = yes ] || exit 0
./gen_models.sh 20000 "$work/m20000"
chmod a+r "$work/m20000/schema.prisma"; chmod a+rx "$work" "$work/m20000"
dropdb --if-exists safety_m20000 >/dev/null 2>&1; createdb safety_m20000
psql -Xq safety_m20000 -c 'CREATE EXTENSION prisma_compile' >/dev/null
psql -Xq safety_m20000 -v ON_ERROR_STOP=1 -f "$work/m20000/tables.sql" >/dev/null
start=$(date +%s.%N)
psql -Xq safety_m20000 -c "SET statement_timeout = '2s'" \
  -c "SELECT prisma_load_schema(pg_read_file('$work/m20000/schema.prisma')) IS NOT NULL" 2>&1 | head -1 || true
echo "20,000-model load with statement_timeout 2s: stopped after $(echo "$(date +%s.%N) - $start" | bc) s"
dropdb safety_m20000
