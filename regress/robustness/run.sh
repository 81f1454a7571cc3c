#!/usr/bin/env bash
# SQL-level robustness run (docs/reliability.md): hostile documents and
# schemas through a real backend.  Every input must be refused with a clean
# SQLSTATE (not XX000) and a JSON path (schemas: a line), or, where the
# input may be valid, succeed; the postmaster must not restart, the backend
# must stay the same, its memory flat over the repeated passes, and the
# unmutated documents must give the same results before and after.
#   regress/robustness/run.sh [--seed N] [--docs N] [--schemas N] [--toplevel N]
# Uses the cluster of PGHOST/PGPORT/PGUSER; makes database robust_prisma_compile.
set -uo pipefail
cd "$(dirname "$0")/../.."
seed=1; docs=20000; schemas=2000; toplevel=5000
while [ $# -gt 0 ]; do
  case "$1" in
    --seed) seed=$2; shift 2;; --docs) docs=$2; shift 2;;
    --schemas) schemas=$2; shift 2;; --toplevel) toplevel=$2; shift 2;;
    *) echo "unknown option $1"; exit 2;;
  esac
done
db=robust_prisma_compile
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
P() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }

postmaster_before=$(psql -X -Atq -d postgres -c "SELECT pg_postmaster_start_time()")
dropdb --if-exists "$db" >/dev/null 2>&1; createdb "$db" || exit 1
P -c "CREATE EXTENSION prisma_compile" -f regress/fixtures/kitchen_sink.sql >/dev/null || exit 1
echo "SELECT prisma_load_schema(:'schema');" | P -v schema="$(cat regress/fixtures/kitchen_sink.prisma)" -f - >/dev/null || {
  echo "kitchen-sink schema does not load"; exit 1; }
node regress/robustness/generate.mjs --seed "$seed" --docs "$docs" --schemas "$schemas" > "$tmp/inputs.tsv" || exit 1
start=$(date +%s)
P -v calls="$tmp/calls.sql" -v toplevel="$toplevel" -f regress/robustness/robustness.sql \
  < "$tmp/inputs.tsv" > "$tmp/out" 2> "$tmp/err"
status=$?
grep -v '^ERROR:' "$tmp/err" | grep -v '^psql:.*ERROR:' | head -20
echo "ran in $(( $(date +%s) - start )) s (psql status $status)"
postmaster_after=$(psql -X -Atq -d postgres -c "SELECT pg_postmaster_start_time()")

P -f - <<'SQL'
\pset footer off
-- the verdict on every input of pass 1
CREATE TEMP VIEW verdict AS
SELECT i.id, i.kind, i.expect, i.mutation, r.sqlstate, r.message, r.detail, i.body,
  robust_problem(i.kind, i.expect, r.sqlstate, r.message, r.detail, i.body) AS problem
FROM robust_input i JOIN robust_result r ON r.id = i.id AND r.pass = 1;

\echo '-- inputs by kind: refused cleanly, accepted, problems'
SELECT kind, count(*) AS inputs, count(*) FILTER (WHERE sqlstate IS NOT NULL AND problem IS NULL) AS refused,
       count(*) FILTER (WHERE sqlstate IS NULL AND problem IS NULL) AS accepted,
       count(problem) AS problems
  FROM verdict GROUP BY kind ORDER BY kind;
\echo '-- SQLSTATEs'
SELECT kind, coalesce(sqlstate, 'ok') AS sqlstate, count(*) FROM verdict GROUP BY 1, 2 ORDER BY 1, 3 DESC;
\echo '-- problems, grouped (mutation, problem, SQLSTATE, message with values blanked)'
SELECT mutation, problem, sqlstate,
       left(regexp_replace(regexp_replace(coalesce(message, ''), '"[^"]*"', '"…"', 'g'), '\d+', 'N', 'g'), 110) AS message,
       count(*), min(id) AS example
  FROM verdict WHERE problem IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY 5 DESC LIMIT 40;
\echo '-- one input per problem group'
SELECT DISTINCT ON (mutation, problem, sqlstate) id, left(body, 240) AS input, sqlstate, left(message, 160) AS message
  FROM verdict WHERE problem IS NOT NULL ORDER BY mutation, problem, sqlstate, id LIMIT 40;
