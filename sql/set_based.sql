-- Building blocks of set-based relation reads: prisma_key_in(key, keys)
-- with its planner support, and prisma_group_sorted(key, sort key, names,
-- values...) / prisma_group(key, names, values...) with
-- prisma_group_get(groups, key): objects grouped by key, each group in
-- sort-key order whatever the input order (or in input order).
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
-- integer keys are hashed and compared as integers: int2, int8, negative
-- and large values, a domain over int4 (the general path)
CREATE DOMAIN pg_temp.small_id AS int4;
SELECT count(*) FILTER (WHERE prisma_key_in(i::int2, ARRAY(SELECT (j * 7 - 300)::int2
         FROM generate_series(1, 100) j))) AS int2_hits,
       count(*) FILTER (WHERE prisma_key_in(i::int8 * 4294967296, ARRAY(SELECT j::int8 * 4294967296
         FROM generate_series(-50, 50, 5) j))) AS int8_hits,
       count(*) FILTER (WHERE prisma_key_in(i::pg_temp.small_id, ARRAY[-3, 5, 7]::pg_temp.small_id[])) AS domain_hits
  FROM generate_series(-300, 400) i;
-- the same array on many rows (the hash table is built once per call site)
SELECT count(*) FILTER (WHERE prisma_key_in(i, ARRAY(SELECT generate_series(1, 1000, 3)))) AS hits
  FROM generate_series(1, 1000) i;
-- repeated keys are stored once: 300000 copies of two keys (as the parents
-- below a to-one level give) build in linear time, where a slot per copy
-- made every insert walk the chain of the copies before it (200000 int
-- copies took 12.8 s that way, so 300000 about 29 s)
SET statement_timeout = '10s';
SELECT count(*) FILTER (WHERE prisma_key_in(i, ARRAY(SELECT 1 + j % 2 FROM generate_series(1, 300000) j))) AS int_hits,
       count(*) FILTER (WHERE prisma_key_in(i::text, ARRAY(SELECT (1 + j % 2)::text FROM generate_series(1, 300000) j))) AS text_hits
  FROM generate_series(0, 3) i;
