/*
 * schema_store.c
 *		Store the Prisma schema and keep a parsed copy per backend.
 *
 * prisma_load_schema() parses and checks the text, then upserts it into
 * prisma_compile.loaded_schema (one row) with a new version and the
 * loader's search_path (where tables and enums without @@schema are
 * looked up, whoever queries later), and sends a relcache invalidation for
 * that table so that every backend, this one included, drops its copy.
 * Loading the text and search_path already stored changes nothing (no
 * backend drops its plans).
 *
 * schema_get() hands out this backend's parsed, resolved copy, kept in its
 * own memory context under CacheMemoryContext.  The copy is rebuilt (row
 * re-read, parsed, resolved) when it is stale: on first use, and after a
 * relcache invalidation of a relation it uses (the stored schema's table,
 * a model's table, a join table; the callback looks the relid up in a
 * sorted array), of all relations, or of any relation while a model does
 * not fit the catalog (its table may come back under a new oid).  A model
 * that no longer fits the catalog (a column dropped, renamed, retyped)
 * keeps its problem, and only queries that use it fail.  The old copy is
 * freed only inside schema_get, so a caller may use the pointer for the
 * rest of its call.  See docs/safety.md.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "access/xact.h"
#include "access/xlog.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/json.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"

#include "schema.h"
#include "prisma_compile.h"

PG_FUNCTION_INFO_V1(prisma_load_schema);

static MemoryContext schema_cxt = NULL; /* holds cached_schema */
static PrismaSchema *cached_schema = NULL;
/* a relation the copy uses: a model's table, or (model -1) the stored
 * schema's table or a join table, whose change means a rebuild */
typedef struct UsedRel
{
	Oid			relid;
	int			model;
} UsedRel;

static UsedRel *cached_relids = NULL;	/* sorted by relid; in schema_cxt */
static int	cached_nrelids = 0;
static bool catalog_reset = false;	/* every relation was invalidated */
static bool cached_has_problem = false; /* a model does not fit the catalog */
static bool schema_stale = true;
static bool callback_registered = false;
static bool index_check_pending = false;	/* a model has index_check set */

/* invalidations that arrive during a rebuild, checked against its result */
static bool rebuilding = false;
static Oid	pending_relids[64];
static int	npending = 0;
static bool pending_all = false;
static int64 rebuild_count = 0;	/* for tests: prisma_schema_rebuilds() */

static Oid	loaded_schema_relid(void);

/* Order UsedRel entries by relid. */
static int
used_rel_cmp(const void *a, const void *b)
{
	Oid			x = ((const UsedRel *) a)->relid;
	Oid			y = ((const UsedRel *) b)->relid;

	return x < y ? -1 : x > y;
}

/* A relation changed: the models on it are checked again on their next
 * use; the stored schema's table or a join table means a rebuild, and so
 * does any relation while a model does not fit the catalog (it may be its
 * table, or join table, again). */
static void
relation_changed(Oid relid)
{
	UsedRel		key = {relid, 0};
	UsedRel    *e = bsearch(&key, cached_relids, cached_nrelids, sizeof(UsedRel), used_rel_cmp);

	if (e != NULL)
	{
		while (e > cached_relids && e[-1].relid == relid)
			e--;
		for (; e < cached_relids + cached_nrelids && e->relid == relid; e++)
		{
			if (e->model < 0)
				schema_stale = true;
			else
			{
				cached_schema->models[e->model].needs_check = true;
				cached_schema->models[e->model].index_check = true;
				index_check_pending = true;
			}
		}
	}
	if (cached_has_problem)
		schema_stale = true;
}

/* Relcache invalidation callback (InvalidOid: every relation). */
static void
schema_relcache_callback(Datum arg, Oid relid)
{
	if (rebuilding)
	{
		if (!OidIsValid(relid) || npending == lengthof(pending_relids))
			pending_all = true;
		else
			pending_relids[npending++] = relid;
		return;
	}
	if (schema_stale || cached_schema == NULL)
		return;
	if (!OidIsValid(relid))
		catalog_reset = true;
	else
		relation_changed(relid);
}

/* After a rebuild: apply the invalidations that arrived while it ran. */
static void
apply_pending(void)
{
	if (pending_all)
		catalog_reset = true;
	for (int i = 0; i < npending && !schema_stale; i++)
		relation_changed(pending_relids[i]);
}

