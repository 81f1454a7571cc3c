-- The plan shape each relation read compiles to (docs/set-based.md), as
-- prisma_compile() shows it, on the kitchen-sink fixture as prisma db push
-- creates it (no index on Post.authorId, Comment.postId, ...) and again
-- with an index on those keys: per row (a correlated subquery, an index
-- probe per parent) only where the key is indexed and the parents are few,
-- set-based (the children of all parents at once) otherwise.  The results
-- are the same either way.
BEGIN;
\i regress/setup_kitchen_sink.sql

-- the shape: the compiled SQL with the aliases' numbers kept
CREATE FUNCTION shape(model text, op text, args text) RETURNS text LANGUAGE sql AS $$
  SELECT prisma_compile(json_build_object('model', model, 'operation', op, 'args', args::json))
$$;
-- the result, for comparing the two layouts
CREATE TEMP TABLE results (n serial, layout text, result text);
CREATE FUNCTION run(layout text, model text, op text, args text) RETURNS void LANGUAGE sql AS $$
  INSERT INTO results (layout, result) SELECT layout, prisma_query(model, op, args::json)::text
$$;
CREATE TEMP TABLE cases (n serial, model text, op text, args text);
INSERT INTO cases (model, op, args) VALUES
  -- 1. a to-many include under a small take (Comment.postId: no index)
  ('Post', 'findMany', '{"take": 3, "select": {"id": true, "comments": true}}'),
  -- 2. the same through Post.authorId, the leading column of the unique
  --    index (authorId, title): per row on both layouts
  ('User', 'findMany', '{"take": 3, "select": {"id": true, "posts": {"select": {"id": true}}}}'),
  -- 3. many parents (no take): set-based on both layouts
  ('User', 'findMany', '{"select": {"id": true, "posts": {"select": {"id": true}}}}'),
  -- 4. _count (filtered too) under a small take
  ('User', 'findMany', '{"take": 3, "select": {"id": true, "_count": {"select": {"posts": true, "comments": {"where": {"text": {"contains": "e"}}}}}}}'),
  -- 5. orderBy a relation's _count
  ('Post', 'findMany', '{"take": 3, "orderBy": [{"comments": {"_count": "desc"}}, {"id": "asc"}], "select": {"id": true}}'),
  -- 6. per-parent take, skip, orderBy
  ('Post', 'findMany', '{"take": 5, "select": {"id": true, "comments": {"take": 2, "skip": 1, "orderBy": {"text": "desc"}, "select": {"id": true}}}}'),
  -- 7. negative per-parent take and a cursor (read per row: the parent's
  --    own key is tested for the cursor row's parent, a one-time filter)
  ('Post', 'findMany', '{"take": 5, "select": {"id": true, "comments": {"take": -2, "cursor": {"id": 3}, "select": {"id": true}}}}'),
  -- 8. two levels: the children of a set-based level are the parents of the
  --    next; per row at both levels once both keys are indexed
  ('User', 'findMany', '{"take": 4, "select": {"id": true, "posts": {"select": {"id": true, "comments": {"take": 1, "select": {"id": true}}, "_count": true}}}}'),
  -- 9. relation filters under OR and NOT, in count
  ('User', 'count', '{"where": {"OR": [{"comments": {"some": {"text": {"contains": "a"}}}}, {"reports": {"none": {}}}, {"NOT": {"edited": {"every": {"views": {"gt": 0}}}}}]}}'),
  -- 10. to-one filters (is, isNot) probe the target's primary key: per row
  ('Post', 'findMany', '{"where": {"OR": [{"editor": {"is": {"role": "ADMIN"}}}, {"editor": {"isNot": {"karma": {"gt": 5}}}}]}, "select": {"id": true}}'),
  -- 11. findUnique: one parent, per row
  ('Post', 'findUnique', '{"where": {"id": 1}, "select": {"id": true, "comments": {"take": 2}}}'),
  -- 12. per-parent distinct: the first row of each distinct key per parent
  --     (a window partitioned by parent key and the distinct fields), then
  --     the per-parent page
  ('Post', 'findMany', '{"take": 5, "select": {"id": true, "comments": {"distinct": ["authorId"], "take": 2, "orderBy": {"text": "asc"}, "select": {"id": true, "authorId": true}}}}'),
  -- 13. a nested cursor on a many-to-many relation: only the parent linked
  --     to the cursor row gets rows (as Prisma), the others none
  ('Category', 'findMany', '{"select": {"id": true, "posts": {"cursor": {"id": 3}, "take": 2, "select": {"id": true}}}}'),
  -- 14. a to-many relation below a to-one: the related rows of all parents
  --     in a CTE, the parents of the level below, joined back by key
  ('Comment', 'findMany', '{"take": 4, "select": {"id": true, "post": {"select": {"id": true, "comments": {"select": {"id": true}}, "_count": {"select": {"categories": true}}}}}}'),
  -- 15. a compound key (Membership.team: team_org, team_slug): grouped by
  --     ROW(team_org, team_slug), the parents' keys matched as a row
  ('Team', 'findMany', '{"take": 3, "select": {"slug": true, "memberships": {"take": 2, "distinct": ["role"], "select": {"userId": true, "role": true}}}}'),
  -- 16. orderBy a _count under a filter: grouped on both layouts, over the
  --     children of the rows the filter leaves
  ('Post', 'findMany', '{"where": {"published": true}, "take": 2, "orderBy": [{"comments": {"_count": "desc"}}, {"id": "asc"}], "select": {"id": true}}'),
  -- 17. a many-to-many _count counts the links alone (foreign keys on the
  --     join table); filtered, it joins the targets
  ('Post', 'findMany', '{"take": 3, "select": {"id": true, "_count": {"select": {"categories": true}}}}'),
  ('Post', 'findMany', '{"take": 3, "select": {"id": true, "_count": {"select": {"categories": {"where": {"name": {"contains": "a"}}}}}}}'),
  -- 18. groupBy pages where it groups
  ('Comment', 'groupBy', '{"by": ["postId"], "where": {"post": {"is": {"published": true}}}, "_count": {"_all": true}, "orderBy": {"postId": "desc"}, "take": -2}'),
  -- 19. a set-based read ordered by a relation's _count and a column it
  --     does not select: the parents' CTE selects both terms ("__o0",
  --     "__o1"), and the statement orders the parents by them, the count
  --     made once
  ('Post', 'findMany', '{"take": 3, "orderBy": [{"comments": {"_count": "desc"}}, {"title": "asc"}], "select": {"id": true, "comments": {"select": {"id": true}}}}'),
  -- 20. the same with a negative take: the last rows, in forward order
  ('Post', 'findMany', '{"take": -2, "orderBy": [{"comments": {"_count": "desc"}}, {"id": "asc"}], "select": {"id": true, "comments": {"select": {"id": true}}}}'),
  -- 21. none and every as conjuncts of a WHERE (here and in a relation's
  --     filter): NOT EXISTS without an index too, an anti-join the planner
  --     places and estimates; under OR and NOT (9) a hashed NOT IN
  ('User', 'findMany', '{"take": 3, "where": {"comments": {"none": {"text": {"contains": "x"}}}, "AND": [{"edited": {"every": {"views": {"gt": 0}}}}], "posts": {"some": {"comments": {"none": {"text": {"contains": "y"}}}}}}, "select": {"id": true}}'),
  -- 22. NOT of one relation test, a conjunct, is the opposite test: NOT some
  --     an anti-join (NOT EXISTS), NOT none and NOT every a semi-join (IN);
  --     NOT of two tests stays NOT (...), a hashed SubPlan
  ('User', 'count', '{"where": {"NOT": [{"comments": {"some": {"text": {"contains": "a"}}}}, {"reports": {"none": {}}}], "AND": [{"NOT": {"edited": {"every": {"views": {"gt": 0}}}}}, {"NOT": {"posts": {"some": {}}, "id": 3}}]}}');

