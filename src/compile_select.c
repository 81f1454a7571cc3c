/*
 * compile_select.c
 *		The select list of a read: select, include, omit, _count, and the
 *		included relations as correlated subqueries.
 *
 * Scalar columns are named by their field names; an included relation is
 * a scalar subquery that builds its own JSON (prisma_agg for lists,
 * prisma_object for one record), so the parent row carries the finished
 * nested value.  Fields come out in the model's declaration order, with
 * _count last.
 */
#include "postgres.h"

#include "utils/builtins.h"

#include "compile.h"
#include "prisma_compile.h"

static const char *const to_many_args[] = {
	"where", "orderBy", "take", "skip", "cursor", "distinct", "select", "include", "omit", NULL
};
static const char *const to_one_args[] = {"select", "include", "omit", NULL};
static const char *const optional_to_one_args[] = {"where", "select", "include", "omit", NULL};

/* Is a select/include/omit entry switched on (true or an object)? */
static bool
entry_on(CompileState *cs, const JsonValue *v, bool relation)
{
	if (v->kind == JV_BOOL)
		return v->boolean;
	if (v->kind == JV_OBJECT && relation)
		return true;
	compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
				  relation ? "expected a boolean or an object, got %s" : "expected a boolean, got %s",
				  json_kind_name(v->kind));
	return false;
}

/* Check that every key of a select/include/omit object names a field. */
static void
check_selection_keys(CompileState *cs, const PrismaModel *model, const JsonValue *sel,
					 const char *what)
{
	int			i;

	for (i = 0; i < sel->n; i++)
	{
		int			f = model_find_field(model, sel->keys[i]);
		int			mark = path_push(cs, sel->keys[i]);

		if (strcmp(sel->keys[i], "_count") == 0 && strcmp(what, "omit") != 0)
		{
			if (sel->items[i]->kind != JV_BOOL && sel->items[i]->kind != JV_OBJECT)
				compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
							  "expected a boolean or an object, got %s",
							  json_kind_name(sel->items[i]->kind));
			path_pop(cs, mark);
			continue;
		}
		if (f < 0)
			compile_error(cs, ERRCODE_UNDEFINED_COLUMN, NULL,
						  "unknown field \"%s\" on model %s", sel->keys[i], model->name);
		if (strcmp(what, "include") == 0 && model->fields[f].type != PT_RELATION)
			compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE,
						  "include takes relation fields; scalar fields are always returned.",
						  "field %s is not a relation", sel->keys[i]);
		if (strcmp(what, "omit") == 0 && model->fields[f].type == PT_RELATION)
			compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
						  "omit takes scalar fields; %s is a relation", sel->keys[i]);
		entry_on(cs, sel->items[i], model->fields[f].type == PT_RELATION);
		path_pop(cs, mark);
	}
}

/* Is rel a to-many relation? */
static bool
is_to_many(const PrismaField *rel)
{
	return rel->rel_kind == REL_TO_MANY || rel->rel_kind == REL_MANY_TO_MANY;
}

/* Check a relation's arguments and count one more level of nesting. */
static void
enter_relation(CompileState *cs, const PrismaField *rel, const JsonValue *args)
{
	bool		to_many = is_to_many(rel);

	if (++cs->depth > prisma_max_depth)
		compile_error(cs, ERRCODE_PROGRAM_LIMIT_EXCEEDED,
					  "Raise prisma_compile.max_depth to allow deeper nesting.",
					  "relations are nested more than %d levels deep", prisma_max_depth);
	if (args != NULL)
	{
		expect_kind(cs, args, JV_OBJECT);
		check_arg_names(cs, args,
						to_many ? to_many_args : rel->is_optional ? optional_to_one_args : to_one_args,
						to_many ? "a to-many relation" : "a to-one relation");
	}
}

/*
 * Append the _count object of a select or include: true counts every
 * to-many relation; {select: {posts: true, comments: {where: ...}}} the
 * named ones, each with its own filter.
 */
