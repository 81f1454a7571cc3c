#!/bin/sh
# Movies benchmark (make bench): installs the npm packages, generates Prisma
# Client offline, creates a throwaway cluster with pg_virtualenv, loads the
# tables and the data (BENCH_SCALE, default 1), loads the schema into
# prisma_compile and runs the harness, which prints a table and writes
# bench/RESULTS.md.  Needs `make install` done first (under the install lock).
# Knobs: BENCH_SCALE, BENCH_RUNS (>= 7), BENCH_WARMUP, BENCH_RTT=0 (skip the
# 5 ms round-trip table), BENCH_ONLY (regexp on workload names),
# BENCH_PGOPTIONS (e.g. "-c jit=off"), BENCH_RESULTS (output file).
set -eu
cd "$(dirname "$0")"
export BENCH_SCALE="${BENCH_SCALE:-1}"
export BENCH_COMMAND="${BENCH_COMMAND:-make bench (BENCH_SCALE=$BENCH_SCALE)}"

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
fi
# the prisma-compile Client extension, as npm would install it (a copy)
../client/install-local.sh node_modules
# prisma generate needs no database and no engine; any executable will do
PRISMA_SCHEMA_ENGINE_BINARY=/bin/true npx --no-install prisma generate >/dev/null

# a private cluster (-t) on a free port: other helpers may run pg_virtualenv too
port=${BENCH_PGPORT:-}
if [ -z "$port" ]; then
    for p in $(seq 5471 5499); do
        if ! ss -ltn | grep -q ":$p " && [ ! -e /var/run/postgresql/.s.PGSQL.$p ]; then port=$p; break; fi
    done
fi
PGPORT=$port exec pg_virtualenv -t sh -c '
set -eu
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
echo "loading scale $BENCH_SCALE ..."
psql -c "CREATE EXTENSION prisma_compile"
grep -v "^ALTER TABLE" movies_schema.sql | psql
psql -v scale="$BENCH_SCALE" -f generate.sql >/dev/null
grep "^ALTER TABLE" movies_schema.sql | psql
psql -c "VACUUM (ANALYZE)"
if ! printf "%s\n" "SELECT prisma_load_schema(:'"'"'schema'"'"');" | psql -At -v schema="$(cat movies.prisma)"; then
    echo "warning: prisma_load_schema failed; prisma_query will be reported as failing"
fi
node --import tsx run.mjs
'
