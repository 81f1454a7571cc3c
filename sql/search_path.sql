-- The caller's search_path cannot change what a compiled statement means:
-- functions, operators and tables of a schema placed earlier on the path
-- are never used (docs/safety.md).  Every object below that prisma_query
-- might resolve by name announces itself with a NOTICE; no NOTICE may
-- appear under a prisma_query call.
BEGIN;
\i regress/setup_kitchen_sink.sql

-- the answers under the ordinary path
CREATE TEMP TABLE q (n int PRIMARY KEY, doc json);
INSERT INTO q VALUES
 (1, '{"model": "Post", "operation": "aggregate", "args": {"_count": {"_all": true}}}'),
 (2, '{"model": "User", "operation": "findMany", "args": {"where": {"role": "ADMIN"}, "select": {"id": true}}}'),
 (3, '{"model": "Category", "operation": "findMany", "args": {"select": {"id": true}}}'),
 (4, '{"model": "User", "operation": "findMany", "args": {"where": {"id": {"lt": 4}}, "select": {"id": true, "posts": {"select": {"id": true}}}}}'),
 (5, '{"model": "User", "operation": "findFirst", "args": {"where": {"email": {"contains": "ALICE", "mode": "insensitive"}}, "select": {"id": true}}}'),
 (6, '{"model": "Post", "operation": "findUnique", "args": {"where": {"id": 1}, "select": {"title": true, "categories": {"select": {"id": true}}}}}'),
 (7, '{"model": "Post", "operation": "groupBy", "args": {"by": ["status"], "_count": true, "orderBy": {"status": "asc"}}}'),
 (8, '{"model": "User", "operation": "findMany", "args": {"where": {"id": {"lt": 3}}, "select": {"id": true, "_count": {"select": {"posts": true}}}}}'),
 (9, '{"model": "User", "operation": "findMany", "args": {"select": {"id": true, "posts": {"select": {"id": true}}}}}');
CREATE TEMP TABLE expected AS SELECT n, prisma_query(doc)::text AS r FROM q;
SELECT n, r FROM expected ORDER BY n;

-- a schema of lookalikes
CREATE SCHEMA evil;
CREATE FUNCTION evil.prisma_row(r record) RETURNS json LANGUAGE plpgsql AS
  $$BEGIN RAISE NOTICE 'evil prisma_row as %', current_user; RETURN '"pwned"'; END$$;
CREATE FUNCTION evil.prisma_object(names text[], v integer) RETURNS json LANGUAGE plpgsql AS
  $$BEGIN RAISE NOTICE 'evil prisma_object as %', current_user; RETURN '"pwned"'; END$$;
CREATE FUNCTION evil.agg_step(s json, names text[], v integer) RETURNS json LANGUAGE plpgsql AS
  $$BEGIN RAISE NOTICE 'evil prisma_agg as %', current_user; RETURN '"pwned"'; END$$;
CREATE AGGREGATE evil.prisma_agg(text[], integer) (SFUNC = evil.agg_step, STYPE = json);
CREATE FUNCTION evil.prisma_key_in(k integer, ks integer[]) RETURNS boolean LANGUAGE plpgsql AS
  $$BEGIN RAISE NOTICE 'evil prisma_key_in as %', current_user; RETURN true; END$$;
CREATE FUNCTION evil.prisma_key_in_parallel(k integer, ks integer[]) RETURNS boolean LANGUAGE plpgsql AS
  $$BEGIN RAISE NOTICE 'evil prisma_key_in_parallel as %', current_user; RETURN true; END$$;
CREATE FUNCTION evil.prisma_group_get(g prisma_groups, k integer) RETURNS json LANGUAGE plpgsql AS
  $$BEGIN RAISE NOTICE 'evil prisma_group_get as %', current_user; RETURN '"pwned"'; END$$;
CREATE FUNCTION evil.prisma_group_take(g prisma_groups, k integer) RETURNS json LANGUAGE plpgsql AS
  $$BEGIN RAISE NOTICE 'evil prisma_group_take as %', current_user; RETURN '"pwned"'; END$$;
CREATE FUNCTION evil.lower(t text) RETURNS text LANGUAGE plpgsql AS
  $$BEGIN RAISE NOTICE 'evil lower as %', current_user; RETURN t; END$$;
CREATE FUNCTION evil.count() RETURNS bigint LANGUAGE plpgsql AS
  $$BEGIN RAISE NOTICE 'evil count as %', current_user; RETURN 0; END$$;
