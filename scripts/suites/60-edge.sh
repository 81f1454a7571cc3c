#!/usr/bin/env bash
# From the edge (docs/edge.md): the example Worker (examples/edge-worker/) in
# workerd, reached through a local WebSocket-to-TCP proxy, answers the demo
# queries and 50 queries of the movies corpus by every driver (Neon
# serverless Pool and Client, pg over TCP sockets, Prisma Client with the
# client/ extension when client/ exists); every response is compared with
# prisma_query called directly, every request must send exactly one
# statement, and Prisma Client without the extension runs the same finds as
# the comparison (statements per request, latency).
set -uo pipefail
cd "$(dirname "$0")/../.."
fail() { echo "$1"; echo "edge: 0 passed, 1 failed"; exit 0; }

examples/edge-worker/setup.sh || fail "edge: setup failed (npm ci, prisma generate, build)"

db=edge_movies
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
{
	psql -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" &&
	psql -d $db -f bench/movies_schema.sql &&
	psql -d $db -f regress/conformance/fixtures/movies_data.sql &&
	psql -d $db -v schema="$(cat bench/movies.prisma)" <<-'SQL'
		CREATE EXTENSION prisma_compile;
		SELECT prisma_load_schema(:'schema');
	SQL
} >/dev/null || fail "edge: could not load the movies fixture into $db"

timeout 240 node examples/edge-worker/check.mjs $db --corpus 50 2>&1 | tail -40
psql -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
