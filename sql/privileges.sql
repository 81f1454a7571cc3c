-- The caller's privileges and row-level security apply to every table a
-- query touches, through every path (per-row and set-based reads,
-- includes, relation filters, _count, aggregates); plans kept in one
-- backend never carry one role's rights over to another.
BEGIN;
\i regress/setup_kitchen_sink.sql
\set VERBOSITY terse

-- the SQLSTATE of a query, or its result
CREATE FUNCTION try(q json) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RETURN prisma_query(q)::text;
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ' ' || SQLERRM;
END $$;
GRANT EXECUTE ON FUNCTION try(json) TO PUBLIC;

-- pc_reader may read users, Category and Comment; not Post, not the join table
CREATE ROLE pc_reader;
GRANT SELECT ON users, "Category", "Comment" TO pc_reader;
SET ROLE pc_reader;
SELECT try('{"model": "User", "operation": "findUnique", "args": {"where": {"id": 1}, "select": {"id": true}}}');
-- every path into Post is refused
SELECT try('{"model": "Post", "operation": "findMany", "args": {"take": 1}}');
SELECT try('{"model": "Post", "operation": "findMany"}');
SELECT try('{"model": "User", "operation": "findUnique", "args": {"where": {"id": 1}, "include": {"posts": true}}}');
SELECT try('{"model": "User", "operation": "findMany", "args": {"include": {"posts": true}}}');
SELECT try('{"model": "User", "operation": "findMany", "args": {"take": 2, "include": {"posts": {"take": 1}}}}');
SELECT try('{"model": "Comment", "operation": "findMany", "args": {"take": 1, "include": {"post": true}}}');
SELECT try('{"model": "User", "operation": "findMany", "args": {"where": {"posts": {"some": {"published": true}}}, "select": {"id": true}}}');
SELECT try('{"model": "User", "operation": "findMany", "args": {"where": {"posts": {"none": {}}}, "select": {"id": true}}}');
SELECT try('{"model": "Comment", "operation": "count", "args": {"where": {"post": {"is": {"published": true}}}}}');
SELECT try('{"model": "User", "operation": "findMany", "args": {"take": 1, "select": {"id": true, "_count": {"select": {"posts": true}}}}}');
SELECT try('{"model": "User", "operation": "findMany", "args": {"take": 1, "orderBy": {"posts": {"_count": "desc"}}, "select": {"id": true}}}');
SELECT try('{"model": "Post", "operation": "count"}');
SELECT try('{"model": "Post", "operation": "aggregate", "args": {"_count": {"_all": true}}}');
SELECT try('{"model": "Post", "operation": "groupBy", "args": {"by": ["status"], "_count": true}}');
-- the join table of Category.posts is refused even with Post granted
RESET ROLE;
GRANT SELECT ON "Post" TO pc_reader;
SET ROLE pc_reader;
SELECT try('{"model": "Category", "operation": "findUnique", "args": {"where": {"id": 1}, "include": {"posts": true}}}');
SELECT try('{"model": "Category", "operation": "findMany", "args": {"include": {"posts": {"select": {"id": true}}}}}');
SELECT try('{"model": "Category", "operation": "findMany", "args": {"where": {"posts": {"some": {}}}, "select": {"id": true}}}');
SELECT try('{"model": "Post", "operation": "findMany", "args": {"take": 1, "select": {"id": true}}}');
RESET ROLE;

-- column privileges on per-row reads: the columns a query names suffice
CREATE ROLE pc_columns;
GRANT SELECT (id, email) ON users TO pc_columns;
SET ROLE pc_columns;
SELECT try('{"model": "User", "operation": "findUnique", "args": {"where": {"id": 1}, "select": {"id": true, "email": true}}}');
SELECT try('{"model": "User", "operation": "findFirst", "args": {"where": {"email": {"startsWith": "a"}}, "select": {"email": true}}}');
SELECT try('{"model": "User", "operation": "findUnique", "args": {"where": {"id": 1}, "select": {"id": true, "name": true}}}');
SELECT try('{"model": "User", "operation": "findFirst", "args": {"where": {"karma": 0}, "select": {"id": true}}}');
RESET ROLE;

-- row-level security: prisma_query sees exactly the rows plain SQL sees
GRANT SELECT ON ALL TABLES IN SCHEMA public TO pc_reader;
ALTER TABLE "Post" ENABLE ROW LEVEL SECURITY;
CREATE POLICY published_or_own ON "Post" TO pc_reader
  USING (published OR "authorId" = current_setting('pc.uid', true)::int);
ALTER TABLE "Comment" ENABLE ROW LEVEL SECURITY;
CREATE POLICY short_comments ON "Comment" TO pc_reader USING (length(text) < 20);
SET ROLE pc_reader;
SET pc.uid = '3';
-- counts
SELECT prisma_query('Post', 'count')::text AS visible, (SELECT count(*) FROM "Post") AS plain;
-- per-row and set-based lists, includes and relation filters, against plain SQL
SELECT prisma_query('Post', 'findMany', '{"select": {"id": true}}')::jsonb
  = (SELECT jsonb_agg(jsonb_build_object('id', id) ORDER BY id) FROM "Post") AS same_ids;
