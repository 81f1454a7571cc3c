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
#include "utils/builtins.h"

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
	StringInfoData filter;
	StringInfoData all_joins;

	/* the filter first: its joins go in the FROM */
	initStringInfo(&filter);
	initStringInfo(&all_joins);
	appendStringInfoString(&all_joins, joins);
	if (where)
	{
		int			mark = path_push(cs, "where");

		compile_where(cs, &filter, &all_joins, model, alias, where);
		path_pop(cs, mark);
	}
	if (direction != 0)
	{
		append_links_in_order(cs, buf, via, parent_alias, alias, direction);
		appendStringInfoString(buf, all_joins.data);
	}
	else if (via)
		append_relation_source_joins(cs, buf, via, parent_alias, alias, all_joins.data);
	else
	{
		appendStringInfoString(buf, "FROM ");
		append_table(buf, model);
		appendStringInfo(buf, " t%d%s", alias, all_joins.data);
	}
	if (where)
	{
		appendStringInfoString(buf, has_where ? " AND " : " WHERE ");
		appendStringInfoString(buf, filter.data);
		has_where = true;
	}
	if (cursor)
	{
		appendStringInfoString(buf, has_where ? " AND " : " WHERE ");
		append_cursor_condition(cs, buf, model, alias, cursor, where,
								json_get(args, "orderBy"), order, reverse, via, parent_alias);
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
 * Start a read of model through alias tN (compile_rows, and a set-based
 * relation's children): the parameters of take and skip, checked; the
 * recorder of the columns used above the numbered rows under distinct;
 * the order terms (with the primary key last when order_by_default or an
 * orderBy is given), and in head->order_joins the grouped counts an order
 * by a relation's _count joins (none under distinct).  order_model, when
 * not NULL, is the model whose rows that match the read's where are the
 * rows ordered (a read of no parent: append_order_count).
 */
void
start_read(CompileState *cs, const PrismaModel *model, const JsonValue *args, ReadKind kind,
		   int alias, const PrismaModel *order_model, bool order_by_default, ReadHead *head)
{
	const JsonValue *distinct = json_get(args, "distinct");
	StringInfo	saved_joins = cs->order_joins;
	const PrismaModel *saved_model = cs->order_model;
	const JsonValue *saved_where = cs->order_where;
	const char *saved_path = cs->order_path;

	head->take_param = add_paging_params(cs, json_get(args, "take"), json_get(args, "skip"),
										 kind, &head->reverse, &head->skip_param);
	if (distinct)
		record_columns(alias);
	initStringInfo(&head->order_joins);
	cs->order_joins = distinct ? NULL : &head->order_joins;
	cs->order_model = order_model;
	cs->order_where = json_get(args, "where");
	cs->order_path = pstrdup(cs->path.data);
	head->order = parse_order(cs, model, json_get(args, "orderBy"), alias, order_by_default);
	cs->order_joins = saved_joins;
	cs->order_model = saved_model;
	cs->order_where = saved_where;
	cs->order_path = saved_path;
}

/* The one of columns that order term item reads when it is tN.<column>, or NULL. */
static const char *
selected_column(const OrderItem *item, int alias, List *columns)
{
	ListCell   *lc;

	foreach(lc, columns)
		if (strcmp(item->expr, psprintf("t%d.%s", alias, quote_identifier(lfirst(lc)))) == 0)
			return lfirst(lc);
	return NULL;
}

/*
 * Append the rows subquery of one read of model: the select list written by
 * select_fn, source, filter, cursor, distinct, order and paging; returns
 * its order terms.  via/parent_alias link it to a parent row.
 *
 * READ_PARENTS, the parents of a set-based findMany (select_fn is
 * select_columns, arg its columns): the rows also select each order term
 * that is not one of those columns as "__o0", "__o1", ..., and are ordered
 * themselves only where their paging needs it; the terms returned name
 * those columns (unqualified), for the statement to order the parents by
 * again without computing them twice (a grouped count, a relation's column).
 */
List *
compile_rows(CompileState *cs, StringInfo buf, const PrismaModel *model,
			 const JsonValue *args, ReadKind kind, const PrismaField *via, int parent_alias,
			 SelectListFn select_fn, void *arg)
{
	int			alias = ++cs->next_alias;
	const JsonValue *distinct = json_get(args, "distinct");
	bool		paged = json_get(args, "take") || json_get(args, "skip") ||
		json_get(args, "cursor") || distinct;
	/* a list in the default order (the primary key) where it is paged */
	bool		ordered = kind == READ_FIRST ||
		((kind == READ_MANY || kind == READ_PARENTS) && (via != NULL || paged));
	bool		order_columns;
	List	   *order_above = NIL;
	ReadHead	head;

	if (args != NULL)
		expect_kind(cs, args, JV_OBJECT);
	start_read(cs, model, args, kind, alias, via == NULL ? model : NULL,
			   ordered || kind == READ_PARENTS, &head);
	order_columns = head.reverse || kind == READ_PARENTS;

	if (head.reverse)
		appendStringInfoString(buf, "SELECT * FROM (");
	appendStringInfoString(buf, "SELECT ");
	select_fn(cs, buf, model, args, alias, arg);
	if (order_columns)
	{
		ListCell   *lc;

		foreach(lc, head.order)
		{
			OrderItem  *item = lfirst(lc);
			OrderItem  *above;
			const char *column = kind == READ_PARENTS && !head.reverse ?
				selected_column(item, alias, (List *) arg) : NULL;

			if (column == NULL)
				appendStringInfo(buf, ", %s AS \"__o%d\"", item->expr,
								 foreach_current_index(lc));
			if (kind != READ_PARENTS)
				continue;
			above = palloc(sizeof(OrderItem));
			*above = *item;
			above->expr = column ? pstrdup(quote_identifier(column)) :
				psprintf("\"__o%d\"", foreach_current_index(lc));
			order_above = lappend(order_above, above);
		}
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
		append_order(buf, head.order, head.reverse, NULL);
		appendStringInfoString(buf, ") AS \"__rn\" ");
		append_source_and_filter(cs, buf, model, args, via, parent_alias, alias, head.order,
								 head.reverse, "");
		appendStringInfo(buf, ") t%d WHERE t%d.\"__rn\" = 1", alias, alias);
	}
	else
		append_source_and_filter(cs, buf, model, args, via, parent_alias, alias, head.order,
								 head.reverse, head.order_joins.data);
	if (kind != READ_PARENTS || paged)
		append_order(buf, head.order, head.reverse, NULL);
	if (head.take_param)
		appendStringInfo(buf, " LIMIT $%d", head.take_param);
	if (head.skip_param)
		appendStringInfo(buf, " OFFSET $%d", head.skip_param);
	if (head.reverse)
	{
		appendStringInfo(buf, ") q%d", alias);
		append_order(buf, head.order, false, psprintf("q%d.", alias));
	}
	return kind == READ_PARENTS ? order_above : head.order;
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
