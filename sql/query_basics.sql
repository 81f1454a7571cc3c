-- Operations, selection (select, include, omit) and the unpacked form.
BEGIN;
\i regress/setup_kitchen_sink.sql

-- findMany of a model returns every row, scalar fields in schema order
SELECT prisma_query('{"model": "Category", "operation": "findMany"}');
SELECT prisma_query('{"model": "Category", "operation": "findMany", "args": {}}');
SELECT prisma_query('{"model": "Category", "operation": "findMany", "args": null}');

-- findFirst: the first row in primary-key order, or null
SELECT prisma_query('{"model": "Category", "operation": "findFirst"}');
SELECT prisma_query('{"model": "Category", "operation": "findFirst", "args": {"where": {"name": "Tech"}}}');
SELECT prisma_query('{"model": "Category", "operation": "findFirst", "args": {"where": {"name": "nope"}}}');
SELECT prisma_query('{"model": "Category", "operation": "findFirst", "args": {"orderBy": {"name": "desc"}, "skip": 1}}');
SELECT prisma_query('{"model": "Category", "operation": "findFirstOrThrow", "args": {"where": {"slug": "tech"}}}');
SELECT prisma_query('{"model": "Category", "operation": "findFirstOrThrow", "args": {"where": {"slug": "nope"}}}');

-- findUnique by @id, @unique, @@id, @@unique (generated and given names)
SELECT prisma_query('{"model": "Category", "operation": "findUnique", "args": {"where": {"id": 2}}}');
SELECT prisma_query('{"model": "Category", "operation": "findUnique", "args": {"where": {"id": {"equals": 3}}}}');
SELECT prisma_query('{"model": "Category", "operation": "findUnique", "args": {"where": {"name": "日本"}}}');
SELECT prisma_query('{"model": "Category", "operation": "findUnique", "args": {"where": {"id": 99}}}');
SELECT prisma_query('{"model": "Team", "operation": "findUnique", "args": {"where": {"org_slug": {"org": "acme", "slug": "web"}}}}');
SELECT prisma_query('{"model": "Team", "operation": "findUnique", "args": {"where": {"org_name": {"org": "globex", "name": "Ops ''24"}}}}');
SELECT prisma_query('{"model": "Post", "operation": "findUnique", "args": {"where": {"authorTitle": {"authorId": 1, "title": "Second"}}, "select": {"id": true}}}');
-- a unique criterion with further filters
SELECT prisma_query('{"model": "Category", "operation": "findUnique", "args": {"where": {"id": 2, "name": "nope"}}}');
SELECT prisma_query('{"model": "Category", "operation": "findUniqueOrThrow", "args": {"where": {"id": 1}}}');
SELECT prisma_query('{"model": "Category", "operation": "findUniqueOrThrow", "args": {"where": {"id": 99}}}');

-- select picks fields; include adds relations; omit drops fields
SELECT prisma_query('{"model": "User", "operation": "findUnique", "args": {"where": {"id": 3}, "select": {"name": true, "email": true, "id": false}}}');
SELECT prisma_query('{"model": "User", "operation": "findUnique", "args": {"where": {"id": 3}, "omit": {"createdAt": true, "updatedAt": true, "email": false}}}');
SELECT prisma_query('{"model": "User", "operation": "findUnique", "args": {"where": {"id": 3}, "select": {"id": true, "profile": true, "manager": {"select": {"name": true}}}}}');
SELECT prisma_query('{"model": "User", "operation": "findUnique", "args": {"where": {"id": 8}, "include": {"profile": true, "posts": true, "manager": {"omit": {"createdAt": true, "updatedAt": true}}}, "omit": {"createdAt": true, "updatedAt": true}}}');
SELECT prisma_query('{"model": "User", "operation": "findUnique", "args": {"where": {"id": 8}, "include": {"profile": false}, "select": null}}');

-- the unpacked form
SELECT prisma_query('Category', 'findUnique', '{"where": {"name": "100%"}}');
SELECT prisma_query('Category', 'findMany', '{"take": 2}');
SELECT prisma_query('Category', 'findFirst');

-- relationLoadStrategy is accepted and has no effect
SELECT prisma_query('Category', 'findFirst', '{"relationLoadStrategy": "join", "select": {"id": true}}');

-- prisma_compile shows the statement; values are parameters
SELECT prisma_compile('{"model": "Category", "operation": "findMany", "args": {"where": {"name": {"startsWith": "Te"}}, "take": 5, "select": {"id": true, "posts": {"select": {"title": true}}}}}');
-- without a small take, to-many relations are read for all parents at once
-- (set-based), and to-one relations inside them as joins
SELECT prisma_compile('{"model": "Category", "operation": "findMany", "args": {"where": {"name": {"startsWith": "Te"}}, "select": {"id": true, "posts": {"select": {"title": true, "editor": {"select": {"name": true}}}}}}}');
ROLLBACK;
