#!/usr/bin/env bash
# Load and faults (docs/reliability.md), against the cluster of
# PGHOST/PGPORT/PGUSER, on the kitchen-sink fixture:
#   load      pgbench, 64 clients of mixed prisma_query reads (the *.sql
#             scripts here) for DURATION s: 0 errors, backend memory flat
#   cancel    statement_timeout and pg_cancel_backend stop a long read:
#             latency by the server's clock, from the deadline / the cancel
#   ddl       schema reloads and DDL on used tables while 8 clients read:
#             clean errors (no XX000, no crash) on the reads of the changed
#             column, none on the others, then 0 errors once undone
#   pgbouncer pgbench through PgBouncer in transaction pooling: 0 errors
#   standby   a streaming replica (pg_basebackup) answers prisma_query and
#             follows a schema load on the primary (lag measured), refuses
#             prisma_load_schema with 25006 and a hint
#   dump      pg_dump / pg_restore into a new database keeps the schema
#   regress/load/run.sh [--duration S] [--parts "load cancel ddl pgbouncer standby dump"]
# Extra processes (replica, PgBouncer) run as the postgres OS user on ports
# LOAD_STANDBY_PORT and LOAD_BOUNCER_PORT (PGPORT+10 and PGPORT+20), in a
# scratch directory removed at the end.
set -uo pipefail
cd "$(dirname "$0")/../.."
. regress/load/cancel.sh
duration=60; parts="load cancel ddl pgbouncer standby dump"
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2;; --parts) parts=$2; shift 2;;
    *) echo "unknown option $1"; exit 2;;
  esac
done
bindir=$(pg_config --bindir)
db=load_prisma_compile
tmp=$(mktemp -d /tmp/prisma_load.XXXXXX); chmod 755 "$tmp"
standby_port=${LOAD_STANDBY_PORT:-$((PGPORT + 10))}; bouncer_port=${LOAD_BOUNCER_PORT:-$((PGPORT + 20))}
cleanup() {
  [ -f "$tmp/standby/postmaster.pid" ] && runuser -u postgres -- "$bindir/pg_ctl" -D "$tmp/standby" -m immediate stop >/dev/null 2>&1
  [ -f "$tmp/pgbouncer.pid" ] && kill "$(cat "$tmp/pgbouncer.pid")" 2>/dev/null
  dropdb --if-exists "${db}_restored" >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT
passed=0; failed=0
check() { if eval "$2"; then echo "ok   $1"; passed=$((passed + 1)); else echo "FAIL $1"; failed=$((failed + 1)); fi; }
P() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }
ms() { echo $(( $(date +%s%N) / 1000000 )); }
has() { case " $parts " in *" $1 "*) started=$(date +%s); return 0;; esac; return 1; }
took() { echo "    ($(( $(date +%s) - started )) s)"; }
postmaster=$(psql -X -Atq -d postgres -c "SELECT pg_postmaster_start_time()")

# the fixture, and 25,000 more users (users.manager_id has no index)
dropdb --if-exists "$db" >/dev/null 2>&1; createdb "$db" || exit 1
P -c "CREATE EXTENSION prisma_compile" -f regress/fixtures/kitchen_sink.sql >/dev/null || exit 1
echo "SELECT prisma_load_schema(:'schema');" | P -v schema="$(cat regress/fixtures/kitchen_sink.prisma)" -f - >/dev/null || exit 1
P -c "INSERT INTO users (id, email, name, role, karma, created_at, updated_at, manager_id)
      SELECT i, 'bulk' || i || '@example.com', 'Bulk ' || i, 'USER', i % 100, now(), now(),
             CASE WHEN i > 1000 THEN 1000 + (i - 1000) / 10 END
        FROM generate_series(1000, 25999) i; ANALYZE" || exit 1
# (a read of every user with their reports' and manager's relations: about
# 160 MB of JSON, 0.7-1 s set-based; the cancels stop it after 0.2 s)
LONG='{"model":"User","operation":"findMany","args":{"include":{"reports":{"include":{"reports":true,"manager":{"include":{"reports":true}}}},"manager":{"include":{"reports":{"include":{"reports":true}}}},"posts":true}}}'
scripts="-f regress/load/find_unique.sql@4 -f regress/load/find_many.sql@3 -f regress/load/aggregate.sql@2 -f regress/load/set_based.sql@1"

