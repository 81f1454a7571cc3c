/*
 * compile_query.c
 *		Compile a read (findMany, findFirst, findUnique, ..., count,
 *		aggregate, groupBy) into one SQL statement that returns the final
 *		JSON: check the document, then dispatch on the operation.
 *
 * count, aggregate and groupBy are written by compile_aggregate.c; a
 * findMany whose relations are better read for all parents at once by
 * compile_set_based (below); any other read is the JSON of its rows
 * (append_rows_json, compile_select.c).  Included relations are scalar
 * subqueries of the same form in the select list, correlated with the
 * parent row, or lookups in the children of all parents grouped by parent
 * key (set-based reads), so the whole nested result is one statement.
 */
#include "postgres.h"

#include "compile.h"

static const char *const find_many_args[] = {
	"where", "orderBy", "take", "skip", "cursor", "distinct", "select", "include", "omit",
	"relationLoadStrategy", NULL
};
static const char *const unique_args[] = {
	"where", "select", "include", "omit", "relationLoadStrategy", NULL
};

/*
 * Up to this many parent rows (a findMany's |take|), relations through an
 * indexed key are read per parent row: a few index probes each beat
 * planning and joining all parents at once (docs/set-based.md).
 */
#define SET_BASED_MIN_TAKE 100

/*
 * Is a findMany better read set-based: many parents (no take, or more than
 * SET_BASED_MIN_TAKE) and a to-many relation or _count to read, or a
 * relation read per parent would scan (no index on its key)?
 */
static bool
has_set_based_relation(const CompileState *cs, const PrismaModel *model, const JsonValue *args)
{
	const JsonValue *take = json_get(args, "take");

	return selection_wants_set_based(cs->schema, model, args,
									 take == NULL || take->kind != JV_NUMBER ||
									 llabs(strtoll(take->str, NULL, 10)) > SET_BASED_MIN_TAKE);
}

/*
 * Compile a findMany whose relations are read set-based (docs/set-based.md):
 * the parent rows (filtered, ordered, paged; only the columns used) in a
 * materialized CTE, each set-based relation's children for all parents at
 * once (in CTEs of their own, the parents of the next level), grouped by
 * parent key in an InitPlan and looked up per parent row, counts joined
 * grouped, the result in the parents' order (the CTE selects the value of
 * each order term, so that an order by a relation's _count is counted once):
 *
 *   WITH __prisma_parents AS MATERIALIZED (SELECT t5.a, t5.id, <order terms>
 *            AS "__o0", ... FROM ... LIMIT $n),
 *        __prisma_s2 AS (SELECT <key> AS "__k", ... FROM <children>)
 *   SELECT prisma_agg(ARRAY['a', 'rel'], r1.a, r1.rel) FROM (SELECT t1.a AS a,
 *       prisma_group_get((SELECT prisma_group_sorted(...) FROM ... __prisma_s2 ...), t1.id) AS rel
 *       FROM __prisma_parents t1 <count joins> ORDER BY t1."__o0", ...) r1
 */
static void
compile_set_based(CompileState *cs, StringInfo sql, const PrismaModel *model,
				  const JsonValue *args)
{
	StringInfoData joins;
	StringInfoData columns;
	StringInfoData rows;
	SelectJoins sj = {&joins, PARENTS_CTE, NIL, true};	/* rows of the table, once */
	int			alias = ++cs->next_alias;	/* the parents' rows in the CTE */
	int			slot = reserve_cte(cs);
	List	   *order;
	ListCell   *lc;

	initStringInfo(&joins);
	initStringInfo(&columns);
	initStringInfo(&rows);
	record_columns(alias);
	append_selection(cs, &columns, model, args, alias, &sj);
	order = compile_rows(cs, &rows, model, args, READ_PARENTS, NULL, 0, select_columns,
						 recorded_columns(alias));
	set_cte(cs, slot, PARENTS_CTE, rows.data, true);

	appendStringInfoString(sql, "WITH ");
	foreach(lc, cs->ctes)
		appendStringInfo(sql, "%s%s", foreach_current_index(lc) > 0 ? ", " : "",
						 (char *) lfirst(lc));
	appendStringInfoString(sql, " SELECT ");
	append_fields_call(sql, "prisma_agg(", sj.names, alias);
	appendStringInfo(sql, " FROM (SELECT %s FROM " PARENTS_CTE " t%d%s", columns.data, alias,
					 joins.data);
	foreach(lc, order)
	{
		OrderItem  *item = lfirst(lc);

		item->expr = psprintf("t%d.%s", alias, item->expr);
	}
	append_order(sql, order, false, NULL);
	appendStringInfo(sql, ") r%d", alias);
}