/* Record the relations a resolved schema uses (in the current context). */
static void
collect_relids(const PrismaSchema *schema, Oid stored_relid)
{
	int			n = 1;

	cached_has_problem = false;
	for (int i = 0; i < schema->nmodels; i++)
		n += 1 + schema->models[i].nfields;
	cached_relids = palloc(sizeof(UsedRel) * n);
	cached_nrelids = 0;
	cached_relids[cached_nrelids].relid = stored_relid;
	cached_relids[cached_nrelids++].model = -1;
	for (int i = 0; i < schema->nmodels; i++)
	{
		const PrismaModel *m = &schema->models[i];

		cached_has_problem |= m->problem != NULL;
		if (OidIsValid(m->relid))
		{
			cached_relids[cached_nrelids].relid = m->relid;
			cached_relids[cached_nrelids++].model = i;
		}
		for (int j = 0; j < m->nfields; j++)
		{
			const PrismaField *f = &m->fields[j];
			Oid			nsp;
			Oid			relid;

			if (f->rel_kind != REL_MANY_TO_MANY || f->join_rel_schema == NULL)
				continue;
			nsp = get_namespace_oid(f->join_rel_schema, true);
			relid = OidIsValid(nsp) ? get_relname_relid(f->join_table, nsp) : InvalidOid;
			if (OidIsValid(relid))
			{
				cached_relids[cached_nrelids].relid = relid;
				cached_relids[cached_nrelids++].model = -1;
			}
		}
	}
	qsort(cached_relids, cached_nrelids, sizeof(UsedRel), used_rel_cmp);
}

/* Check a model of the cached copy against the catalog again (its table
 * changed); the relations used are collected again if its table did. */
static void
recheck_model(PrismaModel *m)
{
	MemoryContext old = MemoryContextSwitchTo(schema_cxt);
	Oid			relid = m->relid;
	bool		had_problem = m->problem != NULL;

	PG_TRY();
	{
		m->needs_check = false;
		schema_recheck_model(cached_schema, m);
		if (m->relid != relid || (m->problem != NULL) != had_problem)
			collect_relids(cached_schema, loaded_schema_relid());
	}
	PG_CATCH();
	{
		m->needs_check = true;
		PG_RE_THROW();
	}
	PG_END_TRY();
	MemoryContextSwitchTo(old);
}

/* Check a model again if its table changed; raise the error of a model
 * that no longer fits the catalog. */
void
schema_check_model(const PrismaModel *model)
{
	if (model->needs_check && cached_schema != NULL &&
		model >= cached_schema->models && model < cached_schema->models + cached_schema->nmodels)
		recheck_model((PrismaModel *) model);
	if (model->problem != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_OBJECT_DEFINITION),
				 errmsg("model %s cannot be queried: the database no longer matches the schema", model->name),
				 errdetail("%s", model->problem),
				 errhint("Restore the table or column, or correct the schema and load it again with prisma_load_schema().")));
}

/* The caller's search_path as schema names (temporary schemas left out),
 * where a loaded schema's tables and enums without @@schema are found. */
static void
current_search_path(int *n, char ***names)
{
	List	   *path = fetch_search_path(false);
	ListCell   *lc;

	*names = palloc(sizeof(char *) * Max(list_length(path), 1));
	*n = 0;
	foreach(lc, path)
	{
		Oid			nsp = lfirst_oid(lc);
		char	   *name;

		if (isAnyTempNamespace(nsp) || (name = get_namespace_name(nsp)) == NULL)
			continue;
		(*names)[(*n)++] = name;
	}
	list_free(path);
}

/* Register the invalidation callback once per backend. */
static void
schema_store_init(void)
{
	if (callback_registered)
		return;
	CacheRegisterRelcacheCallback(schema_relcache_callback, (Datum) 0);
	callback_registered = true;
}

/* The oid of prisma_compile.loaded_schema. */
static Oid
loaded_schema_relid(void)
{
	Oid			nsp = get_namespace_oid("prisma_compile", false);
	Oid			relid = get_relname_relid("loaded_schema", nsp);

	if (!OidIsValid(relid))
		elog(ERROR, "table prisma_compile.loaded_schema is missing");
	return relid;
}

/* Read the stored schema text, version and search_path; false when there
 * is no row.  They are allocated in the caller's memory context. */