RESET statement_timeout;
-- the table grows with the distinct keys: 30000 of them, each three times,
-- integers and texts (copied into the table: it keeps no pointer into the
-- array), every one found and no other
SELECT count(*) FILTER (WHERE prisma_key_in(i, ARRAY(SELECT j % 30000 * 2 FROM generate_series(1, 90000) j))) AS int_hits,
       count(*) FILTER (WHERE prisma_key_in(i::text, ARRAY(SELECT (j % 30000 * 2)::text FROM generate_series(1, 90000) j))) AS text_hits
  FROM generate_series(-10, 60010) i;

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
-- (the plan with the InitPlan's value named <keys>: PostgreSQL prints it $0
-- before release 17, (InitPlan 1).col1 from 17 on)
CREATE FUNCTION pg_temp.plan(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE line text;
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
        RETURN NEXT regexp_replace(regexp_replace(line, ' \(returns \$0\)$', ''),
                                   '\$0|\(InitPlan 1\)\.col1', '<keys>', 'g');
    END LOOP;
END $$;
SELECT pg_temp.plan('SELECT * FROM link WHERE prisma_key_in(a, ARRAY(SELECT generate_series(1, 100)))');
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
-- a scan filtered by prisma_key_in stays in one process (PARALLEL
-- RESTRICTED: docs/design.md, "Parallel workers"), even where workers cost
-- the planner nothing; prisma_key_in_parallel, the same test, may be
-- shared by workers; the compiler uses the twin with prisma_compile.parallel on
SELECT proname, proparallel FROM pg_proc
  WHERE proname IN ('prisma_key_in', 'prisma_key_in_parallel') ORDER BY 1;
-- (a plain table: a temporary one is never scanned in parallel)
CREATE TABLE keyscan AS SELECT i AS b FROM generate_series(1, 20000) i;
ANALYZE keyscan;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT pg_temp.plan('SELECT count(*) FROM keyscan WHERE prisma_key_in(b, ARRAY(SELECT generate_series(1, 100)))');
SELECT pg_temp.plan('SELECT count(*) FROM keyscan WHERE prisma_key_in_parallel(b, ARRAY(SELECT generate_series(1, 100)))');
SELECT count(*) FROM keyscan WHERE prisma_key_in_parallel(b, ARRAY(SELECT generate_series(1, 100)));
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- prisma_group_sorted(key, sort key, names, values...): each group in
-- sort-key order (ascending, nulls last), equal sort keys in input order;
-- rows without a key belong to no group; a key with no group, a null key
-- and null groups give '[]'
CREATE TEMP VIEW grp AS
  SELECT prisma_group_sorted(r.k, r.s, '{k,s,v}', r.k, r.s, r.v) AS g FROM (VALUES
    (1, 3, 'c'), (2, 9, 'x'), (1, 1, 'a'), (1, NULL, 'n'), (1, 2, 'b1'), (1, 2, 'b2'),
    (NULL, 1, 'orphan')) r(k, s, v);
SELECT g FROM grp;
WITH x AS MATERIALIZED (SELECT g FROM grp)
SELECT k, prisma_group_get(g, k) FROM x, (VALUES (1), (2), (3), (NULL)) v(k);
SELECT prisma_group_get(NULL::prisma_groups, 1);
SELECT prisma_group_get(prisma_group_sorted(r.k, r."__s", '{k,name}', r.k, r.name), 'p'::text) FROM
  (SELECT 'p'::text AS k, 'b' AS name, 'y'::text AS "__s" UNION ALL SELECT 'p', 'a', 'x') r;
-- no rows: no groups
SELECT g, prisma_group_get(g, 1) FROM (SELECT prisma_group_sorted(r.k, r.k, '{k}', r.k) AS g
  FROM (SELECT 1 AS k WHERE false) r) x;
-- prisma_group, without a sort key: input order
SELECT prisma_group_get(prisma_group(r.k, '{k,s}', r.k, r.s), 1) FROM
  (SELECT * FROM (VALUES (1, 3), (1, 1), (2, 5), (1, 2)) v(k, s) ORDER BY s DESC) r;
-- keys passed by reference (text, uuid) and many groups
SELECT count(*) AS keys, bool_and(prisma_group_get(g.g, 'k' || n)::text =
       (SELECT prisma_agg(r ORDER BY r.i) FROM (SELECT 'k' || (j % 500) AS k, j AS i
          FROM generate_series(1, 3000) j) r WHERE r.k = 'k' || n)::text) AS same
  FROM generate_series(0, 499) n,
       (SELECT prisma_group_sorted(r.k, r.i, '{k,i}', r.k, r.i) AS g FROM (SELECT 'k' || (j % 500) AS k, j AS i
          FROM generate_series(3000, 1, -1) j) r) g;
-- int8 keys, negative and beyond 32 bits (the upper half is hashed too)
SELECT count(*) AS keys, bool_and(prisma_group_get(g.g, n::int8 << 32)::text =
       (SELECT prisma_agg(r ORDER BY r.i) FROM (SELECT ((j % 200) - 100)::int8 << 32 AS k, j AS i
          FROM generate_series(1, 2000) j) r WHERE r.k = n::int8 << 32)::text) AS same
  FROM generate_series(-100, 99) n,
       (SELECT prisma_group_sorted(r.k, r.i, '{k,i}', r.k, r.i) AS g FROM (SELECT ((j % 200) - 100)::int8 << 32 AS k, j AS i
          FROM generate_series(2000, 1, -1) j) r) g;
SELECT prisma_group_get(prisma_group_sorted(r.k, r.n, '{k,n}', r.k, r.n), 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid)
  FROM (VALUES ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, 2),
               ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, 1)) r(k, n);

