-- Property checks: prisma_query results against hand-written SQL on the
-- kitchen-sink dataset (NULLs, ties, empty relations).  Most checks compare
-- the id lists in result order; nested shapes compare as jsonb.
\set QUIET on
BEGIN;
\i regress/setup_tap.sql

-- ids of a findMany result, in result order
CREATE FUNCTION pg_temp.ids(model text, args text) RETURNS int[] LANGUAGE sql AS $$
  SELECT coalesce(array_agg((e->>'id')::int ORDER BY o), '{}')
  FROM jsonb_array_elements(prisma_query(model, 'findMany', args::json)::jsonb) WITH ORDINALITY AS t(e, o)
$$;
-- the same ids sorted: for queries without orderBy, whose order is unspecified
CREATE FUNCTION pg_temp.sids(model text, args text) RETURNS int[] LANGUAGE sql AS $$
  SELECT ARRAY(SELECT x FROM unnest(pg_temp.ids(model, args)) AS x ORDER BY x)
$$;
-- the same query as jsonb
CREATE FUNCTION pg_temp.q(model text, op text, args text) RETURNS jsonb LANGUAGE sql AS $$
  SELECT prisma_query(model, op, args::json)::jsonb
$$;

SELECT plan(84);

-- scalar filters ------------------------------------------------------------
SELECT is(pg_temp.sids('User', '{"where": {"name": "Alice"}}'),
          ARRAY(SELECT id FROM users WHERE name = 'Alice' ORDER BY id), 'equals shorthand');
SELECT is(pg_temp.sids('User', '{"where": {"name": {"equals": "Alice"}}}'),
          ARRAY(SELECT id FROM users WHERE name = 'Alice' ORDER BY id), 'equals');
SELECT is(pg_temp.sids('User', '{"where": {"name": {"not": "Alice"}}}'),
          ARRAY(SELECT id FROM users WHERE name <> 'Alice' ORDER BY id), 'not leaves out NULL names');
SELECT is(pg_temp.sids('User', '{"where": {"karma": {"in": [0, 7, 100]}}}'),
          ARRAY(SELECT id FROM users WHERE karma IN (0, 7, 100) ORDER BY id), 'in');
SELECT is(pg_temp.sids('User', '{"where": {"name": {"notIn": ["Alice", "Bob"]}}}'),
          ARRAY(SELECT id FROM users WHERE name NOT IN ('Alice', 'Bob') ORDER BY id), 'notIn leaves out NULL names');
SELECT is(pg_temp.sids('User', '{"where": {"karma": {"in": []}}}'),
          '{}'::int[], 'in [] matches nothing');
SELECT is(pg_temp.sids('User', '{"where": {"karma": {"notIn": []}}}'),
          ARRAY(SELECT id FROM users ORDER BY id), 'notIn [] matches everything');
SELECT is(pg_temp.sids('User', '{"where": {"karma": {"gt": 0, "lte": 50}}}'),
          ARRAY(SELECT id FROM users WHERE karma > 0 AND karma <= 50 ORDER BY id), 'gt and lte');
SELECT is(pg_temp.sids('User', '{"where": {"karma": {"gte": 7, "lt": 100}}}'),
          ARRAY(SELECT id FROM users WHERE karma >= 7 AND karma < 100 ORDER BY id), 'gte and lt');
SELECT is(pg_temp.sids('User', '{"where": {"name": {"contains": "%"}}}'),
          ARRAY(SELECT id FROM users WHERE strpos(name, '%') > 0 ORDER BY id), 'contains % is literal');
SELECT is(pg_temp.sids('Post', '{"where": {"title": {"contains": "_"}}}'),
          ARRAY(SELECT id FROM "Post" WHERE strpos(title, '_') > 0 ORDER BY id), 'contains _ is literal');
SELECT is(pg_temp.sids('Post', '{"where": {"title": {"startsWith": "Post 1"}}}'),
          ARRAY(SELECT id FROM "Post" WHERE left(title, 6) = 'Post 1' ORDER BY id), 'startsWith');
SELECT is(pg_temp.sids('User', '{"where": {"email": {"endsWith": "example.jp"}}}'),
          ARRAY(SELECT id FROM users WHERE right(email, 10) = 'example.jp' ORDER BY id), 'endsWith');