-- as prisma db push creates it: no index on the relation scalars
SELECT n, shape(model, op, args) FROM cases ORDER BY n;
SELECT run('push', model, op, args) FROM cases ORDER BY n;

-- an index on every foreign key: the plans are invalidated, the schema
-- rebuilt, and the per-row form comes back where the parents are few
CREATE INDEX ON "Post" ("editorId");
CREATE INDEX ON "Comment" ("postId");
CREATE INDEX ON "Comment" ("authorId");
CREATE INDEX ON users (manager_id);
SELECT n, shape(model, op, args) FROM cases ORDER BY n;
SELECT run('indexed', model, op, args) FROM cases ORDER BY n;

-- the same results either way
SELECT a.n, a.result = b.result AS same, a.result
  FROM results a JOIN results b ON b.n = a.n + (SELECT count(*) FROM cases) AND b.layout = 'indexed'
 WHERE a.layout = 'push' ORDER BY a.n;
-- a partial index does not count, nor one that does not lead with the key
DROP INDEX "Comment_postId_idx";
CREATE INDEX ON "Comment" ("postId") WHERE "authorId" IS NOT NULL;
CREATE INDEX ON "Comment" ("createdAt", "postId");
SELECT shape('Post', 'findMany', '{"take": 3, "select": {"id": true, "comments": true}}') LIKE 'WITH%' AS set_based;

