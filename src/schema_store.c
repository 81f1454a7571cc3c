/*
 * schema_store.c
 *		Store the Prisma schema and keep a parsed copy per backend.
 *
 * prisma_load_schema() parses and checks the text, then upserts it into
 * prisma_compile.loaded_schema (one row) with a new version, and sends a
 * relcache invalidation for that table so that every backend, this one
 * included, drops its copy.
 *
 * schema_get() hands out this backend's parsed, resolved copy, kept in its
 * own memory context under CacheMemoryContext.  The copy is rebuilt (row
 * re-read, parsed, resolved) when it is stale: on first use, after any
 * relcache invalidation (one callback, which only sets a flag: the table
 * of the stored schema or any model's table may have changed), or when the
 * search_path changed.  The old copy is freed only inside schema_get, so a
 * caller may use the pointer for the rest of its call.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
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
static char *cached_search_path = NULL; /* in schema_cxt */
static bool schema_stale = true;
static bool callback_registered = false;

/* Relcache invalidation callback: any relation may matter, mark stale. */
static void
schema_relcache_callback(Datum arg, Oid relid)
{
	schema_stale = true;
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

/* Read the stored schema text and version; false when there is no row.
 * The text is allocated in the caller's memory context. */
static bool
read_stored_schema(char **source, int64 *version)
{
	MemoryContext caller = CurrentMemoryContext;
	bool		found = false;
	int			ret;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	ret = SPI_execute("SELECT source, version FROM prisma_compile.loaded_schema WHERE id = 1",
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
	MemoryContext cxt;
	MemoryContext old;
	PrismaSchema *schema;

	/* invalidations that arrive while we rebuild must count */
	schema_stale = false;

	if (!read_stored_schema(&source, &version))
	{
		schema_stale = true;
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
		schema_resolve_catalog(schema);
		schema->version = version;
		cached_search_path = pstrdup(namespace_search_path ? namespace_search_path : "");
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(old);
		MemoryContextDelete(cxt);
		schema_stale = true;
		PG_RE_THROW();
	}
	PG_END_TRY();
	MemoryContextSwitchTo(old);
	pfree(source);

	if (schema_cxt != NULL)
		MemoryContextDelete(schema_cxt);
	schema_cxt = cxt;
	cached_schema = schema;
}

/* This backend's parsed, resolved schema; rebuilt when stale. */
const PrismaSchema *
schema_get(void)
{
	schema_store_init();
	if (schema_stale || cached_schema == NULL ||
		strcmp(cached_search_path, namespace_search_path ? namespace_search_path : "") != 0)
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
			return &schema->models[i];
	return NULL;
}

/* Index of a field of a model by Prisma name, or -1. */
int
model_find_field(const PrismaModel *model, const char *name)
{
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
	Oid			argtypes[2] = {TEXTOID, INT8OID};
	Datum		values[2];
	int			ret;

	schema_store_init();

	/* parse and check in a scratch context; an error drops it with the
	 * function's memory */
	cxt = AllocSetContextCreate(CurrentMemoryContext, "prisma_compile schema load",
								ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(cxt);
	schema = psl_parse(src);
	schema_resolve_catalog(schema);
	MemoryContextSwitchTo(old);
	summary = schema_summary(schema);
	MemoryContextDelete(cxt);

	/* store it with a version that always moves forward */
	values[0] = PointerGetDatum(source);
	values[1] = Int64GetDatum((int64) GetCurrentTimestamp());
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	ret = SPI_execute_with_args("INSERT INTO prisma_compile.loaded_schema AS s (id, source, version, loaded_at) "
								"VALUES (1, $1, $2, now()) "
								"ON CONFLICT (id) DO UPDATE SET source = EXCLUDED.source, "
								"version = greatest(EXCLUDED.version, s.version + 1), "
								"loaded_at = EXCLUDED.loaded_at",
								2, argtypes, values, NULL, false, 0);
	if (ret != SPI_OK_INSERT)
		elog(ERROR, "SPI_execute_with_args failed: %s", SPI_result_code_string(ret));
	SPI_finish();

	/* every backend drops its copy; this one at once */
	CacheInvalidateRelcacheByRelid(loaded_schema_relid());
	schema_stale = true;
	plan_cache_reset();			/* other backends drop theirs on next use */

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
		escape_json(buf, format_type_with_typemod(f->col_type, f->col_typmod));
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
	const PrismaSchema *s = schema_get();
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoString(&buf, "{\"models\": [");
	for (int i = 0; i < s->nmodels; i++)
	{
		const PrismaModel *m = &s->models[i];

		appendStringInfoString(&buf, i > 0 ? ",\n " : "\n ");
		appendStringInfoString(&buf, "{\"name\": ");
		escape_json(&buf, m->name);
		appendStringInfoString(&buf, ", \"relation\": ");
		escape_json(&buf, get_rel_name(m->relid));
		if (m->db_schema)
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
	PG_RETURN_TEXT_P(cstring_to_text(buf.data));
}