SELECT is(pg_temp.sids('User', '{"where": {"name": {"contains": "ALI", "mode": "insensitive"}}}'),
          ARRAY(SELECT id FROM users WHERE strpos(lower(name), 'ali') > 0 ORDER BY id), 'contains insensitive');
SELECT is(pg_temp.sids('User', '{"where": {"name": {"equals": "bob", "mode": "insensitive"}}}'),
          ARRAY(SELECT id FROM users WHERE lower(name) = 'bob' ORDER BY id), 'equals insensitive');
SELECT is(pg_temp.sids('User', '{"where": {"name": null}}'),
          ARRAY(SELECT id FROM users WHERE name IS NULL ORDER BY id), 'null');
SELECT is(pg_temp.sids('User', '{"where": {"name": {"not": null}}}'),
          ARRAY(SELECT id FROM users WHERE name IS NOT NULL ORDER BY id), 'not null');
SELECT is(pg_temp.sids('Post', '{"where": {"editorId": {"not": 2}}}'),
          ARRAY(SELECT id FROM "Post" WHERE "editorId" <> 2 ORDER BY id), 'not on an optional Int leaves out NULL');
SELECT is(pg_temp.sids('User', '{"where": {"role": {"in": ["ADMIN", "EDITOR"]}}}'),
          ARRAY(SELECT id FROM users WHERE role IN ('ADMIN', 'EDITOR') ORDER BY id), 'enum in');
SELECT is(pg_temp.sids('Post', '{"where": {"published": false}}'),
          ARRAY(SELECT id FROM "Post" WHERE NOT published ORDER BY id), 'Boolean');
SELECT is(pg_temp.sids('Post', '{"where": {"views": {"gt": "100"}}}'),
          ARRAY(SELECT id FROM "Post" WHERE views > 100 ORDER BY id), 'BigInt gt as a string');
SELECT is(pg_temp.sids('Post', '{"where": {"price": {"lt": 1}}}'),
          ARRAY(SELECT id FROM "Post" WHERE price < 1 ORDER BY id), 'Decimal lt');
SELECT is(pg_temp.sids('Post', '{"where": {"createdAt": {"gte": "2024-03-03T00:00:00.000Z", "lt": "2024-04-02T00:00:00.000Z"}}}'),
          ARRAY(SELECT id FROM "Post" WHERE "createdAt" >= '2024-03-03' AND "createdAt" < '2024-04-02' ORDER BY id), 'DateTime range');
SELECT is(pg_temp.sids('Post', '{"where": {"tags": {"has": "sale"}}}'),
          ARRAY(SELECT id FROM "Post" WHERE tags @> ARRAY['sale'] ORDER BY id), 'list has');
SELECT is(pg_temp.sids('Post', '{"where": {"tags": {"hasSome": ["news", "t1"]}}}'),
          ARRAY(SELECT id FROM "Post" WHERE tags && ARRAY['news', 't1'] ORDER BY id), 'list hasSome');
SELECT is(pg_temp.sids('Post', '{"where": {"tags": {"hasEvery": ["t2", "common"]}}}'),
          ARRAY(SELECT id FROM "Post" WHERE tags @> ARRAY['t2', 'common'] ORDER BY id), 'list hasEvery');
SELECT is(pg_temp.sids('Post', '{"where": {"tags": {"isEmpty": true}}}'),
          ARRAY(SELECT id FROM "Post" WHERE cardinality(tags) = 0 ORDER BY id), 'list isEmpty true: not the NULL lists');
SELECT is(pg_temp.sids('Post', '{"where": {"tags": {"isEmpty": false}}}'),
          ARRAY(SELECT id FROM "Post" WHERE cardinality(tags) > 0 ORDER BY id), 'list isEmpty false: not the NULL lists');
SELECT is(pg_temp.sids('User', '{"where": {"name": {"not": {"contains": "e"}}}}'),
          ARRAY(SELECT id FROM users WHERE strpos(name, 'e') = 0 ORDER BY id), 'not with a nested filter leaves out NULL');
