/*
 * compile_rows.c
 *		The rows subquery of one read of a model: its select list (written
 *		by the caller's SelectListFn), source, filter, cursor, distinct,
 *		order and paging.
 *
 * A read of a model becomes a subquery of rows whose columns are named by
 * field names; prisma_agg() (lists) or prisma_object() (one record), given
 * the names and the columns, turn those rows into JSON (compile_select.c).
 * A distinct keeps the first row of each key by row_number(); a negative
 * take reads in reverse order and turns the rows back around.  Table
 * aliases are numbered in the order the document is walked (t0, t1, ...),
 * so one query shape always compiles to the same text.
 */
#include "postgres.h"

#include "catalog/pg_type.h"

#include "compile.h"

/* Append the columns of distinct (one field name or an array of them), checked. */
void
append_distinct_keys(CompileState *cs, StringInfo buf, const PrismaModel *model,
					 const JsonValue *distinct, int alias)
{
	int			mark = path_push(cs, "distinct");
	int		   *fields;
	int			n = field_name_list(cs, model, distinct, "name at least one field", NULL, &fields);
	int			i;

	for (i = 0; i < n; i++)
	{
		if (i > 0)
			appendStringInfoString(buf, ", ");
		append_column(buf, alias, model->fields[fields[i]].column);
		append_distinct_cast(buf, &model->fields[fields[i]]);
	}
	path_pop(cs, mark);
}

/* Append the FROM and WHERE of a read: source, link, where, cursor. */
static void
append_source_and_filter(CompileState *cs, StringInfo buf, const PrismaModel *model,
						 const JsonValue *args, const PrismaField *via, int parent_alias,
						 int alias, List *order, bool reverse, const char *joins)
{
	const JsonValue *where = json_get(args, "where");
	const JsonValue *cursor = json_get(args, "cursor");
	int			direction = link_order(via, order, reverse, alias);
	bool		has_where = via != NULL && direction == 0;
	int			mark;

	if (direction != 0)
	{
		append_links_in_order(cs, buf, via, parent_alias, alias, direction);
		appendStringInfoString(buf, joins);
	}
	else if (via)
		append_relation_source_joins(cs, buf, via, parent_alias, alias, joins);
	else
	{
		appendStringInfoString(buf, "FROM ");
		append_table(buf, model);
		appendStringInfo(buf, " t%d%s", alias, joins);
	}
	if (where)
	{
		mark = path_push(cs, "where");
		appendStringInfoString(buf, has_where ? " AND " : " WHERE ");
		compile_where(cs, buf, model, alias, where);
		has_where = true;
		path_pop(cs, mark);
	}
	if (cursor)
	{
		appendStringInfoString(buf, has_where ? " AND " : " WHERE ");
		append_cursor_condition(cs, buf, model, alias, cursor, where,
								json_get(args, "orderBy"), order, reverse, via);
	}
}

/*
 * Add the parameters of take (its absolute value; *reverse for a negative
 * take) and skip, checked; returns take's parameter number (findFirst: 1
 * without a take), *skip_param skip's; 0 for none.
 */
int
add_paging_params(CompileState *cs, const JsonValue *take, const JsonValue *skip,
				  ReadKind kind, bool *reverse, int *skip_param)
{
	int			take_param = 0;
	int			mark;

	*reverse = false;
	*skip_param = 0;
	if (take)
	{
		int64		n;

		mark = path_push(cs, "take");
		n = json_integer(cs, take);
		*reverse = n < 0;
		if (kind == READ_FIRST && n != 1 && n != -1)
			compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE,
						  "findFirst takes 1 or -1; use findMany for more rows.",
						  "findFirst cannot take %s rows", take->str);
		take_param = add_param(cs, INT8OID, Int64GetDatum(*reverse ? -n : n), false);
		path_pop(cs, mark);
	}
	else if (kind == READ_FIRST)
		take_param = add_param(cs, INT8OID, Int64GetDatum(1), false);
	if (skip)
	{
		int64		n;

		mark = path_push(cs, "skip");
		n = json_integer(cs, skip);
		if (n < 0)
			compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
						  "skip must not be negative");
		*skip_param = add_param(cs, INT8OID, Int64GetDatum(n), false);
		path_pop(cs, mark);
	}
	return take_param;
}

/*
 * Append the rows subquery of one read of model: the select list written by
 * select_fn, source, filter, cursor, distinct, order and paging.
 * via/parent_alias link it to a parent row.
 */
