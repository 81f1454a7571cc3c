/*
 * compile_order.c
 *		orderBy (scalar fields, to-one relation fields at any depth, the
 *		_count of to-many relations, full-text _relevance) and cursor
 *		conditions.
 *
 * An ORDER BY term is an SQL expression over the read's alias: a column,
 * or a correlated scalar subquery for relation fields.  The primary key is
 * appended to every order so that ties never depend on physical order; the
 * same list gives the cursor condition, the lexicographic "at or after the
 * cursor row" over all terms.
 */
#include "postgres.h"

#include "utils/builtins.h"

#include "compile.h"

static OrderItem *parse_order_item(CompileState *cs, const PrismaModel *model,
								   const JsonValue *obj, int alias);

/*
 * Parse a sort order: "asc"/"desc", or for a scalar field {sort, nulls}
 * (nulls only on optional fields).  field is NULL for aggregates and _count.
 */
void
parse_sort_order(CompileState *cs, const PrismaField *field, const JsonValue *v, OrderItem *item)
{
	const JsonValue *sort = v;
	const JsonValue *nulls = NULL;

	if (v->kind == JV_OBJECT && field != NULL)
	{
		int			i;

		for (i = 0; i < v->n; i++)
			if (strcmp(v->keys[i], "sort") != 0 && strcmp(v->keys[i], "nulls") != 0)
				compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
							  "unknown key \"%s\": expected sort and nulls", v->keys[i]);
		sort = json_get(v, "sort");
		nulls = json_get(v, "nulls");
		if (sort == NULL)
			compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL, "sort is missing");
	}
	if (sort->kind != JV_STRING || (strcmp(sort->str, "asc") != 0 && strcmp(sort->str, "desc") != 0))
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
					  "sort order must be \"asc\" or \"desc\"");
	item->desc = strcmp(sort->str, "desc") == 0;
	item->nulls_first = item->desc;	/* PostgreSQL's default */
	if (nulls != NULL)
	{
		int			mark = path_push(cs, "nulls");

		if (nulls->kind != JV_STRING ||
			(strcmp(nulls->str, "first") != 0 && strcmp(nulls->str, "last") != 0))
			compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
						  "nulls must be \"first\" or \"last\"");
		if (!field->is_optional)
			compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE,
						  "nulls applies only to optional fields.",
						  "field %s is required and has no nulls to place", field->name);
		item->nulls_first = strcmp(nulls->str, "first") == 0;
		path_pop(cs, mark);
	}
}

/*
 * Order by a relation: {author: {name: "asc"}} through a to-one relation
 * (a scalar subquery for the related row's term), {cast: {_count: "desc"}}
 * on a to-many relation.
 */
static OrderItem *
parse_relation_order(CompileState *cs, const PrismaField *rel, const JsonValue *v, int alias)
{
	int			inner;
	StringInfoData e;
	OrderItem  *item;

	initStringInfo(&e);
	expect_kind(cs, v, JV_OBJECT);
	if (rel->rel_kind == REL_TO_MANY || rel->rel_kind == REL_MANY_TO_MANY)
	{
		int			mark;

		if (v->n != 1 || strcmp(v->keys[0], "_count") != 0)
			compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE,
						  "Order by a to-many relation with {_count: \"asc\"} or {_count: \"desc\"}.",
						  "invalid order on to-many relation %s", rel->name);
		mark = path_push(cs, "_count");
		item = palloc0(sizeof(OrderItem));
		parse_sort_order(cs, NULL, v->items[0], item);
		path_pop(cs, mark);
		append_order_count(cs, &e, rel, alias);
		item->expr = e.data;
		return item;
	}
	inner = ++cs->next_alias;
	item = parse_order_item(cs, &cs->schema->models[rel->target], v, inner);
	appendStringInfo(&e, "(SELECT %s ", item->expr);
	append_relation_source(cs, &e, rel, alias, inner);
	appendStringInfoChar(&e, ')');
	item->expr = e.data;
	return item;
}

/*
 * Order by full-text relevance, {_relevance: {fields, search, sort}}, as
 * Prisma writes it (fullTextSearchPostgres): ts_rank(to_tsvector(concat_ws(
 * ' ', fields)), to_tsquery(search)).  fields: String fields (also lists).
 */