static bool
read_stored_schema(char **source, int64 *version, int *npath, char ***path)
{
	MemoryContext caller = CurrentMemoryContext;
	bool		found = false;
	int			ret;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	/* before ALTER EXTENSION ... UPDATE to 0.2.0 the table has no
	 * search_path: the path is public, as the update sets it */
	ret = SPI_execute(get_attnum(loaded_schema_relid(), "search_path") != InvalidAttrNumber ?
					  "SELECT source, version, search_path FROM prisma_compile.loaded_schema WHERE id = 1" :
					  "SELECT source, version, '{public}'::text[] FROM prisma_compile.loaded_schema WHERE id = 1",
					  true, 1);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute failed: %s", SPI_result_code_string(ret));
	if (SPI_processed == 1)
	{
		bool		isnull;
		Datum		d;

		d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
		*source = MemoryContextStrdup(caller, TextDatumGetCString(d));
		d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull);
		*version = DatumGetInt64(d);
		d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3, &isnull);
		{
			Datum	   *elems;
			bool	   *nulls;

			deconstruct_array(DatumGetArrayTypeP(d), TEXTOID, -1, false, TYPALIGN_INT,
							  &elems, &nulls, npath);
			*path = MemoryContextAlloc(caller, sizeof(char *) * Max(*npath, 1));
			for (int i = 0; i < *npath; i++)
				(*path)[i] = MemoryContextStrdup(caller, TextDatumGetCString(elems[i]));
		}
		found = true;
	}
	SPI_finish();
	return found;
}

/* Parse and resolve the stored schema into a new long-lived context. */
static void
rebuild_schema(void)
{
	char	   *source;
	int64		version;
	int			npath;
	char	  **path;
	MemoryContext cxt;
	MemoryContext old;
	PrismaSchema *schema;

	/* invalidations that arrive while we rebuild must count */
	schema_stale = false;
	rebuilding = true;
	rebuild_count++;
	npending = 0;
	pending_all = false;

	if (!read_stored_schema(&source, &version, &npath, &path))
	{
		schema_stale = true;
		rebuilding = false;
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("no Prisma schema is loaded"),
				 errhint("Load one with prisma_load_schema(schema text).")));
	}

	cxt = AllocSetContextCreate(CacheMemoryContext, "prisma_compile schema",
								ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(cxt);
	PG_TRY();
	{
		schema = psl_parse(source);
		schema->nsearch_path = npath;
		schema->search_path = palloc(sizeof(char *) * Max(npath, 1));
		for (int i = 0; i < npath; i++)
			schema->search_path[i] = pstrdup(path[i]);
		schema_resolve_catalog(schema, true);
		schema->version = version;
		collect_relids(schema, loaded_schema_relid());
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(old);
		MemoryContextDelete(cxt);
		schema_stale = true;
		rebuilding = false;
		PG_RE_THROW();
	}
	PG_END_TRY();
	MemoryContextSwitchTo(old);
	pfree(source);

	if (schema_cxt != NULL)
		MemoryContextDelete(schema_cxt);
	schema_cxt = cxt;
	cached_schema = schema;
	rebuilding = false;
	catalog_reset = false;
	apply_pending();
}

/* This backend's parsed, resolved schema; rebuilt when stale. */
const PrismaSchema *
schema_get(void)
{
	schema_store_init();
	if (catalog_reset && !schema_stale && cached_schema != NULL)
	{
		/* every relation was invalidated: a rebuild only for a new schema;
		 * else every model is checked again on its next use */
		char	   *source;
		int64		version;
		int			npath;
		char	  **path;

		catalog_reset = false;
		if (!read_stored_schema(&source, &version, &npath, &path) ||
			version != cached_schema->version)
			schema_stale = true;
		else
		{
			for (int i = 0; i < cached_schema->nmodels; i++)
				cached_schema->models[i].needs_check =
					cached_schema->models[i].index_check = true;
			index_check_pending = true;
		}
	}
	if (index_check_pending && !schema_stale && cached_schema != NULL)
	{
		/* an index created or dropped changes how relations are read */
		index_check_pending = false;
		if (schema_refresh_indexes(cached_schema))
			plan_cache_reset();
	}
	if (schema_stale || cached_schema == NULL)
		rebuild_schema();
	return cached_schema;
}

/* The schema of this backend's last schema_get(), or NULL; never rebuilds
 * nor raises (the JSON writers read enum value names from it). */
const PrismaSchema *
schema_cached(void)
{
	return cached_schema;
}

/* Find a model by Prisma name. */
const PrismaModel *
schema_find_model(const PrismaSchema *schema, const char *name)
{
	for (int i = 0; i < schema->nmodels; i++)
		if (strcmp(schema->models[i].name, name) == 0)
		{
			schema_check_model(&schema->models[i]);
			return &schema->models[i];
		}
	return NULL;
}