static void
append_relation_counts(CompileState *cs, StringInfo buf, const PrismaModel *model,
					   const JsonValue *entry, int alias, SelectJoins *sj)
{
	const JsonValue *select = NULL;
	int			count_alias = ++cs->next_alias;
	int			n = 0;
	int			i;

	if (entry->kind == JV_OBJECT)
	{
		int			mark;

		for (i = 0; i < entry->n; i++)
			if (strcmp(entry->keys[i], "select") != 0)
			{
				path_push(cs, entry->keys[i]);
				compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
							  "unknown argument \"%s\": _count takes select", entry->keys[i]);
			}
		select = json_get(entry, "select");
		mark = path_push(cs, "select");
		if (select == NULL)
			compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL, "missing");
		expect_kind(cs, select, JV_OBJECT);
		for (i = 0; i < select->n; i++)
		{
			int			f = model_find_field(model, select->keys[i]);
			int			m2 = path_push(cs, select->keys[i]);

			if (f < 0 || !is_to_many(&model->fields[f]))
				compile_error(cs, ERRCODE_UNDEFINED_COLUMN, NULL,
							  "%s is not a to-many relation of model %s",
							  select->keys[i], model->name);
			entry_on(cs, select->items[i], true);
			if (select->items[i]->kind == JV_OBJECT)
				check_arg_names(cs, select->items[i],
								(const char *const[]) {"where", NULL}, "a _count selection");
			path_pop(cs, m2);
		}
		path_pop(cs, mark);
	}

	appendStringInfo(buf, "(SELECT prisma_row(c%d) FROM (SELECT ", count_alias);
	for (i = 0; i < model->nfields; i++)
	{
		const PrismaField *rel = &model->fields[i];
		const JsonValue *v = NULL;
		int			mark = 0;

		if (!is_to_many(rel))
			continue;
		if (select)
		{
			v = json_get(select, rel->name);
			if (v == NULL || (v->kind == JV_BOOL && !v->boolean))
				continue;
			mark = path_push(cs, "select");
			path_push(cs, rel->name);
		}
		if (n++ > 0)
			appendStringInfoString(buf, ", ");
		if (sj != NULL && sj->parents != NULL && rel->nkeys == 1)
			append_grouped_count(cs, buf, sj->joins, rel,
								 v && v->kind == JV_OBJECT ? json_get(v, "where") : NULL,
								 sj->parents, alias, false);
		else
			append_relation_count(cs, buf, rel,
								  v && v->kind == JV_OBJECT ? json_get(v, "where") : NULL, alias);
		appendStringInfo(buf, " AS %s", quote_identifier(rel->name));
		if (select)
			path_pop(cs, mark);
	}
	if (n == 0)
		appendStringInfoString(buf, "NULL AS \"__none\"");
	appendStringInfo(buf, ") c%d)", count_alias);
}

/*
 * Append "<call>ARRAY['a', ...], rN.a, ...)": a call of the fields form
 * (prisma_agg, prisma_object, prisma_group...) over the columns names of
 * subquery rN; call is the function's name and "(", with any arguments
 * before the names ("f(x, ").
 */
void
append_fields_call(StringInfo buf, const char *call, List *names, int alias)
{
	ListCell   *lc;

	/*
	 * A function takes at most 100 arguments: objects of more fields (models
	 * of over 100 fields) are written by the record form from rN's row,
	 * whose columns are the names (and hidden "__" keys).  Set-based reads
	 * are not made for such models (relation_is_set_based).
	 */
	if (list_length(names) > FIELDS_FORM_MAX)
	{
		bool		agg = strcmp(call, "prisma_agg(") == 0;

		Assert(agg || strcmp(call, "prisma_object(") == 0);
		appendStringInfo(buf, "%s(r%d)", agg ? "prisma_agg" : "prisma_row", alias);
		return;
	}
	appendStringInfo(buf, "%sARRAY[", call);
	foreach(lc, names)
		appendStringInfo(buf, "%s%s", foreach_current_index(lc) > 0 ? ", " : "",
						 quote_literal_cstr(lfirst(lc)));
	appendStringInfoChar(buf, ']');
	foreach(lc, names)
		appendStringInfo(buf, ", r%d.%s", alias, quote_identifier(lfirst(lc)));
	appendStringInfoChar(buf, ')');
}

/*
 * Append "SELECT fn(...) AS v FROM (<rows>) rN": the JSON of the rows that
 * compile_rows reads, as an array (prisma_agg) for READ_MANY, else as one
 * object (prisma_object), null without a row.
 */