-- in parallel workers: partial states are serialized, combined, then sorted
CREATE TABLE pagg AS SELECT i % 7 AS g, (i * 7919) % 10007 AS k, 'v' || i AS v
  FROM generate_series(1, 10000) i;
ANALYZE pagg;
CREATE TEMP TABLE pagg_serial AS
  SELECT g, prisma_group_get((SELECT prisma_group_sorted(p.g, p.k, '{g,k,v}', p.g, p.k, p.v)
                               FROM pagg p), g)::text AS j
  FROM generate_series(0, 7) g;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT prisma_group_sorted(p.g, p.k, '{g,k,v}', p.g, p.k, p.v) FROM pagg p;
SELECT count(*) AS groups, bool_and(s.j = q.j) AS same_as_serial, min(length(q.j)) > 2 AS filled
  FROM pagg_serial s JOIN (SELECT g, prisma_group_get((SELECT prisma_group_sorted(p.g, p.k, '{g,k,v}', p.g, p.k, p.v)
                                                       FROM pagg p), g)::text AS j
  FROM generate_series(0, 6) g) q USING (g);
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- key types without hashing (prisma_key_in, prisma_group) or ordering (the
-- sort key) are refused; groups are looked up with keys of their type;
-- groups cannot be written as text
\set VERBOSITY terse
SAVEPOINT s;
SELECT prisma_key_in(point(1, 1), ARRAY[point(1, 1)]);
ROLLBACK TO s;
SELECT prisma_group(r.p, '{p}', r.p) FROM (SELECT point(1, 1) AS p) r;
ROLLBACK TO s;
SELECT prisma_group_sorted(1, r.p, '{p}', r.p) FROM (SELECT point(1, 1) AS p) r;
ROLLBACK TO s;
SELECT prisma_group_get(g, 1::bigint) FROM grp;
ROLLBACK TO s;
SELECT 'x'::prisma_groups;
ROLLBACK TO s;
-- prisma_group_take: the group's array, once.  Groups spread over many
-- blocks (8 kB doubling to 256 kB), interleaved, taken in another order than their rows came:
-- the arrays prisma_group_get reads; a second take of a group and a get
-- after a take fail (its blocks may be freed), a key without a group is
-- '[]' every time
CREATE TEMP TABLE tk AS
  SELECT j % 300 AS k, j AS i, repeat('x', 200 + j % 50) AS pad FROM generate_series(1, 6000) j;
SELECT count(*) AS keys, bool_and(t.a::text = g.a::text) AS same, min(length(t.a::text)) AS shortest
  FROM (SELECT n, prisma_group_take((SELECT prisma_group_sorted(r.k, -r.i, '{k,i,pad}', r.k, r.i, r.pad)
                                      FROM tk r), n) AS a
          FROM (SELECT n FROM generate_series(-5, 304) n ORDER BY n % 7, n DESC) o) t
  JOIN (SELECT n, prisma_group_get((SELECT prisma_group_sorted(r.k, -r.i, '{k,i,pad}', r.k, r.i, r.pad)
                                     FROM tk r), n) AS a
          FROM generate_series(-5, 304) n) g USING (n);
SELECT n, prisma_group_take(g, n) FROM grp, (VALUES (3), (3), (NULL)) v(n);
SELECT n, prisma_group_take(g, n) FROM grp, (VALUES (2), (1), (2)) v(n);
ROLLBACK TO s;
SELECT prisma_group_take(g, 1) IS NOT NULL AS taken, prisma_group_get(g, 1) FROM grp;
ROLLBACK TO s;
-- a prisma_groups value lives only as long as the aggregate that built it
CREATE TEMP TABLE kept AS SELECT g FROM grp;
SELECT g FROM kept;
SELECT prisma_group_get(g, 1) FROM kept;
ROLLBACK;
