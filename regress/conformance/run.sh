#!/bin/sh
# Conformance run: prisma_query against Prisma 7 Client on the fixtures.
# Call it under pg_virtualenv (PGHOST/PGPORT/PGUSER of a throwaway cluster),
# with prisma_compile installed:
#   pg_virtualenv regress/conformance/run.sh [--seed N] [--random N] [--filter TEXT] [--verbose] [--prisma-only]
# It installs the node modules (npm ci) when missing or older than the lock, generates both clients
# offline, creates one database per fixture, loads tables, data and the
# schema, and runs harness.mjs, whose last line is
#   conformance: <n> queries, <k> differ
# and whose exit status is non-zero when k > 0.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cd "$here"

prisma_only=no
harness=harness.mjs
for a in "$@"; do [ "$a" = "--prisma-only" ] && prisma_only=yes; done
# --dropin: dropin.mjs, the same corpus through Prisma Client with the
# prisma-compile extension (client/) against plain Prisma Client
for a in "$@"; do [ "$a" = "--dropin" ] && harness=dropin.mjs; done

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	# no install scripts: nothing here needs them (engines are not downloaded)
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
fi

# generate a client per fixture, from a copy of its schema whose generator
# writes into generated/<fixture>/client (the schemas stay untouched)
generate() {
	name=$1 schema=$2
	mkdir -p "generated/$name"
	sed 's#^\([[:space:]]*output[[:space:]]*=[[:space:]]*\)"[^"]*"#\1"./client"#' "$schema" > "generated/$name/schema.prisma.new"
	if [ -f "generated/$name/client/client.ts" ] && cmp -s "generated/$name/schema.prisma.new" "generated/$name/schema.prisma"; then
		rm "generated/$name/schema.prisma.new"
		return
	fi
	mv "generated/$name/schema.prisma.new" "generated/$name/schema.prisma"
	rm -rf "generated/$name/client"
	# generate needs no database and no engine: any executable will do
	PRISMA_SCHEMA_ENGINE_BINARY=/bin/true PRISMA_HIDE_UPDATE_MESSAGE=1 \
		./node_modules/.bin/prisma generate --schema "generated/$name/schema.prisma" >/dev/null
}
generate movies "$repo/bench/movies.prisma"
generate kitchen "$repo/regress/fixtures/kitchen_sink.prisma"

# one database per fixture: tables, data, extension, schema
setup() {
	db=$1 schema=$2
	shift 2
	psql -q -X -v ON_ERROR_STOP=1 -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
	for f in "$@"; do
		psql -q -X -v ON_ERROR_STOP=1 -d "$db" -f "$f" >/dev/null
	done
	if [ "$prisma_only" = no ]; then
		psql -q -X -v ON_ERROR_STOP=1 -d "$db" -v schema="$(cat "$schema")" >/dev/null <<-'SQL'
			CREATE EXTENSION prisma_compile;
			SELECT prisma_load_schema(:'schema');
		SQL
	fi
}
setup conform_movies "$repo/bench/movies.prisma" \
	"$repo/bench/movies_schema.sql" "$here/fixtures/movies_data.sql"
setup conform_kitchen "$repo/regress/fixtures/kitchen_sink.prisma" \
	"$repo/regress/fixtures/kitchen_sink.sql"

if [ "$harness" = dropin.mjs ]; then
	"$repo/client/install-local.sh" node_modules
	for a in "$@"; do [ "$a" = "--dropin" ] || set -- "$@" "$a"; shift; done
fi
exec ./node_modules/.bin/tsx "$harness" "$@"