/* Compile one operation on a model with its arguments (args may be NULL). */
CompiledQuery *
compile_operation(const PrismaSchema *schema, const char *model_name, const char *operation,
				  const JsonValue *args)
{
	CompileState cs = {0};
	CompiledQuery *q = palloc0(sizeof(CompiledQuery));
	const PrismaModel *model;
	StringInfoData sql;
	ReadKind	kind;
	bool		or_throw = false;

	cs.schema = schema;
	initStringInfo(&cs.path);
	initStringInfo(&sql);
	reset_recorded_columns();

	model = schema_find_model(schema, model_name);
	if (model == NULL)
	{
		path_push(&cs, "model");
		compile_error(&cs, ERRCODE_UNDEFINED_TABLE, NULL,
					  "unknown model \"%s\"", model_name);
	}
	if (strcmp(operation, "findMany") == 0)
		kind = READ_MANY;
	else if (strcmp(operation, "findFirst") == 0 ||
			 (or_throw = strcmp(operation, "findFirstOrThrow") == 0))
		kind = READ_FIRST;
	else if (strcmp(operation, "findUnique") == 0 ||
			 (or_throw = strcmp(operation, "findUniqueOrThrow") == 0))
		kind = READ_UNIQUE;
	else if (strcmp(operation, "count") == 0 || strcmp(operation, "aggregate") == 0 ||
			 strcmp(operation, "groupBy") == 0)
		kind = READ_AGGREGATE;
	else
	{
		path_push(&cs, "operation");
		if (strncmp(operation, "create", 6) == 0 || strncmp(operation, "update", 6) == 0 ||
			strncmp(operation, "delete", 6) == 0 || strcmp(operation, "upsert") == 0)
			compile_error(&cs, ERRCODE_FEATURE_NOT_SUPPORTED,
						  "prisma_query answers reads; send writes through Prisma Client or SQL.",
						  "operation %s is a write, and writes are not supported", operation);
		compile_error(&cs, ERRCODE_UNDEFINED_FUNCTION,
					  "Read operations are findMany, findFirst, findFirstOrThrow, findUnique, findUniqueOrThrow, count, aggregate and groupBy.",
					  "unknown operation \"%s\"", operation);
	}

	path_push(&cs, "args");
	if (args != NULL)
	{
		expect_kind(&cs, args, JV_OBJECT);
		if (kind != READ_AGGREGATE)
			check_arg_names(&cs, args, kind == READ_UNIQUE ? unique_args : find_many_args,
							operation);
	}
	if (kind == READ_AGGREGATE)
	{
		q->shape = compile_aggregate(&cs, &sql, model, operation, args);
		goto done;
	}
	if (kind == READ_UNIQUE)
	{
		const JsonValue *where = json_get(args, "where");

		if (where == NULL || where->kind != JV_OBJECT || !where_has_unique(model, where))
		{
			if (where != NULL)
				path_push(&cs, "where");
			compile_error(&cs, ERRCODE_INVALID_PARAMETER_VALUE,
						  "Name a unique field (@id, @unique) or a compound unique (@@id, @@unique) with a value.",
						  "%s needs a where with a unique criterion of model %s",
						  operation, model->name);
		}
	}

	if (kind == READ_MANY && has_set_based_relation(&cs, model, args))
	{
		compile_set_based(&cs, &sql, model, args);
		q->plan_per_values = q->set_based = true;
	}
	else
		append_rows_json(&cs, &sql, model, args, kind, NULL, 0);
	q->shape = kind == READ_MANY ? RESULT_VALUE : or_throw ? RESULT_ROW_OR_THROW : RESULT_ROW;

done:
	q->sql = sql.data;
	/* one row by a unique: any plan probes it */
	q->plan_per_values |= cs.plan_per_values && kind != READ_UNIQUE;
	q->session_settings = cs.one_row_aggregate;
	q->own_work_mem = q->set_based || cs.hashed_subplan;
	q->nparams = cs.nparams;
	q->param_types = cs.param_types;
	q->param_values = cs.param_values;
	q->param_nulls = cs.param_nulls;
	q->model_name = model->name;
	return q;
}

/* Compile a whole query document {"model", "operation", "args"}. */
CompiledQuery *
compile_query(const PrismaSchema *schema, const JsonValue *doc)
{
	CompileState cs = {0};
	const JsonValue *model;
	const JsonValue *operation;
	const JsonValue *args;
	int			i;

	initStringInfo(&cs.path);
	expect_kind(&cs, doc, JV_OBJECT);
	for (i = 0; i < doc->n; i++)
	{
		if (strcmp(doc->keys[i], "model") != 0 && strcmp(doc->keys[i], "operation") != 0 &&
			strcmp(doc->keys[i], "args") != 0)
		{
			path_push(&cs, doc->keys[i]);
			compile_error(&cs, ERRCODE_INVALID_PARAMETER_VALUE,
						  "A query document has the keys model, operation and args.",
						  "unknown key \"%s\"", doc->keys[i]);
		}
	}
	model = json_get(doc, "model");
	operation = json_get(doc, "operation");
	args = json_get(doc, "args");
	if (model == NULL || model->kind != JV_STRING)
	{
		path_push(&cs, "model");
		compile_error(&cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
					  model ? "expected a string" : "missing: name the model to read");
	}
	if (operation == NULL || operation->kind != JV_STRING)
	{
		path_push(&cs, "operation");
		compile_error(&cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
					  operation ? "expected a string" : "missing: name the operation, such as findMany");
	}
	if (args != NULL && args->kind == JV_NULL)
		args = NULL;
	return compile_operation(schema, model->str, operation->str, args);
}
