-- Nested relations of every kind, with their own arguments, to any depth.
BEGIN;
\i regress/setup_kitchen_sink.sql

-- to-one owning side (Post.author), optional (Post.editor null), back side (User.profile)
SELECT prisma_query('{"model": "Post", "operation": "findMany", "args": {"where": {"id": {"in": [1, 2]}}, "select": {"id": true, "author": {"select": {"id": true, "name": true}}, "editor": {"select": {"id": true}}}}}');
SELECT prisma_query('{"model": "User", "operation": "findMany", "args": {"where": {"id": {"in": [3, 5]}}, "select": {"id": true, "profile": true}}}');
-- one-to-many in primary-key order; empty lists are []
SELECT prisma_query('{"model": "Post", "operation": "findMany", "args": {"where": {"id": {"in": [1, 2]}}, "select": {"id": true, "comments": {"select": {"id": true, "text": true}}}}}');
-- implicit many-to-many, both directions
SELECT prisma_query('{"model": "Post", "operation": "findUnique", "args": {"where": {"id": 9}, "select": {"title": true, "categories": {"select": {"name": true}}}}}');
SELECT prisma_query('{"model": "Category", "operation": "findMany", "args": {"where": {"id": {"gte": 4}}, "select": {"name": true, "posts": {"select": {"id": true}, "where": {"id": {"lt": 20}}}}}}');
-- self-relation both ways
SELECT prisma_query('{"model": "User", "operation": "findUnique", "args": {"where": {"id": 2}, "select": {"name": true, "manager": {"select": {"name": true}}, "reports": {"select": {"id": true}}}}}');
-- two named relations to the same model
SELECT prisma_query('{"model": "User", "operation": "findUnique", "args": {"where": {"id": 6}, "select": {"posts": {"select": {"id": true}}, "edited": {"select": {"id": true}}}}}');
-- compound foreign key (Membership.team) and explicit many-to-many through Membership
SELECT prisma_query('{"model": "User", "operation": "findUnique", "args": {"where": {"id": 1}, "select": {"memberships": {"select": {"role": true, "team": {"select": {"name": true, "founded": true}}}}}}}');
SELECT prisma_query('{"model": "Team", "operation": "findMany", "args": {"where": {"org": "acme"}, "select": {"slug": true, "memberships": {"select": {"userId": true}, "where": {"userId": {"lt": 20}}}}}}');

-- arguments on a nested list: where, orderBy, take, skip, negative take
SELECT prisma_query('{"model": "Post", "operation": "findUnique", "args": {"where": {"id": 1}, "select": {"comments": {"where": {"authorId": {"not": null}}, "orderBy": {"id": "desc"}, "select": {"id": true}}}}}');
SELECT prisma_query('{"model": "User", "operation": "findUnique", "args": {"where": {"id": 1}, "select": {"reports": {"take": 2, "skip": 1, "select": {"id": true}}}}}');
SELECT prisma_query('{"model": "User", "operation": "findUnique", "args": {"where": {"id": 1}, "select": {"reports": {"take": -2, "select": {"id": true}}}}}');
SELECT prisma_query('{"model": "Category", "operation": "findUnique", "args": {"where": {"id": 1}, "select": {"posts": {"take": 3, "orderBy": [{"createdAt": "desc"}, {"id": "asc"}], "select": {"id": true, "createdAt": true}}}}}');

-- deep nesting: include inside select and select inside include, four levels
SELECT prisma_query('{"model": "Category", "operation": "findUnique", "args": {"where": {"id": 3}, "select": {"name": true, "posts": {"orderBy": {"id": "asc"}, "include": {"author": {"select": {"name": true, "manager": {"include": {"profile": {"select": {"bio": true}}}, "omit": {"createdAt": true, "updatedAt": true, "email": true}}}}}, "omit": {"body": true, "metadata": true, "createdAt": true, "views": true, "price": true, "rating": true, "tags": true, "scores": true}}}}}');
SELECT prisma_query('{"model": "Comment", "operation": "findMany", "args": {"where": {"postId": 1}, "select": {"text": true, "post": {"select": {"author": {"select": {"profile": {"select": {"user": {"select": {"email": true}}}}}}}}}}}');

