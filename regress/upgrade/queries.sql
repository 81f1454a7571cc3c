-- Reads run by the upgrade suite (scripts/suites/40-upgrade.sh) in an
-- updated database and in a fresh one, after the kitchen-sink fixture and
-- its schema were loaded: the outputs must be equal.  One of each operation
-- and of each path the compiler takes (per-row and set-based relations,
-- aggregates), and the building blocks called directly.
\pset format unaligned
\pset tuples_only on
SELECT prisma_query('{"model": "Category", "operation": "findMany"}');
SELECT prisma_query('{"model": "User", "operation": "findUnique", "args": {"where": {"id": 1}, "include": {"posts": {"take": 2}, "profile": true, "_count": true}}}');
SELECT prisma_query('{"model": "User", "operation": "findMany", "args": {"include": {"posts": {"include": {"categories": true, "comments": true}}, "manager": true}}}');
SELECT prisma_query('{"model": "Post", "operation": "findMany", "args": {"where": {"OR": [{"title": {"contains": "e"}}, {"comments": {"some": {"text": {"startsWith": "N"}}}}]}, "orderBy": [{"author": {"name": "asc"}}, {"id": "desc"}], "select": {"id": true, "title": true, "tags": true}}}');
SELECT prisma_query('{"model": "Sample", "operation": "findMany", "args": {"take": 3}}');
SELECT prisma_query('{"model": "Team", "operation": "findFirst", "args": {"include": {"memberships": {"include": {"user": true}}}}}');
SELECT prisma_query('Post', 'count', '{"where": {"authorId": 1}}');
SELECT prisma_query('Post', 'aggregate', '{"_count": {"_all": true}, "_max": {"id": true}, "_avg": {"rating": true}}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["authorId"], "_count": {"_all": true}, "orderBy": {"authorId": "asc"}}');
SELECT prisma_compile('{"model": "User", "operation": "findMany", "args": {"include": {"posts": true}}}');
SELECT prisma_row(r), prisma_object('{a,b}', 1, 'x'::text) FROM (SELECT 1 AS a, 'x'::text AS b) r;
SELECT prisma_agg(r), prisma_agg('{n}', r.n) FROM (SELECT generate_series(1, 3) AS n) r;
SELECT prisma_group_get(g, 2) FROM (SELECT prisma_group_sorted(k, -n, '{n}', n) AS g FROM (SELECT n % 3 AS k, n FROM generate_series(1, 9) n) s) t;
SELECT prisma_key_in(2, ARRAY[1, 2, 3]), prisma_key_in(4, ARRAY[1, 2, 3]);
SELECT prisma_query('{"model": "Nope", "operation": "findMany"}');
