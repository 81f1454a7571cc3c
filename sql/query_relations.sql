-- Relation ordering, cursors, distinct, _count, Json filters, optional
-- to-one filters in include, empty filter objects.
BEGIN;
\i regress/setup_kitchen_sink.sql

CREATE FUNCTION ids(model text, args text, key text DEFAULT 'id') RETURNS text LANGUAGE sql AS $$
  SELECT string_agg(e->>key, ',') FROM json_array_elements(prisma_query(model, 'findMany', args::json)) e
$$;

-- orderBy a to-one relation's field, two levels, and a to-many _count
SELECT ids('Post', '{"orderBy": [{"author": {"name": "asc"}}, {"id": "desc"}], "take": 6, "where": {"id": {"lt": 13}}}');
SELECT ids('Post', '{"orderBy": {"editor": {"name": {"sort": "desc", "nulls": "last"}}}, "where": {"id": {"lt": 13}}}');
SELECT ids('Comment', '{"orderBy": [{"post": {"author": {"email": "desc"}}}, {"id": "asc"}], "take": 5}');
SELECT ids('Category', '{"orderBy": {"posts": {"_count": "desc"}}}');
SELECT ids('User', '{"orderBy": [{"posts": {"_count": "desc"}}, {"karma": "asc"}], "take": 5}');
-- nested lists ordered through relations too
SELECT prisma_query('User', 'findUnique', '{"where": {"id": 1}, "select": {"reports": {"orderBy": {"profile": {"bio": {"sort": "asc", "nulls": "first"}}}, "select": {"id": true}}}}');

-- cursor: the cursor row included, skip 1 drops it, any orderBy, negative take
SELECT ids('User', '{"cursor": {"id": 5}, "take": 3}');
SELECT ids('User', '{"cursor": {"id": 5}, "take": 3, "skip": 1}');
SELECT ids('User', '{"cursor": {"id": 5}, "take": -3}');
SELECT ids('User', '{"cursor": {"email": "bob@example.com"}, "orderBy": {"karma": "desc"}, "take": 4}');
SELECT ids('User', '{"cursor": {"id": 9}, "orderBy": [{"name": {"sort": "asc", "nulls": "first"}}], "take": 4, "where": {"id": {"lt": 11}}}');
SELECT ids('User', '{"cursor": {"id": 8}, "orderBy": {"name": "asc"}, "take": -3, "where": {"id": {"lt": 11}}}');
SELECT ids('User', '{"cursor": {"id": 999}, "take": 3}');
SELECT ids('Team', '{"cursor": {"org_slug": {"org": "acme", "slug": "web"}}, "take": 3}', 'slug');
SELECT ids('Comment', '{"cursor": {"id": 2}, "orderBy": {"post": {"title": "asc"}}, "take": 3}');
SELECT prisma_query('Post', 'findUnique', '{"where": {"id": 1}, "select": {"comments": {"cursor": {"id": 2}, "select": {"id": true}}}}');

-- distinct: the first row of each key in orderBy order, then take/skip
SELECT ids('User', '{"distinct": ["role"], "orderBy": {"id": "asc"}}');
SELECT ids('User', '{"distinct": "role", "orderBy": {"karma": "desc"}}');
SELECT ids('User', '{"distinct": ["role", "karma"], "where": {"id": {"lt": 11}}}');
SELECT ids('User', '{"distinct": ["name"], "orderBy": {"name": "asc"}, "take": 3, "skip": 1}');
SELECT prisma_query('Category', 'findUnique', '{"where": {"id": 1}, "select": {"posts": {"distinct": ["authorId"], "select": {"id": true, "authorId": true}, "take": 4}}}');

-- _count in include and select, filtered, nested
SELECT prisma_query('Category', 'findMany', '{"include": {"_count": true}, "where": {"id": {"gte": 5}}}');
SELECT prisma_query('User', 'findUnique', '{"where": {"id": 1}, "select": {"id": true, "_count": {"select": {"posts": true, "reports": {"where": {"karma": {"gt": 0}}}}}}}');
SELECT prisma_query('User', 'findUnique', '{"where": {"id": 2}, "select": {"posts": {"select": {"id": true, "_count": {"select": {"comments": true, "categories": true}}}}}}');
SELECT prisma_query('Team', 'findFirst', '{"select": {"slug": true, "_count": true}}');

