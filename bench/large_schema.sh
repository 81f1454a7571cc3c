#!/bin/bash
# Load time of a large Prisma schema: N models (default 10000), each with a
# relation to the next, their tables in a new database, then
# prisma_load_schema and the first query of a new backend (which parses and
# resolves the stored schema).  Prints wall-clock and backend CPU time
# (from /proc/<pid>/stat; run it on the database host).  Needs PGHOST etc.
# of a cluster with prisma_compile installed.
#   bench/large_schema.sh [N]
set -eu
n=${1:-10000}
db=large_schema_bench
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

for ((i = 0; i < n; i++)); do
	next=$(( (i + 1) % n )) prev=$(( (i + n - 1) % n ))
	printf 'model M%d {\n  id    Int    @id\n  name  String\n  refId Int?\n  ref   M%d?   @relation("R%d", fields: [refId], references: [id])\n  back  M%d[]  @relation("R%d")\n}\n' \
		"$i" "$next" "$i" "$prev" "$prev"
	printf 'CREATE TABLE "M%d" (id int PRIMARY KEY, name text NOT NULL, "refId" int);\n' "$i" >&3
done > "$dir/schema.prisma" 3> "$dir/tables.sql"

psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
psql -qX -d $db -v ON_ERROR_STOP=1 -f "$dir/tables.sql" >/dev/null
psql -qX -d $db -c "CREATE EXTENSION prisma_compile"

cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# run: what, SQL; prints wall-clock ms and the backend's CPU ms
run() {
	rm -f "$dir/pid" "$dir/done"
	psql -X -At -d $db -v schema_file="$dir/schema.prisma" > "$dir/out" 2>&1 <<-EOS &
	\o $dir/pid
	SELECT pg_backend_pid();
	\o
	SELECT pg_sleep(0.5);
	\set schema \`cat $dir/schema.prisma\`
	\timing on
	$2
	\timing off
	\o $dir/done
	SELECT 1;
	\o
	SELECT pg_sleep(0.5);
	EOS
	while [ ! -s "$dir/pid" ]; do sleep 0.05; done
	pid=$(cat "$dir/pid")
	sleep 0.25
	c0=$(cpu "$pid")
	while [ ! -s "$dir/done" ]; do sleep 0.05; done
	c1=$(cpu "$pid")
	wait
	echo "$1: $(grep '^Time' "$dir/out" | head -1 | cut -d' ' -f2) ms, backend CPU $(( (c1 - c0) * 1000 / $(getconf CLK_TCK) )) ms"
}
run "prisma_load_schema ($n models)" "SELECT length(prisma_load_schema(:'schema')::text) > 0;"
run "first query of a new backend" "SELECT prisma_query('{\"model\": \"M1\", \"operation\": \"findMany\", \"args\": {\"take\": 1}}') IS NOT NULL;"
psql -qX -d postgres -c "DROP DATABASE $db"
