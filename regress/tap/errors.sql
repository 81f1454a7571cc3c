-- Property checks of errors: each class of bad input raises its SQLSTATE and
-- a message naming the JSON path, and a failed query leaves the backend
-- usable (the next query answers, plans are still reused).
\set QUIET on
BEGIN;
\i regress/setup_tap.sql

-- a query that must keep working after every error
CREATE FUNCTION pg_temp.still_works() RETURNS boolean LANGUAGE sql AS $$
  SELECT prisma_query('Category', 'findUnique', '{"where": {"id": 3}, "select": {"slug": true}}')::jsonb = '{"slug": "cafe-culture"}'
$$;

SELECT plan(43);

SELECT ok(pg_temp.still_works(), 'a query works before any error');

-- document and operation
SELECT throws_ok($$SELECT prisma_query('{"model": "User", "operation": '::json)$$, '22P02', NULL, 'invalid JSON');
SELECT throws_ok($$SELECT prisma_query('[1, 2]')$$, '22023', 'query: expected an object, got an array', 'not an object');
SELECT throws_ok($$SELECT prisma_query('{"model": "Usr", "operation": "findMany"}')$$,
                 '42P01', 'model: unknown model "Usr"', 'unknown model');
SELECT throws_ok($$SELECT prisma_query('User', 'findAll')$$,
                 '42883', 'operation: unknown operation "findAll"', 'unknown operation');
SELECT throws_ok($$SELECT prisma_query('User', 'create', '{"data": {}}')$$,
                 '0A000', 'operation: operation create is a write, and writes are not supported', 'a write operation');
SELECT throws_ok($$SELECT prisma_query('User', 'findMany', '{"wher": {}}')$$,
                 '22023', 'args.wher: unknown argument "wher"', 'unknown argument');
SELECT ok(pg_temp.still_works(), 'works after argument errors');

-- fields and values
SELECT throws_ok($$SELECT prisma_query('User', 'findMany', '{"where": {"nam": "x"}}')$$,
                 '42703', 'args.where.nam: unknown field "nam" on model User', 'unknown field');
SELECT throws_ok($$SELECT prisma_query('User', 'findMany', '{"include": {"posts": {"where": {"titel": "x"}}}}')$$,
                 '42703', 'args.include.posts.where.titel: unknown field "titel" on model Post', 'unknown field in a nested where');
SELECT throws_ok($$SELECT prisma_query('User', 'findMany', '{"where": {"name": {"like": "x"}}}')$$,
                 '42883', 'args.where.name.like: unknown filter "like" on field name', 'unknown filter');
SELECT throws_ok($$SELECT prisma_query('User', 'findMany', '{"where": {"karma": "1"}}')$$,
                 '22023', 'args.where.karma: invalid value for field karma of type Int: expected an integer, got a string ''1''',
                 'wrong value type');
SELECT throws_ok($$SELECT prisma_query('User', 'findMany', '{"where": {"karma": 3000000000}}')$$,
                 '22003', 'args.where.karma: value 3000000000 is out of range for field karma of type Int', 'Int out of range');
SELECT throws_ok($$SELECT prisma_query('User', 'findMany', '{"where": {"id": {"in": [1, null]}}}')$$,
                 '22004', 'args.where.id.in[1]: null is not allowed in this list', 'null in a list');
SELECT throws_ok($$SELECT prisma_query('Post', 'findMany', '{"where": {"createdAt": "yesterday"}}')$$,
                 '22007', NULL, 'bad DateTime');
SELECT throws_ok($$SELECT prisma_query('User', 'findMany', '{"where": {"role": "OWNER"}}')$$,
                 '22023', 'args.where.role: invalid value "OWNER" for enum Role', 'unknown enum value');
SELECT throws_ok($$SELECT prisma_query('User', 'findMany', '{"where": {"posts": {"title": "x"}}}')$$,
                 '22023', 'args.where.posts: invalid filter on to-many relation posts', 'to-many filter without some/every/none');
SELECT throws_ok($$SELECT prisma_query('User', 'findUnique', '{"where": {"name": "Alice"}}')$$,
                 '22023', 'args.where: findUnique needs a where with a unique criterion of model User', 'findUnique without a unique field');
SELECT ok(pg_temp.still_works(), 'works after value errors');

-- selections
SELECT throws_ok($$SELECT prisma_query('User', 'findMany', '{"select": {"id": true}, "include": {"posts": true}}')$$,
                 '22023', 'args: select and include cannot be used together', 'select with include');
SELECT throws_ok($$SELECT prisma_query('User', 'findMany', '{"select": {"id": true}, "omit": {"name": true}}')$$,
                 '22023', 'args: select and omit cannot be used together', 'select with omit');
SELECT throws_ok($$SELECT prisma_query('User', 'findMany', '{"include": {"posts": {"select": {"id": true}, "include": {"author": true}}}}')$$,
                 '22023', 'args.include.posts: select and include cannot be used together', 'select with include, nested');
