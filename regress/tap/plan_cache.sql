-- Property checks of the plan cache: one kept plan per query shape, values
-- as parameters, plans dropped on schema reload, prepared again after DDL,
-- the same whatever the search_path, bounded by prisma_compile.plan_cache_size.
\set QUIET on
BEGIN;
\i regress/setup_tap.sql

-- counters now, counters at the last mark, and the change since
CREATE TEMP TABLE snap (s jsonb);
CREATE FUNCTION pg_temp.st(k text) RETURNS int LANGUAGE sql AS $$
  SELECT (prisma_plan_cache_stats()->>k)::int
$$;
CREATE FUNCTION pg_temp.mark() RETURNS void LANGUAGE sql AS $$
  DELETE FROM pg_temp.snap; INSERT INTO pg_temp.snap SELECT prisma_plan_cache_stats()::jsonb
$$;
CREATE FUNCTION pg_temp.at_mark(k text) RETURNS int LANGUAGE sql AS $$
  SELECT (s->>k)::int FROM pg_temp.snap
$$;
CREATE FUNCTION pg_temp.delta(k text) RETURNS int LANGUAGE sql AS $$
  SELECT pg_temp.st(k) - pg_temp.at_mark(k)
$$;
-- a Category row as Prisma returns it, built by hand
CREATE FUNCTION pg_temp.cat(cid int) RETURNS jsonb LANGUAGE sql AS $$
  SELECT jsonb_build_object('id', id, 'name', name, 'slug', slug) FROM "Category" WHERE id = cid
$$;

SELECT plan(53);

SELECT is(pg_temp.st('entries'), 0, 'no plans after loading the schema');

-- the same shape with other values: one plan -------------------------------------
SELECT pg_temp.mark() \g /dev/null
SELECT is(prisma_query('Category', 'findUnique', '{"where": {"id": 1}}')::jsonb, pg_temp.cat(1), 'first value: right row');
SELECT is(prisma_query('Category', 'findUnique', '{"where": {"id": 2}}')::jsonb, pg_temp.cat(2), 'second value: right row');
SELECT is(prisma_query('{"model": "Category", "operation": "findUnique", "args": {"where": {"id": 3}}}')::jsonb, pg_temp.cat(3),
          'packed form: right row');
SELECT is(pg_temp.delta('entries'), 1, 'same shape, three values: one entry');
SELECT is(pg_temp.delta('misses'), 1, 'same shape: one miss');
SELECT is(pg_temp.delta('hits'), 2, 'same shape: then hits');

-- take and skip are values too ------------------------------------------------------
SELECT pg_temp.mark() \g /dev/null
SELECT is(prisma_query('User', 'findMany', '{"take": 2, "skip": 1, "select": {"id": true}}')::jsonb,
          (SELECT jsonb_agg(jsonb_build_object('id', id) ORDER BY id) FROM (SELECT id FROM users ORDER BY id OFFSET 1 LIMIT 2) s),
          'take 2 skip 1');
SELECT is(prisma_query('User', 'findMany', '{"take": 5, "skip": 20, "select": {"id": true}}')::jsonb,
          (SELECT jsonb_agg(jsonb_build_object('id', id) ORDER BY id) FROM (SELECT id FROM users ORDER BY id OFFSET 20 LIMIT 5) s),
          'take 5 skip 20');
SELECT is(prisma_query('User', 'findMany', '{"take": 3, "skip": 29, "select": {"id": true}}')::jsonb, '[{"id": 30}]'::jsonb,
          'skip near the end');
SELECT is(pg_temp.delta('entries'), 1, 'take/skip values share one plan');
SELECT is(pg_temp.delta('hits'), 2, 'take/skip values: hits');

-- another shape is another entry --------------------------------------------------
SELECT pg_temp.mark() \g /dev/null
SELECT is(prisma_query('Category', 'findUnique', '{"where": {"name": "Tech"}}')::jsonb, pg_temp.cat(2), 'other shape: right row');
SELECT is(pg_temp.delta('entries'), 1, 'another where field: a new entry');
SELECT is(prisma_query('Category', 'findUnique', '{"where": {"id": 4}, "select": {"id": true}}')::jsonb, '{"id": 4}'::jsonb,
          'a select: right row');
