/*
 * compile_query.c
 *		Compile a read (findMany, findFirst, findUnique, ...) into one
 *		SQL statement that returns the final JSON.
 *
 * A read of a model becomes a subquery of rows whose columns are named by
 * field names; prisma_agg() (lists) or prisma_object() (one record), given
 * the names and the columns, turn those rows into JSON.  Included relations
 * are scalar subqueries of the same form in the select list, correlated
 * with the parent row, or lookups in the children of all parents grouped by
 * parent key (set-based reads, below), so the whole nested result is one
 * statement.  Table aliases are numbered in the order the document is
 * walked (t0, t1, ...), so one query shape always compiles to the same text.
 */
#include "postgres.h"

#include "utils/builtins.h"

#include "compile.h"
#include "prisma_compile.h"

static const char *const find_many_args[] = {
	"where", "orderBy", "take", "skip", "cursor", "distinct", "select", "include", "omit",
	"relationLoadStrategy", NULL
};
static const char *const unique_args[] = {
	"where", "select", "include", "omit", "relationLoadStrategy", NULL
};


/* Push ".key" onto the error path; returns the mark to pop back to. */
int
path_push(CompileState *cs, const char *key)
{
	int			mark = cs->path.len;

	if (cs->path.len > 0)
		appendStringInfoChar(&cs->path, '.');
	appendStringInfoString(&cs->path, key);
	return mark;
}

/* Push "[index]" onto the error path. */
int
path_push_index(CompileState *cs, int index)
{
	int			mark = cs->path.len;

	appendStringInfo(&cs->path, "[%d]", index);
	return mark;
}

/* Pop the error path back to a mark. */
void
path_pop(CompileState *cs, int mark)
{
	cs->path.len = mark;
	cs->path.data[mark] = '\0';
}

/* Raise an error about the node at the current path. */
void
compile_error(CompileState *cs, int sqlstate, const char *hint, const char *fmt,...)
{
	StringInfoData msg;

	initStringInfo(&msg);
	for (;;)
	{
		va_list		args;
		int			needed;

		va_start(args, fmt);
		needed = appendStringInfoVA(&msg, fmt, args);
		va_end(args);
		if (needed == 0)
			break;
		enlargeStringInfo(&msg, needed);
	}
	ereport(ERROR,
			(errcode(sqlstate),
			 errmsg("%s: %s", cs->path.len > 0 ? cs->path.data : "query", msg.data),
			 hint ? errhint("%s", hint) : 0));
	pg_unreachable();
}

/* Raise an error unless value is of the given kind. */
void
expect_kind(CompileState *cs, const JsonValue *value, JsonKind kind)
{
	if (value->kind != kind)
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
					  "expected %s, got %s", json_kind_name(kind), json_kind_name(value->kind));
}

/* Append the schema-qualified quoted table name of a model (which must
 * still fit the catalog). */
void
append_table(StringInfo buf, const PrismaModel *model)
{
	schema_check_model(model);
	appendStringInfo(buf, "%s.", quote_identifier(model->rel_schema));
	appendStringInfoString(buf, quote_identifier(model->table));
}

/*
 * The columns referenced through an alias, recorded for the aliases of the
 * rows of a set-based level (a CTE): the CTE selects only those, so that a
 * role with privileges on some columns can read them (docs/set-based.md).
 * Reset for each compiled statement.
 */
typedef struct ColumnUse
{
	int			alias;
	List	   *columns;		/* char *, each once, in first-use order */
} ColumnUse;

static List *column_uses = NIL;

/* Start recording the columns referenced through tN. */
void
record_columns(int alias)
{
	ColumnUse  *use = palloc(sizeof(ColumnUse));

	use->alias = alias;
	use->columns = NIL;
	column_uses = lappend(column_uses, use);
}

/* The ColumnUse of an alias, or NULL when it is not recorded. */
static ColumnUse *
find_column_use(int alias)
{
	ListCell   *lc;

	foreach(lc, column_uses)
		if (((ColumnUse *) lfirst(lc))->alias == alias)
			return lfirst(lc);
	return NULL;
}

/* The columns referenced through tN so far (record_columns first). */
List *
recorded_columns(int alias)
{
	ColumnUse  *use = find_column_use(alias);

	return use ? use->columns : NIL;
}