# RssAnon (kB, private memory) of every backend connected to the database
# (found by its process title, not by a new connection, which takes seconds
# under load): "n mean max"
rss() {
  local files
  files=$(ps -eo pid=,args= | awk -v db=" $db " '$2 ~ /^postgres:/ && index($0, db) {print "/proc/" $1 "/status"}')
  [ -n "$files" ] && cat $files 2>/dev/null | awk '/^RssAnon:/ {s += $2; n++; if ($2 > m) m = $2}
    END {if (n) printf "%d %d %d\n", n, s / n, m; else print "0 0 0"}' || echo "0 0 0"
}

if has load; then
  echo "--- load: 64 clients, $duration s"
  PGAPPNAME=prisma_load "$bindir/pgbench" -n -c 64 -j 4 -T "$duration" -P $((duration / 4 > 0 ? duration / 4 : 1)) \
    -M prepared $scripts "$db" > "$tmp/pgbench.out" 2>&1 &
  bench=$!
  # sample every backend's memory while pgbench runs: "seconds n mean max"
  t0=$(date +%s)
  while kill -0 $bench 2>/dev/null; do
    echo "$(( $(date +%s) - t0 )) $(rss)" >> "$tmp/rss"
    sleep 2
  done
  wait $bench; status=$?
  grep -E '^(number of (transactions actually processed|failed)|tps|latency average|progress)' "$tmp/pgbench.out"
  grep -E 'error|ERROR|abort' "$tmp/pgbench.out" | sort | uniq -c | head -10
  tx=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$tmp/pgbench.out")
  # the samples with all 64 backends: the one a third in (warmed up: every
  # backend has run every script) against the last
  full=$(awk '$2 == 64' "$tmp/rss")
  nfull=$(echo "$full" | grep -c .)
  early=$(echo "$full" | awk -v n="$nfull" 'NR == int(n / 3) + 1'); late=$(echo "$full" | tail -1)
  echo "backend RssAnon (s, n, mean kB, max kB): $early -> $late ($nfull samples with 64 backends)"
  set -- ${early:-0 0 0 0}; e_t=$1; e_mean=$3; set -- ${late:-0 0 0 0}; l_t=$1; l_mean=$3
  check "64 clients x $duration s of mixed reads: ${tx:-0} transactions, 0 errors" '[ $status -eq 0 ] && [ "${tx:-0}" -gt 0 ] && ! grep -qE "error|abort" "$tmp/pgbench.out"'
  check "backend memory flat under load: mean RssAnon of 64 backends ${e_mean} kB at ${e_t} s, ${l_mean} kB at ${l_t} s" \
    '[ "$nfull" -ge 3 ] && [ $((l_mean - e_mean)) -le 1024 ]'
  took
fi

if has cancel; then
  echo "--- cancel"
  # the read catches its own cancel and prints the server's clock then
  catch=$(cancel_catch_sql q "prisma_query(current_setting('cancel.q')::json)")
  out=$( { echo "SET statement_timeout = '200ms';"; echo "$catch"; } | P -At -v q="$LONG" -f - 2>&1)
  timeout_ms=$(echo "$out" | canceled_after_ms)
  timeout_ms=$(( ${timeout_ms:-100199} - 200 ))
  echo "$out" | grep -q finished && echo "    (the read finished before the deadline: too short for this check)"
  check "statement_timeout 200 ms stops a long prisma_query ${timeout_ms} ms after the deadline" '[ "$timeout_ms" -lt 500 ]'
  echo "$catch" | PGAPPNAME=prisma_cancel P -v q="$LONG" -f - > "$tmp/cancel.out" 2>&1 &
  reader=$!
  start=$(cancel_when_running prisma_cancel 0.2 -d postgres)
  wait $reader
  end=$(canceled_at < "$tmp/cancel.out")
  cancel_ms=$(awk -v a="$start" -v b="$end" 'BEGIN {if (a && b) printf "%d", (b - a) * 1000; else print 99999}')
  check "pg_cancel_backend stops a long prisma_query in ${cancel_ms} ms" '[ "$cancel_ms" -lt 500 ]'
  took