SELECT is(pg_temp.delta('entries'), 2, 'another selection: a new entry');
SELECT is(pg_temp.delta('hits'), 0, 'new shapes do not hit');

-- prisma_load_schema drops every plan -------------------------------------------
SELECT ok(pg_temp.st('entries') > 0, 'plans are cached before the reload');
SELECT ok(prisma_load_schema(:'s') IS NOT NULL, 'the same schema reloaded');
SELECT ok(pg_temp.st('entries') > 0, 'plans are kept after loading the same schema');
SELECT ok(prisma_load_schema(:'s' || E'\n// changed') IS NOT NULL, 'another schema loaded');
-- this backend drops its plans at once; other backends on their next query
SELECT is(pg_temp.st('entries'), 0, 'no plans after a reload');
SELECT pg_temp.mark() \g /dev/null
SELECT is(prisma_query('Category', 'findUnique', '{"where": {"id": 1}}')::jsonb, pg_temp.cat(1), 'after a reload: right row');
SELECT is(pg_temp.st('entries'), 1, 'after a reload, one query: one entry');
SELECT is(pg_temp.delta('misses'), 1, 'a shape cached before the reload misses');

-- the caller's search_path changes nothing: same table, same plan --------------------
CREATE SCHEMA other;
CREATE TABLE other."Category" (LIKE public."Category");
INSERT INTO other."Category" VALUES (1, 'Other news', 'other-news');
-- CREATE SCHEMA resets PostgreSQL's plan cache: replan once before counting
SELECT is(prisma_query('Category', 'findUnique', '{"where": {"id": 1}}')::jsonb, pg_temp.cat(1), 'default search_path: public table');
SELECT pg_temp.mark() \g /dev/null
SET LOCAL search_path = other, public;
SELECT is(prisma_query('Category', 'findUnique', '{"where": {"id": 1}}')::jsonb,
          '{"id": 1, "name": "News", "slug": "news"}'::jsonb, 'a table earlier on the search_path is not the model''s');
SELECT is(pg_temp.delta('entries'), 0, 'another search_path: no separate entry');
SELECT is(pg_temp.delta('misses'), 0, 'another search_path: a hit');
RESET search_path;
SELECT is(prisma_query('Category', 'findUnique', '{"where": {"id": 1}}')::jsonb, pg_temp.cat(1), 'back to the default search_path');
SELECT is(pg_temp.delta('hits'), 2, 'the default search_path reuses the plan');
SELECT is(pg_temp.delta('entries'), 0, 'and adds no entry');

-- plan_cache_size bounds the entries --------------------------------------------
SET LOCAL prisma_compile.plan_cache_size = 2;
SELECT pg_temp.mark() \g /dev/null
SELECT is(prisma_query('Post', 'findFirst', '{"where": {"id": 5}, "select": {"id": true}}')::jsonb, '{"id": 5}'::jsonb, 'bounded: shape 1');
SELECT is(prisma_query('Post', 'findFirst', '{"where": {"id": 6}, "select": {"title": true}}')::jsonb,
          (SELECT jsonb_build_object('title', title) FROM "Post" WHERE id = 6), 'bounded: shape 2');
SELECT is(prisma_query('Post', 'count', '{"where": {"published": true}}')::text::int,
          (SELECT count(*)::int FROM "Post" WHERE published), 'bounded: shape 3');
SELECT is(pg_temp.st('entries'), 2, 'entries stay within plan_cache_size');
SELECT is(pg_temp.at_mark('entries') + 3 - pg_temp.delta('evictions'), 2, 'entries + misses - evictions = entries');
SELECT is(prisma_query('Post', 'findFirst', '{"where": {"id": 7}, "select": {"id": true}}')::jsonb, '{"id": 7}'::jsonb,
          'an evicted shape still answers right');
SELECT is(pg_temp.delta('misses'), 4, 'the least recently used shape was evicted: a miss');
RESET prisma_compile.plan_cache_size;