void
append_rows_json(CompileState *cs, StringInfo buf, const PrismaModel *model,
				 const JsonValue *args, ReadKind kind, const PrismaField *via, int parent_alias)
{
	int			alias = cs->next_alias + 1;	/* the alias compile_rows takes */
	SelectJoins sj = {NULL, NULL, NIL};
	StringInfoData rows;

	initStringInfo(&rows);
	compile_rows(cs, &rows, model, args, kind, via, parent_alias, append_selection, &sj);
	appendStringInfoString(buf, "SELECT ");
	append_fields_call(buf, kind == READ_MANY ? "prisma_agg(" : "prisma_object(", sj.names, alias);
	appendStringInfo(buf, " AS v FROM (%s) r%d", rows.data, alias);
}

/*
 * Append a relation as a correlated subquery yielding its JSON; with joins,
 * a to-one relation as
 *
 *   LEFT JOIN LATERAL (SELECT prisma_object(...) AS v FROM (<row>) rN) oN ON true
 *
 * there and oN.v here: the planner pulls that subquery up into a plain left
 * join (a hash join over many rows) where the scalar subquery is run once
 * per row.  The planner keeps the JSON null for rows without a match.
 */
static void
append_relation_json(CompileState *cs, StringInfo buf, const PrismaField *rel,
					 const JsonValue *args, int parent_alias, StringInfo joins)
{
	const PrismaModel *target = &cs->schema->models[rel->target];
	bool		to_many = is_to_many(rel);

	enter_relation(cs, rel, args);
	if (joins != NULL && !to_many)
	{
		int			alias = cs->next_alias + 1;	/* the alias append_rows_json takes */

		appendStringInfoString(joins, " LEFT JOIN LATERAL (");
		append_rows_json(cs, joins, target, args, READ_TO_ONE, rel, parent_alias);
		appendStringInfo(joins, ") o%d ON true", alias);
		appendStringInfo(buf, "o%d.v", alias);
	}
	else
	{
		appendStringInfoChar(buf, '(');
		append_rows_json(cs, buf, target, args, to_many ? READ_MANY : READ_TO_ONE, rel,
						 parent_alias);
		appendStringInfoChar(buf, ')');
	}
	cs->depth--;
}

/*
 * Append a to-one relation of every row tP of the set-based level parents
 * whose selection reads relations in turn (docs/set-based.md): the related
 * rows of all parents in a CTE of their own, the parents of the relations
 * below, and each parent's row looked up there,
 *
 *   __prisma_sN AS (SELECT <key> AS "__k", tN.a, ... FROM <target> tN
 *                   WHERE <key> IN (<keys of parents>) [AND <where>])
 *
 *   LEFT JOIN (SELECT rM."__k", prisma_object(...) AS v FROM (SELECT tM."__k",
 *       <selection> FROM __prisma_sN tM <joins>) rM) oM ON oM."__k" = tP.<key>
 *
 * in joins and oM.v in buf: one join of the parents with their related
 * rows' objects (a hash or merge join).  Read per row instead, each
 * parent's related row would read its own relations per row, a scan each
 * without an index.
 */