fi

if has ddl; then
  echo "--- schema loads and DDL during reads"
  # 8 readers until the DDL is over, each a loop of three reads: a Post with
  # its author and a User (both read users.name), a Category (does not)
  for i in 1 2 3 4 5 6 7 8; do
    ( k=0; while [ ! -e "$tmp/stop" ]; do k=$((k + 1))
        echo "SELECT prisma_query('{\"model\":\"Post\",\"operation\":\"findMany\",\"args\":{\"include\":{\"author\":true},\"take\":5}}') IS NOT NULL;"
        echo "SELECT prisma_query('{\"model\":\"User\",\"operation\":\"findUnique\",\"args\":{\"where\":{\"id\":$((k % 30 + 1))}}}') IS NOT NULL;"
        echo "SELECT prisma_query('{\"model\":\"Category\",\"operation\":\"findMany\"}') IS NOT NULL;"
      done ) | psql -X -At -v VERBOSITY=verbose -d "$db" -f - > "$tmp/ddl.$i.out" 2> "$tmp/ddl.$i.err" &
  done
  sleep 2
  schema=$(cat regress/fixtures/kitchen_sink.prisma)
  ddl_errors=""
  for step in "SELECT prisma_load_schema(:'schema')" \
              "ALTER TABLE \"Post\" ADD COLUMN extra int" "ALTER TABLE \"Post\" DROP COLUMN extra" \
              "ALTER TABLE users RENAME COLUMN name TO name_x" "SELECT pg_sleep(2)" \
              "ALTER TABLE users RENAME COLUMN name_x TO name" "SELECT prisma_load_schema(:'schema')" \
              "ALTER TABLE \"Post\" ALTER COLUMN title TYPE varchar(300)" "SELECT pg_sleep(1)" \
              "ALTER TABLE \"Post\" ALTER COLUMN title TYPE text" "SELECT prisma_load_schema(:'schema')"; do
    echo "$step;" | P -v schema="$schema" -f - >/dev/null 2>>"$tmp/ddl.steps" || ddl_errors="$ddl_errors [$step]"
    sleep 0.5
  done
  touch "$tmp/stop"
  wait
  ok=$(cat "$tmp"/ddl.*.out | grep -c '^t$'); errs=$(cat "$tmp"/ddl.*.err | grep -c 'ERROR:')
  # the read of an error: its line in the reader's script, 3k+1, 3k+2, 3k+3
  category_errs=$(cat "$tmp"/ddl.*.err | awk -F: '/ERROR:/ && $3 % 3 == 0' | wc -l)
  echo "reads during DDL: $ok succeeded, $errs failed (of the Category read: $category_errs); errors:"
  cat "$tmp"/ddl.*.err | grep 'ERROR:' | sed -E 's/^psql:<stdin>:[0-9]+: //; s/[0-9]+/N/g' | sort | uniq -c | sort -rn | head -8
  check "DDL steps ran${ddl_errors:+ (failed:$ddl_errors)}" '[ -z "$ddl_errors" ]'
  check "reads of the renamed column fail while it is renamed ($errs errors), each with a SQLSTATE other than XX000, no lost connection" \
    '[ "$errs" -gt 0 ] && ! cat "$tmp"/ddl.*.err | grep "ERROR:" | grep -qvE "ERROR:  [0-9A-Z]{5}: " && ! cat "$tmp"/ddl.*.err | grep -qE "ERROR:  XX000|server closed|connection to server"'
  check "reads that do not touch the renamed column keep working (Category: 0 errors)" '[ "$category_errs" -eq 0 ]'
  after=$(PGAPPNAME=prisma_after "$bindir/pgbench" -n -c 8 -j 2 -T 5 -M prepared $scripts "$db" 2>&1)
  check "after the DDL is undone: 8 clients x 5 s with 0 errors" '! echo "$after" | grep -qE "error|abort" && echo "$after" | grep -q "^tps"'
  took
fi

if has pgbouncer; then
  echo "--- PgBouncer, transaction pooling"
  if command -v pgbouncer >/dev/null || [ -x /usr/sbin/pgbouncer ]; then
    host=${PGHOST:-/var/run/postgresql}
    cat > "$tmp/pgbouncer.ini" <<INI
