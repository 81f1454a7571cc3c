#!/usr/bin/env bash
# Upgrades.  Released install scripts are unchanged
# (regress/upgrade/released.sha256).  A database created at each older
# version (every install script sql/prisma_compile--X.sql but the default
# version's) with a loaded schema, updated by ALTER EXTENSION prisma_compile
# UPDATE, keeps its schema, answers as a fresh install does
# (regress/upgrade/queries.sql), has the same objects (regress/upgrade/
# members.sql: every member with its declaration), and survives pg_dump and
# restore.  The member comparison is itself checked: a changed function,
# aggregate, grant, column or membership must show.
set -uo pipefail
cd "$(dirname "$0")/../.."
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; }
check() { local name=$1; shift; if "$@"; then ok "$name"; else not_ok "$name"; fi; }

psql_db() { local db=$1; shift; psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }
fresh_db() { dropdb --if-exists "$1" 2>/dev/null; createdb "$1"; }
# the kitchen-sink fixture's tables and data, and its schema loaded
load_fixture() {
  psql_db "$1" -f regress/fixtures/kitchen_sink.sql >/dev/null &&
    echo "SELECT prisma_load_schema(:'s')" |
      psql_db "$1" -v s="$(cat regress/fixtures/kitchen_sink.prisma)" >/dev/null
}
members() { psql_db "$1" -At -f regress/upgrade/members.sql; }
queries() { psql -X -d "$1" -f regress/upgrade/queries.sql 2>&1; }
extversion() { psql_db "$1" -Atc "SELECT extversion FROM pg_extension WHERE extname = 'prisma_compile'"; }
stored_schema() { psql_db "$1" -Atc "SELECT md5(source), version FROM prisma_compile.loaded_schema"; }
same() { # name, expected, actual: equal (and not empty), or the first lines of the diff
  if [ -n "$2" ] && [ "$2" == "$3" ]; then ok "$1"; else
    not_ok "$1"; diff <(echo "$2") <(echo "$3") | head -20; fi
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
default=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" prisma_compile.control)
olds=$(ls sql/prisma_compile--*.sql | sed -n 's/^sql\/prisma_compile--\([0-9.]*\)\.sql$/\1/p' |
       grep -vxF "$default" | sort -V)
echo "# default version $default; older versions: $(echo $olds)"

# released scripts are never edited (regress/upgrade/released.sha256)
while read -r sum file; do
  same "$file is as released" "$sum" "$(sha256sum "$file" 2>/dev/null | cut -d' ' -f1)"
done < <(grep -v '^#' regress/upgrade/released.sha256)

# a fresh install of the default version: the reference
fresh_db upg_fresh
check "fresh install of $default" psql_db upg_fresh -c "CREATE EXTENSION prisma_compile"
check "fresh $default: fixture and schema load" load_fixture upg_fresh
fresh_members=$(members upg_fresh)
fresh_queries=$(queries upg_fresh)
check "fresh $default: members listed" test -n "$fresh_members"
check "fresh $default: no query failed but the unknown model" \
  test "$(echo "$fresh_queries" | grep -c ERROR)" -eq 1

# the comparison sees each kind of difference (the changes are rolled back)
while IFS='|' read -r what sql; do
  [ -z "$what" ] && continue
  changed=$(psql -X -q -At -d upg_fresh -v ON_ERROR_STOP=1 \
    -c "BEGIN" -c "$sql" -f regress/upgrade/members.sql -c "ROLLBACK" 2>&1)
  check "members comparison sees $what" test "$changed" != "$fresh_members"
done <<'EOF'
a changed volatility|ALTER FUNCTION prisma_row(record) VOLATILE
a changed parallel safety|ALTER FUNCTION prisma_query(json) PARALLEL SAFE
an object left out|ALTER EXTENSION prisma_compile DROP FUNCTION prisma_plan_cache_stats()
an object added|CREATE FUNCTION prisma_extra() RETURNS int LANGUAGE sql AS 'SELECT 1'; ALTER EXTENSION prisma_compile ADD FUNCTION prisma_extra()
a changed aggregate|ALTER EXTENSION prisma_compile DROP AGGREGATE prisma_agg(record); DROP AGGREGATE prisma_agg(record); CREATE AGGREGATE prisma_agg(record) (SFUNC = prisma_agg_transfn, STYPE = internal, FINALFUNC = prisma_agg_finalfn, FINALFUNC_MODIFY = SHAREABLE, PARALLEL = SAFE); ALTER EXTENSION prisma_compile ADD AGGREGATE prisma_agg(record)
a revoked grant|REVOKE SELECT ON prisma_compile.loaded_schema FROM PUBLIC
a changed column|ALTER TABLE prisma_compile.loaded_schema ALTER COLUMN loaded_at DROP DEFAULT
EOF

for old in $olds; do
  db=upg_from_${old//./_}
  fresh_db "$db"
  # the old script's C functions must all still be in the library (CREATE
  # FUNCTION looks up the symbol of every C function, even in extension scripts)
  check "create at $old" psql_db "$db" -c "CREATE EXTENSION prisma_compile VERSION '$old'"
  check "$old: fixture and schema load" load_fixture "$db"
  before=$(stored_schema "$db")
  check "update $old to $default" psql_db "$db" -c "ALTER EXTENSION prisma_compile UPDATE"
  same "$old updated: version" "$default" "$(extversion "$db")"
  same "$old updated: stored schema kept" "$before" "$(stored_schema "$db")"
  same "$old updated: queries answer as in a fresh install" "$fresh_queries" "$(queries "$db")"
  same "$old updated: same objects as a fresh install" "$fresh_members" "$(members "$db")"

  # pg_dump and restore of the updated database
  fresh_db upg_restored
  if pg_dump -d "$db" -f "$tmp/dump.sql" && psql_db upg_restored -f "$tmp/dump.sql" >/dev/null 2>"$tmp/restore.err"; then
    ok "$old updated: dump and restore"
  else
    not_ok "$old updated: dump and restore"; head -5 "$tmp/restore.err"
  fi
  same "$old updated and restored: stored schema" "$before" "$(stored_schema upg_restored)"
  same "$old updated and restored: queries" "$fresh_queries" "$(queries upg_restored)"
  same "$old updated and restored: same objects" "$fresh_members" "$(members upg_restored)"
  dropdb --if-exists upg_restored
  dropdb --if-exists "$db"
done
dropdb --if-exists upg_fresh
echo "upgrade: $passed passed, $failed failed"