static void
append_to_one_set_based(CompileState *cs, StringInfo buf, const PrismaField *rel,
						const JsonValue *args, int parent_alias, const char *parents,
						StringInfo joins)
{
	const PrismaModel *target = &cs->schema->models[rel->target];
	int			alias = ++cs->next_alias;	/* the related rows in the CTE */
	int			ralias = ++cs->next_alias;	/* the CTE in the lookup */
	const char *cte = psprintf("__prisma_s%d", alias);
	const JsonValue *where = json_get(args, "where");
	StringInfoData rows;
	StringInfoData sel;
	StringInfoData row_joins;
	StringInfoData filter;
	StringInfoData filter_joins;
	SelectJoins sj = {&row_joins, cte, NIL};
	ListCell   *lc;
	int			slot;

	enter_relation(cs, rel, args);
	slot = reserve_cte(cs);
	initStringInfo(&sel);
	initStringInfo(&row_joins);
	record_columns(ralias);
	append_selection(cs, &sel, target, args, ralias, &sj);

	initStringInfo(&rows);
	appendStringInfoString(&rows, "SELECT ");
	append_relation_key(&rows, rel, alias, 0);
	appendStringInfoString(&rows, " AS \"__k\"");
	foreach(lc, recorded_columns(ralias))
	{
		appendStringInfoString(&rows, ", ");
		append_column(&rows, alias, lfirst(lc));
	}
	appendStringInfoChar(&rows, ' ');
	initStringInfo(&filter);
	initStringInfo(&filter_joins);
	if (where)
	{
		int			mark = path_push(cs, "where");

		compile_where(cs, &filter, &filter_joins, target, alias, where);
		path_pop(cs, mark);
	}
	append_relation_source_set(cs, &rows, rel, alias, filter_joins.data, parents, parent_alias);
	if (where)
		appendStringInfo(&rows, " AND %s", filter.data);
	set_cte(cs, slot, cte, rows.data, false);

	appendStringInfo(joins, " LEFT JOIN (SELECT r%d.\"__k\", ", ralias);
	append_fields_call(joins, "prisma_object(", sj.names, ralias);
	appendStringInfo(joins, " AS v FROM (SELECT t%d.\"__k\", %s FROM %s t%d%s) r%d) o%d ON o%d.\"__k\" = ",
					 ralias, sel.data, cte, ralias, row_joins.data, ralias, ralias, ralias);
	append_column(joins, parent_alias, rel->local_cols[0]);
	appendStringInfo(buf, "o%d.v", ralias);
	cs->depth--;
}

/*
 * Can a to-many relation be read set-based: for all parents at once (a
 * compound key grouped as one row value), distinct and paging per parent
 * by windows?
 */
bool
relation_is_set_based(const PrismaField *rel, const JsonValue *args)
{
	const PrismaSchema *schema = schema_cached();

	(void) args;
	if (!is_to_many(rel))
		return false;
	/* the fields form of prisma_group takes up to FIELDS_FORM_MAX fields
	 * ("_count" is one more); the schema is the one being compiled for */
	return schema == NULL || schema->models[rel->target].nfields + 1 <= FIELDS_FORM_MAX;
}

/*
 * Should a read of model with this selection be set-based (compile_query.c)?
 * Yes when, with many_parents, it reads a to-many relation or _count that
 * can be; or when a relation or count it reads, or one nested in a to-many
 * relation it reads, has no index on its key, so that reading it per
 * parent row would scan its table once per parent.  Below a few parents,
 * indexed keys are probed per row at every level (docs/set-based.md).
 */
bool
selection_wants_set_based(const PrismaSchema *schema, const PrismaModel *model,
						  const JsonValue *args, bool many_parents)
{
	const JsonValue *sel = json_get(args, "select");
	int			i;

	if (sel == NULL || sel->kind != JV_OBJECT)
		sel = json_get(args, "include");
	if (sel == NULL || sel->kind != JV_OBJECT)
		return false;
	for (i = 0; i < sel->n; i++)
	{
		int			f = model_find_field(model, sel->keys[i]);
		const JsonValue *v = sel->items[i];
		const JsonValue *counted;
		const PrismaField *rel;

		if (v->kind == JV_BOOL && !v->boolean)
			continue;
		if (f < 0 && strcmp(sel->keys[i], "_count") == 0)
		{
			/* {_count: true} counts every to-many relation, {select: {...}} some */
			counted = v->kind == JV_OBJECT ? json_get(v, "select") : NULL;
			for (int j = 0; j < model->nfields; j++)
			{
				rel = &model->fields[j];
				if (!is_to_many(rel) || rel->nkeys != 1 ||
					(counted != NULL && (counted->kind != JV_OBJECT ||
										 json_get(counted, rel->name) == NULL)))
					continue;
				if (many_parents || !rel->key_indexed)
					return true;
			}
			continue;
		}
		if (f < 0 || (v->kind != JV_BOOL && v->kind != JV_OBJECT))
			continue;
		rel = &model->fields[f];
		/* a to-one relation's rows are as many as the parents */
		if (!is_to_many(rel) && rel->nkeys == 1 && v->kind == JV_OBJECT &&
			selection_wants_set_based(schema, &schema->models[rel->target], v, many_parents))
			return true;
		if (!relation_is_set_based(rel, v->kind == JV_OBJECT ? v : NULL))
			continue;
		if (many_parents || !rel->key_indexed ||
			(v->kind == JV_OBJECT &&
			 selection_wants_set_based(schema, &schema->models[rel->target], v, false)))
			return true;
	}
	return false;
}