/* Note a reference to tN."column". */
static void
note_column(int alias, const char *column)
{
	ColumnUse  *use = find_column_use(alias);
	ListCell   *lc;

	if (use == NULL)
		return;
	foreach(lc, use->columns)
		if (strcmp(lfirst(lc), column) == 0)
			return;
	use->columns = lappend(use->columns, (char *) column);
}

/* Append tN."column". */
void
append_column(StringInfo buf, int alias, const char *column)
{
	note_column(alias, column);
	appendStringInfo(buf, "t%d.%s", alias, quote_identifier(column));
}

/* Append "SELECT p.column FROM parents p": the keys of a set-based level's rows tP. */
void
append_parent_keys(StringInfo buf, const char *parents, int parent_alias, const char *column)
{
	note_column(parent_alias, column);
	appendStringInfo(buf, "SELECT p.%s FROM %s p", quote_identifier(column), parents);
}

/* Reserve the next WITH item of the statement; set_cte fills it. */
int
reserve_cte(CompileState *cs)
{
	cs->ctes = lappend(cs->ctes, NULL);
	return list_length(cs->ctes) - 1;
}

/* Fill a reserved WITH item: "name AS [MATERIALIZED] (body)". */
void
set_cte(CompileState *cs, int slot, const char *name, const char *body, bool materialized)
{
	lfirst(list_nth_cell(cs->ctes, slot)) =
		psprintf("%s AS %s(%s)", name, materialized ? "MATERIALIZED " : "", body);
}

/* Append the (schema-qualified) quoted name of a many-to-many join table. */
void
append_join_table(StringInfo buf, const PrismaField *rel)
{
	if (rel->join_rel_schema == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_OBJECT_DEFINITION),
				 errmsg("relation %s cannot be queried: its join table \"%s\" no longer fits the schema",
						rel->name, rel->join_table),
				 errhint("Restore the join table, or correct the schema and load it again with prisma_load_schema().")));
	appendStringInfo(buf, "%s.", quote_identifier(rel->join_rel_schema));
	appendStringInfoString(buf, quote_identifier(rel->join_table));
}

/* Append " JOIN <target> tA ON tA.id = jA.<remote>": the targets of links jA. */
static void
append_join_target(CompileState *cs, StringInfo buf, const PrismaField *rel, int alias)
{
	appendStringInfoString(buf, " JOIN ");
	append_table(buf, &cs->schema->models[rel->target]);
	appendStringInfo(buf, " t%d ON ", alias);
	append_column(buf, alias, rel->remote_cols[0]);
	appendStringInfo(buf, " = j%d.%s", alias, quote_identifier(rel->join_remote));
}

/*
 * Append "FROM <target> tA", with the join table jA first for a
 * many-to-many relation: with it leading, the planner probes its index per
 * parent row (a nested-loop semi-join that stops at the first match) where
 * the other order made it merge all links.
 */
static void
append_relation_from(CompileState *cs, StringInfo buf, const PrismaField *rel, int alias)
{
	appendStringInfoString(buf, "FROM ");
	if (rel->rel_kind == REL_MANY_TO_MANY)
	{
		append_join_table(buf, rel);
		appendStringInfo(buf, " j%d", alias);
		append_join_target(cs, buf, rel, alias);
		return;
	}
	append_table(buf, &cs->schema->models[rel->target]);
	appendStringInfo(buf, " t%d", alias);
}

/* Append the column of rel's rows that holds the parent's key (i-th part). */
void
append_relation_key(StringInfo buf, const PrismaField *rel, int alias, int i)
{
	if (rel->rel_kind == REL_MANY_TO_MANY)
		appendStringInfo(buf, "j%d.%s", alias, quote_identifier(rel->join_local));
	else
		append_column(buf, alias, rel->remote_cols[i]);
}

/*
 * Append "FROM <target> tA <joins> WHERE <link>": the rows of rel's target
 * that belong to the parent row tP.
 */
static void
append_relation_source_joins(CompileState *cs, StringInfo buf, const PrismaField *rel,
							 int parent_alias, int alias, const char *joins)
{
	int			i;

	append_relation_from(cs, buf, rel, alias);
	appendStringInfo(buf, "%s WHERE ", joins);
	for (i = 0; i < rel->nkeys; i++)
	{
		if (i > 0)
			appendStringInfoString(buf, " AND ");
		append_relation_key(buf, rel, alias, i);
		appendStringInfoString(buf, " = ");
		append_column(buf, parent_alias, rel->local_cols[i]);
	}
}

