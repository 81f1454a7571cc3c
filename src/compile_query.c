/*
 * compile_query.c
 *		Compile a read (findMany, findFirst, findUnique, ...) into one
 *		SQL statement that returns the final JSON.
 *
 * A read of a model becomes a subquery of rows whose columns are named by
 * field names; prisma_agg() (lists) or prisma_row() (one record) turn those
 * rows into JSON.  Included relations are scalar subqueries of the same
 * form in the select list, correlated with the parent row, so the whole
 * nested result is one statement.  Table aliases are numbered in the order
 * the document is walked (t0, t1, ...), so one query shape always
 * compiles to the same text.
 */
#include "postgres.h"

#include "utils/builtins.h"

#include "compile.h"
#include "prisma_compile.h"

/* One ORDER BY term. */
typedef struct OrderItem
{
	char	   *expr;
	bool		desc;
	bool		nulls_first;
} OrderItem;

/* What kind of read a rows subquery serves. */
typedef enum ReadKind
{
	READ_MANY,					/* findMany, a to-many relation */
	READ_FIRST,					/* findFirst: the first row of a list */
	READ_UNIQUE,				/* findUnique: at most one row by a unique */
	READ_TO_ONE					/* a to-one relation */
} ReadKind;

static const char *const many_args[] = {
	"where", "orderBy", "take", "skip", "cursor", "distinct", "select", "include", "omit",
	"relationLoadStrategy", NULL
};
static const char *const unique_args[] = {
	"where", "select", "include", "omit", "relationLoadStrategy", NULL
};
static const char *const to_one_args[] = {"select", "include", "omit", NULL};

static void compile_rows(CompileState *cs, StringInfo buf, const PrismaModel *model,
						 const JsonValue *args, ReadKind kind, const PrismaField *via,
						 int parent_alias);

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

/* Append the (schema-qualified) quoted table name of a model. */
void
append_table(StringInfo buf, const PrismaModel *model)
{
	if (model->db_schema)
		appendStringInfo(buf, "%s.", quote_identifier(model->db_schema));
	appendStringInfoString(buf, quote_identifier(model->table));
}

/* Append tN."column". */
void
append_column(StringInfo buf, int alias, const char *column)
{
	appendStringInfo(buf, "t%d.%s", alias, quote_identifier(column));
}

/*
 * Append "FROM <target> tA [JOIN <join table> jA ...] WHERE <link>": the
 * rows of rel's target that belong to the parent row tP.
 */
void
append_relation_source(CompileState *cs, StringInfo buf, const PrismaField *rel,
					   int parent_alias, int alias)
{
	const PrismaModel *target = &cs->schema->models[rel->target];
	int			i;

	appendStringInfoString(buf, "FROM ");
	append_table(buf, target);
	appendStringInfo(buf, " t%d", alias);
	if (rel->rel_kind == REL_MANY_TO_MANY)
	{
		appendStringInfoString(buf, " JOIN ");
		if (rel->join_schema)
			appendStringInfo(buf, "%s.", quote_identifier(rel->join_schema));
		appendStringInfo(buf, "%s j%d ON j%d.%s = ", quote_identifier(rel->join_table),
						 alias, alias, quote_identifier(rel->join_remote));
		append_column(buf, alias, rel->remote_cols[0]);
		appendStringInfo(buf, " WHERE j%d.%s = ", alias, quote_identifier(rel->join_local));
		append_column(buf, parent_alias, rel->local_cols[0]);
		return;
	}
	appendStringInfoString(buf, " WHERE ");
	for (i = 0; i < rel->nkeys; i++)
	{
		if (i > 0)
			appendStringInfoString(buf, " AND ");
		append_column(buf, alias, rel->remote_cols[i]);
		appendStringInfoString(buf, " = ");
		append_column(buf, parent_alias, rel->local_cols[i]);
	}
}

/* Raise an error for any key of args not in allowed. */
static void
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
			compile_error(cs, ERRCODE_FEATURE_NOT_SUPPORTED, NULL,
						  "_count is not supported yet");
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

/* Append a relation as a correlated subquery yielding its JSON. */
static void
append_relation_json(CompileState *cs, StringInfo buf, const PrismaField *rel,
					 const JsonValue *args, int parent_alias)
{
	const PrismaModel *target = &cs->schema->models[rel->target];
	bool		to_many = rel->rel_kind == REL_TO_MANY || rel->rel_kind == REL_MANY_TO_MANY;
	int			alias;

	if (++cs->depth > prisma_max_depth)
		compile_error(cs, ERRCODE_PROGRAM_LIMIT_EXCEEDED,
					  "Raise prisma_compile.max_depth to allow deeper nesting.",
					  "relations are nested more than %d levels deep", prisma_max_depth);
	alias = cs->next_alias + 1;	/* the alias compile_rows will take */
	appendStringInfo(buf, "(SELECT %s(r%d) FROM (",
					 to_many ? "prisma_agg" : "prisma_row", alias);
	compile_rows(cs, buf, target, args, to_many ? READ_MANY : READ_TO_ONE, rel, parent_alias);
	appendStringInfo(buf, ") r%d)", alias);
	cs->depth--;
}