CREATE FUNCTION evil.role_eq(a "Role", b "Role") RETURNS boolean LANGUAGE plpgsql AS
  $$BEGIN RAISE NOTICE 'evil = as %', current_user; RETURN true; END$$;
CREATE OPERATOR evil.= (LEFTARG = "Role", RIGHTARG = "Role", FUNCTION = evil.role_eq);
CREATE FUNCTION evil.int_lt(a integer, b integer) RETURNS boolean LANGUAGE plpgsql AS
  $$BEGIN RAISE NOTICE 'evil < as %', current_user; RETURN true; END$$;
CREATE OPERATOR evil.< (LEFTARG = integer, RIGHTARG = integer, FUNCTION = evil.int_lt);
-- tables of the models' names, earlier on the path
CREATE TABLE evil."Post" (LIKE public."Post");
INSERT INTO evil."Post" SELECT * FROM public."Post" LIMIT 1;
CREATE TABLE evil.users (LIKE public.users);
CREATE TABLE evil."Category" (LIKE public."Category");
CREATE TEMP TABLE "Category" (LIKE public."Category");
GRANT USAGE ON SCHEMA evil TO PUBLIC;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA evil TO PUBLIC;

-- the lookalikes are live for plain SQL under the attacker's path ...
SET search_path = evil, pg_catalog, public;
SELECT prisma_row(row(1));
SELECT 'ADMIN'::"Role" = 'ADMIN'::"Role" AS enum_eq;
SELECT lower('ABC');
SELECT 1 < 2 AS int_lt;
SELECT pg_catalog.count(*) FROM "Post";
SELECT pg_catalog.count(*) FROM "Category";

-- ... and never reached by prisma_query, whose answers do not change
SELECT n, prisma_query(doc)::text = (SELECT r FROM expected e WHERE e.n = q.n) AS same
	FROM q ORDER BY n;
-- with prisma_compile.parallel on, set-based reads test the parents' keys
-- with prisma_key_in_parallel: not the lookalike either
SET prisma_compile.parallel = on;
SELECT prisma_compile(doc) ~ 'prisma_key_in_parallel\(' AS parallel_twin,
       prisma_query(doc)::text = (SELECT r FROM expected e WHERE e.n = q.n) AS same
	FROM q WHERE n = 9;
RESET prisma_compile.parallel;
-- the unpacked form and prisma_compile too
SELECT prisma_query('User', 'findMany', '{"where": {"role": "ADMIN"}, "select": {"id": true}}')::text
	= (SELECT r FROM expected WHERE n = 2) AS same;
SELECT prisma_compile('{"model": "Category", "operation": "findMany", "args": {"select": {"id": true}}}');
-- the caller's path is back after each call, and after an error
SHOW search_path;
DO $$
BEGIN
  PERFORM prisma_query('{"model": "Nope", "operation": "findMany"}');
EXCEPTION WHEN undefined_table THEN
  RAISE NOTICE 'after an error: %', current_setting('search_path');
END $$;
RESET search_path;

-- the temp schema comes first for relations by default: a temporary
-- "Category" is still not the model's table
SELECT prisma_query('Category', 'count');
SELECT count(*) AS temp_rows FROM "Category";

-- a SECURITY DEFINER function (owned by a superuser, no SET search_path)
-- called by a role that chooses the path: the lookalikes do not run as the
-- owner
CREATE ROLE pc_sp_caller;
CREATE FUNCTION public.published_count() RETURNS json SECURITY DEFINER LANGUAGE sql AS
  $$SELECT public.prisma_query('Post', 'count', '{"where": {"published": true}}')$$;
CREATE FUNCTION public.admin_ids() RETURNS json SECURITY DEFINER LANGUAGE plpgsql AS
  $$BEGIN RETURN public.prisma_query('{"model": "User", "operation": "findMany", "args": {"where": {"role": "ADMIN"}, "select": {"id": true}}}'); END$$;
SET ROLE pc_sp_caller;
SET search_path = evil, pg_catalog, public;
SELECT published_count();
SELECT admin_ids();
-- the caller itself may not read the tables
SELECT prisma_query('Post', 'count');
RESET search_path;
RESET ROLE;

-- the plan cache: one plan per shape whatever the path
SELECT prisma_query('Category', 'findUnique', '{"where": {"id": 2}}');
SET search_path = evil, pg_catalog, public;
SELECT prisma_query('Category', 'findUnique', '{"where": {"id": 2}}');
SELECT (prisma_plan_cache_stats()->>'hits')::int > 0 AS reused;
RESET search_path;
ROLLBACK;