static OrderItem *
parse_relevance_order(CompileState *cs, const PrismaModel *model, const JsonValue *v, int alias)
{
	static const char *const keys[] = {"fields", "search", "sort", NULL};
	const JsonValue *fields;
	StringInfoData cols;
	StringInfoData e;
	OrderItem  *item = palloc0(sizeof(OrderItem));
	int			mark;

	expect_kind(cs, v, JV_OBJECT);
	check_arg_names(cs, v, keys, "_relevance");
	for (int k = 0; k < 3; k++)
		if (json_get(v, keys[k]) == NULL)
			compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
						  "_relevance needs fields, search and sort; %s is missing", keys[k]);
	fields = json_get(v, "fields");
	mark = path_push(cs, "fields");
	if (fields->kind != JV_STRING && (fields->kind != JV_ARRAY || fields->n == 0))
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
					  "expected a field name or a non-empty array of them, got %s",
					  json_kind_name(fields->kind));
	initStringInfo(&cols);
	for (int i = 0; i < (fields->kind == JV_ARRAY ? fields->n : 1); i++)
	{
		const JsonValue *name = fields->kind == JV_ARRAY ? fields->items[i] : fields;
		int			m2 = fields->kind == JV_ARRAY ? path_push_index(cs, i) : -1;
		int			f;

		expect_kind(cs, name, JV_STRING);
		f = model_find_field(model, name->str);
		if (f < 0 || model->fields[f].type != PT_STRING)
			compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE,
						  "_relevance orders by String fields.",
						  "%s \"%s\" of model %s", f < 0 ? "unknown field" : "not a String field",
						  name->str, model->name);
		if (i > 0)
			appendStringInfoString(&cols, ", ");
		append_column(&cols, alias, model->fields[f].column);
		if (m2 >= 0)
			path_pop(cs, m2);
	}
	path_pop(cs, mark);
	mark = path_push(cs, "sort");
	parse_sort_order(cs, NULL, json_get(v, "sort"), item);
	path_pop(cs, mark);
	mark = path_push(cs, "search");
	initStringInfo(&e);
	append_text_search(cs, &e, cols.data, json_get(v, "search"), true);
	path_pop(cs, mark);
	item->expr = e.data;
	return item;
}

/* Parse one orderBy object ({field: "asc"}, {field: {sort, nulls}}, relations). */
static OrderItem *
parse_order_item(CompileState *cs, const PrismaModel *model, const JsonValue *obj, int alias)
{
	OrderItem  *item;
	const PrismaField *field;
	int			f;
	int			mark;

	expect_kind(cs, obj, JV_OBJECT);
	if (obj->n != 1)
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE,
					  "Pass an array of objects to order by several fields: [{a: \"asc\"}, {b: \"desc\"}].",
					  "an orderBy object takes exactly one field, got %d", obj->n);
	mark = path_push(cs, obj->keys[0]);
	f = model_find_field(model, obj->keys[0]);
	if (f < 0 && strcmp(obj->keys[0], "_relevance") == 0)
	{
		item = parse_relevance_order(cs, model, obj->items[0], alias);
		path_pop(cs, mark);
		return item;
	}
	if (f < 0)
		compile_error(cs, ERRCODE_UNDEFINED_COLUMN, NULL,
					  "unknown field \"%s\" on model %s", obj->keys[0], model->name);
	field = &model->fields[f];
	if (field->type == PT_RELATION)
		item = parse_relation_order(cs, field, obj->items[0], alias);
	else
	{
		StringInfoData e;

		if (field->is_list)
			compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
						  "cannot order by list field %s", field->name);
		item = palloc0(sizeof(OrderItem));
		parse_sort_order(cs, field, obj->items[0], item);
		initStringInfo(&e);
		append_column(&e, alias, field->column);
		item->expr = e.data;
		item->not_null = !field->is_optional;
	}
	path_pop(cs, mark);
	return item;
}

/* Parse an orderBy argument, an object or an array of them, item by item. */
List *
parse_order_list(CompileState *cs, const JsonValue *orderBy, OrderItemFn item_fn, void *arg)
{
	List	   *items = NIL;
	int			mark;
	int			i;

	if (orderBy == NULL)
		return NIL;
	mark = path_push(cs, "orderBy");
	if (orderBy->kind == JV_ARRAY)
	{
		for (i = 0; i < orderBy->n; i++)
		{
			int			m2 = path_push_index(cs, i);

			items = lappend(items, item_fn(cs, orderBy->items[i], arg));
			path_pop(cs, m2);
		}
	}
	else
		items = lappend(items, item_fn(cs, orderBy, arg));
	path_pop(cs, mark);
	return items;
}

/* What parse_read_order_item needs besides the object. */
typedef struct ReadOrderArg
{
	const PrismaModel *model;
	int			alias;
} ReadOrderArg;

