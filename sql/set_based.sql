-- Building blocks of set-based relation reads: prisma_key_in(key, keys)
-- with its planner support, and prisma_agg(record, key), which returns
-- its records in key order whatever the input order.
BEGIN;

-- prisma_key_in as a plain function: key = ANY(keys), strict, null where ANY is
SELECT k, prisma_key_in(k, ARRAY[3, 1, NULL, 7]) AS found, k = ANY (ARRAY[3, 1, NULL, 7]) AS any
  FROM (VALUES (1), (2), (3), (7), (8)) v(k);
SELECT prisma_key_in(NULL::int, ARRAY[1]) IS NULL AS null_key,
       prisma_key_in(1, NULL::int[]) IS NULL AS null_keys,
       prisma_key_in(1, '{}'::int[]) AS empty_keys;
SELECT prisma_key_in('b'::text, ARRAY['a', 'b']) AS text_key,
       prisma_key_in('B'::text, ARRAY['a', 'b']) AS other_case,
       prisma_key_in('00000000-0000-0000-0000-000000000001'::uuid,
                     ARRAY['00000000-0000-0000-0000-000000000001'::uuid]) AS uuid_key;
-- the same array on many rows (the hash table is built once per call site)
SELECT count(*) FILTER (WHERE prisma_key_in(i, ARRAY(SELECT generate_series(1, 1000, 3)))) AS hits
  FROM generate_series(1, 1000) i;

-- keys that may change from row to row are simplified to key = ANY(keys)
SELECT k, prisma_key_in(k, a) AS found
  FROM (VALUES (1, ARRAY[1]), (2, ARRAY[3]), (3, ARRAY[3]), (4, ARRAY[5, 4])) v(k, a);
EXPLAIN (COSTS OFF, VERBOSE)
SELECT prisma_key_in(i, ARRAY[i, 0]) FROM generate_series(1, 2) i;

-- the planner: an index condition key = ANY(keys), rows from the size of keys
CREATE TEMP TABLE link (a int NOT NULL, b int NOT NULL);
INSERT INTO link SELECT i % 500, i FROM generate_series(1, 20000) i;
CREATE INDEX link_a ON link (a);
ANALYZE link;
SET LOCAL enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT * FROM link WHERE prisma_key_in(a, ARRAY(SELECT generate_series(1, 100)));
RESET enable_seqscan;
-- estimated rows follow the number of keys: 100 keys of 500 values, 4,000 rows
CREATE FUNCTION pg_temp.estimated_rows(q text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE plan json;
BEGIN
    EXECUTE 'EXPLAIN (FORMAT JSON) ' || q INTO plan;
    RETURN (plan->0->'Plan'->>'Plan Rows')::float8;
END $$;
SELECT pg_temp.estimated_rows('SELECT * FROM link WHERE prisma_key_in(a, ARRAY(SELECT g FROM generate_series(1, 100) g LIMIT 100))') AS key_in_rows,
       pg_temp.estimated_rows('SELECT * FROM link WHERE a = ANY (ARRAY(SELECT g FROM generate_series(1, 100) g LIMIT 100))') AS any_rows;
SELECT count(*) FROM link WHERE prisma_key_in(a, ARRAY(SELECT generate_series(1, 100)));

-- prisma_agg(record, key): key order (ascending, nulls last), equal keys in
-- input order, hidden "__" columns left out, '[]' over no rows
SELECT prisma_agg(r, r.k) FROM (VALUES (3, 'c'), (1, 'a'), (NULL, 'n'), (2, 'b1'), (2, 'b2')) r(k, v);
SELECT prisma_agg(r, r."__s") FROM (SELECT 'b' AS name, 'y' AS "__s" UNION ALL SELECT 'a', 'x') r;
SELECT prisma_agg(r, r.k) FROM (SELECT 1 AS k WHERE false) r;
SELECT g, prisma_agg(r, r.id) FROM (SELECT i % 3 AS g, 100 - i AS id FROM generate_series(1, 9) i) r
 GROUP BY g ORDER BY g;

-- in parallel workers: partial states are serialized, combined, then sorted
CREATE TABLE pagg AS SELECT i % 7 AS g, (i * 7919) % 10007 AS k, 'v' || i AS v
  FROM generate_series(1, 10000) i;
ANALYZE pagg;
CREATE TEMP TABLE pagg_serial AS
  SELECT g, prisma_agg(p, p.k)::text AS j FROM pagg p GROUP BY g;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT g, prisma_agg(p, p.k) FROM pagg p GROUP BY g;
SELECT count(*) AS groups, bool_and(s.j = q.j) AS same_as_serial
  FROM pagg_serial s JOIN (SELECT g, prisma_agg(p, p.k)::text AS j FROM pagg p GROUP BY g) q USING (g);
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET enable_hashagg;

-- key types without hashing (prisma_key_in) or ordering (prisma_agg) are refused
\set VERBOSITY terse
SAVEPOINT s;
SELECT prisma_key_in(point(1, 1), ARRAY[point(1, 1)]);
ROLLBACK TO s;
SELECT prisma_agg(r, r.p) FROM (SELECT point(1, 1) AS p) r;
ROLLBACK;
