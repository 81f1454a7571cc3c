-- The robustness run (docs/reliability.md), in one session of the database
-- made by run.sh, with the lines of generate.mjs on standard input; :calls
-- is a scratch file, :toplevel the number of top-level failing calls per
-- batch.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
-- freed memory goes back to the system: resident size then shows what is kept
SET prisma_compile.retained_memory = 0;
CREATE TEMP TABLE start AS SELECT pg_backend_pid() AS pid, pg_postmaster_start_time() AS postmaster;
CREATE TABLE robust_input (id serial PRIMARY KEY, kind text, expect text, mutation text, body text);
\copy robust_input (kind, expect, mutation, body) FROM pstdin
UPDATE robust_input SET body = convert_from(decode(body, 'base64'), 'UTF8');
CREATE TABLE robust_result (id int, pass int, sqlstate text, message text, detail text, result text);
CREATE TABLE robust_mem (tag text, contexts bigint, rss_kb bigint, at timestamptz DEFAULT clock_timestamp());

-- this backend's memory: all its contexts, and its resident set
CREATE FUNCTION robust_measure(tag text) RETURNS void LANGUAGE sql AS $$
  INSERT INTO robust_mem (tag, contexts, rss_kb)
  SELECT tag, (SELECT sum(total_bytes) FROM pg_backend_memory_contexts),
         (regexp_match(pg_read_file('/proc/' || pg_backend_pid() || '/status'),
                       'VmRSS:\s+(\d+)'))[1]::bigint
$$;

-- every input of a kind once, each in its own subtransaction; a schema that
-- loads is rolled back (raised out of) so that the next inputs see the fixture
CREATE FUNCTION robust_run(pass int, kinds text[], keep boolean) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  r record; st text; msg text; det text; res text;
BEGIN
  FOR r IN SELECT * FROM robust_input WHERE kind = ANY (kinds) ORDER BY id LOOP
    st := NULL; msg := NULL; det := NULL; res := NULL;
    BEGIN
      IF r.kind = 'schema' THEN
        PERFORM prisma_load_schema(r.body);
        RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'robust: loaded';
      ELSE
        res := prisma_query(r.body::json)::text;
      END IF;
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL;
      IF msg = 'robust: loaded' THEN st := NULL; msg := NULL; END IF;
    END;
    IF keep THEN
      INSERT INTO robust_result VALUES (r.id, pass, st, msg, det, left(res, 100000));
    END IF;
  END LOOP;
END $$;

-- what is wrong with the outcome of one input, or NULL
CREATE FUNCTION robust_problem(kind text, expect text, sqlstate text, message text, detail text, body text)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN sqlstate = 'XX000' THEN 'internal error (XX000)'
    WHEN sqlstate IS NULL AND expect = 'fail' THEN 'accepted'
    WHEN sqlstate IS NULL THEN NULL
    WHEN kind = 'schema' THEN
      CASE WHEN concat(message, ' ', detail) !~ 'line \d+' THEN 'no line' END
    -- a JSON path: from the root (model, operation, args; query for the
    -- document itself), or a member of the document's top level
    WHEN message ~ '^(model|operation|args|query)([.\[:]|$)'
      OR position(to_json(split_part(message, ': ', 1))::text || ':' IN body) > 0 THEN NULL
    -- messages about the document as a whole, and No <Model> found
    WHEN message ~ '^(query document|invalid JSON in query document|invalid input syntax for type json)'
      OR sqlstate = 'P0002' THEN NULL
    ELSE 'no JSON path'
  END
$$;

SELECT robust_run(0, '{base}', true);
SELECT robust_run(1, '{doc,schema}', true);
SELECT robust_measure('after pass 1');
SELECT robust_run(2, '{doc,schema}', false);
SELECT robust_measure('after pass 2');
SELECT robust_run(3, '{doc,schema}', false);
SELECT robust_measure('after pass 3');
SELECT robust_run(4, '{base}', true);

-- top-level failing calls (no subtransaction): each aborts its transaction
\pset format unaligned
\pset tuples_only on
\o :calls
SELECT format('SELECT prisma_query(body::json) FROM robust_input WHERE id = %s;', id)
  FROM robust_input r JOIN robust_result USING (id)
 WHERE pass = 1 AND r.kind = 'doc' AND sqlstate IS NOT NULL AND length(body) < 2000
 ORDER BY id LIMIT :toplevel;
\o
SELECT robust_measure('top-level 0');
\set ON_ERROR_STOP off
\set VERBOSITY terse
\o /dev/null
\i :calls
\i :calls
\o
SELECT robust_measure('top-level 1');
\o /dev/null
\i :calls
\i :calls
\o
SELECT robust_measure('top-level 2');
\set VERBOSITY default
\set ON_ERROR_STOP on
SELECT pid = pg_backend_pid() AS same_backend FROM start \gset
INSERT INTO robust_mem (tag, contexts) VALUES ('same backend', :'same_backend'::boolean::int);