/*
 * Append a to-many relation read for every row tP of the set-based level
 * parents at once (docs/set-based.md: one scan or one index pass over the
 * children of all parents instead of one probe per parent).  The children
 * are a CTE of their own, __prisma_sN, with only the columns used, so that
 * a set-based relation inside reads its parents from it:
 *
 *   __prisma_sN AS (SELECT <key> AS "__k", <sort key> AS "__s", tN.a, ...
 *                   FROM <children of parents> WHERE <where> AND <cursor>)
 *
 * and the parent takes its array from the children grouped by key:
 *
 *   prisma_group_get((SELECT prisma_group_sorted(rM."__k", rM."__s",
 *       ARRAY['a', ...], rM.a, ...) FROM (SELECT tM."__k", tM."__s", <selection>
 *       FROM __prisma_sN tM <joins>) rM), tP.<key>)
 *
 * The uncorrelated subquery is an InitPlan, run once.  In the default order
 * (a single-column primary key, no orderBy, no paging) the sort key is the
 * primary key; otherwise it is the row's number within its parent in the
 * read's order, row_number() OVER (PARTITION BY <key> ORDER BY ...), and
 * take/skip keep the numbers in (skip, skip + take] (counted from the end
 * for a negative take, then put back in order).  prisma_group_sorted puts
 * each group in sort-key order itself (json_group.c).
 */