void
compile_rows(CompileState *cs, StringInfo buf, const PrismaModel *model,
			 const JsonValue *args, ReadKind kind, const PrismaField *via, int parent_alias,
			 SelectListFn select_fn, void *arg)
{
	int			alias = ++cs->next_alias;
	const JsonValue *take = json_get(args, "take");
	const JsonValue *skip = json_get(args, "skip");
	const JsonValue *cursor = json_get(args, "cursor");
	const JsonValue *distinct = json_get(args, "distinct");
	List	   *order;
	bool		reverse = false;
	int			take_param = 0;
	int			skip_param = 0;
	StringInfoData order_joins;
	StringInfo	saved_joins = cs->order_joins;
	const PrismaModel *saved_model = cs->order_model;
	const JsonValue *saved_where = cs->order_where;
	const char *saved_path = cs->order_path;

	if (args != NULL)
		expect_kind(cs, args, JV_OBJECT);
	take_param = add_paging_params(cs, take, skip, kind, &reverse, &skip_param);
	/* under distinct, the numbered rows carry only the columns used above them */
	if (distinct)
		record_columns(alias);
	/* an order by a relation's _count may join its counts (not under distinct) */
	initStringInfo(&order_joins);
	cs->order_joins = distinct ? NULL : &order_joins;
	/* without a parent, the rows ordered are those the filter leaves */
	cs->order_model = via == NULL ? model : NULL;
	cs->order_where = json_get(args, "where");
	cs->order_path = pstrdup(cs->path.data);
	order = parse_order(cs, model, json_get(args, "orderBy"), alias,
						kind == READ_FIRST ||
						(kind == READ_MANY && (via != NULL || take || skip || cursor || distinct)));
	cs->order_joins = saved_joins;
	cs->order_model = saved_model;
	cs->order_where = saved_where;
	cs->order_path = saved_path;

	if (reverse)
		appendStringInfoString(buf, "SELECT * FROM (");
	appendStringInfoString(buf, "SELECT ");
	select_fn(cs, buf, model, args, alias, arg);
	if (reverse)
	{
		ListCell   *lc;
		int			i = 0;

		foreach(lc, order)
			appendStringInfo(buf, ", %s AS \"__o%d\"", ((OrderItem *) lfirst(lc))->expr, i++);
	}
	appendStringInfoChar(buf, ' ');
	if (distinct)
	{
		/*
		 * The first row of each distinct key in the order read: number the
		 * filtered rows within their key, keep the first.  The subquery
		 * takes the read's alias, so the select list and order above it
		 * see the same columns.
		 */
		appendStringInfoString(buf, "FROM (SELECT ");
		select_columns(cs, buf, model, args, alias, recorded_columns(alias));
		appendStringInfoString(buf, ", row_number() OVER (PARTITION BY ");
		append_distinct_keys(cs, buf, model, distinct, alias);
		/* like Prisma, a negative take keeps the first row from the end */
		append_order(buf, order, reverse, NULL);
		appendStringInfoString(buf, ") AS \"__rn\" ");
		append_source_and_filter(cs, buf, model, args, via, parent_alias, alias, order, reverse,
								 "");
		appendStringInfo(buf, ") t%d WHERE t%d.\"__rn\" = 1", alias, alias);
	}
	else
		append_source_and_filter(cs, buf, model, args, via, parent_alias, alias, order, reverse,
								 order_joins.data);
	append_order(buf, order, reverse, NULL);
	if (take_param)
		appendStringInfo(buf, " LIMIT $%d", take_param);
	if (skip_param)
		appendStringInfo(buf, " OFFSET $%d", skip_param);
	if (reverse)
	{
		appendStringInfo(buf, ") q%d", alias);
		append_order(buf, order, false, psprintf("q%d.", alias));
	}
}

/* Select list of the columns (List of char *) of tN, named by column. */
void
select_columns(CompileState *cs, StringInfo buf, const PrismaModel *model,
			   const JsonValue *args, int alias, void *arg)
{
	List	   *columns = (List *) arg;
	ListCell   *lc;

	foreach(lc, columns)
	{
		if (foreach_current_index(lc) > 0)
			appendStringInfoString(buf, ", ");
		append_column(buf, alias, lfirst(lc));
	}
	if (columns == NIL)
		appendStringInfoString(buf, "NULL AS \"__none\"");
}