SELECT is(pg_temp.sids('Post', '{"where": {"metadata": {"path": ["a"], "equals": 1}}}'),
          ARRAY(SELECT id FROM "Post" WHERE metadata #> '{a}' = '1'::jsonb ORDER BY id), 'Json path equals');
SELECT is(pg_temp.sids('Post', '{"where": {"metadata": {"equals": {"k": "v"}}}}'),
          ARRAY(SELECT id FROM "Post" WHERE metadata = '{"k": "v"}'::jsonb ORDER BY id), 'Json equals');

-- AND / OR / NOT --------------------------------------------------------------
SELECT is(pg_temp.sids('User', '{"where": {"OR": [{"karma": {"gt": 50}}, {"name": {"startsWith": "User 1"}}]}}'),
          ARRAY(SELECT id FROM users WHERE karma > 50 OR left(name, 6) = 'User 1' ORDER BY id), 'OR');
SELECT is(pg_temp.sids('User', '{"where": {"AND": [{"role": "USER"}, {"karma": {"lt": 10}}], "managerId": {"not": 1}}}'),
          ARRAY(SELECT id FROM users WHERE role = 'USER' AND karma < 10 AND manager_id <> 1 ORDER BY id), 'AND with an implicit AND');
SELECT is(pg_temp.sids('User', '{"where": {"NOT": {"name": "Alice"}}}'),
          ARRAY(SELECT id FROM users WHERE NOT (name = 'Alice') ORDER BY id), 'NOT (three-valued: NULL names left out)');
SELECT is(pg_temp.sids('User', '{"where": {"NOT": [{"role": "USER"}, {"karma": {"lt": 0}}]}}'),
          ARRAY(SELECT id FROM users WHERE NOT (role = 'USER') AND NOT (karma < 0) ORDER BY id), 'NOT with a list');
SELECT is(pg_temp.sids('User', '{"where": {"OR": []}}'),
          '{}'::int[], 'OR [] matches nothing');

-- relation filters ------------------------------------------------------------
SELECT is(pg_temp.sids('User', '{"where": {"posts": {"some": {"published": true}}}}'),
          ARRAY(SELECT id FROM users u WHERE EXISTS (SELECT FROM "Post" p WHERE p."authorId" = u.id AND p.published) ORDER BY id), 'some');
SELECT is(pg_temp.sids('User', '{"where": {"posts": {"every": {"published": true}}}}'),
          ARRAY(SELECT id FROM users u WHERE NOT EXISTS (SELECT FROM "Post" p WHERE p."authorId" = u.id AND NOT p.published) ORDER BY id), 'every (true without posts)');
SELECT is(pg_temp.sids('User', '{"where": {"posts": {"none": {}}}}'),
          ARRAY(SELECT id FROM users u WHERE NOT EXISTS (SELECT FROM "Post" p WHERE p."authorId" = u.id) ORDER BY id), 'none {}: no posts');
SELECT is(pg_temp.sids('User', '{"where": {"comments": {"none": {"text": {"contains": "o"}}}, "posts": {"some": {}}}}'),
          ARRAY(SELECT id FROM users u WHERE NOT EXISTS (SELECT FROM "Comment" c WHERE c."authorId" = u.id AND strpos(c.text, 'o') > 0)
                  AND EXISTS (SELECT FROM "Post" p WHERE p."authorId" = u.id) ORDER BY id), 'none with a filter, some {}');
SELECT is(pg_temp.sids('Post', '{"where": {"author": {"is": {"role": "ADMIN"}}}}'),
          ARRAY(SELECT p.id FROM "Post" p JOIN users u ON u.id = p."authorId" WHERE u.role = 'ADMIN' ORDER BY p.id), 'is on a required to-one');
SELECT is(pg_temp.sids('Post', '{"where": {"author": {"isNot": {"role": "USER"}}}}'),
          ARRAY(SELECT p.id FROM "Post" p JOIN users u ON u.id = p."authorId" WHERE u.role <> 'USER' ORDER BY p.id), 'isNot on a required to-one');
SELECT is(pg_temp.sids('Post', '{"where": {"editor": {"is": null}}}'),
          ARRAY(SELECT id FROM "Post" WHERE "editorId" IS NULL ORDER BY id), 'optional to-one is null');
SELECT is(pg_temp.sids('Post', '{"where": {"editor": {"isNot": null}}}'),
          ARRAY(SELECT id FROM "Post" WHERE "editorId" IS NOT NULL ORDER BY id), 'optional to-one isNot null');
SELECT is(pg_temp.sids('User', '{"where": {"profile": null}}'),
          ARRAY(SELECT id FROM users u WHERE NOT EXISTS (SELECT FROM "Profile" f WHERE f.user_id = u.id) ORDER BY id), 'back-relation to-one null');
SELECT is(pg_temp.sids('User', '{"where": {"profile": {"bio": null}}}'),
          ARRAY(SELECT u.id FROM users u JOIN "Profile" f ON f.user_id = u.id WHERE f.bio IS NULL ORDER BY u.id), 'to-one shorthand filter');
SELECT is(pg_temp.sids('Post', '{"where": {"categories": {"some": {"name": "News"}}}}'),
          ARRAY(SELECT "B" FROM "_CategoryToPost" cp JOIN "Category" c ON c.id = cp."A" WHERE c.name = 'News' ORDER BY "B"), 'many-to-many some');
SELECT is(pg_temp.sids('Category', '{"where": {"posts": {"none": {}}}}'),
          ARRAY(SELECT id FROM "Category" c WHERE NOT EXISTS (SELECT FROM "_CategoryToPost" cp WHERE cp."A" = c.id) ORDER BY id), 'many-to-many none {}');
SELECT is(pg_temp.sids('Category', '{"where": {"posts": {"every": {"published": true}}}}'),
          ARRAY(SELECT id FROM "Category" c WHERE NOT EXISTS (SELECT FROM "_CategoryToPost" cp JOIN "Post" p ON p.id = cp."B"
                                                              WHERE cp."A" = c.id AND NOT p.published) ORDER BY id), 'many-to-many every');
SELECT is(pg_temp.sids('User', '{"where": {"manager": {"is": {"name": "Alice"}}}}'),
          ARRAY(SELECT u.id FROM users u JOIN users m ON m.id = u.manager_id WHERE m.name = 'Alice' ORDER BY u.id), 'self-relation is');
SELECT is(pg_temp.sids('User', '{"where": {"reports": {"some": {"karma": {"gt": 0}}}}}'),
          ARRAY(SELECT id FROM users u WHERE EXISTS (SELECT FROM users r WHERE r.manager_id = u.id AND r.karma > 0) ORDER BY id), 'self-relation some');
SELECT is(pg_temp.q('Team', 'findMany', '{"where": {"memberships": {"none": {}}}, "orderBy": [{"org": "asc"}, {"slug": "asc"}], "select": {"org": true, "slug": true}}'),
          (SELECT coalesce(jsonb_agg(jsonb_build_object('org', org, 'slug', slug) ORDER BY org, slug), '[]') FROM "Team" t
           WHERE NOT EXISTS (SELECT FROM memberships m WHERE m.team_org = t.org AND m.team_slug = t.slug)), 'compound FK none {}');
SELECT is(pg_temp.q('Membership', 'findMany', '{"where": {"team": {"is": {"name": "Core"}}, "userId": {"lt": 15}}, "orderBy": [{"userId": "asc"}, {"teamOrg": "asc"}, {"teamSlug": "asc"}], "select": {"userId": true, "teamOrg": true}}'),
          (SELECT jsonb_agg(jsonb_build_object('userId', m.user_id, 'teamOrg', m.team_org) ORDER BY m.user_id, m.team_org, m.team_slug)
           FROM memberships m JOIN "Team" t ON (t.org, t.slug) = (m.team_org, m.team_slug) WHERE t.name = 'Core' AND m.user_id < 15),
          'compound FK is');

-- nested selections -----------------------------------------------------------
SELECT is(pg_temp.q('User', 'findMany', '{"where": {"id": {"lte": 6}}, "orderBy": {"id": "asc"}, "select": {"id": true, "posts": {"select": {"id": true, "title": true}}}}'),
          (SELECT jsonb_agg(jsonb_build_object('id', u.id, 'posts',
                  (SELECT coalesce(jsonb_agg(jsonb_build_object('id', p.id, 'title', p.title) ORDER BY p.id), '[]')
                   FROM "Post" p WHERE p."authorId" = u.id)) ORDER BY u.id) FROM users u WHERE u.id <= 6),
          'one-to-many nested, [] when empty');
SELECT is(pg_temp.q('Post', 'findMany', '{"where": {"id": {"in": [1, 6, 9, 13]}}, "orderBy": {"id": "asc"}, "select": {"id": true, "categories": {"select": {"id": true, "name": true}}}}'),
          (SELECT jsonb_agg(jsonb_build_object('id', p.id, 'categories',
                  (SELECT coalesce(jsonb_agg(jsonb_build_object('id', c.id, 'name', c.name) ORDER BY c.id), '[]')
                   FROM "_CategoryToPost" cp JOIN "Category" c ON c.id = cp."A" WHERE cp."B" = p.id)) ORDER BY p.id)
           FROM "Post" p WHERE p.id IN (1, 6, 9, 13)),
          'many-to-many nested');
SELECT is(pg_temp.q('User', 'findMany', '{"where": {"id": {"lte": 3}}, "orderBy": {"id": "asc"}, "select": {"id": true, "manager": {"select": {"id": true}}, "reports": {"select": {"id": true}}}}'),
          (SELECT jsonb_agg(jsonb_build_object('id', u.id,
                  'manager', (SELECT jsonb_build_object('id', m.id) FROM users m WHERE m.id = u.manager_id),
                  'reports', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', r.id) ORDER BY r.id), '[]') FROM users r WHERE r.manager_id = u.id))
                  ORDER BY u.id) FROM users u WHERE u.id <= 3),
          'self-relation nested both ways, null manager');
SELECT is(pg_temp.q('Team', 'findMany', '{"where": {"org": "acme"}, "orderBy": {"slug": "asc"}, "select": {"slug": true, "memberships": {"select": {"userId": true}, "where": {"userId": {"lt": 20}}}}}'),
          (SELECT jsonb_agg(jsonb_build_object('slug', t.slug, 'memberships',
                  (SELECT coalesce(jsonb_agg(jsonb_build_object('userId', m.user_id) ORDER BY m.user_id, m.team_org, m.team_slug), '[]')
                   FROM memberships m WHERE (m.team_org, m.team_slug) = (t.org, t.slug) AND m.user_id < 20)) ORDER BY t.slug)
           FROM "Team" t WHERE t.org = 'acme'),
          'compound FK nested with where');
SELECT is(pg_temp.q('User', 'findMany', '{"where": {"id": {"lte": 12}}, "orderBy": {"id": "asc"}, "select": {"id": true, "posts": {"where": {"published": true}, "orderBy": {"id": "desc"}, "take": 1, "select": {"id": true}}}}'),
          (SELECT jsonb_agg(jsonb_build_object('id', u.id, 'posts',
                  (SELECT coalesce(jsonb_agg(jsonb_build_object('id', x.id) ORDER BY x.id DESC), '[]')
                   FROM (SELECT p.id FROM "Post" p WHERE p."authorId" = u.id AND p.published ORDER BY p.id DESC LIMIT 1) x)) ORDER BY u.id)
           FROM users u WHERE u.id <= 12),
          'nested where, orderBy and take per parent');
SELECT is(pg_temp.q('User', 'findMany', '{"where": {"id": {"lte": 12}}, "orderBy": {"id": "asc"}, "select": {"id": true, "_count": {"select": {"posts": {"where": {"published": true}}, "comments": true}}}}'),
          (SELECT jsonb_agg(jsonb_build_object('id', u.id, '_count', jsonb_build_object(
                  'posts', (SELECT count(*) FROM "Post" p WHERE p."authorId" = u.id AND p.published),
                  'comments', (SELECT count(*) FROM "Comment" c WHERE c."authorId" = u.id))) ORDER BY u.id)
           FROM users u WHERE u.id <= 12),
          '_count with a where');
SELECT is(pg_temp.q('Category', 'findMany', '{"orderBy": {"id": "asc"}, "select": {"id": true, "_count": {"select": {"posts": true}}}}'),
          (SELECT jsonb_agg(jsonb_build_object('id', c.id, '_count', jsonb_build_object(
                  'posts', (SELECT count(*) FROM "_CategoryToPost" cp WHERE cp."A" = c.id))) ORDER BY c.id) FROM "Category" c),
          '_count of a many-to-many');

-- ordering and pagination -----------------------------------------------------
SELECT is(pg_temp.ids('Post', '{"orderBy": {"title": "asc"}, "skip": 3, "take": 5}'),
          ARRAY(SELECT id FROM "Post" ORDER BY title, id OFFSET 3 LIMIT 5), 'take and skip, ties by id');
SELECT is(pg_temp.ids('Post', '{"orderBy": {"views": "desc"}, "take": -4}'),
          ARRAY(SELECT id FROM (SELECT id, views FROM "Post" ORDER BY views ASC, id DESC LIMIT 4) s ORDER BY views DESC, id),
          'negative take: the last rows, in the requested order');
SELECT is(pg_temp.ids('Post', '{"take": -3, "skip": 2}'),
          ARRAY(SELECT id FROM (SELECT id FROM "Post" ORDER BY id DESC OFFSET 2 LIMIT 3) s ORDER BY id),
          'negative take with skip');
SELECT is(pg_temp.ids('User', '{"orderBy": {"name": {"sort": "asc", "nulls": "first"}}}'),
          ARRAY(SELECT id FROM users ORDER BY name ASC NULLS FIRST, id), 'nulls first');
SELECT is(pg_temp.ids('Post', '{"orderBy": [{"rating": {"sort": "desc", "nulls": "last"}}, {"views": "asc"}]}'),
          ARRAY(SELECT id FROM "Post" ORDER BY rating DESC NULLS LAST, views, id), 'nulls last, then a second key');
SELECT is(pg_temp.ids('User', '{"orderBy": [{"role": "desc"}, {"karma": "desc"}]}'),
          ARRAY(SELECT id FROM users ORDER BY role DESC, karma DESC, id), 'enum order, ties by id');
SELECT is(pg_temp.ids('Post', '{"orderBy": {"author": {"karma": "asc"}}, "take": 15}'),
          ARRAY(SELECT p.id FROM "Post" p JOIN users u ON u.id = p."authorId" ORDER BY u.karma, p.id LIMIT 15), 'orderBy a relation field');
SELECT is(pg_temp.ids('User', '{"orderBy": {"posts": {"_count": "desc"}}}'),
          ARRAY(SELECT u.id FROM users u ORDER BY (SELECT count(*) FROM "Post" p WHERE p."authorId" = u.id) DESC, u.id), 'orderBy _count');
SELECT is(pg_temp.ids('Post', '{"cursor": {"id": 10}, "take": 3}'),
          ARRAY[10, 11, 12], 'cursor includes the cursor row');
SELECT is(pg_temp.ids('Post', '{"cursor": {"id": 10}, "take": 3, "skip": 1}'),
          ARRAY[11, 12, 13], 'cursor with skip 1');
SELECT is(pg_temp.ids('Post', '{"cursor": {"id": 10}, "take": -3}'),
          ARRAY[8, 9, 10], 'cursor with a negative take');
SELECT is(pg_temp.ids('Post', '{"orderBy": {"title": "asc"}, "cursor": {"id": 9}, "take": 4}'),
          ARRAY(SELECT p.id FROM "Post" p, "Post" c WHERE c.id = 9 AND (p.title > c.title OR (p.title = c.title AND p.id >= c.id))
                ORDER BY p.title, p.id LIMIT 4), 'cursor under a non-unique orderBy');
SELECT is(pg_temp.ids('User', '{"distinct": ["name"], "orderBy": {"id": "asc"}}'),
          ARRAY(SELECT id FROM (SELECT DISTINCT ON (name) id, name FROM users ORDER BY name, id) s ORDER BY id), 'distinct: first row per key');
SELECT is(pg_temp.ids('User', '{"distinct": ["role"], "orderBy": {"karma": "desc"}}'),
          ARRAY(SELECT id FROM (SELECT DISTINCT ON (role) id, role, karma FROM users ORDER BY role, karma DESC, id) s ORDER BY karma DESC, id),
          'distinct follows the orderBy');

-- count, aggregate, groupBy, findFirst, findUnique ------------------------------
SELECT is(prisma_query('Post', 'count', '{"where": {"author": {"is": {"role": "USER"}}, "published": true}}')::text::int,
          (SELECT count(*)::int FROM "Post" p JOIN users u ON u.id = p."authorId" WHERE u.role = 'USER' AND p.published), 'count with where');
SELECT is(pg_temp.q('User', 'aggregate', '{"where": {"id": {"gt": 10}}, "_sum": {"karma": true}, "_min": {"karma": true}, "_max": {"karma": true}, "_count": {"_all": true, "name": true}}'),
          (SELECT jsonb_build_object('_sum', jsonb_build_object('karma', sum(karma)), '_min', jsonb_build_object('karma', min(karma)),
                  '_max', jsonb_build_object('karma', max(karma)), '_count', jsonb_build_object('_all', count(*), 'name', count(name)))
           FROM users WHERE id > 10), 'aggregate of an Int: numbers');
SELECT is(pg_temp.q('User', 'aggregate', '{"where": {"id": {"gt": 10}}, "_avg": {"karma": true}}')->'_avg'->>'karma',
          (SELECT avg(karma)::float8::text FROM users WHERE id > 10), 'aggregate _avg');
SELECT is(pg_temp.q('Post', 'aggregate', '{"where": {"id": {"gt": 12}}, "_sum": {"views": true, "price": true}}'),
          (SELECT jsonb_build_object('_sum', jsonb_build_object('views', sum(views)::text, 'price', trim_scale(sum(price))::text))
           FROM "Post" WHERE id > 12), 'aggregate of BigInt and Decimal: strings');
SELECT is(pg_temp.q('User', 'groupBy', '{"by": ["role"], "_count": {"_all": true}, "_sum": {"karma": true}, "having": {"karma": {"_sum": {"gt": 0}}}, "orderBy": {"role": "desc"}}'),
          (SELECT jsonb_agg(jsonb_build_object('role', role, '_count', jsonb_build_object('_all', n), '_sum', jsonb_build_object('karma', s)) ORDER BY role DESC)
           FROM (SELECT role, count(*) AS n, sum(karma) AS s FROM users GROUP BY role HAVING sum(karma) > 0) g), 'groupBy with having and orderBy');
SELECT is(pg_temp.q('Comment', 'groupBy', '{"by": ["postId"], "_count": {"_all": true}, "having": {"id": {"_count": {"gte": 3}}}, "orderBy": [{"_count": {"id": "desc"}}, {"postId": "asc"}]}'),
          (SELECT jsonb_agg(jsonb_build_object('postId', "postId", '_count', jsonb_build_object('_all', n)) ORDER BY n DESC, "postId")
           FROM (SELECT "postId", count(*) AS n FROM "Comment" GROUP BY "postId" HAVING count(*) >= 3) g), 'groupBy ordered by _count');
SELECT is(pg_temp.q('User', 'findFirst', '{"where": {"karma": 50}, "orderBy": {"name": "desc"}, "select": {"id": true}}'),
          (SELECT jsonb_build_object('id', id) FROM users WHERE karma = 50 ORDER BY name DESC, id LIMIT 1), 'findFirst');
SELECT is(pg_temp.q('User', 'findFirst', '{"where": {"karma": 12345}}'), 'null'::jsonb, 'findFirst without a row: null');
SELECT is(pg_temp.q('Team', 'findUnique', '{"where": {"org_slug": {"org": "globex", "slug": "ops"}}, "select": {"name": true}}'),
          (SELECT jsonb_build_object('name', name) FROM "Team" WHERE org = 'globex' AND slug = 'ops'), 'findUnique by a compound id');
SELECT is(pg_temp.q('Post', 'findUnique', '{"where": {"authorTitle": {"authorId": 2, "title": "Hello World"}}, "select": {"id": true}}'),
          (SELECT jsonb_build_object('id', id) FROM "Post" WHERE "authorId" = 2 AND title = 'Hello World'), 'findUnique by a named compound unique');

SELECT * FROM finish();
ROLLBACK;
