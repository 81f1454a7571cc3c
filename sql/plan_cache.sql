-- The plan cache: one kept plan per query shape, reused for new values,
-- dropped on schema reload, prepared again after DDL.
BEGIN;
\i regress/setup_kitchen_sink.sql

SELECT prisma_plan_cache_stats();
-- the same shape with other values reuses the plan
SELECT prisma_query('Category', 'findUnique', '{"where": {"id": 1}}');
SELECT prisma_query('Category', 'findUnique', '{"where": {"id": 2}}');
SELECT prisma_query('{"model": "Category", "operation": "findUnique", "args": {"where": {"id": 3}}}');
SELECT prisma_plan_cache_stats();
-- take and skip are parameters too
SELECT prisma_query('Category', 'findMany', '{"take": 1, "skip": 1, "select": {"id": true}}');
SELECT prisma_query('Category', 'findMany', '{"take": 2, "skip": 3, "select": {"id": true}}');
SELECT prisma_plan_cache_stats();
-- another shape is another plan; a negative take is another shape
SELECT prisma_query('Category', 'findMany', '{"take": -1, "select": {"id": true}}');
SELECT prisma_plan_cache_stats();
-- DDL on a table of the plan: prepared again on next use
ALTER TABLE "Category" ADD COLUMN extra integer;
SELECT prisma_query('Category', 'findUnique', '{"where": {"id": 4}}');
SELECT prisma_plan_cache_stats();
-- loading the same schema again keeps every plan
SELECT prisma_load_schema(:'ks_schema') IS NOT NULL AS reloaded;
SELECT prisma_query('Category', 'findUnique', '{"where": {"id": 5}}');
SELECT prisma_plan_cache_stats();
-- loading another schema drops every plan
SELECT prisma_load_schema(:'ks_schema' || E'\n// changed') IS NOT NULL AS reloaded;
SELECT prisma_query('Category', 'findUnique', '{"where": {"id": 5}}');
SELECT prisma_plan_cache_stats();
-- another search_path is the same plan (statements run under a fixed one)
SET LOCAL search_path = public, pg_temp;
SELECT prisma_query('Category', 'findUnique', '{"where": {"id": 5}}');
SELECT prisma_plan_cache_stats();
-- with prisma_compile.parallel on, a statement whose generic plan reads a
-- large table from end to end (at least min_parallel_table_scan_size) is
-- planned for each execution's values, with parallel workers encouraged;
-- here every table counts as large
SET LOCAL prisma_compile.parallel = on;
SET LOCAL min_parallel_table_scan_size = 0;
SELECT prisma_query('Category', 'findMany', '{"where": {"name": {"startsWith": "N"}}, "select": {"id": true}}');
SELECT prisma_query('Category', 'findMany', '{"where": {"name": {"startsWith": "E"}}, "select": {"id": true}}');
SELECT prisma_plan_cache_stats();
-- off (the default), it keeps its generic plan
SET LOCAL prisma_compile.parallel = off;
SELECT prisma_query('Category', 'findMany', '{"where": {"name": {"startsWith": "N"}}, "select": {"id": true}}');
SELECT prisma_plan_cache_stats();
RESET prisma_compile.parallel;
RESET min_parallel_table_scan_size;
-- the cache is bounded: the least recently used plan is evicted
SET LOCAL prisma_compile.plan_cache_size = 1;
SELECT prisma_query('Category', 'findFirst', '{"select": {"name": true}}');
SELECT prisma_plan_cache_stats();
ROLLBACK;