-- Json filters: path, string and array filters, not
SELECT ids('Post', '{"where": {"metadata": {"path": ["nested", "b"], "equals": [1, 2, 3]}}}');
SELECT ids('Post', '{"where": {"metadata": {"path": ["k"], "string_contains": "v"}}}');
SELECT ids('Post', '{"where": {"metadata": {"path": ["k"], "string_starts_with": "v"}}}');
-- under NOT and isNot Prisma reverses the type test (NOT gt keeps the
-- numbers not greater, not the other values); every and none do not
SELECT ids('Post', '{"where": {"metadata": {"path": ["n"], "gt": 28}}}');
SELECT ids('Post', '{"where": {"NOT": {"metadata": {"path": ["n"], "gt": 28}}}}');
SELECT ids('Post', '{"where": {"NOT": {"NOT": {"metadata": {"path": ["n"], "gt": 28}}}}}');
SELECT ids('Post', '{"where": {"NOT": {"metadata": {"array_contains": "two"}}}}');
SELECT ids('User', '{"orderBy": {"id": "asc"}, "where": {"posts": {"every": {"metadata": {"path": ["n"], "lt": 100}}}}}');
SELECT ids('User', '{"orderBy": {"id": "asc"}, "where": {"NOT": {"posts": {"some": {"metadata": {"path": ["n"], "gt": 28}}}}}}');
-- has: null matches nothing, as Prisma's NULL = ANY (col)
SELECT ids('Post', '{"where": {"tags": {"has": null}}}');
SELECT ids('Post', '{"where": {"NOT": {"tags": {"has": null}}}}');
-- without a path the JSON text, as in Prisma: a string ends with its quote
SELECT ids('Post', '{"where": {"metadata": {"string_ends_with": "string"}}}');
SELECT ids('Post', '{"where": {"metadata": {"string_ends_with": "string\""}}}');
SELECT ids('Post', '{"where": {"metadata": {"array_contains": "two"}}}');
SELECT ids('Post', '{"where": {"metadata": {"array_contains": [1, {"three": 3}]}}}');
SELECT ids('Post', '{"where": {"metadata": {"array_starts_with": 1}}}');
SELECT ids('Post', '{"where": {"metadata": {"array_ends_with": {"three": 3}}}}');
SELECT ids('Post', '{"where": {"metadata": {"path": ["even"], "equals": true}}}');
SELECT ids('Post', '{"where": {"metadata": {"path": ["n"], "gt": 30}}}');
SELECT ids('Post', '{"where": {"metadata": {"path": ["even"], "not": true}, "id": {"lt": 20}}}');
SELECT ids('Post', '{"where": {"metadata": {"path": ["deep", "deeper", "deepest"], "array_contains": [true]}}}');

-- an optional to-one include may be filtered: no match gives null
SELECT prisma_query('User', 'findMany', '{"where": {"id": {"in": [1, 2, 5]}}, "select": {"id": true, "profile": {"where": {"bio": {"not": null}}, "select": {"bio": true}}}}');

-- a to-one filter is Prisma's <where> AND <row exists> over a LEFT JOIN: false
-- without a related row, unknown when <where> is unknown on it (NULL bio).
-- Users 5, 8, 9, 10 have no profile, user 2 one with a NULL bio.
-- NOT is and isNot match users without a profile, never user 2
SELECT ids('User', '{"orderBy": {"id": "asc"}, "where": {"NOT": {"profile": {"is": {"bio": {"contains": "Paris"}}}}, "id": {"lt": 11}}}');
SELECT ids('User', '{"orderBy": {"id": "asc"}, "where": {"NOT": {"profile": {"bio": {"contains": "Paris"}}}, "id": {"lt": 11}}}');
SELECT ids('User', '{"orderBy": {"id": "asc"}, "where": {"profile": {"isNot": {"bio": {"contains": "Paris"}}}, "id": {"lt": 11}}}');
SELECT ids('User', '{"orderBy": {"id": "asc"}, "where": {"NOT": {"OR": [{"profile": {"is": {"bio": {"contains": "Paris"}}}}, {"karma": {"lt": -1000}}]}, "id": {"lt": 11}}}');
-- NOT isNot and NOT NOT is: a profile whose bio matches
SELECT ids('User', '{"orderBy": {"id": "asc"}, "where": {"NOT": {"profile": {"isNot": {"bio": {"contains": "Paris"}}}}, "id": {"lt": 11}}}');
SELECT ids('User', '{"orderBy": {"id": "asc"}, "where": {"NOT": {"NOT": {"profile": {"is": {"bio": {"contains": "Paris"}}}}}, "id": {"lt": 11}}}');
-- the same on the foreign key side: posts 2, 4, 7, 10, 11 have no editor
SELECT ids('Post', '{"orderBy": {"id": "asc"}, "where": {"NOT": {"editor": {"is": {"name": {"contains": "o"}}}}, "id": {"lt": 13}}}');
-- every: a post without an editor fails {editor: {is: ...}}
SELECT ids('User', '{"orderBy": {"id": "asc"}, "where": {"posts": {"every": {"editor": {"is": {"role": {"not": "USER"}}}}}, "id": {"lt": 11}}}');
-- {profile: {}} is an empty filter; {profile: {is: {}}} asks for a profile
SELECT ids('User', '{"orderBy": {"id": "asc"}, "where": {"profile": {}, "id": {"lt": 11}}}');
SELECT ids('User', '{"orderBy": {"id": "asc"}, "where": {"NOT": {"profile": {"is": {}}}, "id": {"lt": 11}}}');

-- empty filter objects are dropped, as Prisma drops them
SELECT ids('Category', '{"where": {"OR": [{}]}}');
SELECT ids('Category', '{"where": {"OR": [{}, {"id": 2}]}}');
SELECT ids('Category', '{"where": {"NOT": {}}}');
SELECT ids('Category', '{"where": {"NOT": [{}]}}');
SELECT ids('Category', '{"where": {"AND": [{}]}}');
ROLLBACK;