/*
 * Append the select list of a read: the selected scalar columns and the
 * included relations, in the model's field order, named by field names.
 */
static void
append_selection(CompileState *cs, StringInfo buf, const PrismaModel *model,
				 const JsonValue *args, int alias)
{
	const JsonValue *select = json_get(args, "select");
	const JsonValue *include = json_get(args, "include");
	const JsonValue *omit = json_get(args, "omit");
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
		const JsonValue *entry;

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
			continue;
		}

		entry = json_get(select ? select : include, field->name);
		if (entry == NULL || (entry->kind == JV_BOOL && !entry->boolean))
			continue;
		mark = path_push(cs, select ? "select" : "include");
		path_push(cs, field->name);
		if (ncols++ > 0)
			appendStringInfoString(buf, ", ");
		append_relation_json(cs, buf, field, entry->kind == JV_OBJECT ? entry : NULL, alias);
		appendStringInfo(buf, " AS %s", quote_identifier(field->name));
		path_pop(cs, mark);
	}
	if (ncols == 0)
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
					  "the selection is empty: select at least one field");
}

/* Parse one orderBy object ({field: "asc"} or {field: {sort, nulls}}). */
static OrderItem *
parse_order_item(CompileState *cs, const PrismaModel *model, const JsonValue *obj, int alias)
{
	OrderItem  *item = palloc0(sizeof(OrderItem));
	const JsonValue *v;
	const JsonValue *sort;
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
	if (f < 0)
	{
		if (strcmp(obj->keys[0], "_relevance") == 0)
			compile_error(cs, ERRCODE_FEATURE_NOT_SUPPORTED, NULL,
						  "ordering by _relevance is not supported");
		compile_error(cs, ERRCODE_UNDEFINED_COLUMN, NULL,
					  "unknown field \"%s\" on model %s", obj->keys[0], model->name);
	}
	field = &model->fields[f];
	if (field->type == PT_RELATION)
		compile_error(cs, ERRCODE_FEATURE_NOT_SUPPORTED, NULL,
					  "ordering by a relation is not supported yet");
	v = obj->items[0];
	sort = v;
	if (v->kind == JV_OBJECT)
	{
		const JsonValue *nulls = json_get(v, "nulls");
		int			i;

		for (i = 0; i < v->n; i++)
			if (strcmp(v->keys[i], "sort") != 0 && strcmp(v->keys[i], "nulls") != 0)
				compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
							  "unknown key \"%s\": expected sort and nulls", v->keys[i]);
		sort = json_get(v, "sort");
		if (sort == NULL)
			compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL, "sort is missing");
		if (nulls != NULL)
		{
			path_push(cs, "nulls");
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
			path_push(cs, obj->keys[0]);
		}
	}
	if (sort->kind != JV_STRING || (strcmp(sort->str, "asc") != 0 && strcmp(sort->str, "desc") != 0))
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
					  "sort order must be \"asc\" or \"desc\"");
	item->desc = strcmp(sort->str, "desc") == 0;
	if (v->kind != JV_OBJECT || json_get(v, "nulls") == NULL)
		item->nulls_first = item->desc;	/* PostgreSQL's default */
	{
		StringInfoData e;

		initStringInfo(&e);
		append_column(&e, alias, field->column);
		item->expr = e.data;
	}
	path_pop(cs, mark);
	return item;
}

/*
 * The ORDER BY terms of a read: orderBy as given, then the primary key to
 * break ties (so results never depend on physical order).  With no orderBy,
 * the primary key alone when order_by_default, nothing otherwise.
 */
static List *
parse_order(CompileState *cs, const PrismaModel *model, const JsonValue *orderBy,
			int alias, bool order_by_default)
{
	List	   *items = NIL;
	int			i;

	if (orderBy != NULL)
	{
		int			mark = path_push(cs, "orderBy");

		if (orderBy->kind == JV_ARRAY)
		{
			for (i = 0; i < orderBy->n; i++)
			{
				int			m2 = path_push_index(cs, i);

				items = lappend(items, parse_order_item(cs, model, orderBy->items[i], alias));
				path_pop(cs, m2);
			}
		}
		else
			items = lappend(items, parse_order_item(cs, model, orderBy, alias));
		path_pop(cs, mark);
	}
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
		items = lappend(items, pk);
	}
	return items;
}

/* Append ORDER BY terms, reversed if asked (for a negative take). */
static void
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

