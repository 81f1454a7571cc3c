# How promptly a long read stops when it is cancelled: sourced by
# regress/load/run.sh (cancel) and bench/large-psql.sh (cancel); see
# docs/reliability.md and docs/large-results.md.  The read catches its own
# cancel in PL/pgSQL and prints the server's clock, and the canceller prints
# it too, so both ends of a latency come from one clock.

# psql input that stores the psql variable $1 in the setting cancel.q and
# runs the expression $2 (which reads current_setting('cancel.q')), printing
# "finished" or "canceled at <epoch> after <ms> ms" (since the statement began).
cancel_catch_sql() {
  cat <<EOF
SELECT set_config('cancel.q', :'$1', false) \\g /dev/null
DO \$\$ BEGIN PERFORM $2; RAISE NOTICE 'finished'; EXCEPTION WHEN query_canceled THEN
  RAISE NOTICE 'canceled at % after % ms', extract(epoch FROM clock_timestamp()),
    round(extract(epoch FROM clock_timestamp() - statement_timestamp()) * 1000); END \$\$;
EOF
}

# From the output of cancel_catch_sql's read (stdin): the milliseconds since
# its statement began, and the server's clock, when it was cancelled.
canceled_after_ms() { sed -n 's/.*canceled at [0-9.]* after \([0-9]*\) ms.*/\1/p'; }
canceled_at() { sed -n 's/.*canceled at \([0-9.]*\) after.*/\1/p'; }

# cancel_when_running APPNAME SECONDS [psql connection options]: in one
# session (a new connection per try takes seconds under load), wait up to
# 120 s until the DO statement of the session named APPNAME has run SECONDS,
# pg_cancel_backend it and print the server's clock then; nothing if it
# never ran that long.
cancel_when_running() {
  local app=$1 secs=$2; shift 2
  psql -X -Atq "$@" -c "DO \$\$ DECLARE p int; deadline timestamptz := clock_timestamp() + interval '120 s'; BEGIN
      WHILE clock_timestamp() < deadline LOOP
        PERFORM pg_stat_clear_snapshot();
        SELECT pid INTO p FROM pg_stat_activity WHERE application_name = '$app' AND state = 'active'
           AND query LIKE 'DO%' AND clock_timestamp() - query_start > make_interval(secs => $secs);
        IF p IS NOT NULL THEN
          RAISE NOTICE 'cancel at %', extract(epoch FROM clock_timestamp()); PERFORM pg_cancel_backend(p); RETURN;
        END IF;
        PERFORM pg_sleep(0.005);
      END LOOP; END \$\$" 2>&1 | sed -n 's/.*cancel at //p'
}