static void
append_relation_set_based(CompileState *cs, StringInfo buf, const PrismaField *rel,
						  const JsonValue *args, int parent_alias, const char *parents,
						  const PrismaModel *parent, bool takes)
{
	const PrismaModel *target = &cs->schema->models[rel->target];
	int			alias = ++cs->next_alias;	/* the children in the CTE */
	int			ralias = ++cs->next_alias;	/* the CTE in the grouping */
	const char *cte = psprintf("__prisma_s%d", alias);
	const JsonValue *where = json_get(args, "where");
	const JsonValue *take = json_get(args, "take");
	const JsonValue *skip = json_get(args, "skip");
	const JsonValue *cursor = json_get(args, "cursor");
	const JsonValue *distinct = json_get(args, "distinct");
	bool		keyed = json_get(args, "orderBy") == NULL && target->nid == 1 &&
		take == NULL && skip == NULL;
	ReadHead	head;
	int			slot;
	ListCell   *lc;
	StringInfoData child_joins;
	StringInfoData key;
	StringInfoData from;
	StringInfoData filter;
	StringInfoData rows;
	StringInfoData sel;
	/*
	 * The children of a to-many relation are rows of its table, each once:
	 * the parents of the relations below, each the only one with its id.
	 * A many-to-many relation's children are repeated per link.
	 */
	SelectJoins sj = {&child_joins, cte, NIL, takes && rel->rel_kind == REL_TO_MANY};
	int			links_slot = -1;
	int			mark;
	bool		takes_group;

	enter_relation(cs, rel, args);
	start_read(cs, target, args, READ_MANY, alias, NULL, true, &head);

	/* a many-to-many relation's links come first, in a CTE of their own */
	if (rel->rel_kind == REL_MANY_TO_MANY)
		links_slot = reserve_cte(cs);

	/* the selection first: it names the CTE's columns */
	slot = reserve_cte(cs);
	initStringInfo(&child_joins);
	initStringInfo(&sel);
	record_columns(ralias);
	append_selection(cs, &sel, target, args, ralias, &sj);

	/* the children of all parents, filtered (its joins go in the FROM) */
	initStringInfo(&filter);
	if (where)
	{
		mark = path_push(cs, "where");
		compile_where(cs, &filter, &head.order_joins, target, alias, where);
		path_pop(cs, mark);
	}
	initStringInfo(&from);
	if (rel->rel_kind == REL_MANY_TO_MANY)
		append_links_set(cs, &from, rel, alias, head.order_joins.data, parents, parent_alias,
						 links_slot);
	else
		append_relation_source_set(cs, &from, rel, alias, head.order_joins.data, parents,
								   parent_alias);
	if (where)
		appendStringInfo(&from, " AND %s", filter.data);
	if (cursor)
	{
		appendStringInfoString(&from, " AND ");
		append_cursor_condition(cs, &from, target, alias, cursor, where,
								json_get(args, "orderBy"), head.order, head.reverse, rel, 0);
	}

	/* the parent key: under distinct, a column of the numbered rows */
	initStringInfo(&key);
	if (distinct)
		appendStringInfo(&key, "t%d.\"__k\"", alias);
	else
		append_relation_key_value(&key, rel, alias, false);

	initStringInfo(&rows);
	appendStringInfo(&rows, "SELECT %s%s, ", key.data, distinct ? "" : " AS \"__k\"");
	if (keyed)
		append_column(&rows, alias, target->fields[target->id_fields[0]].column);
	else
	{
		appendStringInfo(&rows, "row_number() OVER (PARTITION BY %s", key.data);
		append_order(&rows, head.order, head.reverse, NULL);
		appendStringInfoChar(&rows, ')');
	}
	appendStringInfoString(&rows, " AS \"__s\"");
	foreach(lc, recorded_columns(ralias))
	{
		appendStringInfoString(&rows, ", ");
		append_column(&rows, alias, lfirst(lc));
	}
	if (distinct)
	{
		/*
		 * Per parent, the first row of each distinct key in the read's order
		 * (from the end for a negative take), as compile_rows does for one
		 * parent; the numbered rows take the read's alias.
		 */
		StringInfoData window;

		initStringInfo(&window);
		appendStringInfoString(&window, ", row_number() OVER (PARTITION BY ");
		append_relation_key_value(&window, rel, alias, false);
		appendStringInfoString(&window, ", ");
		append_distinct_keys(cs, &window, target, distinct, alias);
		append_order(&window, head.order, head.reverse, NULL);
		appendStringInfoString(&window, ") AS \"__d\"");
		appendStringInfoString(&rows, " FROM (SELECT ");
		append_relation_key_value(&rows, rel, alias, false);
		appendStringInfoString(&rows, " AS \"__k\"");
		foreach(lc, recorded_columns(alias))
		{
			appendStringInfoString(&rows, ", ");
			append_column(&rows, alias, lfirst(lc));
		}
		appendStringInfo(&rows, "%s %s) t%d WHERE t%d.\"__d\" = 1", window.data, from.data,
						 alias, alias);
	}
	else
		appendStringInfo(&rows, " %s", from.data);
	if (head.take_param || head.skip_param)
	{
		/* the page of each parent: numbers in (skip, skip + take] */
		StringInfoData paged;

		initStringInfo(&paged);
		appendStringInfo(&paged, "SELECT * FROM (%s) q%d WHERE ", rows.data, alias);
		if (head.skip_param)
			appendStringInfo(&paged, "q%d.\"__s\" > $%d%s", alias, head.skip_param,
							 head.take_param ? " AND " : "");
		if (head.take_param)
		{
			appendStringInfo(&paged, "q%d.\"__s\" <= $%d", alias, head.take_param);
			if (head.skip_param)
				appendStringInfo(&paged, " + $%d", head.skip_param);
		}
		rows = paged;
	}
	set_cte(cs, slot, cte, rows.data, false);

	/*
	 * Each parent row its group once, where the parents are read once and
	 * the key is their single-column id (set by compile_set_based and the
	 * level above): the groups are then freed as they are taken.
	 */
	takes_group = takes && rel->nkeys == 1 && parent->nid == 1 &&
		strcmp(parent->fields[parent->id_fields[0]].column, rel->local_cols[0]) == 0;
	appendStringInfo(buf, "%s((SELECT ", takes_group ? "prisma_group_take" : "prisma_group_get");
	append_fields_call(buf, psprintf("prisma_group_sorted(r%d.\"__k\", %sr%d.\"__s\", ",
									 ralias, head.reverse ? "-" : "", ralias),
					   sj.names, ralias);
	appendStringInfo(buf, " FROM (SELECT t%d.\"__k\", t%d.\"__s\", %s FROM %s t%d%s) r%d), ",
					 ralias, ralias, sel.data, cte, ralias, child_joins.data, ralias);
	append_relation_key_value(buf, rel, parent_alias, true);
	appendStringInfoChar(buf, ')');
	cs->depth--;
}

