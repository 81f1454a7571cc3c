/* prisma_compile 0.2.0 */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION prisma_compile" to load this file. \quit

-- The stored Prisma schema: one row, dumped by pg_dump with the extension.
CREATE SCHEMA prisma_compile;
CREATE TABLE prisma_compile.loaded_schema (
	id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
	source text NOT NULL,
	version bigint NOT NULL,
	loaded_at timestamptz NOT NULL DEFAULT now(),
	-- the loader's search_path: where tables and enums without @@schema are
	-- looked up, whoever queries (docs/safety.md)
	search_path text[] NOT NULL DEFAULT '{public}'
);
SELECT pg_catalog.pg_extension_config_dump('prisma_compile.loaded_schema', '');
GRANT USAGE ON SCHEMA prisma_compile TO PUBLIC;
GRANT SELECT ON prisma_compile.loaded_schema TO PUBLIC;

-- Parse a Prisma schema, check it against the catalog, store it.
CREATE FUNCTION prisma_load_schema(schema text) RETURNS json
	AS 'MODULE_PATHNAME', 'prisma_load_schema'
	LANGUAGE C STRICT VOLATILE;

-- Run one read: {"model": ..., "operation": ..., "args": {...}}.
CREATE FUNCTION prisma_query(query json) RETURNS json
	AS 'MODULE_PATHNAME', 'prisma_query'
	LANGUAGE C STRICT VOLATILE;

-- The same, unpacked.
CREATE FUNCTION prisma_query(model text, operation text, args json DEFAULT '{}') RETURNS json
	AS 'MODULE_PATHNAME', 'prisma_query_unpacked'
	LANGUAGE C STRICT VOLATILE;

-- The same read as rows: one per top-level record of a findMany, else one
-- row with the value.  For results too large to return as one value.
CREATE FUNCTION prisma_query_rows(query json) RETURNS SETOF json
	AS 'MODULE_PATHNAME', 'prisma_query_rows'
	LANGUAGE C STRICT VOLATILE ROWS 100;

-- The SQL a query compiles to, with $n placeholders.
CREATE FUNCTION prisma_compile(query json) RETURNS text
	AS 'MODULE_PATHNAME', 'prisma_compile'
	LANGUAGE C STRICT VOLATILE;

-- Counters of this backend's plan cache.
CREATE FUNCTION prisma_plan_cache_stats() RETURNS json
	AS 'MODULE_PATHNAME', 'prisma_plan_cache_stats'
	LANGUAGE C STRICT VOLATILE;

-- Building blocks of the compiled statements: one record as a JSON object
-- in Prisma's encoding (columns named "__..." are left out), and an
-- aggregate of such objects into an array ('[]' over no rows).
CREATE FUNCTION prisma_row(record) RETURNS json
	AS 'MODULE_PATHNAME', 'prisma_row'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;

-- The fields form: an object whose keys are the names (a constant text[])
-- and whose values are the other arguments, encoded by type like a
-- record's columns, without forming a record.
CREATE FUNCTION prisma_object(names text[], VARIADIC "any") RETURNS json
	AS 'MODULE_PATHNAME', 'prisma_object'
	LANGUAGE C STABLE PARALLEL SAFE;

CREATE FUNCTION prisma_agg_transfn(internal, record) RETURNS internal
	AS 'MODULE_PATHNAME', 'prisma_agg_transfn'
	LANGUAGE C STABLE PARALLEL SAFE;

CREATE FUNCTION prisma_agg_finalfn(internal) RETURNS json
	AS 'MODULE_PATHNAME', 'prisma_agg_finalfn'
	LANGUAGE C STABLE PARALLEL SAFE;

CREATE AGGREGATE prisma_agg(record) (
	SFUNC = prisma_agg_transfn,
	STYPE = internal,
	FINALFUNC = prisma_agg_finalfn,
	FINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE
);

-- prisma_agg(names, value, ...): objects of the fields form into an array.
CREATE FUNCTION prisma_agg_fields_transfn(internal, text[], VARIADIC "any") RETURNS internal
	AS 'MODULE_PATHNAME', 'prisma_agg_fields_transfn'
	LANGUAGE C STABLE PARALLEL SAFE;

CREATE AGGREGATE prisma_agg(text[], VARIADIC "any") (
	SFUNC = prisma_agg_fields_transfn,
	STYPE = internal,
	FINALFUNC = prisma_agg_finalfn,
	FINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE
);

