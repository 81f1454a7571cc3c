/*
 * prisma_compile.c
 *		Entry points (prisma_query, prisma_compile, prisma_plan_cache_stats)
 *		and settings.
 *
 * A query runs in four steps: parse the document (document.c), get this
 * backend's schema (schema_store.c), compile to SQL with parameters
 * (compile_*.c), run the kept plan for that SQL through SPI (execute.c,
 * plan_cache.c).
 * The statement's single value is the final JSON; a findMany's statement
 * gives one row per record instead, written into one array or returned as
 * rows (prisma_query_rows; query_result.c).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/guc.h"

#include "document.h"
#include "prisma_compile.h"

PG_MODULE_MAGIC;

int			prisma_max_depth = 16;
int			prisma_max_query_size = 1024;
int			prisma_plan_cache_size = 256;
bool		prisma_jit = false;
bool		prisma_memoize = false;
bool		prisma_generic_plans = true;
bool		prisma_parallel = false;
int			prisma_work_mem = 65536;

PG_FUNCTION_INFO_V1(prisma_query);
PG_FUNCTION_INFO_V1(prisma_query_unpacked);
PG_FUNCTION_INFO_V1(prisma_query_rows);
PG_FUNCTION_INFO_V1(prisma_compile);
PG_FUNCTION_INFO_V1(prisma_plan_cache_stats);

void		_PG_init(void);

/* Define the prisma_compile.* settings. */
void
_PG_init(void)
{
	DefineCustomIntVariable("prisma_compile.max_depth",
							"Deepest nesting of relations in one query.",
							"The query document itself may nest eight times as deep.",
							&prisma_max_depth, 16, 1, 100,
							PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("prisma_compile.max_query_size",
							"Largest query document accepted.",
							NULL,
							&prisma_max_query_size, 1024, 1, 1024 * 1024,
							PGC_USERSET, GUC_UNIT_KB, NULL, NULL, NULL);
	DefineCustomIntVariable("prisma_compile.plan_cache_size",
							"Most kept plans per backend; the least recently used are evicted.",
							NULL,
							&prisma_plan_cache_size, 256, 1, 100000,
							PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomBoolVariable("prisma_compile.jit",
							 "Allow JIT compilation of compiled statements.",
							 "Off by default: JIT costs more than it saves on these statements.",
							 &prisma_jit, false,
							 PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomBoolVariable("prisma_compile.generic_plans",
							 "Plan each query shape once and reuse the plan for every value.",
							 "Off lets PostgreSQL plan the first executions for their values.",
							 &prisma_generic_plans, true,
							 PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomBoolVariable("prisma_compile.parallel",
							 "Encourage parallel workers for set-based reads and full scans of large tables.",
							 "On plans them with min_parallel_table_scan_size 0 and parallel_tuple_cost 0.01; off (the default) with the session's settings, as Prisma's statements.",
							 &prisma_parallel, false,
							 PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomBoolVariable("prisma_compile.memoize",
							 "Allow Memoize nodes in the plans of compiled statements.",
							 "Off by default: under a LIMIT the planner's Memoize plans of relation filters read whole join tables.",
							 &prisma_memoize, false,
							 PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("prisma_compile.work_mem",
							"work_mem for set-based reads (0: the session's).",
							"They join (and for an orderBy sort) the children of all parents at once; other statements use the session's work_mem, as Prisma's do.",
							&prisma_work_mem, 65536, 0, MAX_KILOBYTES,
							PGC_USERSET, GUC_UNIT_KB, NULL, NULL, NULL);
	DefineCustomIntVariable("prisma_compile.retained_memory",
							"Freed memory a backend keeps for its next queries (0: as the C library decides).",
							"Repeated large reads then reuse their memory instead of faulting in fresh pages on every call.",
							&prisma_retained_memory, 131072, 0, 1024 * 1024,
							PGC_SUSET, GUC_UNIT_KB, NULL, retained_memory_assign, NULL);
	DefineCustomIntVariable("prisma_compile.max_result_size",
							"Largest query result returned as one JSON value.",
							"A larger result is an error naming this limit; PostgreSQL's own limit of a value is 1 GB. prisma_query_rows returns a result as rows instead.",
							&prisma_max_result_size, 1000 * 1024, 1, MaxAllocSize / 1024 - 1,
							PGC_USERSET, GUC_UNIT_KB, NULL, NULL, NULL);
	MarkGUCPrefixReserved("prisma_compile");
}

/* Parse a query document given as json (text) into a JsonValue tree; root
 * is its path in error messages ("" or "args"). */
static JsonValue *
parse_document(text *doc, const char *root)
{
	int			len = VARSIZE_ANY_EXHDR(doc);

	if (len > prisma_max_query_size * 1024L)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("query document of %d bytes exceeds prisma_compile.max_query_size (%d kB)",
						len, prisma_max_query_size),
				 errhint("Raise prisma_compile.max_query_size to accept larger documents.")));
	return document_parse(VARDATA_ANY(doc), len, prisma_max_depth * 8, root);
}

/* prisma_query(query json): run one read given as a query document (under
 * the fixed search_path, as every entry point: safe_path.c). */
Datum
prisma_query(PG_FUNCTION_ARGS)
{
	int			level = safe_path_enter(fcinfo->flinfo->fn_oid);
	JsonValue  *doc = parse_document(PG_GETARG_TEXT_PP(0), "");
	const PrismaSchema *schema = schema_get();
	CompiledQuery *q = compile_query(schema, doc);
	Datum		result = run_query(q, json_get(doc, "operation")->str, schema->version);

	safe_path_leave(level);
	PG_RETURN_DATUM(result);
}

/*
 * prisma_query_rows(query json): the same read as rows, one per top-level
 * record of a findMany (none for no record), else one row with the value.
 * The rows go to a tuplestore (on disk beyond work_mem) as they come.
 */
Datum
prisma_query_rows(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			level = safe_path_enter(fcinfo->flinfo->fn_oid);
	JsonValue  *doc = parse_document(PG_GETARG_TEXT_PP(0), "");
	const PrismaSchema *schema = schema_get();
	CompiledQuery *q = compile_query(schema, doc);
	char	   *rows_sql = strcmp(json_get(doc, "operation")->str, "findMany") == 0 ? rows_form_sql(q->sql) : NULL;
	MemoryContext old;
	Tuplestorestate *store;
	TupleDesc	desc;

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) ||
		(rsinfo->allowedModes & SFRM_Materialize) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("prisma_query_rows is a set-returning function: call it in FROM or a select list")));
	old = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	desc = CreateTemplateTupleDesc(1);
	TupleDescInitEntry(desc, 1, "prisma_query_rows", JSONOID, -1, 0);
	store = tuplestore_begin_heap((rsinfo->allowedModes & SFRM_Materialize_Random) != 0,
								  false, work_mem);
	MemoryContextSwitchTo(old);
	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = store;
	rsinfo->setDesc = desc;

	if (rows_sql != NULL)
	{
		q->sql = rows_sql;
		run_compiled(q, schema->version, result_receiver_create(RESULT_INTO_ROWS, store, desc));
	}
	else
	{
		DestReceiver *dest = result_receiver_create(RESULT_INTO_VALUE, NULL, NULL);
		Datum		value;
		bool		isnull = false;

		run_compiled(q, schema->version, dest);
		value = result_receiver_value(dest, q);
		tuplestore_putvalues(store, desc, &value, &isnull);
	}
	safe_path_leave(level);
	return (Datum) 0;
}

/* prisma_query(model, operation, args json): the same, unpacked. */
Datum
prisma_query_unpacked(PG_FUNCTION_ARGS)
{
	int			level = safe_path_enter(fcinfo->flinfo->fn_oid);
	char	   *model = text_to_cstring(PG_GETARG_TEXT_PP(0));
	char	   *operation = text_to_cstring(PG_GETARG_TEXT_PP(1));
	JsonValue  *args = parse_document(PG_GETARG_TEXT_PP(2), "args");
	const PrismaSchema *schema = schema_get();
	CompiledQuery *q;
	Datum		result;

	if (args->kind == JV_NULL)
		args = NULL;				/* null args means none */
	q = compile_operation(schema, model, operation, args);
	result = run_query(q, operation, schema->version);
	safe_path_leave(level);
	PG_RETURN_DATUM(result);
}

/* prisma_compile(query json): the SQL a query compiles to. */
Datum
prisma_compile(PG_FUNCTION_ARGS)
{
	int			level = safe_path_enter(fcinfo->flinfo->fn_oid);
	JsonValue  *doc = parse_document(PG_GETARG_TEXT_PP(0), "");
	CompiledQuery *q = compile_query(schema_get(), doc);

	safe_path_leave(level);
	PG_RETURN_TEXT_P(cstring_to_text(q->sql));
}

/* prisma_plan_cache_stats(): this backend's plan cache counters. */
Datum
prisma_plan_cache_stats(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(plan_cache_stats_json()));
}