/* Append "FROM <target> tA ... WHERE <link>" (no joins). */
void
append_relation_source(CompileState *cs, StringInfo buf, const PrismaField *rel,
					   int parent_alias, int alias)
{
	append_relation_source_joins(cs, buf, rel, parent_alias, alias, "");
}

/*
 * The direction to read the links of a many-to-many read in when its rows
 * are ordered by the target's id alone (the default order): 1 ascending,
 * -1 descending; 0 for any other read.
 */
static int
link_order(const PrismaField *via, List *order, bool reverse, int alias)
{
	OrderItem  *item;

	if (via == NULL || via->rel_kind != REL_MANY_TO_MANY || list_length(order) != 1)
		return 0;
	item = linitial(order);
	if (strcmp(item->expr, psprintf("t%d.%s", alias, quote_identifier(via->remote_cols[0]))) != 0)
		return 0;
	return item->desc != reverse ? -1 : 1;
}

/*
 * Append "FROM (<links of tP in order>) jA JOIN <target> tA ON ...": the rows
 * of a many-to-many relation of the parent row tP, read through its links
 * sorted by the target's id (the link table's other column).  The subquery
 * is kept apart (OFFSET 0), so the planner sees the links in order and
 * probes the target's primary key per link until a LIMIT is met; flattened,
 * it merged the links with the target's whole primary key index.  No WHERE
 * is left open.
 */
static void
append_links_in_order(CompileState *cs, StringInfo buf, const PrismaField *rel,
					  int parent_alias, int alias, int direction)
{
	appendStringInfo(buf, "FROM (SELECT j%d.* FROM ", alias);
	append_join_table(buf, rel);
	appendStringInfo(buf, " j%d WHERE ", alias);
	append_relation_key(buf, rel, alias, 0);
	appendStringInfoString(buf, " = ");
	append_column(buf, parent_alias, rel->local_cols[0]);
	appendStringInfo(buf, " ORDER BY j%d.%s%s OFFSET 0) j%d", alias,
					 quote_identifier(rel->join_remote), direction < 0 ? " DESC" : "", alias);
	append_join_target(cs, buf, rel, alias);
}

/*
 * Append "FROM <target> tA <joins> WHERE <key> IN <parents>": the rows of a
 * single-key relation for every row tP of the CTE parents at once (NULL:
 * every row with a key).  Join tables are probed with prisma_key_in(key,
 * ARRAY(keys)), which the planner turns into one bitmap scan of their index
 * with a row estimate from the number of parents (key_set.c); a plain
 * foreign key with IN (keys), which leaves the planner a hash semi-join
 * when the key has no index, an index probe per parent when it has one.
 */
void
append_relation_source_set(CompileState *cs, StringInfo buf, const PrismaField *rel,
						   int alias, const char *joins, const char *parents, int parent_alias)
{
	append_relation_from(cs, buf, rel, alias);
	appendStringInfo(buf, "%s WHERE ", joins);
	if (parents == NULL)
	{
		append_relation_key(buf, rel, alias, 0);
		appendStringInfoString(buf, " IS NOT NULL");
	}
	else if (rel->rel_kind == REL_MANY_TO_MANY)
	{
		appendStringInfoString(buf, "prisma_key_in(");
		append_relation_key(buf, rel, alias, 0);
		appendStringInfoString(buf, ", ARRAY(");
		append_parent_keys(buf, parents, parent_alias, rel->local_cols[0]);
		appendStringInfoString(buf, "))");
	}
	else
	{
		append_relation_key(buf, rel, alias, 0);
		appendStringInfoString(buf, " IN (");
		append_parent_keys(buf, parents, parent_alias, rel->local_cols[0]);
		appendStringInfoChar(buf, ')');
	}
}

/* Raise an error for any key of args not in allowed. */
void
check_arg_names(CompileState *cs, const JsonValue *args, const char *const *allowed,
				const char *what)
{
	int			i;

	for (i = 0; i < args->n; i++)
	{
		const char *const *a;
		StringInfoData list;

		for (a = allowed; *a; a++)
			if (strcmp(*a, args->keys[i]) == 0)
				break;
		if (*a)
			continue;
		initStringInfo(&list);
		for (a = allowed; *a; a++)
			appendStringInfo(&list, "%s%s", a == allowed ? "" : ", ", *a);
		path_push(cs, args->keys[i]);
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE,
					  psprintf("Arguments of %s are %s.", what, list.data),
					  "unknown argument \"%s\"", args->keys[i]);
	}
}

