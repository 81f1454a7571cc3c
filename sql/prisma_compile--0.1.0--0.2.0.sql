/* prisma_compile 0.1.0 -> 0.2.0 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION prisma_compile UPDATE TO '0.2.0'" to load this file. \quit

-- Every object added or changed since 0.1.0 is (re)declared here as well as
-- in prisma_compile--0.2.0.sql, so that an updated database and a fresh
-- install have the same objects.

-- The loader's search_path: where tables and enums without @@schema are
-- looked up, whoever queries (docs/safety.md).  A schema loaded by 0.1.0
-- keeps public; load it again to record another path.
ALTER TABLE prisma_compile.loaded_schema
	ADD COLUMN search_path text[] NOT NULL DEFAULT '{public}';

-- The same read as rows: one per top-level record of a findMany, else one
-- row with the value.  For results too large to return as one value.
CREATE FUNCTION prisma_query_rows(query json) RETURNS SETOF json
	AS 'MODULE_PATHNAME', 'prisma_query_rows'
	LANGUAGE C STRICT VOLATILE ROWS 100;

-- prisma_group_take(groups, key): prisma_group_get for the only parent row
-- that reads key's group; the group is freed as it is taken and cannot be
-- read again (55000).  Set-based reads take where each group has one
-- parent row, read once (docs/large-results.md).
CREATE FUNCTION prisma_group_take(groups prisma_groups, key anyelement) RETURNS json
	AS 'MODULE_PATHNAME', 'prisma_group_take'
	LANGUAGE C VOLATILE PARALLEL RESTRICTED;

-- A scan filtered by the parent-key test stays in one process; the
-- parallel-safe twin is for prisma_compile.parallel = on (docs/design.md,
-- "Parallel workers").
ALTER FUNCTION prisma_key_in(anyelement, anyarray) PARALLEL RESTRICTED;

CREATE FUNCTION prisma_key_in_parallel(key anyelement, keys anyarray) RETURNS bool
	AS 'MODULE_PATHNAME', 'prisma_key_in'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT prisma_key_in_support;