[databases]
$db = host=$host port=$PGPORT dbname=$db user=$PGUSER ${PGPASSWORD:+password=$PGPASSWORD}
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $bouncer_port
unix_socket_dir =
auth_type = trust
auth_file = $tmp/userlist.txt
pool_mode = transaction
default_pool_size = 10
max_client_conn = 200
pidfile = $tmp/pgbouncer.pid
logfile = $tmp/pgbouncer.log
INI
    echo "\"$PGUSER\" \"\"" > "$tmp/userlist.txt"
    chown postgres "$tmp"; runuser -u postgres -- "$(command -v pgbouncer || echo /usr/sbin/pgbouncer)" -d "$tmp/pgbouncer.ini"
    sleep 1
    secs=$((duration / 2 > 10 ? duration / 2 : 10))
    out=$(PGHOST=127.0.0.1 PGPORT=$bouncer_port "$bindir/pgbench" -n -c 64 -j 4 -T $secs -M extended $scripts "$db" 2>&1)
    echo "$out" | grep -E '^(number of transactions actually processed|tps)'
    echo "$out" | grep -E 'error|abort' | sort | uniq -c | head -5
    check "PgBouncer transaction pooling, 64 clients x $secs s over 10 server connections: 0 errors" \
      '! echo "$out" | grep -qE "error|abort" && echo "$out" | grep -q "^tps"'
  else
    check "pgbouncer installed" false
  fi
  took
fi

# A cluster whose configuration lives outside its data directory (Debian's
# clusters, pg_virtualenv) gives pg_basebackup no postgresql.conf or
# pg_hba.conf: write minimal ones (the standby is reached by its socket).
standby_config() {
  [ -f "$1/postgresql.conf" ] || runuser -u postgres -- touch "$1/postgresql.conf"
  [ -f "$1/pg_hba.conf" ] || echo "local all all trust" | runuser -u postgres -- tee "$1/pg_hba.conf" >/dev/null
  [ -f "$1/pg_ident.conf" ] || runuser -u postgres -- touch "$1/pg_ident.conf"
}

