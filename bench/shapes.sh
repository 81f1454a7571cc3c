#!/bin/sh
# Generated shapes benchmark (make bench-shapes; docs/shape-bench.md).
# For each scale in SHAPES_SCALES (default "1 4"): a database shapes_s<scale>
# with the movies tables as `prisma db push` creates them and the data of
# generate.sql (made once, kept while its scale and the extension match), then
# shapes.mjs, which runs every generated shape in each index mode of
# SHAPES_INDEX (default "none fk": as pushed, then with an index on every
# foreign key) and writes bench/shapes-results/s<scale>.json; at the end
# bench/SHAPES.md is written from every results file present.  With
# SHAPES_RESULTS (or SHAPES_ONLY, whose default SHAPES_RESULTS is
# bench/shapes-results/only) the results and SHAPES.md go to that directory
# instead, and the committed ones are left as they are.
# Runs in the cluster named by PGHOST/PGPORT/PGUSER when PGHOST or PGPORT is
# set, else in a throwaway pg_virtualenv cluster.  Needs `make install` first.
# Knobs: SHAPES_SCALES, SHAPES_INDEX, SHAPES_ONLY (regexp on shape names),
# SHAPES_ROUNDS (3), SHAPES_LONG_ROUNDS (1: rounds of a shape over a second),
# SHAPES_RECHECK_ROUNDS (6: more rounds of a shape above 1.0),
# SHAPES_TIMEOUT_MS (5000), SHAPES_CHECK_ONLY=1 (compare results, no timing,
# no SHAPES.md), SHAPES_KNOWN (regexp on shape names whose
# prisma_query difference is known), SHAPES_RESULTS (output directory).
set -eu
cd "$(dirname "$0")"
export SHAPES_SCALES="${SHAPES_SCALES:-1 4}"
export SHAPES_INDEX="${SHAPES_INDEX:-none fk}"
if [ -n "${SHAPES_ONLY:-}" ] && [ -z "${SHAPES_RESULTS:-}" ]; then
    export SHAPES_RESULTS="$PWD/shapes-results/only"
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
fi
if [ ! -f generated/client.ts ] || [ movies.prisma -nt generated/client.ts ]; then
    PRISMA_SCHEMA_ENGINE_BINARY=/bin/true npx --no-install prisma generate >/dev/null
fi

if [ -z "${PGHOST:-}${PGPORT:-}" ]; then
    exec pg_virtualenv -t "$0" "$@"
fi

psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
ext=$(psql -At -d postgres -c "SELECT default_version FROM pg_available_extensions WHERE name = 'prisma_compile'")
for scale in $SHAPES_SCALES; do
    db=shapes_s$(echo "$scale" | tr . _)
    marker="scale $scale, generate.sql $(cksum < generate.sql | cut -d' ' -f1), prisma_compile $ext"
    have=$(psql -At -d "$db" -c "SELECT obj_description('\"Movie\"'::regclass)" 2>/dev/null || true)
    if [ "$have" != "$marker" ]; then
        echo "loading $db (scale $scale) ..."
        psql -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
        psql -d "$db" -c "CREATE EXTENSION prisma_compile"
        grep -v "^ALTER TABLE" movies_schema.sql | psql -d "$db"
        psql -d "$db" -v scale="$scale" -f generate.sql >/dev/null
        grep "^ALTER TABLE" movies_schema.sql | psql -d "$db"
        psql -d "$db" -c "VACUUM (ANALYZE)"
        printf "%s\n" "SELECT prisma_load_schema(:'schema');" | psql -At -d "$db" -v schema="$(cat movies.prisma)" >/dev/null
        psql -d "$db" -c "COMMENT ON TABLE \"Movie\" IS '$marker'"
    fi
    PGDATABASE=$db SHAPES_SCALE=$scale node --import tsx shapes.mjs
done
if [ "${SHAPES_CHECK_ONLY:-}" != 1 ]; then
    if [ -n "${SHAPES_RESULTS:-}" ]; then
        node shapes-report.mjs "$SHAPES_RESULTS" "$SHAPES_RESULTS/SHAPES.md"
    else
        node shapes-report.mjs
    fi
fi