\echo '-- memory of the backend (contexts: sum of pg_backend_memory_contexts)'
SELECT tag, pg_size_pretty(contexts) AS contexts, rss_kb FROM robust_mem WHERE tag <> 'same backend' ORDER BY at;
SQL

# the figures the suite checks, as name=value lines
P -At -F= -f - > "$tmp/figures" <<'SQL'
SELECT 'inputs', count(*) FROM robust_input WHERE kind <> 'base';
SELECT 'calls', 3 * count(*) FROM robust_input WHERE kind <> 'base';
SELECT 'problems', count(*) FROM robust_input i JOIN robust_result r ON r.id = i.id AND r.pass = 1
 WHERE robust_problem(i.kind, i.expect, r.sqlstate, r.message, r.detail, i.body) IS NOT NULL;
SELECT 'xx000', count(*) FROM robust_result WHERE pass = 1 AND sqlstate = 'XX000';
SELECT 'base_changed', count(*) FROM robust_result a JOIN robust_result b ON a.id = b.id AND a.pass = 0 AND b.pass = 4
 WHERE a.result IS DISTINCT FROM b.result OR a.sqlstate IS DISTINCT FROM b.sqlstate;
SELECT 'base', count(*) FROM robust_result WHERE pass = 0;
SELECT 'ctx_growth', (SELECT contexts FROM robust_mem WHERE tag = 'after pass 3') - (SELECT contexts FROM robust_mem WHERE tag = 'after pass 2');
SELECT 'rss_growth_kb', (SELECT rss_kb FROM robust_mem WHERE tag = 'after pass 3') - (SELECT rss_kb FROM robust_mem WHERE tag = 'after pass 2');
SELECT 'top_ctx_growth', (SELECT contexts FROM robust_mem WHERE tag = 'top-level 2') - (SELECT contexts FROM robust_mem WHERE tag = 'top-level 1');
SELECT 'top_rss_growth_kb', (SELECT rss_kb FROM robust_mem WHERE tag = 'top-level 2') - (SELECT rss_kb FROM robust_mem WHERE tag = 'top-level 1');
SELECT 'top_calls', 4 * count(*) FROM robust_input i JOIN robust_result r ON r.id = i.id AND r.pass = 1
 WHERE i.kind = 'doc' AND r.sqlstate IS NOT NULL AND length(i.body) < 2000;
SELECT 'same_backend', coalesce((SELECT contexts FROM robust_mem WHERE tag = 'same backend'), 0);
SQL
cat "$tmp/figures"
get() { sed -n "s/^$1=//p" "$tmp/figures"; }
top_calls=$(( $(get top_calls) < 4 * toplevel ? $(get top_calls) : 4 * toplevel ))

# checks: name, condition
passed=0; failed=0
check() { if eval "$2"; then echo "ok   $1"; passed=$((passed + 1)); else echo "FAIL $1"; failed=$((failed + 1)); fi; }
check "the run finished" '[ $status -eq 0 ]'
check "postmaster never restarted ($postmaster_before)" '[ -n "$postmaster_before" ] && [ "$postmaster_before" = "$postmaster_after" ]'
check "one backend for every call" '[ "$(get same_backend)" = 1 ]'
check "no internal error (XX000)" '[ "$(get xx000)" = 0 ]'
check "$(get inputs) inputs: each refused with a clean SQLSTATE and a JSON path or line, or valid ($(get problems) problems)" '[ "$(get problems)" = 0 ]'
check "$(get base) unmutated documents: same results before and after" '[ "$(get base_changed)" = 0 ] && [ "$(get base)" -gt 0 ]'
check "memory flat over $(get calls) calls in subtransactions (contexts +$(get ctx_growth) B, RSS +$(get rss_growth_kb) kB in the last pass)" \
  '[ "$(get ctx_growth)" -le 262144 ] && [ "$(get rss_growth_kb)" -le 4096 ]'
check "memory flat over $top_calls top-level failing calls (contexts +$(get top_ctx_growth) B, RSS +$(get top_rss_growth_kb) kB in the last half)" \
  '[ "$(get top_ctx_growth)" -le 262144 ] && [ "$(get top_rss_growth_kb)" -le 4096 ]'
echo "robustness: $passed passed, $failed failed"