/*
 * Append the rows subquery of one read of model: its select list, source,
 * filter, order and paging.  via/parent_alias link it to a parent row.
 */
static void
compile_rows(CompileState *cs, StringInfo buf, const PrismaModel *model,
			 const JsonValue *args, ReadKind kind, const PrismaField *via, int parent_alias)
{
	int			alias = ++cs->next_alias;
	const JsonValue *where = json_get(args, "where");
	const JsonValue *take = json_get(args, "take");
	const JsonValue *skip = json_get(args, "skip");
	List	   *order;
	int64		take_value = 0;
	bool		reverse = false;
	int			take_param = 0;
	int			skip_param = 0;
	int			mark;

	if (args != NULL)
	{
		expect_kind(cs, args, JV_OBJECT);
		check_arg_names(cs, args,
						kind == READ_TO_ONE ? to_one_args :
						kind == READ_UNIQUE ? unique_args : many_args,
						kind == READ_TO_ONE ? "a to-one relation" :
						kind == READ_UNIQUE ? "findUnique" : "a list read");
		if (json_get(args, "cursor"))
		{
			path_push(cs, "cursor");
			compile_error(cs, ERRCODE_FEATURE_NOT_SUPPORTED, NULL, "cursor is not supported yet");
		}
		if (json_get(args, "distinct"))
		{
			path_push(cs, "distinct");
			compile_error(cs, ERRCODE_FEATURE_NOT_SUPPORTED, NULL, "distinct is not supported yet");
		}
	}

	if (take)
	{
		mark = path_push(cs, "take");
		take_value = json_integer(cs, take);
		reverse = take_value < 0;
		if (reverse)
			take_value = -take_value;
		if (kind == READ_FIRST)
			take_value = 1;
		take_param = add_param(cs, INT8OID, Int64GetDatum(take_value), false);
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
		skip_param = add_param(cs, INT8OID, Int64GetDatum(n), false);
		path_pop(cs, mark);
	}
	order = parse_order(cs, model, json_get(args, "orderBy"), alias,
						kind == READ_FIRST || (kind == READ_MANY && (via != NULL || take || skip)));

	if (reverse)
		appendStringInfoString(buf, "SELECT * FROM (");
	appendStringInfoString(buf, "SELECT ");
	append_selection(cs, buf, model, args, alias);
	if (reverse)
	{
		ListCell   *lc;
		int			i = 0;

		foreach(lc, order)
			appendStringInfo(buf, ", %s AS \"__o%d\"", ((OrderItem *) lfirst(lc))->expr, i++);
	}
	appendStringInfoChar(buf, ' ');
	if (via)
		append_relation_source(cs, buf, via, parent_alias, alias);
	else
	{
		appendStringInfoString(buf, "FROM ");
		append_table(buf, model);
		appendStringInfo(buf, " t%d", alias);
	}
	if (where)
	{
		mark = path_push(cs, "where");
		appendStringInfoString(buf, via ? " AND " : " WHERE ");
		compile_where(cs, buf, model, alias, where);
		path_pop(cs, mark);
	}
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
	else
	{
		path_push(&cs, "operation");
		if (strcmp(operation, "count") == 0 || strcmp(operation, "aggregate") == 0 ||
			strcmp(operation, "groupBy") == 0)
			compile_error(&cs, ERRCODE_FEATURE_NOT_SUPPORTED, NULL,
						  "operation %s is not supported yet", operation);
		if (strncmp(operation, "create", 6) == 0 || strncmp(operation, "update", 6) == 0 ||
			strncmp(operation, "delete", 6) == 0 || strcmp(operation, "upsert") == 0)
			compile_error(&cs, ERRCODE_FEATURE_NOT_SUPPORTED,
						  "prisma_query answers reads; send writes through Prisma Client or SQL.",
						  "operation %s is a write, and writes are not supported", operation);
		compile_error(&cs, ERRCODE_UNDEFINED_FUNCTION,
					  "Read operations are findMany, findFirst, findFirstOrThrow, findUnique and findUniqueOrThrow.",
					  "unknown operation \"%s\"", operation);
	}

	path_push(&cs, "args");
	if (args != NULL)
		expect_kind(&cs, args, JV_OBJECT);
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

	appendStringInfo(&sql, "SELECT %s(r1) FROM (", kind == READ_MANY ? "prisma_agg" : "prisma_row");
	compile_rows(&cs, &sql, model, args, kind, NULL, 0);
	appendStringInfoString(&sql, ") r1");

	q->sql = sql.data;
	q->nparams = cs.nparams;
	q->param_types = cs.param_types;
	q->param_values = cs.param_values;
	q->param_nulls = cs.param_nulls;
	q->shape = kind == READ_MANY ? RESULT_VALUE : or_throw ? RESULT_ROW_OR_THROW : RESULT_ROW;
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
