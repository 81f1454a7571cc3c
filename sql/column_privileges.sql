-- Column privileges: a role granted SELECT on some columns can run any
-- query that names only those (and the keys its relations go through),
-- per-row or set-based; the compiled SQL selects only the columns it uses,
-- never tN.* (issue 14, item 5).  A query naming another column is refused.
BEGIN;
\i regress/setup_kitchen_sink.sql
CREATE ROLE prisma_columns_reader;
GRANT USAGE ON SCHEMA prisma_compile TO prisma_columns_reader;
GRANT SELECT ON prisma_compile.loaded_schema TO prisma_columns_reader;
GRANT SELECT (id, email) ON users TO prisma_columns_reader;
GRANT SELECT (id, title, "authorId") ON "Post" TO prisma_columns_reader;
GRANT SELECT ON "_CategoryToPost" TO prisma_columns_reader;
GRANT SELECT (id, name) ON "Category" TO prisma_columns_reader;
SET LOCAL ROLE prisma_columns_reader;

-- per row (take 1) and set-based (no take), the same columns
SELECT prisma_query('User', 'findMany', '{"take": 1, "select": {"id": true, "email": true}}');
SELECT prisma_query('User', 'findMany', '{"where": {"id": {"lt": 4}}, "select": {"email": true, "posts": {"select": {"title": true}}}}');
SELECT prisma_query('User', 'findMany', '{"where": {"id": {"lt": 4}}, "select": {"id": true, "_count": {"select": {"posts": true}}}}');
SELECT prisma_query('User', 'findMany', '{"where": {"id": {"lt": 4}}, "orderBy": [{"posts": {"_count": "desc"}}, {"id": "asc"}], "select": {"id": true}}');
-- per-parent paging, two levels, many-to-many
SELECT prisma_query('User', 'findMany', '{"where": {"id": {"lt": 4}}, "select": {"id": true, "posts": {"take": 1, "orderBy": {"title": "desc"}, "select": {"title": true, "categories": {"select": {"name": true}}}}}}');
-- distinct, and a relation filter
SELECT prisma_query('Post', 'findMany', '{"distinct": ["authorId"], "where": {"id": {"lt": 8}}, "select": {"id": true, "title": true}}');
SELECT prisma_query('User', 'count', '{"where": {"posts": {"some": {"title": {"startsWith": "A"}}}}}');
-- a column without the privilege: refused, whichever form reads it
\set VERBOSITY terse
SELECT prisma_query('User', 'findMany', '{"take": 1, "select": {"id": true, "name": true}}');
SELECT prisma_query('User', 'findMany', '{"select": {"id": true, "posts": {"select": {"body": true}}}}');
RESET ROLE;
-- the plan keeps to the columns: no tN.* in the set-based form
SELECT prisma_compile('{"model": "User", "operation": "findMany", "args": {"select": {"email": true, "posts": {"select": {"title": true}}}}}') LIKE '%.*%' AS selects_all;
ROLLBACK;