SELECT throws_ok($$SELECT prisma_query('User', 'findMany', '{"orderBy": {"email": {"sort": "asc", "nulls": "first"}}}')$$,
                 '22023', 'args.orderBy.email.nulls: field email is required and has no nulls to place', 'nulls on a required field');

-- *OrThrow
SELECT throws_ok($$SELECT prisma_query('Category', 'findFirstOrThrow', '{"where": {"slug": "nope"}}')$$,
                 'P0002', 'No Category found', 'findFirstOrThrow without a row');
SELECT throws_ok($$SELECT prisma_query('User', 'findUniqueOrThrow', '{"where": {"id": 99}}')$$,
                 'P0002', 'No User found', 'findUniqueOrThrow without a row');
SELECT is(prisma_query('Category', 'findUniqueOrThrow', '{"where": {"id": 1}, "select": {"name": true}}')::jsonb,
          '{"name": "News"}'::jsonb, 'findUniqueOrThrow with a row, same shape as a failed one');

-- limits
SET LOCAL prisma_compile.max_query_size = 1;
SELECT throws_ok(format($$SELECT prisma_query('User', 'findMany', %L)$$, '{"where": {"name": "' || repeat('x', 2000) || '"}}'),
                 '54000', NULL, 'a document over max_query_size');
RESET prisma_compile.max_query_size;
SET LOCAL prisma_compile.max_depth = 2;
SELECT throws_ok($$SELECT prisma_query('User', 'findFirst', '{"select": {"manager": {"select": {"manager": {"select": {"manager": true}}}}}}')$$,
                 '54000', 'args.select.manager.select.manager.select.manager: relations are nested more than 2 levels deep',
                 'relations nested deeper than max_depth');
RESET prisma_compile.max_depth;
SELECT ok(pg_temp.still_works(), 'works after limit errors');

-- the plan cache survives errors: the next call of a shape is a hit
SELECT ok(pg_temp.still_works(), 'warm the shape');
CREATE TEMP TABLE hits0 AS SELECT (prisma_plan_cache_stats()->>'hits')::int AS h;
SELECT throws_ok($$SELECT prisma_query('Category', 'findFirstOrThrow', '{"where": {"slug": "nope"}}')$$,
                 'P0002', 'No Category found', 'an error while executing a cached shape');
SELECT ok(pg_temp.still_works(), 'works after an execution error');
SELECT ok((prisma_plan_cache_stats()->>'hits')::int >= (SELECT h FROM hits0) + 2, 'cached plans are reused after errors');

-- privileges of the caller apply (SECURITY INVOKER)
CREATE ROLE prisma_tap_nobody;
SET LOCAL ROLE prisma_tap_nobody;
SELECT throws_ok($$SELECT prisma_query('User', 'findMany', '{"select": {"id": true}}')$$,
                 '42501', 'permission denied for table users', 'a table the caller may not read');
RESET ROLE;
SELECT ok(pg_temp.still_works(), 'works after a privilege error');

-- DDL that breaks the stored schema: the backend re-checks the schema
-- against the catalog and refuses the queries of that model until the
-- column is back; other models answer
SELECT ok(pg_temp.still_works(), 'the shape is cached');
ALTER TABLE "Category" DROP COLUMN slug;
SELECT throws_ok($$SELECT pg_temp.still_works()$$, '42P17',
                 'model Category cannot be queried: the database no longer matches the schema',
                 'a dropped column: the model no longer matches');
SELECT is(prisma_query('User', 'count')::text::int, 30, 'a dropped column: other models answer');
ALTER TABLE "Category" ADD COLUMN slug varchar(64) NOT NULL DEFAULT 'x';
SELECT is(prisma_query('Category', 'findUnique', '{"where": {"id": 3}}')::jsonb,
          '{"id": 3, "name": "Café & Culture", "slug": "x"}'::jsonb, 'the column back: queries answer, with the new column');

-- no schema loaded: the stored row is gone; the backend re-reads it on the
-- next relcache invalidation of the stored schema's table (a DELETE alone
-- sends none, so DDL on that table follows)
DELETE FROM prisma_compile.loaded_schema;
ALTER TABLE prisma_compile.loaded_schema ALTER COLUMN loaded_at SET DEFAULT now();
SELECT throws_ok($$SELECT prisma_query('User', 'count')$$, '55000', 'no Prisma schema is loaded', 'no schema loaded');
SELECT throws_ok($$SELECT prisma_query('User', 'count')$$, '55000', 'no Prisma schema is loaded', 'still none on the next call');
SELECT ok(prisma_load_schema(:'s') IS NOT NULL, 'a schema loads again');
SELECT is(prisma_query('User', 'count')::text::int, 30, 'and queries answer again');

SELECT * FROM finish();
ROLLBACK;
