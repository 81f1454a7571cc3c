#!/usr/bin/env bash
# Large results through psql (docs/large-results.md), no node needed:
#   bench/large-psql.sh memory   peak private memory (VmHWM - RssShmem) of a
#                                fresh backend for one read sent to psql, per
#                                form, against the result's size; the single
#                                value not sent; PostgreSQL's floor (a text
#                                of the same size sent)
#   bench/large-psql.sh cancel   statement_timeout and pg_cancel_backend at
#                                50% and 90% of the read's server time, per
#                                form: latency by the server's clock (the read
#                                catches its cancel in PL/pgSQL)
# LARGE_FORMS ("single rows"), LARGE_DB (load_prisma_compile: regress/load/run.sh leaves it), LARGE_DOC (a
# findMany of every user with reports of reports and posts, 14.7 MB),
# LARGE_OPTS (more PGOPTIONS, e.g. -c prisma_compile.retained_memory=0), the
# cluster of PGHOST/PGPORT/PGUSER; the server on this machine (/proc).
set -uo pipefail
. "$(dirname "$0")/../regress/load/cancel.sh"
db=${LARGE_DB:-load_prisma_compile}
doc=${LARGE_DOC:-'{"model":"User","operation":"findMany","args":{"include":{"reports":{"include":{"reports":true}},"posts":true}}}'}
P() { psql -X -Atq -d "$db" -v doc="$doc" "$@"; }
opts="-c prisma_compile.parallel=off -c max_parallel_workers_per_gather=0"

# peak private memory of a fresh backend running $2 (after $1, which the
# base includes), printed as MB and as a multiple of the result's size
peak() {
  out=$( { echo "SELECT pg_backend_pid() AS pid \\gset"; echo "\\setenv BPID :pid"; echo "$1"
           echo "\\! awk '/^VmHWM:/ {h = \$2} /^RssShmem:/ {s = \$2} END {print \"base\", h - s}' /proc/\$BPID/status"
           echo "\\o /dev/null"; echo "$2"; echo "\\o"
           echo "\\! awk '/^VmHWM:/ {h = \$2} /^RssShmem:/ {s = \$2} END {print \"peak\", h - s}' /proc/\$BPID/status"; } |
         PGOPTIONS="$opts ${LARGE_OPTS:-}" P -v size="$size" -f - 2>&1)
  base=$(echo "$out" | sed -n 's/^base //p'); peak=$(echo "$out" | sed -n 's/^peak //p')
  awk -v b="$base" -v p="$peak" -v n="$size" 'BEGIN {printf "%.1f MB over a fresh backend, %.2fx the result", (p - b) / 1024, (p - b) * 1024 / n}'
}

# the forms sent to psql, the single value only built (pg_column_size: not
# sent), and PostgreSQL's own floor: a text of the same size built at run
# time (repeat) and sent, in a backend without the extension and in one
# where it is loaded (its malloc thresholds, src/backend_memory.c)
memory() {
  # the result's size as one array (a findMany's): its records, commas and
  # brackets, read as rows so that a result over 1 GB has a size too
  size=$(echo "SELECT coalesce(sum(octet_length(r::text)) + count(*) + 1, 2) FROM prisma_query_rows(:'doc') r;" | P -f -)
  echo "result: $size bytes; load: $(uptime | sed 's/.*load average/load average/')"
  for form in ${LARGE_FORMS:-single rows}; do
    if [ $form = single ]; then
      echo "single, to psql: $(peak "" "SELECT prisma_query(:'doc');")"
      echo "single, in the server: $(peak "" "SELECT pg_column_size(prisma_query(:'doc'));")"
    else
      echo "rows, to psql: $(peak "" "SELECT r FROM prisma_query_rows(:'doc') r;")"
    fi
  done
  if [ "$size" -ge 1073741820 ]; then
    echo "a text of that size: none, over PostgreSQL's 1 GB limit of a value"
    return
  fi
  text="SELECT repeat('x', :size + (random() * 0)::int);"
  echo "a text of that size, PostgreSQL alone: $(peak "" "$text")"
  echo "the same, the extension loaded: $(peak "SELECT prisma_compile(:'doc') IS NOT NULL \\g /dev/null" "$text")"
}

# milliseconds the read takes in the server (median of 3, PERFORM: nothing sent)
server_ms() {
  for i in 1 2 3; do
    echo "SELECT set_config('cancel.q', :'doc', false) \\g /dev/null
DO \$\$ DECLARE t timestamptz := clock_timestamp(); BEGIN PERFORM $1; RAISE NOTICE 'took %', round(extract(epoch FROM clock_timestamp() - t) * 1000); END \$\$;" |
      P -f - 2>&1 | sed -n 's/.*took //p'
  done | sort -n | sed -n 2p
}

cancel() {
  for form in ${LARGE_FORMS:-single rows}; do
    if [ $form = single ]; then read="prisma_query(current_setting('cancel.q')::json)"
    else read="count(*) FROM prisma_query_rows(current_setting('cancel.q')::json)"; fi
    full=$(server_ms "$read")
    catch=$(cancel_catch_sql doc "$read")
    for frac in 50 90; do
      at=$((full * frac / 100))
      out=$( { echo "SET statement_timeout = $at;"; echo "$catch"; } | P -f - 2>&1)
      after=$(echo "$out" | canceled_after_ms)
      t_lat=${after:+$((after - at)) ms}
      # pg_cancel_backend from a second session at the same point
      echo "$catch" | PGAPPNAME=large_cancel P -f - > /tmp/large-cancel.$$ 2>&1 &
      reader=$!
      start=$(cancel_when_running large_cancel "$at / 1000.0" -d "$db")
      wait $reader
      end=$(canceled_at < /tmp/large-cancel.$$); rm -f /tmp/large-cancel.$$
      c_lat=$(awk -v a="$start" -v b="$end" 'BEGIN {if (a && b) printf "%d ms", (b - a) * 1000}')
      echo "$form (server time $full ms) at $frac%: statement_timeout ${t_lat:-finished first}, pg_cancel_backend ${c_lat:-finished first}"
    done
  done
}

"${1:-memory}"