/*
 * Append the select list of a read: the selected scalar columns and the
 * included relations, in the model's field order, named by field names.
 * arg is NULL or a SelectJoins (compile.h), which receives the names.
 */
void
append_selection(CompileState *cs, StringInfo buf, const PrismaModel *model,
				 const JsonValue *args, int alias, void *arg)
{
	const JsonValue *select = json_get(args, "select");
	const JsonValue *include = json_get(args, "include");
	const JsonValue *omit = json_get(args, "omit");
	const JsonValue *entry;
	SelectJoins *sj = (SelectJoins *) arg;
	int			i;
	int			ncols = 0;
	int			mark;

	/* null is the same as leaving them out */
	if (select && select->kind == JV_NULL)
		select = NULL;
	if (include && include->kind == JV_NULL)
		include = NULL;
	if (omit && omit->kind == JV_NULL)
		omit = NULL;

	if (select && include)
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE,
					  "Use include inside select, or select inside include.",
					  "select and include cannot be used together");
	if (select && omit)
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
					  "select and omit cannot be used together");
	if (select)
	{
		mark = path_push(cs, "select");
		expect_kind(cs, select, JV_OBJECT);
		check_selection_keys(cs, model, select, "select");
		path_pop(cs, mark);
	}
	if (include)
	{
		mark = path_push(cs, "include");
		expect_kind(cs, include, JV_OBJECT);
		check_selection_keys(cs, model, include, "include");
		path_pop(cs, mark);
	}
	if (omit)
	{
		mark = path_push(cs, "omit");
		expect_kind(cs, omit, JV_OBJECT);
		check_selection_keys(cs, model, omit, "omit");
		path_pop(cs, mark);
	}

	for (i = 0; i < model->nfields; i++)
	{
		const PrismaField *field = &model->fields[i];

		if (field->type != PT_RELATION)
		{
			if (select)
			{
				entry = json_get(select, field->name);
				if (entry == NULL || !entry->boolean)
					continue;
			}
			else if (omit && (entry = json_get(omit, field->name)) != NULL && entry->boolean)
				continue;
			if (ncols++ > 0)
				appendStringInfoString(buf, ", ");
			append_column(buf, alias, field->column);
			appendStringInfo(buf, " AS %s", quote_identifier(field->name));
			if (sj != NULL)
				sj->names = lappend(sj->names, field->name);
			continue;
		}

		entry = json_get(select ? select : include, field->name);
		if (entry == NULL || (entry->kind == JV_BOOL && !entry->boolean))
			continue;
		mark = path_push(cs, select ? "select" : "include");
		path_push(cs, field->name);
		if (ncols++ > 0)
			appendStringInfoString(buf, ", ");
		if (sj != NULL && sj->parents != NULL &&
			relation_is_set_based(field, entry->kind == JV_OBJECT ? entry : NULL))
			append_relation_set_based(cs, buf, field, entry->kind == JV_OBJECT ? entry : NULL,
									  alias, sj->parents, model, sj->takes);
		else if (sj != NULL && sj->parents != NULL && field->nkeys == 1 &&
				 !is_to_many(field) && entry->kind == JV_OBJECT &&
				 selection_wants_set_based(cs->schema, &cs->schema->models[field->target],
										   entry, true))
			append_to_one_set_based(cs, buf, field, entry, alias, sj->parents, sj->joins);
		else
			append_relation_json(cs, buf, field, entry->kind == JV_OBJECT ? entry : NULL, alias,
								 sj != NULL ? sj->joins : NULL);
		appendStringInfo(buf, " AS %s", quote_identifier(field->name));
		if (sj != NULL)
			sj->names = lappend(sj->names, field->name);
		path_pop(cs, mark);
	}
	entry = json_get(select ? select : include, "_count");
	if (entry != NULL && (entry->kind == JV_OBJECT || entry->boolean))
	{
		mark = path_push(cs, select ? "select" : "include");
		path_push(cs, "_count");
		if (ncols++ > 0)
			appendStringInfoString(buf, ", ");
		append_relation_counts(cs, buf, model, entry, alias, sj);
		appendStringInfoString(buf, " AS _count");
		if (sj != NULL)
			sj->names = lappend(sj->names, "_count");
		path_pop(cs, mark);
	}
	if (ncols == 0)
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
					  "the selection is empty: select at least one field");
}