/* parse_order_item as an OrderItemFn. */
static OrderItem *
parse_read_order_item(CompileState *cs, const JsonValue *obj, void *arg)
{
	ReadOrderArg *a = arg;

	return parse_order_item(cs, a->model, obj, a->alias);
}

/*
 * The ORDER BY terms of a read: orderBy as given, then the primary key to
 * break ties (so results never depend on physical order).  With no orderBy,
 * the primary key alone when order_by_default, nothing otherwise.
 */
List *
parse_order(CompileState *cs, const PrismaModel *model, const JsonValue *orderBy,
			int alias, bool order_by_default)
{
	ReadOrderArg arg = {model, alias};
	List	   *items = parse_order_list(cs, orderBy, parse_read_order_item, &arg);
	int			i;

	if (items == NIL && !order_by_default)
		return NIL;
	for (i = 0; i < model->nid; i++)
	{
		OrderItem  *pk = palloc0(sizeof(OrderItem));
		StringInfoData e;
		ListCell   *lc;
		bool		present = false;

		initStringInfo(&e);
		append_column(&e, alias, model->fields[model->id_fields[i]].column);
		foreach(lc, items)
			present |= strcmp(((OrderItem *) lfirst(lc))->expr, e.data) == 0;
		if (present)
			continue;
		pk->expr = e.data;
		pk->not_null = true;
		items = lappend(items, pk);
	}
	return items;
}

/* Append ORDER BY terms, reversed if asked (for a negative take). */
void
append_order(StringInfo buf, List *items, bool reverse, const char *hidden_prefix)
{
	ListCell   *lc;
	int			i = 0;

	if (items == NIL)
		return;
	appendStringInfoString(buf, " ORDER BY ");
	foreach(lc, items)
	{
		OrderItem  *item = lfirst(lc);
		bool		desc = item->desc != reverse;
		bool		nulls_first = item->nulls_first != reverse;

		if (i > 0)
			appendStringInfoString(buf, ", ");
		if (hidden_prefix)
			appendStringInfo(buf, "%s\"__o%d\"", hidden_prefix, i);
		else
			appendStringInfoString(buf, item->expr);
		appendStringInfo(buf, " %s NULLS %s", desc ? "DESC" : "ASC",
						 nulls_first ? "FIRST" : "LAST");
		i++;
	}
}

/* Append "x comes strictly after c" for one ORDER BY term. */
static void
append_after(StringInfo buf, const OrderItem *item, const char *x, const char *c, bool reverse)
{
	bool		desc = item->desc != reverse;
	bool		nulls_first = item->nulls_first != reverse;

	appendStringInfo(buf, "(%s %s %s", x, desc ? "<" : ">", c);
	if (nulls_first)
		appendStringInfo(buf, " OR (%s IS NOT NULL AND %s IS NULL))", x, c);
	else
		appendStringInfo(buf, " OR (%s IS NULL AND %s IS NOT NULL))", x, c);
}

/*
 * Append "row tA of the relation via belongs to the parent the cursor row
 * belongs to":
 *
 *   <tA's key> IN (SELECT <key> FROM <target> tC [links] WHERE <cursor>)
 *
 * uncorrelated, so the planner reads the cursor row once (a semi-join with
 * one row, or a hashed subplan) and never per row of tA.  Read for one
 * parent row tP (parent_alias > 0), the test is on tP's own key instead:
 * a one-time filter of the parent's subquery, so that a parent the cursor
 * row does not belong to reads none of its rows (Movie.cast include cursor,
 * 50 parents: the links of one parent read instead of those of all 50).
 */
static void
append_same_parent(CompileState *cs, StringInfo buf, const PrismaModel *model,
				   const PrismaField *via, int alias, int parent_alias,
				   const JsonValue *cursor)
{
	int			calias = ++cs->next_alias;

	appendStringInfoChar(buf, '(');
	if (parent_alias > 0)
		append_relation_keys(buf, via, parent_alias, true);
	else
		append_relation_keys(buf, via, alias, false);
	appendStringInfoString(buf, ") IN (SELECT ");
	append_relation_keys(buf, via, calias, false);
	appendStringInfoString(buf, " FROM ");
	append_table(buf, model);
	appendStringInfo(buf, " t%d", calias);
	if (via->rel_kind == REL_MANY_TO_MANY)
	{
		appendStringInfoString(buf, " JOIN ");
		append_join_table(buf, via);
		appendStringInfo(buf, " j%d ON j%d.%s = ", calias, calias,
						 quote_identifier(via->join_remote));
		append_column(buf, calias, via->remote_cols[0]);
	}
	appendStringInfoString(buf, " WHERE ");
	compile_where(cs, buf, NULL, model, calias, cursor);
	appendStringInfoString(buf, ") AND ");
}