/* Index of a field of a model by Prisma name, or -1.  The model must
 * still fit the catalog. */
int
model_find_field(const PrismaModel *model, const char *name)
{
	schema_check_model(model);
	for (int i = 0; i < model->nfields; i++)
		if (strcmp(model->fields[i].name, name) == 0)
			return i;
	return -1;
}

/* The summary that prisma_load_schema returns. */
static char *
schema_summary(const PrismaSchema *s)
{
	StringInfoData buf;
	bool		first = true;

	initStringInfo(&buf);
	appendStringInfoString(&buf, "{\"models\": [");
	for (int i = 0; i < s->nmodels; i++)
	{
		if (i > 0)
			appendStringInfoString(&buf, ", ");
		appendStringInfoString(&buf, "{\"name\": ");
		escape_json(&buf, s->models[i].name);
		appendStringInfoString(&buf, ", \"table\": ");
		escape_json(&buf, s->models[i].table);
		appendStringInfo(&buf, ", \"fields\": %d}", s->models[i].nfields);
	}
	appendStringInfoString(&buf, "], \"enums\": [");
	for (int i = 0; i < s->nenums; i++)
	{
		if (i > 0)
			appendStringInfoString(&buf, ", ");
		escape_json(&buf, s->enums[i].name);
	}
	appendStringInfoString(&buf, "], \"relations\": [");
	for (int i = 0; i < s->nmodels; i++)
	{
		const PrismaModel *m = &s->models[i];

		for (int j = 0; j < m->nfields; j++)
		{
			const PrismaField *f = &m->fields[j];
			const char *kind;

			if (f->type != PT_RELATION)
				continue;
			kind = f->rel_kind == REL_MANY_TO_MANY ? "manyToMany" :
				f->rel_kind == REL_TO_MANY ? "toMany" : "toOne";
			if (!first)
				appendStringInfoString(&buf, ", ");
			first = false;
			appendStringInfoString(&buf, "{\"model\": ");
			escape_json(&buf, m->name);
			appendStringInfoString(&buf, ", \"field\": ");
			escape_json(&buf, f->name);
			appendStringInfo(&buf, ", \"kind\": \"%s\", \"target\": ", kind);
			escape_json(&buf, s->models[f->target].name);
			appendStringInfoChar(&buf, '}');
		}
	}
	appendStringInfoString(&buf, "]}");
	return buf.data;
}

/* Is the stored schema this text with this search_path? */
static bool
stored_schema_is(const char *src, int npath, char **path)
{
	char	   *source;
	int64		version;
	int			stored_npath;
	char	  **stored_path;

	if (!read_stored_schema(&source, &version, &stored_npath, &stored_path) ||
		strcmp(source, src) != 0 || stored_npath != npath)
		return false;
	for (int i = 0; i < npath; i++)
		if (strcmp(path[i], stored_path[i]) != 0)
			return false;
	return true;
}