if has standby; then
  echo "--- hot standby"
  chown postgres "$tmp"
  if runuser -u postgres -- env PGPASSWORD="${PGPASSWORD:-}" "$bindir/pg_basebackup" -D "$tmp/standby" -R -X stream -c fast \
       -h "${PGHOST:-localhost}" -p "$PGPORT" -U "$PGUSER" >"$tmp/basebackup.log" 2>&1 &&
     standby_config "$tmp/standby" &&
     runuser -u postgres -- "$bindir/pg_ctl" -D "$tmp/standby" -w -l "$tmp/standby.log" \
       -o "-p $standby_port -k $tmp -c listen_addresses='' -c hot_standby=on" start >/dev/null; then
    S() { psql -X -Atq -v ON_ERROR_STOP=1 -h "$tmp" -p "$standby_port" -d "$db" "$@"; }
    for i in $(seq 1 100); do [ "$(S -c 'SELECT pg_is_in_recovery()' 2>/dev/null)" = t ] && break; sleep 0.1; done
    q='{"model":"Category","operation":"findMany","args":{"include":{"posts":{"take":1}}}}'
    check "the standby answers prisma_query like the primary" \
      '[ "$(echo "SELECT prisma_query(:'"'"'q'"'"');" | S -v q="$q" -f -)" = "$(echo "SELECT prisma_query(:'"'"'q'"'"');" | P -At -v q="$q" -f -)" ]'
    # a schema without model Category: the standby must refuse it (42P01) once the load replays
    cut=$(awk '/^model Category/ {skip=1} skip && /^}/ {skip=0; next} !skip' regress/fixtures/kitchen_sink.prisma | sed '/categories/d; /Category/d')
    # one session on the standby retries the read (each its own transaction)
    # until it fails (the cut schema replayed) and prints its clock: the lag
    # from the primary's clock when prisma_load_schema returned (one machine)
    { echo "SELECT set_config('load.q', :'q', false) \\g /dev/null"
      for i in $(seq 1 5000); do
        printf '%s\n' "SELECT prisma_query(:'q') \\g /dev/null" '\if :ERROR' \
          "SELECT 'followed at ' || extract(epoch FROM clock_timestamp());" '\q' '\endif' "SELECT pg_sleep(0.002) \\g /dev/null"
      done; } | S -v ON_ERROR_STOP=0 -v q="$q" -f - > "$tmp/poll.out" 2>&1 &
    poller=$!
    sleep 1
    loaded=$(echo "SELECT prisma_load_schema(:'s') \\g /dev/null
      SELECT extract(epoch FROM clock_timestamp());" | P -At -v s="$cut" -f - 2>"$tmp/cut.err")
    wait $poller
    followed=$(sed -n 's/^followed at //p' "$tmp/poll.out"); grep ERROR "$tmp/poll.out" | head -1
    lag=$(awk -v a="$loaded" -v b="$followed" 'BEGIN {if (a && b) printf "%d", (b - a) * 1000}')
    head -2 "$tmp/cut.err"
    check "the standby follows a schema load on the primary (${lag:-?} ms after it returned)" '[ -n "$lag" ] && [ ! -s "$tmp/cut.err" ]'
    echo "SELECT prisma_load_schema(:'s');" | P -v s="$(cat regress/fixtures/kitchen_sink.prisma)" -f - >/dev/null
    err=$(echo "SELECT prisma_load_schema(:'s');" | S -v s="$cut" -v VERBOSITY=verbose -f - 2>&1 | head -3)
    echo "prisma_load_schema on the standby: $err"
    check "prisma_load_schema on the standby is refused: 25006 with a hint to load it on the primary" \
      'echo "$err" | grep -q 25006 && echo "$err" | grep -q "^HINT:  Load it on the primary"'
    runuser -u postgres -- "$bindir/pg_ctl" -D "$tmp/standby" -m fast stop >/dev/null
  else
    tail -5 "$tmp/basebackup.log" "$tmp/standby.log" 2>/dev/null
    check "a streaming standby made with pg_basebackup starts" false
  fi
  took
fi

if has dump; then
  echo "--- pg_dump / pg_restore"
  restored=${db}_restored
  dropdb --if-exists "$restored" >/dev/null 2>&1
  "$bindir/pg_dump" -Fc -d "$db" -f "$tmp/dump" && createdb "$restored" && "$bindir/pg_restore" -d "$restored" "$tmp/dump" 2>"$tmp/restore.err"
  head -3 "$tmp/restore.err"
  # 100 documents, one statement a line (line k: document k), run in one
  # session per database; lists compared as sets: without orderBy the
  # restored tables may come in another order
  n=0
  for f in fuzz/corpus/compile/*; do
    grep -q '"model":"\(User\|Post\|Category\|Team\)"' "$f" || continue
    grep -q 'prisma_doc' "$f" && continue
    n=$((n + 1)); [ $n -gt 100 ] && break
    echo "SELECT $n, CASE WHEN json_typeof(r) = 'array' THEN (SELECT string_agg(e::text, ',' ORDER BY e::text)
      FROM json_array_elements(r) e) ELSE r::text END FROM (SELECT prisma_query(\$prisma_doc\$$(tr '\n' ' ' < "$f")\$prisma_doc\$) AS r) s;" | tr '\n' ' '
    echo
  done > "$tmp/docs.sql"
  n=$(grep -c . "$tmp/docs.sql")
  # "k<tab>result" or "k<tab>error" per document
  keyed() { psql -X -At -v VERBOSITY=terse -d "$1" -f "$tmp/docs.sql" 2>&1 |
    sed -E 's/^psql:[^:]*:([0-9]+): (.*)/\1\t\2/; s/^([0-9]+)\|/\1\t/' | sort; }
  keyed "$db" > "$tmp/docs.a"; keyed "$restored" > "$tmp/docs.b"
  same=$(join -t "$(printf '\t')" "$tmp/docs.a" "$tmp/docs.b" | awk -F'\t' '$2 == $3' | wc -l)
  check "a restored pg_dump keeps the schema: $same of $n documents give the same result" '[ "$n" -ge 100 ] && [ "$same" -eq "$n" ]'
  took
fi

check "postmaster never restarted" '[ "$(psql -X -Atq -d postgres -c "SELECT pg_postmaster_start_time()")" = "$postmaster" ]'
echo "load: $passed passed, $failed failed"