SELECT prisma_query('User', 'findMany', '{"select": {"id": true, "posts": {"select": {"id": true}}}}')::jsonb
  = (SELECT jsonb_agg(jsonb_build_object('id', u.id, 'posts',
        coalesce((SELECT jsonb_agg(jsonb_build_object('id', p.id) ORDER BY p.id) FROM "Post" p WHERE p."authorId" = u.id), '[]'))
        ORDER BY u.id) FROM users u) AS same_set_based;
SELECT prisma_query('User', 'findMany', '{"take": 5, "select": {"id": true, "posts": {"select": {"id": true}}}}')::jsonb
  = (SELECT jsonb_agg(x.o ORDER BY x.id) FROM (SELECT u.id, jsonb_build_object('id', u.id, 'posts',
        coalesce((SELECT jsonb_agg(jsonb_build_object('id', p.id) ORDER BY p.id) FROM "Post" p WHERE p."authorId" = u.id), '[]')) AS o
        FROM users u ORDER BY u.id LIMIT 5) x) AS same_per_row;
SELECT prisma_query('User', 'findMany', '{"where": {"posts": {"some": {}}}, "orderBy": {"id": "asc"}, "select": {"id": true}}')::jsonb
  = (SELECT jsonb_agg(jsonb_build_object('id', u.id) ORDER BY u.id) FROM users u
     WHERE EXISTS (SELECT 1 FROM "Post" p WHERE p."authorId" = u.id)) AS same_relation_filter;
SELECT prisma_query('User', 'findMany', '{"select": {"id": true, "_count": {"select": {"posts": true, "comments": true}}}}')::jsonb
  = (SELECT jsonb_agg(jsonb_build_object('id', u.id, '_count', jsonb_build_object(
        'posts', (SELECT count(*) FROM "Post" p WHERE p."authorId" = u.id),
        'comments', (SELECT count(*) FROM "Comment" c WHERE c."authorId" = u.id))) ORDER BY u.id) FROM users u) AS same_count_relations;
SELECT prisma_query('Post', 'aggregate', '{"_count": {"_all": true}, "_sum": {"views": true}, "_max": {"id": true}}')::jsonb
  = (SELECT jsonb_build_object('_count', jsonb_build_object('_all', count(*)), '_sum', jsonb_build_object('views', sum(views)::text),
        '_max', jsonb_build_object('id', max(id))) FROM "Post") AS same_aggregate;
SELECT prisma_query('Post', 'groupBy', '{"by": ["published"], "_count": true, "orderBy": {"published": "asc"}}')::jsonb
  = (SELECT jsonb_agg(jsonb_build_object('published', published, '_count', n) ORDER BY published)
     FROM (SELECT published, count(*) AS n FROM "Post" GROUP BY published) g) AS same_group_by;
-- another value of the policy's setting: the same kept plans, other rows
SET pc.uid = '9';
SELECT prisma_query('Post', 'findMany', '{"select": {"id": true}}')::jsonb
  = (SELECT jsonb_agg(jsonb_build_object('id', id) ORDER BY id) FROM "Post") AS same_ids_other_user;
RESET ROLE;

-- SET ROLE between calls in one backend: no role reuses another's plan
SELECT prisma_query('Post', 'count') AS as_owner;
SET ROLE pc_reader;
SELECT prisma_query('Post', 'count') AS as_reader;
SET ROLE pc_columns;
SELECT try('{"model": "Post", "operation": "count"}') AS as_columns;
RESET ROLE;
SELECT prisma_query('Post', 'count') AS as_owner_again;
SET ROLE pc_columns;
SELECT try('{"model": "User", "operation": "findUnique", "args": {"where": {"id": 1}, "select": {"id": true, "email": true}}}');
RESET ROLE;
REVOKE SELECT (email) ON users FROM pc_columns;
SET ROLE pc_columns;
SELECT try('{"model": "User", "operation": "findUnique", "args": {"where": {"id": 1}, "select": {"id": true, "email": true}}}');
RESET ROLE;

-- SECURITY DEFINER: the definer's rights and policies inside, the caller's outside
CREATE ROLE pc_definer;
GRANT SELECT ON "Post" TO pc_definer;
CREATE POLICY definer_all ON "Post" TO pc_definer USING (true);
CREATE FUNCTION public.post_count() RETURNS json SECURITY DEFINER SET search_path = public LANGUAGE sql AS
  $$SELECT prisma_query('Post', 'count')$$;
ALTER FUNCTION public.post_count() OWNER TO pc_definer;
SET ROLE pc_columns;
SELECT post_count() AS through_definer;
SELECT try('{"model": "Post", "operation": "count"}') AS directly;
SELECT post_count() AS through_definer_again;
RESET ROLE;
ROLLBACK;