-- links alone only while every link's target is there for every reader:
-- not behind row-level security on the target, nor without the foreign key
ALTER TABLE "Category" ENABLE ROW LEVEL SECURITY;
SELECT shape('Post', 'findMany', '{"take": 3, "select": {"id": true, "_count": {"select": {"categories": true}}}}') LIKE '%JOIN public."Category"%' AS joins_target;
ALTER TABLE "Category" DISABLE ROW LEVEL SECURITY;
SELECT shape('Post', 'findMany', '{"take": 3, "select": {"id": true, "_count": {"select": {"categories": true}}}}') LIKE '%JOIN public."Category"%' AS joins_target;
ALTER TABLE "_CategoryToPost" DROP CONSTRAINT "_CategoryToPost_A_fkey";
SELECT shape('Post', 'findMany', '{"take": 3, "select": {"id": true, "_count": {"select": {"categories": true}}}}') LIKE '%JOIN public."Category"%' AS joins_target;

-- a relation filter is planned for each execution's values, a findUnique
-- with one keeps its generic plan
SELECT (prisma_plan_cache_stats()->>'per_values')::int AS before \gset
SELECT prisma_query('Post', 'findMany', '{"where": {"author": {"is": {"name": {"startsWith": "x"}}}}, "select": {"id": true}}') IS NOT NULL;
SELECT (prisma_plan_cache_stats()->>'per_values')::int - :before AS planned_per_values;
SELECT prisma_query('Post', 'findUnique', '{"where": {"id": 1, "author": {"is": {"name": {"startsWith": "x"}}}}, "select": {"id": true}}') IS NOT NULL;
SELECT (prisma_plan_cache_stats()->>'per_values')::int - :before AS planned_per_values;

-- prisma_group_take: a group freed as its parent takes it, compiled where
-- each group has one parent row, read once (the top-level parents, the
-- rows of a to-many level); prisma_group_get where a group may be read
-- again: below a many-to-many level (a post under each of its categories)
-- and below a to-one read (an author shared by many posts).  Each result is
-- compared with the same statement taking nothing (every take made a get);
-- a take of a group read twice would fail (55000), never read freed memory
CREATE FUNCTION takes(model text, args text) RETURNS TABLE (takes int, gets int, same bool)
LANGUAGE plpgsql AS $$
DECLARE
  doc json := json_build_object('model', model, 'operation', 'findMany', 'args', args::json);
  sql text := prisma_compile(doc);
  untaken text;
BEGIN
  EXECUTE replace(sql, 'prisma_group_take(', 'prisma_group_get(') INTO untaken;
  RETURN QUERY SELECT (length(sql) - length(replace(sql, 'prisma_group_take(', ''))) / 18,
    (length(sql) - length(replace(sql, 'prisma_group_get(', ''))) / 17,
    prisma_query(doc)::text = untaken;
END $$;
-- a post in two categories: its comments are read under both
INSERT INTO "_CategoryToPost" ("A", "B")
  SELECT c.id, p.id FROM "Category" c, (SELECT min(id) AS id FROM "Post") p
  ON CONFLICT DO NOTHING;
SELECT "B" AS post, count(*) AS categories FROM "_CategoryToPost" GROUP BY "B" HAVING count(*) > 1 ORDER BY 1 LIMIT 1;
SELECT * FROM takes('User', '{"include": {"reports": {"include": {"reports": true, "posts": true}}, "posts": {"include": {"comments": true}}}}');
SELECT * FROM takes('Category', '{"include": {"posts": {"include": {"comments": true}}}}');
SELECT * FROM takes('Post', '{"include": {"author": {"include": {"posts": true}}, "categories": {"include": {"posts": true}}}}');
SELECT * FROM takes('Comment', '{"include": {"post": {"include": {"comments": {"include": {"author": true}}}}}}');
-- the rows form takes too
SELECT count(*) AS rows, string_agg(r::text, ',') = (SELECT string_agg(e::text, ',') FROM
         json_array_elements(prisma_query('User', 'findMany', '{"include": {"reports": {"include": {"reports": true}}, "posts": true}}')) e) AS same
  FROM prisma_query_rows('{"model": "User", "operation": "findMany", "args": {"include": {"reports": {"include": {"reports": true}}, "posts": true}}}') r;
ROLLBACK;
