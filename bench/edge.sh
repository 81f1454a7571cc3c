#!/bin/sh
# Edge benchmark (docs/edge.md): loads the movies dataset (EDGE_SCALE,
# default 1: 25k movies, 1.05M actor-movie links) into a database of the
# cluster named by PGHOST/PGPORT/PGUSER, and runs bench/edge.mjs, which
# writes bench/EDGE.md. Needs `make install` first; prepares the example
# Worker (examples/edge-worker/setup.sh).
#   bash bench/edge.sh        or, in a throwaway cluster: pg_virtualenv -t bash bench/edge.sh
set -eu
cd "$(dirname "$0")"
scale=${EDGE_SCALE:-1}
db=${EDGE_DB:-edge_bench}
../examples/edge-worker/setup.sh
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
if [ "$(psql -d "$db" -Atc "SELECT obj_description('\"Movie\"'::regclass)" 2>/dev/null)" != "scale $scale" ]; then
	echo "loading scale $scale into $db ..."
	psql -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
	psql -d "$db" -c "CREATE EXTENSION prisma_compile"
	grep -v "^ALTER TABLE" movies_schema.sql | psql -d "$db"
	psql -d "$db" -v scale="$scale" -f generate.sql >/dev/null
	grep "^ALTER TABLE" movies_schema.sql | psql -d "$db"
	psql -d "$db" -c "VACUUM (ANALYZE)" -c "COMMENT ON TABLE \"Movie\" IS 'scale $scale'"
	printf "%s\n" "SELECT prisma_load_schema(:'schema');" | psql -d "$db" -At -v schema="$(cat movies.prisma)" >/dev/null
fi
EDGE_MOVIE=$(psql -d "$db" -Atc 'SELECT movie_id FROM "Review" GROUP BY movie_id HAVING count(*) >= 5 ORDER BY movie_id LIMIT 1')
EDGE_ACTOR=$(psql -d "$db" -Atc 'SELECT "A" FROM "_ActorToMovie" GROUP BY "A" HAVING count(*) BETWEEN 20 AND 25 ORDER BY "A" LIMIT 1')
EDGE_DATA=$(psql -d "$db" -Atc 'SELECT format($$scale %s: %s movies, %s actors, %s links, %s reviews$$, '"'$scale'"', (SELECT count(*) FROM "Movie"), (SELECT count(*) FROM "Actor"), (SELECT count(*) FROM "_ActorToMovie"), (SELECT count(*) FROM "Review"))')
export EDGE_MOVIE EDGE_ACTOR EDGE_DATA
node edge.mjs "$db"