-- a nested to-one takes select, include and omit only
SELECT prisma_query('{"model": "Post", "operation": "findFirst", "args": {"select": {"author": {"where": {"id": 1}}}}}');
-- set-based (no take): to-one relations of the children as joins, null
-- where the optional relation has no row; children in primary-key order
SELECT prisma_query('{"model": "User", "operation": "findMany", "args": {"where": {"id": {"lte": 3}}, "select": {"id": true, "posts": {"select": {"id": true, "editor": {"select": {"id": true}}, "author": {"select": {"name": true}}}}}}}');
SELECT prisma_query('{"model": "User", "operation": "findMany", "args": {"where": {"id": {"lte": 3}}, "take": 101, "select": {"id": true, "posts": {"select": {"id": true, "editor": {"select": {"id": true}}, "author": {"select": {"name": true}}}}}}}')::text
     = prisma_query('{"model": "User", "operation": "findMany", "args": {"where": {"id": {"lte": 3}}, "take": 100, "select": {"id": true, "posts": {"select": {"id": true, "editor": {"select": {"id": true}}, "author": {"select": {"name": true}}}}}}}')::text AS same_both_ways;
-- many-to-many read in the target's id order: the links are read in that
-- order first (kept apart, OFFSET 0), the LIMIT applies after the join, so
-- take, skip, cursor, where and a negative take give the plain join's rows
SELECT position('ORDER BY j2."B" DESC OFFSET 0' IN prisma_compile('{"model": "Category", "operation": "findUnique", "args": {"where": {"id": 1}, "select": {"posts": {"take": 2, "orderBy": {"id": "desc"}}}}}')) > 0 AS links_in_order;
CREATE TEMP TABLE m2m_cases (args text, expected int[]);
INSERT INTO m2m_cases
SELECT a, (SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM (
        SELECT p.id FROM "_CategoryToPost" j JOIN "Post" p ON p.id = j."B"
         WHERE j."A" = 1 AND p.id <> 3 AND (NOT f OR p.published) ORDER BY p.id DESC LIMIT 2 OFFSET o) x)
  FROM (VALUES ('{"take": 2, "skip": 0, "orderBy": {"id": "desc"}, "where": {"id": {"not": 3}}}', false, 0),
               ('{"take": 2, "skip": 1, "orderBy": {"id": "desc"}, "where": {"id": {"not": 3}}}', false, 1),
               ('{"take": 2, "orderBy": {"id": "desc"}, "where": {"id": {"not": 3}, "published": true}}', true, 0)) v(a, f, o);
INSERT INTO m2m_cases
SELECT '{"take": -2, "where": {"id": {"not": 3}}}', (SELECT array_agg(id ORDER BY id) FROM (
        SELECT p.id FROM "_CategoryToPost" j JOIN "Post" p ON p.id = j."B"
         WHERE j."A" = 1 AND p.id <> 3 ORDER BY p.id DESC LIMIT 2) x);
INSERT INTO m2m_cases
SELECT '{"take": 2, "cursor": {"id": 2}}', (SELECT array_agg(id ORDER BY id) FROM (
        SELECT p.id FROM "_CategoryToPost" j JOIN "Post" p ON p.id = j."B"
         WHERE j."A" = 1 AND p.id >= 2 ORDER BY p.id LIMIT 2) x);
SELECT c.args, c.expected,
       ARRAY(SELECT (e->>'id')::int FROM json_array_elements(prisma_query('Category', 'findUnique',
             format('{"where": {"id": 1}, "select": {"posts": %s}}', jsonb_set(c.args::jsonb, '{select}', '{"id": true}'))::json)->'posts') e
             ORDER BY 1) = c.expected AS same
  FROM m2m_cases c;
-- nesting deeper than prisma_compile.max_depth
SET LOCAL prisma_compile.max_depth = 2;
SELECT prisma_query('{"model": "User", "operation": "findFirst", "args": {"select": {"manager": {"select": {"manager": {"select": {"manager": true}}}}}}}');
ROLLBACK;