/* prisma_load_schema(schema text) returns json: parse, check, store. */
Datum
prisma_load_schema(PG_FUNCTION_ARGS)
{
	text	   *source = PG_GETARG_TEXT_PP(0);
	char	   *src = text_to_cstring(source);
	MemoryContext cxt;
	MemoryContext old;
	PrismaSchema *schema;
	char	   *summary;
	Oid			argtypes[3] = {TEXTOID, INT8OID, TEXTARRAYOID};
	Datum		values[3];
	Datum	   *names;
	int			npath;
	char	  **path;
	int			level;
	int			ret;

	if (RecoveryInProgress() || XactReadOnly)
		ereport(ERROR,
				(errcode(ERRCODE_READ_ONLY_SQL_TRANSACTION),
				 errmsg("cannot load a Prisma schema in a read-only transaction"),
				 errhint(RecoveryInProgress() ?
						 "Load it on the primary: standbys follow the stored schema through replication." :
						 "Load it in a read-write transaction.")));
	schema_store_init();
	current_search_path(&npath, &path);	/* the loader's, before ours */
	level = safe_path_enter(fcinfo->flinfo->fn_oid);

	/* parse and check in a scratch context; an error drops it with the
	 * function's memory */
	cxt = AllocSetContextCreate(CurrentMemoryContext, "prisma_compile schema load",
								ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(cxt);
	schema = psl_parse(src);
	schema->nsearch_path = npath;
	schema->search_path = path;
	schema_resolve_catalog(schema, false);
	MemoryContextSwitchTo(old);
	summary = schema_summary(schema);
	MemoryContextDelete(cxt);

	/* the same text and path again: nothing changes, no plan is dropped */
	if (stored_schema_is(src, npath, path))
	{
		safe_path_leave(level);
		PG_RETURN_TEXT_P(cstring_to_text(summary));
	}

	/* store it with a version that always moves forward */
	names = palloc(sizeof(Datum) * Max(npath, 1));
	for (int i = 0; i < npath; i++)
		names[i] = CStringGetTextDatum(path[i]);
	values[0] = PointerGetDatum(source);
	values[1] = Int64GetDatum((int64) GetCurrentTimestamp());
	values[2] = PointerGetDatum(construct_array(names, npath, TEXTOID, -1, false, TYPALIGN_INT));
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	ret = SPI_execute_with_args(get_attnum(loaded_schema_relid(), "search_path") != InvalidAttrNumber ?
								"INSERT INTO prisma_compile.loaded_schema AS s (id, source, version, loaded_at, search_path) "
								"VALUES (1, $1, $2, now(), $3) "
								"ON CONFLICT (id) DO UPDATE SET source = EXCLUDED.source, "
								"version = greatest(EXCLUDED.version, s.version + 1), "
								"loaded_at = EXCLUDED.loaded_at, search_path = EXCLUDED.search_path" :
								"INSERT INTO prisma_compile.loaded_schema AS s (id, source, version, loaded_at) "
								"VALUES (1, $1, $2, now()) "
								"ON CONFLICT (id) DO UPDATE SET source = EXCLUDED.source, "
								"version = greatest(EXCLUDED.version, s.version + 1), "
								"loaded_at = EXCLUDED.loaded_at",
								get_attnum(loaded_schema_relid(), "search_path") != InvalidAttrNumber ? 3 : 2,
								argtypes, values, NULL, false, 0);
	if (ret != SPI_OK_INSERT)
		elog(ERROR, "SPI_execute_with_args failed: %s", SPI_result_code_string(ret));
	SPI_finish();

	/* every backend drops its copy; this one at once */
	CacheInvalidateRelcacheByRelid(loaded_schema_relid());
	schema_stale = true;
	plan_cache_reset();			/* other backends drop theirs on next use */

	safe_path_leave(level);
	PG_RETURN_TEXT_P(cstring_to_text(summary));
}

/* Append a JSON array of strings. */
static void
append_str_array(StringInfo buf, int n, char **items)
{
	appendStringInfoChar(buf, '[');
	for (int i = 0; i < n; i++)
	{
		if (i > 0)
			appendStringInfoString(buf, ", ");
		escape_json(buf, items[i]);
	}
	appendStringInfoChar(buf, ']');
}

/* Append one field of the debug dump. */
static void
append_field(StringInfo buf, const PrismaSchema *s, const PrismaField *f)
{
	static const char *const kinds[] = {"none", "toOneOwner", "toOneBack", "toMany", "manyToMany"};

	appendStringInfoString(buf, "{\"name\": ");
	escape_json(buf, f->name);
	appendStringInfoString(buf, ", \"type\": ");
	escape_json(buf, f->type_name);
	appendStringInfo(buf, "%s%s%s%s%s%s",
					 f->is_list ? ", \"list\": true" : "",
					 f->is_optional ? ", \"optional\": true" : "",
					 f->is_id ? ", \"id\": true" : "",
					 f->is_unique ? ", \"unique\": true" : "",
					 f->is_updated_at ? ", \"updatedAt\": true" : "",
					 f->has_default ? ", \"default\": true" : "");
	if (f->native_type)
	{
		appendStringInfoString(buf, ", \"native\": ");
		escape_json(buf, f->native_type);
	}
	if (f->type != PT_RELATION)
	{
		appendStringInfoString(buf, ", \"column\": ");
		escape_json(buf, f->column);
		appendStringInfoString(buf, ", \"colType\": ");
		if (OidIsValid(f->col_type))
			escape_json(buf, format_type_with_typemod(f->col_type, f->col_typmod));
		else
			appendStringInfoString(buf, "null");
	}
	else
	{
		const PrismaModel *t = &s->models[f->target];

		appendStringInfo(buf, ", \"kind\": \"%s\", \"relation\": ", kinds[f->rel_kind]);
		escape_json(buf, f->relation_name);
		appendStringInfoString(buf, ", \"target\": ");
		escape_json(buf, t->name);
		appendStringInfoString(buf, ", \"back\": ");
		escape_json(buf, t->fields[f->back_field].name);
		appendStringInfoString(buf, ", \"local\": ");
		append_str_array(buf, f->nkeys, f->local_cols);
		appendStringInfoString(buf, ", \"remote\": ");
		append_str_array(buf, f->nkeys, f->remote_cols);
		if (f->rel_kind == REL_MANY_TO_MANY)
		{
			appendStringInfoString(buf, ", \"joinTable\": ");
			escape_json(buf, f->join_table);
			appendStringInfo(buf, ", \"joinLocal\": \"%s\", \"joinRemote\": \"%s\"",
							 f->join_local, f->join_remote);
			if (f->join_schema)
			{
				appendStringInfoString(buf, ", \"joinSchema\": ");
				escape_json(buf, f->join_schema);
			}
		}
	}
	appendStringInfoChar(buf, '}');
}

PG_FUNCTION_INFO_V1(prisma_schema_debug);

/* prisma_schema_debug() returns json: every fact of this backend's schema
 * (as schema_get() returns it), for tests and debugging.  Not part of the
 * extension script: create it by hand, AS '$libdir/prisma_compile'. */
Datum
prisma_schema_debug(PG_FUNCTION_ARGS)
{
	int			level = safe_path_enter(fcinfo->flinfo->fn_oid);
	const PrismaSchema *s = schema_get();
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoString(&buf, "{\"models\": [");
	for (int i = 0; i < s->nmodels; i++)
	{
		const PrismaModel *m = &s->models[i];

		if (m->needs_check)
			recheck_model((PrismaModel *) m);
		appendStringInfoString(&buf, i > 0 ? ",\n " : "\n ");
		appendStringInfoString(&buf, "{\"name\": ");
		escape_json(&buf, m->name);
		appendStringInfoString(&buf, ", \"relation\": ");
		if (OidIsValid(m->relid))
			escape_json(&buf, get_rel_name(m->relid));
		else
			appendStringInfoString(&buf, "null");
		if (m->problem)
		{
			appendStringInfoString(&buf, ", \"problem\": ");
			escape_json(&buf, m->problem);
		}
		if (m->db_schema && OidIsValid(m->relid))
		{
			appendStringInfoString(&buf, ", \"schema\": ");
			escape_json(&buf, get_namespace_name(get_rel_namespace(m->relid)));
		}
		appendStringInfoString(&buf, ", \"uniques\": [");
		for (int u = 0; u < m->nuniques; u++)
		{
			appendStringInfoString(&buf, u > 0 ? ", {\"name\": " : "{\"name\": ");
			escape_json(&buf, m->uniques[u].name);
			appendStringInfoString(&buf, ", \"fields\": [");
			for (int k = 0; k < m->uniques[u].nfields; k++)
			{
				if (k > 0)
					appendStringInfoString(&buf, ", ");
				escape_json(&buf, m->fields[m->uniques[u].fields[k]].name);
			}
			appendStringInfo(&buf, "]%s}", m->uniques[u].is_id ? ", \"id\": true" : "");
		}
		appendStringInfoString(&buf, "], \"fields\": [");
		for (int j = 0; j < m->nfields; j++)
		{
			appendStringInfoString(&buf, "\n  ");
			append_field(&buf, s, &m->fields[j]);
			if (j < m->nfields - 1)
				appendStringInfoChar(&buf, ',');
		}
		appendStringInfoString(&buf, "]}");
	}
	appendStringInfoString(&buf, "],\n \"enums\": [");
	for (int i = 0; i < s->nenums; i++)
	{
		const PrismaEnum *e = &s->enums[i];

		if (i > 0)
			appendStringInfoString(&buf, ", ");
		appendStringInfoString(&buf, "{\"name\": ");
		escape_json(&buf, e->name);
		appendStringInfoString(&buf, ", \"type\": ");
		escape_json(&buf, format_type_be(e->type_oid));
		appendStringInfoString(&buf, ", \"values\": ");
		append_str_array(&buf, e->nvalues, e->values);
		appendStringInfoChar(&buf, '}');
	}
	appendStringInfoString(&buf, "]}");
	safe_path_leave(level);
	PG_RETURN_TEXT_P(cstring_to_text(buf.data));
}

PG_FUNCTION_INFO_V1(prisma_schema_rebuilds);

/* prisma_schema_rebuilds() returns bigint: how often this backend has
 * rebuilt its copy of the schema, for tests.  Not part of the extension
 * script: create it by hand, AS '$libdir/prisma_compile'. */
Datum
prisma_schema_rebuilds(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(rebuild_count);
}