-- generic_plans on and off give the same results --------------------------------------
SELECT is(ARRAY(SELECT prisma_query('User', 'count', json_build_object('where', json_build_object('karma', json_build_object('gt', k))))::text::int
                FROM generate_series(-20, 110, 10) AS k ORDER BY k),
          ARRAY(SELECT (SELECT count(*)::int FROM users WHERE karma > k) FROM generate_series(-20, 110, 10) AS k ORDER BY k),
          'generic_plans on: 14 values, right counts');
SET LOCAL prisma_compile.generic_plans = off;
SELECT is(ARRAY(SELECT prisma_query('User', 'count', json_build_object('where', json_build_object('karma', json_build_object('gt', k))))::text::int
                FROM generate_series(-20, 110, 10) AS k ORDER BY k),
          ARRAY(SELECT (SELECT count(*)::int FROM users WHERE karma > k) FROM generate_series(-20, 110, 10) AS k ORDER BY k),
          'generic_plans off: 14 values, right counts');
SELECT is(ARRAY(SELECT prisma_query('Post', 'findFirst', json_build_object('where', json_build_object('authorId', a), 'orderBy', '{"id": "desc"}'::json, 'select', '{"id": true}'::json))->>'id'
                FROM generate_series(1, 12) AS a ORDER BY a),
          ARRAY(SELECT (SELECT max(id)::text FROM "Post" WHERE "authorId" = a) FROM generate_series(1, 12) AS a ORDER BY a),
          'generic_plans off: findFirst for 12 authors');
RESET prisma_compile.generic_plans;

-- values never reach the SQL text --------------------------------------------------
SELECT unalike(prisma_compile('{"model": "User", "operation": "findMany", "args": {"where": {"name": "zzz-marker"}, "take": 17}}'),
              '%zzz-marker%', 'a string value is not in the SQL');
SELECT doesnt_match(prisma_compile('{"model": "User", "operation": "findMany", "args": {"where": {"name": "zzz-marker"}, "take": 17}}'),
                    '(^|[^$0-9])17([^0-9]|$)', 'take 17 is not in the SQL');
SELECT matches(prisma_compile('{"model": "User", "operation": "findMany", "args": {"where": {"name": "zzz-marker"}, "take": 17}}'),
               '\$2', 'the values are placeholders');
SELECT unalike(prisma_compile('{"model": "Post", "operation": "findMany", "args": {"where": {"author": {"is": {"email": {"contains": "it''s-yyy"}}}}, "skip": 987654, "include": {"comments": {"where": {"text": "qqq-inner"}, "take": 4321}}}}'),
              '%yyy%', 'a nested string value is not in the SQL');
SELECT doesnt_match(prisma_compile('{"model": "Post", "operation": "findMany", "args": {"where": {"author": {"is": {"email": {"contains": "it''s-yyy"}}}}, "skip": 987654, "include": {"comments": {"where": {"text": "qqq-inner"}, "take": 4321}}}}'),
                    '987654|4321|qqq-inner', 'nested take, skip and where values are not in the SQL');

-- DDL on a table of a plan: prepared again -------------------------------------------
SELECT is(prisma_query('Category', 'findUnique', '{"where": {"id": 2}}')::jsonb, pg_temp.cat(2), 'before DDL');
SELECT pg_temp.mark() \g /dev/null
ALTER TABLE "Category" ADD COLUMN extra integer DEFAULT 7;
SELECT is(prisma_query('Category', 'findUnique', '{"where": {"id": 2}}')::jsonb, pg_temp.cat(2),
          'a new column outside the schema does not show');
SELECT is(pg_temp.delta('replans'), 1, 'ALTER TABLE: the next call replans');
SELECT is(pg_temp.delta('entries'), 0, 'a replan keeps the entry');
-- the column "name" is now another column: the plan reads the new one
ALTER TABLE "Category" RENAME COLUMN name TO old_name;
ALTER TABLE "Category" ADD COLUMN name text;
UPDATE "Category" SET name = 'renamed ' || id;
SELECT is(prisma_query('Category', 'findUnique', '{"where": {"id": 2}}')::jsonb,
          '{"id": 2, "name": "renamed 2", "slug": "tech"}'::jsonb, 'after a column swap the result has the new column');
SELECT is(pg_temp.delta('replans'), 2, 'the column swap replans too');

SELECT * FROM finish();
ROLLBACK;