-- Children grouped by parent: prisma_group(key, names, value, ...) files
-- each row's object (the fields form of prisma_agg) under its parent key,
-- in a hash table whose groups are in input order;
-- prisma_group_sorted(key, sort key, names, value, ...) puts each group in
-- sort-key order (nulls last) whatever the input order, and its partial
-- states combine, so the planner may use parallel workers.
-- prisma_group_get(groups, key) is one parent's array ('[]' when it has
-- none).  A prisma_groups value names the aggregate's groups, which are
-- not copied: it lives as long as the aggregate's memory, in the statement
-- and process that built it.  Set-based relation reads build the groups
-- once, in an InitPlan.  prisma_group_get is VOLATILE (it reads the
-- backend's live groups; and so the planner calls it after sorting the
-- parent rows, not before, where the sort would carry every array) and
-- PARALLEL RESTRICTED.
CREATE TYPE prisma_groups;
CREATE FUNCTION prisma_groups_in(cstring) RETURNS prisma_groups
	AS 'MODULE_PATHNAME', 'prisma_groups_in'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION prisma_groups_out(prisma_groups) RETURNS cstring
	AS 'MODULE_PATHNAME', 'prisma_groups_out'
	LANGUAGE C STABLE STRICT PARALLEL RESTRICTED;
CREATE TYPE prisma_groups (
	INPUT = prisma_groups_in,
	OUTPUT = prisma_groups_out,
	INTERNALLENGTH = 16,
	ALIGNMENT = double
);

CREATE FUNCTION prisma_group_transfn(internal, anyelement, text[], VARIADIC "any") RETURNS internal
	AS 'MODULE_PATHNAME', 'prisma_group_transfn'
	LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION prisma_group_sorted_transfn(internal, anyelement, anycompatible, text[], VARIADIC "any") RETURNS internal
	AS 'MODULE_PATHNAME', 'prisma_group_sorted_transfn'
	LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION prisma_group_finalfn(internal) RETURNS prisma_groups
	AS 'MODULE_PATHNAME', 'prisma_group_finalfn'
	LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION prisma_group_combinefn(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'prisma_group_combinefn'
	LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION prisma_group_serialfn(internal) RETURNS bytea
	AS 'MODULE_PATHNAME', 'prisma_group_serialfn'
	LANGUAGE C STRICT STABLE PARALLEL SAFE;
CREATE FUNCTION prisma_group_deserialfn(bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'prisma_group_deserialfn'
	LANGUAGE C STRICT STABLE PARALLEL SAFE;
CREATE AGGREGATE prisma_group_sorted(anyelement, anycompatible, text[], VARIADIC "any") (
	SFUNC = prisma_group_sorted_transfn,
	STYPE = internal,
	FINALFUNC = prisma_group_finalfn,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = prisma_group_combinefn,
	SERIALFUNC = prisma_group_serialfn,
	DESERIALFUNC = prisma_group_deserialfn,
	PARALLEL = SAFE
);
CREATE AGGREGATE prisma_group(anyelement, text[], VARIADIC "any") (
	SFUNC = prisma_group_transfn,
	STYPE = internal,
	FINALFUNC = prisma_group_finalfn,
	FINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE
);
CREATE FUNCTION prisma_group_get(groups prisma_groups, key anyelement) RETURNS json
	AS 'MODULE_PATHNAME', 'prisma_group_get'
	LANGUAGE C VOLATILE PARALLEL RESTRICTED;

-- prisma_group_take(groups, key): prisma_group_get for the only parent row
-- that reads key's group; the group is freed as it is taken and cannot be
-- read again (55000).  Set-based reads take where each group has one
-- parent row, read once (docs/large-results.md).
CREATE FUNCTION prisma_group_take(groups prisma_groups, key anyelement) RETURNS json
	AS 'MODULE_PATHNAME', 'prisma_group_take'
	LANGUAGE C VOLATILE PARALLEL RESTRICTED;

-- key = ANY(keys), with planner support: the selectivity comes from the
-- estimated size of keys (an ARRAY(subquery) of parent keys) and the index
-- condition is key = ANY(keys).  Used by set-based relation reads.
-- PARALLEL RESTRICTED: a scan filtered by it stays in one process, where
-- the filter leaves few rows and a worker's start costs more than the
-- share of the scan it takes (docs/design.md, "Parallel workers").
-- prisma_key_in_parallel is the same test for parallel scans, used when
-- prisma_compile.parallel is on.
CREATE FUNCTION prisma_key_in_support(internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'prisma_key_in_support'
	LANGUAGE C STRICT;

CREATE FUNCTION prisma_key_in(key anyelement, keys anyarray) RETURNS bool
	AS 'MODULE_PATHNAME', 'prisma_key_in'
	LANGUAGE C IMMUTABLE STRICT PARALLEL RESTRICTED
	SUPPORT prisma_key_in_support;

CREATE FUNCTION prisma_key_in_parallel(key anyelement, keys anyarray) RETURNS bool
	AS 'MODULE_PATHNAME', 'prisma_key_in'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT prisma_key_in_support;

REVOKE ALL ON FUNCTION prisma_load_schema(text) FROM PUBLIC;
