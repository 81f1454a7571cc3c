-- The per-backend copy of the schema: rebuilt only when the stored schema
-- changes (a model whose table changed is checked again alone); a model
-- that no longer fits the catalog fails alone, with a 42P17 that names it,
-- the field and the fix; loading the same schema again keeps every plan; a
-- read-only transaction (or a standby) cannot load one.
CREATE FUNCTION pg_temp.rebuilds() RETURNS bigint
	AS '$libdir/prisma_compile', 'prisma_schema_rebuilds' LANGUAGE C;
BEGIN;
\i regress/setup_kitchen_sink.sql
\set VERBOSITY default

SELECT prisma_query('User', 'findUnique', '{"where": {"id": 1}, "select": {"id": true}}');
SELECT pg_temp.rebuilds() AS r0 \gset
-- invalidations of relations the schema does not use: no rebuild
CREATE TEMP TABLE unrelated (a int);
CREATE TABLE unrelated2 (a int);
ALTER TABLE unrelated2 ADD COLUMN b int;
CREATE INDEX ON unrelated2 (b);
SELECT prisma_query('User', 'findUnique', '{"where": {"id": 1}, "select": {"id": true}}');
SELECT pg_temp.rebuilds() - :r0 AS rebuilds;
-- a table it uses: its model is checked again, no rebuild
ALTER TABLE "Category" ADD COLUMN extra int;
SELECT prisma_query('Category', 'findUnique', '{"where": {"id": 1}, "select": {"id": true}}');
SELECT prisma_query('Category', 'findUnique', '{"where": {"id": 1}, "select": {"id": true}}');
SELECT pg_temp.rebuilds() - :r0 AS rebuilds;

-- a column dropped: its model fails, the others answer
ALTER TABLE "Comment" DROP COLUMN "text";
SELECT prisma_query('Comment', 'findMany', '{"take": 1}');
SELECT prisma_query('User', 'findUnique', '{"where": {"id": 1}, "include": {"comments": true}}');
SELECT prisma_query('Post', 'count', '{"where": {"comments": {"some": {}}}}');
SELECT prisma_query('User', 'findUnique', '{"where": {"id": 1}, "select": {"id": true, "posts": {"select": {"id": true}}}}');
SELECT prisma_query('Category', 'count');
-- put back, it answers again
ALTER TABLE "Comment" ADD COLUMN "text" text NOT NULL DEFAULT 'x';
SELECT prisma_query('Comment', 'count');
-- renamed and retyped columns
ALTER TABLE "Category" RENAME COLUMN slug TO slug2;
SELECT prisma_query('Category', 'findFirst');
SELECT prisma_query('User', 'count');
ALTER TABLE "Category" RENAME COLUMN slug2 TO slug;
SAVEPOINT retyped;
ALTER TABLE "Sample" ALTER COLUMN "textOpt" TYPE integer USING 0;
SELECT prisma_query('Sample', 'count');
ROLLBACK TO retyped;
SELECT prisma_query('Category', 'count');
-- a table dropped, then created again (under a new oid)
SAVEPOINT dropped;
DROP TABLE "Profile";
SELECT prisma_query('User', 'findUnique', '{"where": {"id": 1}, "include": {"profile": true}}');
SELECT prisma_query('User', 'findUnique', '{"where": {"id": 1}, "select": {"email": true}}');
CREATE TABLE "Profile" (id serial PRIMARY KEY, bio text, avatar bytea, user_id integer NOT NULL);
SELECT prisma_query('User', 'findUnique', '{"where": {"id": 1}, "select": {"profile": true}}');
ROLLBACK TO dropped;
-- the join table of an implicit many-to-many: both sides fail, others answer
SAVEPOINT join_dropped;
DROP TABLE "_CategoryToPost";
SELECT prisma_query('Category', 'count');
SELECT prisma_query('Post', 'findFirst', '{"select": {"id": true}}');
SELECT prisma_query('User', 'count');
ROLLBACK TO join_dropped;
SELECT prisma_query('Category', 'findUnique', '{"where": {"id": 1}, "select": {"posts": {"select": {"id": true}, "take": 1}}}');

-- loading the same schema again: no rebuild, every plan kept
SELECT prisma_query('User', 'findUnique', '{"where": {"id": 2}, "select": {"id": true}}');
SELECT pg_temp.rebuilds() AS r1, (prisma_plan_cache_stats()->>'entries')::int AS e1 \gset
SELECT prisma_load_schema(:'ks_schema') IS NOT NULL AS loaded;
SELECT prisma_query('User', 'findUnique', '{"where": {"id": 3}, "select": {"id": true}}');
SELECT pg_temp.rebuilds() - :r1 AS rebuilds,
       (prisma_plan_cache_stats()->>'entries')::int = :e1 AS plans_kept;
-- another schema: a rebuild, plans dropped
SELECT prisma_load_schema(:'ks_schema' || E'\n// another text') IS NOT NULL AS loaded;
SELECT prisma_query('User', 'findUnique', '{"where": {"id": 3}, "select": {"id": true}}');
SELECT pg_temp.rebuilds() - :r1 AS rebuilds, prisma_plan_cache_stats()->>'entries' AS entries;
ROLLBACK;

-- a read-only transaction cannot load a schema (a standby says: load it on
-- the primary)
BEGIN READ ONLY;
SELECT prisma_load_schema('model A { id Int @id }');
ROLLBACK;
