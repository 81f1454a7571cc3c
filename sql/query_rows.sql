-- prisma_query_rows: the same reads as rows, one per top-level record of a
-- findMany; the single-value form's size limit (prisma_compile.max_result_size).
BEGIN;
\i regress/setup_kitchen_sink.sql

-- one row per record, in the order of the query, nested relations inside
SELECT * FROM prisma_query_rows('{"model": "Post", "operation": "findMany", "args": {"where": {"id": {"lte": 3}}, "orderBy": {"id": "desc"}, "select": {"id": true, "author": {"select": {"name": true}}, "comments": {"select": {"id": true}}}}}');
-- the rows are the elements of prisma_query's array, in order
SELECT (SELECT '[' || coalesce(string_agg(r::text, ','), '') || ']' FROM prisma_query_rows(q) r) = prisma_query(q)::text AS same
  FROM (VALUES ('{"model": "User", "operation": "findMany", "args": {"include": {"posts": {"select": {"id": true}}, "_count": true}}}'::json),
               ('{"model": "Post", "operation": "findMany", "args": {"take": 3, "skip": 2, "orderBy": [{"author": {"name": "asc"}}, {"id": "asc"}], "select": {"id": true}}}'),
               ('{"model": "Category", "operation": "findMany", "args": {"take": 200, "include": {"posts": {"select": {"id": true}}}}}'),
               ('{"model": "Comment", "operation": "findMany", "args": {"distinct": ["postId"], "select": {"postId": true}}}')) v(q);
-- no record: no row (prisma_query gives [])
SELECT count(*) FROM prisma_query_rows('{"model": "Post", "operation": "findMany", "args": {"where": {"id": -1}}}');
SELECT prisma_query('{"model": "Post", "operation": "findMany", "args": {"where": {"id": -1}}}');
-- other operations: one row with the value (null for no record)
SELECT * FROM prisma_query_rows('{"model": "Post", "operation": "findUnique", "args": {"where": {"id": 1}, "select": {"id": true, "title": true}}}');
SELECT * FROM prisma_query_rows('{"model": "Post", "operation": "findFirst", "args": {"where": {"id": -1}}}');
SELECT * FROM prisma_query_rows('{"model": "Post", "operation": "count", "args": {"where": {"id": {"lte": 3}}}}');
SELECT * FROM prisma_query_rows('{"model": "Post", "operation": "groupBy", "args": {"by": ["authorId"], "_count": {"_all": true}, "orderBy": {"authorId": "asc"}, "take": 2}}');
-- errors as prisma_query's
SELECT * FROM prisma_query_rows('{"model": "Post", "operation": "findUniqueOrThrow", "args": {"where": {"id": -1}}}');
SELECT * FROM prisma_query_rows('{"model": "Post", "operation": "findMany", "args": {"where": {"nope": 1}}}');
-- in a select list too
SELECT prisma_query_rows('{"model": "Category", "operation": "findMany", "args": {"take": 2, "select": {"id": true}}}');

-- a result over prisma_compile.max_result_size as one value: 54000 naming
-- the limit: at the top level (the array the receiver writes) and inside an
-- aggregate (groupBy)
SET prisma_compile.max_result_size = '1kB';
\set SHOW_CONTEXT never
SELECT length(prisma_query('{"model": "Post", "operation": "findMany"}')::text) > 1024;
SELECT length(prisma_query('{"model": "Post", "operation": "groupBy", "args": {"by": ["id", "title", "body"], "_count": {"_all": true}}}')::text);
SELECT length(prisma_query('{"model": "User", "operation": "findMany", "args": {"take": 200, "include": {"posts": true}}}')::text);
-- the rows form is bounded per record only
SELECT count(*) > 1 FROM prisma_query_rows('{"model": "Post", "operation": "findMany"}');
-- and a set-based level's groups per group (one record's array), not as a
-- whole: all users' posts are over the limit, each user's are not, until one
-- user has more
SELECT prisma_compile('{"model": "User", "operation": "findMany", "args": {"take": 200, "include": {"posts": true}}}') ~ 'prisma_group_take' AS set_based;
SELECT count(*), sum(length(r::text)) > 1024 AS all_over, max(length(r::text)) < 1024 AS each_under
  FROM prisma_query_rows('{"model": "User", "operation": "findMany", "args": {"take": 200, "include": {"posts": true}}}') r;
INSERT INTO "Post" (title, body, "authorId")
  SELECT 'long ' || i, repeat('x', 100), (SELECT min("authorId") FROM "Post") FROM generate_series(1, 10) i;
SELECT count(*) FROM prisma_query_rows('{"model": "User", "operation": "findMany", "args": {"take": 200, "include": {"posts": true}}}');
DELETE FROM "Post" WHERE title LIKE 'long %';
-- the rows read failed while it ran: groups built outside it are bounded as
-- a whole again (1,800 bytes of groups, each a few bytes)
SELECT prisma_group_get((SELECT prisma_group(i % 200, '{i}', i) FROM generate_series(1, 200) i), 1);
RESET prisma_compile.max_result_size;
SELECT length(prisma_query('{"model": "Post", "operation": "findMany"}')::text) > 1024;

-- a value of 32 MB or more is returned lz4-compressed where the server has
-- lz4 (docs/large-results.md): the same text as the rows, a fraction of its
-- size as a value
INSERT INTO "Post" (title, body, "authorId")
  SELECT 'large ' || i, repeat(md5(i::text), 120), (SELECT min("authorId") FROM "Post") FROM generate_series(1, 9000) i;
SELECT octet_length(v::text) >= 32 * 1024 * 1024 AS large, (pg_column_size(v) < octet_length(v::text) / 4) =
         (SELECT 'lz4' = ANY (enumvals) FROM pg_settings WHERE name = 'default_toast_compression') AS compressed_with_lz4,
       md5(v::text) = (SELECT md5('[' || string_agg(r::text, ',') || ']') FROM prisma_query_rows(q) r) AS same
  FROM (SELECT q, prisma_query(q) AS v
          FROM (VALUES ('{"model": "Post", "operation": "findMany", "args": {"where": {"title": {"startsWith": "large "}}, "select": {"id": true, "body": true}}}'::json)) d(q)) s;

ROLLBACK;