/*
 * Append "x >= (SELECT c FROM <model> tC WHERE <cursor>) AND " ("<=" when
 * descending) for the first order term x when it is a required column:
 * implied by the condition below, but a bound the planner can start an
 * index range scan at (a cursor page reads from the cursor row on, not from
 * the first row).  No cursor row: the bound is null, no row passes, as
 * below.
 */
static void
append_cursor_bound(CompileState *cs, StringInfo buf, const PrismaModel *model, int alias,
					const JsonValue *cursor, const JsonValue *orderBy, List *order, bool reverse)
{
	int			balias = ++cs->next_alias;
	OrderItem  *x = linitial(order);
	OrderItem  *c;
	StringInfo	saved_joins = cs->order_joins;

	if (!x->not_null)
		return;
	cs->order_joins = NULL;
	c = linitial(parse_order(cs, model, orderBy, balias, true));
	cs->order_joins = saved_joins;
	appendStringInfo(buf, "%s %s (SELECT %s FROM ", x->expr, x->desc != reverse ? "<=" : ">=",
					 c->expr);
	append_table(buf, model);
	appendStringInfo(buf, " t%d WHERE ", balias);
	compile_where(cs, buf, NULL, model, balias, cursor);
	appendStringInfoString(buf, ") AND ");
}

/*
 * Append the cursor condition of a read of model over alias: the row is the
 * cursor row or comes after it in the (possibly reversed) order.  The cursor
 * row is found by its unique criterion; if there is none, nothing matches.
 * In a relation (via), like Prisma, a parent's list is paged from the cursor
 * row only when the cursor row is in it: the other parents get no rows
 * (parent_alias: the one parent row of a per-row read, else 0).
 */
void
append_cursor_condition(CompileState *cs, StringInfo buf, const PrismaModel *model, int alias,
						const JsonValue *cursor, const JsonValue *where,
						const JsonValue *orderBy, List *order, bool reverse,
						const PrismaField *via, int parent_alias)
{
	int			calias = ++cs->next_alias;
	List	   *corder;
	ListCell   *lc;
	ListCell   *cc;
	int			i;
	int			mark = path_push(cs, "cursor");
	StringInfo	saved_joins;

	expect_kind(cs, cursor, JV_OBJECT);
	if (!where_has_unique(model, cursor))
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE,
					  "Name a unique field (@id, @unique) or a compound unique (@@id, @@unique) with a value.",
					  "cursor needs a unique criterion of model %s", model->name);
	if (via != NULL)
		append_same_parent(cs, buf, model, via, alias, parent_alias, cursor);
	append_cursor_bound(cs, buf, model, alias, cursor, orderBy, order, reverse);
	appendStringInfoString(buf, "EXISTS (SELECT 1 FROM ");
	append_table(buf, model);
	appendStringInfo(buf, " t%d WHERE ", calias);
	compile_where(cs, buf, NULL, model, calias, cursor);
	path_pop(cs, mark);
	if (where != NULL)
	{
		/* like Prisma: a cursor row outside the filter gives no rows */
		mark = path_push(cs, "where");
		appendStringInfoString(buf, " AND ");
		compile_where(cs, buf, NULL, model, calias, where);
		path_pop(cs, mark);
	}

	/* the same terms over the cursor row (its own counts, correlated) */
	saved_joins = cs->order_joins;
	cs->order_joins = NULL;
	corder = parse_order(cs, model, orderBy, calias, true);
	cs->order_joins = saved_joins;
	appendStringInfoString(buf, " AND (");
	for (i = 0; i <= list_length(order); i++)
	{
		int			j = 0;

		if (i > 0)
			appendStringInfoString(buf, " OR ");
		appendStringInfoChar(buf, '(');
		forboth(lc, order, cc, corder)
		{
			OrderItem  *x = lfirst(lc);
			OrderItem  *c = lfirst(cc);

			if (j > 0)
				appendStringInfoString(buf, " AND ");
			if (j == i)
			{
				append_after(buf, x, x->expr, c->expr, reverse);
				break;
			}
			appendStringInfo(buf, "%s IS NOT DISTINCT FROM %s", x->expr, c->expr);
			j++;
		}
		appendStringInfoChar(buf, ')');
	}
	appendStringInfoString(buf, "))");
}