-- Which statements may use parallel workers (docs/design.md, "Plan
-- caching"): a view that shows the settings each statement runs with.  A
-- count or an aggregate runs with the session's settings over its rows as
-- an OFFSET 0 subquery (Prisma's statement: never aggregated in parallel,
-- a scan below may be); so do a groupBy and a findMany with a relation
-- filter; so does a set-based read, unless prisma_compile.parallel is on,
-- which encourages workers (min_parallel_table_scan_size 0).  No statement
-- may use Memoize unless prisma_compile.memoize is on.  Only a set-based
-- read runs with prisma_compile.work_mem.
BEGIN;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL min_parallel_table_scan_size = '8MB';
CREATE TABLE "Owner" (id int PRIMARY KEY);
INSERT INTO "Owner" SELECT generate_series(1, 3);
CREATE VIEW "Probe" AS
  SELECT o.id, o.id AS owner_id, o.id AS twin_id,
         current_setting('max_parallel_workers_per_gather') AS workers,
         current_setting('min_parallel_table_scan_size') AS scan_size,
         current_setting('enable_memoize') AS memoize,
         current_setting('work_mem') AS work_mem
    FROM "Owner" o;
SELECT prisma_load_schema($$
model Owner {
  id     Int     @id
  probes Probe[]
}
model Probe {
  id        Int    @id
  owner_id  Int
  owner     Owner  @relation(fields: [owner_id], references: [id])
  twin_id   Int
  twin      Probe  @relation("Twin", fields: [twin_id], references: [id])
  twins     Probe[] @relation("Twin")
  workers   String
  scan_size String
  memoize   String
  work_mem  String
}
$$) IS NOT NULL AS loaded;
SELECT prisma_query('Probe', 'count', '{"where": {"owner": {"is": {"id": {"gte": 2}}}}}');
SELECT prisma_query('Probe', 'aggregate', '{"where": {"owner": {"is": {"id": {"gte": 2}}}}, "_max": {"workers": true, "scan_size": true}}');
SELECT prisma_query('Probe', 'count', '{"where": {"workers": "2"}}');
-- also where the generic plan reads a large table from end to end
SET LOCAL min_parallel_table_scan_size = 0;
SELECT prisma_query('Probe', 'aggregate', '{"_max": {"workers": true, "scan_size": true}}');
SET LOCAL min_parallel_table_scan_size = '8MB';
SELECT prisma_query('Probe', 'groupBy', '{"by": ["workers", "scan_size"], "where": {"owner": {"is": {"id": {"gte": 2}}}}}');
SELECT prisma_query('Probe', 'findMany', '{"where": {"owner": {"is": {"id": 3}}}, "select": {"workers": true, "scan_size": true}}');
SELECT prisma_query('Owner', 'findMany', '{"where": {"id": 1}, "select": {"probes": {"select": {"workers": true, "scan_size": true}}}}');
SELECT prisma_compile('{"model": "Owner", "operation": "findMany", "args": {"where": {"id": 1}, "select": {"probes": {"select": {"workers": true}}}}}') LIKE 'WITH %' AS set_based;
SELECT prisma_query('Probe', 'findMany', '{"where": {"id": 1}, "select": {"memoize": true}}');
-- a read ordered by a grouped count, outside a set-based read, has the
-- session's settings too (Prisma's plan space)
SELECT prisma_query('Probe', 'findMany', '{"orderBy": [{"twins": {"_count": "desc"}}, {"id": "asc"}], "take": 1, "select": {"workers": true, "scan_size": true}}');
-- prisma_compile.work_mem applies to set-based reads and to a relation
-- test under OR or NOT without an index (a hashed SubPlan, which runs per
-- row when its keys outgrow work_mem) only
SET LOCAL work_mem = '4MB';
SELECT prisma_query('Probe', 'findMany', '{"where": {"OR": [{"twins": {"some": {"id": 3}}}, {"id": 0}]}, "select": {"work_mem": true}}');
SELECT prisma_query('Probe', 'findMany', '{"where": {"NOT": {"twins": {"some": {"id": 3}}, "id": 0}}, "select": {"work_mem": true}}');
-- (NOT of one test, a conjunct, is the opposite test: an anti-join)
SELECT prisma_query('Probe', 'findMany', '{"where": {"NOT": {"twins": {"some": {"id": 3}}}}, "select": {"work_mem": true}}');
SELECT prisma_query('Probe', 'findMany', '{"where": {"twins": {"some": {"id": 3}}}, "select": {"work_mem": true}}');
SELECT prisma_query('Probe', 'count', '{"where": {"work_mem": "4MB"}}');
SELECT prisma_query('Probe', 'findMany', '{"where": {"owner": {"is": {"id": 3}}}, "select": {"work_mem": true}}');
SELECT prisma_query('Owner', 'findMany', '{"where": {"id": 1}, "select": {"probes": {"select": {"work_mem": true}}}}');
SET LOCAL prisma_compile.parallel = on;
SELECT prisma_query('Owner', 'findMany', '{"where": {"id": 1}, "select": {"probes": {"select": {"workers": true, "scan_size": true}}}}');
-- with it on, the parents' keys are tested with the parallel-safe twin
-- of prisma_key_in (set_based.sql), so that workers may share the scan
SELECT prisma_compile('{"model": "Owner", "operation": "findMany", "args": {"where": {"id": 1}, "select": {"probes": {"select": {"workers": true}}}}}') ~ 'prisma_key_in_parallel\(' AS parallel_twin;
SET LOCAL prisma_compile.parallel = off;
SELECT prisma_compile('{"model": "Owner", "operation": "findMany", "args": {"where": {"id": 1}, "select": {"probes": {"select": {"workers": true}}}}}') ~ 'prisma_key_in\(' AS restricted_test;
SET LOCAL prisma_compile.parallel = on;
SET LOCAL prisma_compile.memoize = on;
SELECT prisma_query('Probe', 'findMany', '{"where": {"id": 1}, "select": {"memoize": true}}');
ROLLBACK;