static void select_columns(CompileState *cs, StringInfo buf, const PrismaModel *model,
						   const JsonValue *args, int alias, void *arg);

/* Append the columns of distinct (one field name or an array of them), checked. */
void
append_distinct_keys(CompileState *cs, StringInfo buf, const PrismaModel *model,
					 const JsonValue *distinct, int alias)
{
	int			n = distinct->kind == JV_ARRAY ? distinct->n : 1;
	int			i;
	int			mark = path_push(cs, "distinct");

	if (distinct->kind != JV_ARRAY && distinct->kind != JV_STRING)
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
					  "expected a field name or an array of field names, got %s",
					  json_kind_name(distinct->kind));
	if (n == 0)
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL, "name at least one field");
	for (i = 0; i < n; i++)
	{
		const JsonValue *name = distinct->kind == JV_ARRAY ? distinct->items[i] : distinct;
		int			m2 = distinct->kind == JV_ARRAY ? path_push_index(cs, i) : cs->path.len;
		int			f;

		if (name->kind != JV_STRING)
			compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
						  "expected a field name, got %s", json_kind_name(name->kind));
		f = model_find_field(model, name->str);
		if (f < 0 || model->fields[f].type == PT_RELATION)
			compile_error(cs, ERRCODE_UNDEFINED_COLUMN, NULL,
						  "unknown scalar field \"%s\" on model %s", name->str, model->name);
		if (i > 0)
			appendStringInfoString(buf, ", ");
		append_column(buf, alias, model->fields[f].column);
		path_pop(cs, m2);
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
	StringInfo	saved_joins;

	if (args != NULL)
		expect_kind(cs, args, JV_OBJECT);
	take_param = add_paging_params(cs, take, skip, kind, &reverse, &skip_param);
	/* under distinct, the numbered rows carry only the columns used above them */
	if (distinct)
		record_columns(alias);
	/* an order by a relation's _count may join its counts (not under distinct) */
	initStringInfo(&order_joins);
	saved_joins = cs->order_joins;
	cs->order_joins = distinct ? NULL : &order_joins;
	order = parse_order(cs, model, json_get(args, "orderBy"), alias,
						kind == READ_FIRST ||
						(kind == READ_MANY && (via != NULL || take || skip || cursor || distinct)));
	cs->order_joins = saved_joins;

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
static void
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
 * grouped, the result in the parents' order:
 *
 *   WITH __prisma_parents AS MATERIALIZED (SELECT t5.a, t5.id FROM ... LIMIT $n),
 *        __prisma_s2 AS (SELECT <key> AS "__k", ... FROM <children>)
 *   SELECT prisma_agg(ARRAY['a', 'rel'], r1.a, r1.rel) FROM (SELECT t1.a AS a,
 *       prisma_group_get((SELECT prisma_group_sorted(...) FROM ... __prisma_s2 ...), t1.id) AS rel
 *       FROM __prisma_parents t1 <count joins> ORDER BY <order>) r1
 */
static void
compile_set_based(CompileState *cs, StringInfo sql, const PrismaModel *model,
				  const JsonValue *args)
{
	StringInfoData joins;
	StringInfoData columns;
	StringInfoData rows;
	SelectJoins sj = {&joins, PARENTS_CTE, NIL};
	int			alias = ++cs->next_alias;	/* the parents' rows in the CTE */
	int			slot = reserve_cte(cs);
	List	   *order;
	ListCell   *lc;

	initStringInfo(&joins);
	initStringInfo(&columns);
	initStringInfo(&rows);
	record_columns(alias);
	append_selection(cs, &columns, model, args, alias, &sj);
	cs->order_joins = &joins;
	order = parse_order(cs, model, json_get(args, "orderBy"), alias, true);
	cs->order_joins = NULL;
	compile_rows(cs, &rows, model, args, READ_MANY, NULL, 0, select_columns,
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
	column_uses = NIL;

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
		q->plan_per_values = true;
	}
	else
		append_rows_json(&cs, &sql, model, args, kind, NULL, 0);
	q->shape = kind == READ_MANY ? RESULT_VALUE : or_throw ? RESULT_ROW_OR_THROW : RESULT_ROW;

done:
	q->sql = sql.data;
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
