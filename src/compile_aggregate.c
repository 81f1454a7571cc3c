/*
 * compile_aggregate.c
 *		count, aggregate and groupBy, compiled to one statement whose single
 *		value is the final JSON.
 *
 * Every aggregate a query needs (to return it, to filter groups by it in
 * `having`, to order groups by it) becomes one column "__aN" of an inner
 * aggregating query; the fields of a groupBy's `by` become columns "__bN".
 * An outer query over that one (alias tK) picks the columns up under the
 * keys Prisma returns: the by fields, and for _count/_avg/_sum/_min/_max a
 * nested object built by prisma_row() over a one-row sub-select (or a bare
 * number for `_count: true`).  prisma_row/prisma_agg encode by column type,
 * so each aggregate column is cast to a type that prints as Prisma's value:
 *
 *	counts (count(*), count(col))	float8: Prisma counts are numbers.  The
 *		int8 of count() would print as a string, and int4 would overflow past
 *		2^31 rows; float8 is exact to 2^53 and prints plain digits below 1e15.
 *	_sum of Int					float8, for the same reasons (sum(int4) is int8).
 *	_sum of BigInt				numeric (what sum(int8) gives, exact past the
 *		int8 range, as JavaScript's BigInt is), returned as text: the digits.
 *	_sum of Float, Decimal		as PostgreSQL gives it: float8 (float4 for a
 *		real column) prints a number, numeric a Decimal string.
 *	_avg of Int, BigInt			avg()::float8: Prisma's avg of these is a Float.
 *	_avg of Float				sum(x)::float8 / count(x): the same value as
 *		avg(float8), without the sum of squares avg() also keeps, which
 *		overflows (an error) on values past 1e154.
 *	_avg of Decimal				numeric: a Decimal string.
 *	_min, _max					the column's own type (bool_and/bool_or for
 *		Boolean, the first of an ordered array_agg for bytea and uuid, which
 *		have no min/max aggregates).
 *
 * `having` is compiled by compile_where() over the grouped rows: it is
 * rewritten into a where object over a stand-in model whose fields are the
 * by fields (columns "__bN") and one field per filtered aggregate, named
 * "<field>._sum" (column "__aN", typed like the aggregate), so that every
 * scalar operator, value check and error path of where applies unchanged.
 * count and aggregate aggregate over the rows subquery of compile_rows(),
 * which applies where, orderBy, cursor, take, skip and distinct first.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "utils/builtins.h"

#include "compile.h"

/* The five aggregates, in the order of agg_names. */
typedef enum AggKind
{
	AGG_COUNT,
	AGG_AVG,
	AGG_SUM,
	AGG_MIN,
	AGG_MAX,
	AGG_NONE = -1
} AggKind;

static const char *const agg_names[] = {"_count", "_avg", "_sum", "_min", "_max"};

/* One aggregate column "__aN" of the inner query. */
typedef struct AggColumn
{
	AggKind		kind;
	int			field;			/* index into model->fields; -1 for _all */
} AggColumn;

/* One key of a nested aggregate object: {"views": <column __aN>}. */
typedef struct AggMember
{
	const char *key;
	int			col;
} AggMember;

/* One key of the result: a by field, or an aggregate (object or number). */
typedef struct AggOutput
{
	const char *key;
	int			by;				/* index into by[], or -1 */
	int			col;			/* _count: true: its column; else -1 */
	List	   *members;		/* AggMember *, for an object */
} AggOutput;

/* Everything one count/aggregate/groupBy needs. */
typedef struct AggQuery
{
	const PrismaModel *model;
	List	   *columns;		/* AggColumn * */
	List	   *outputs;		/* AggOutput * */
	int			nby;
	int		   *by;				/* field indexes of groupBy's by */
	bool		group;			/* groupBy: aggregate tN's columns, not s's */
	int			table_alias;	/* groupBy: tN of the table */
	List	   *stand_in;		/* PrismaField *: having's stand-in fields */
	int			order_alias;	/* groupBy: the alias orderBy terms refer to */
} AggQuery;

static const char *const count_args[] = {
	"where", "orderBy", "cursor", "take", "skip", "distinct", "select", NULL
};
static const char *const aggregate_args[] = {
	"where", "orderBy", "cursor", "take", "skip", "distinct",
	"_count", "_avg", "_sum", "_min", "_max", NULL
};
static const char *const group_by_args[] = {
	"by", "where", "having", "orderBy", "take", "skip",
	"_count", "_avg", "_sum", "_min", "_max", NULL
};

/* The argument named key, with null taken as absent. */
static const JsonValue *
get_arg(const JsonValue *args, const char *key)
{
	const JsonValue *v = args ? json_get(args, key) : NULL;

	return v && v->kind != JV_NULL ? v : NULL;
}

/* The aggregate named by a key such as "_sum", or AGG_NONE. */
static AggKind
agg_kind(const char *key)
{
	int			k;

	for (k = 0; k < lengthof(agg_names); k++)
		if (strcmp(key, agg_names[k]) == 0)
			return (AggKind) k;
	return AGG_NONE;
}

/* Is the field one that _avg and _sum take? */
static bool
is_numeric_field(const PrismaField *field)
{
	return !field->is_list &&
		(field->type == PT_INT || field->type == PT_BIGINT ||
		 field->type == PT_FLOAT || field->type == PT_DECIMAL);
}

/*
 * The index of the field an aggregate names, checked: a scalar field of
 * the model, of a type the aggregate takes (the current path names it).
 */
static int
agg_field(CompileState *cs, const PrismaModel *model, AggKind kind, const char *name)
{
	int			f = model_find_field(model, name);
	const PrismaField *field;

	if (f < 0)
		compile_error(cs, ERRCODE_UNDEFINED_COLUMN, NULL,
					  "unknown field \"%s\" on model %s", name, model->name);
	field = &model->fields[f];
	if (field->type == PT_RELATION)
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE,
					  "Aggregates take scalar fields.",
					  "field %s is a relation", name);
	if ((kind == AGG_AVG || kind == AGG_SUM) && !is_numeric_field(field))
		compile_error(cs, ERRCODE_UNDEFINED_FUNCTION,
					  "_avg and _sum take Int, BigInt, Float and Decimal fields.",
					  "%s is not available on field %s of type %s%s", agg_names[kind],
					  name, field->type_name, field->is_list ? "[]" : "");
	if ((kind == AGG_MIN || kind == AGG_MAX) && (field->is_list || field->type == PT_JSON))
		compile_error(cs, ERRCODE_UNDEFINED_FUNCTION,
					  "_min and _max take scalar fields that are neither lists nor Json.",
					  "%s is not available on field %s of type %s%s", agg_names[kind],
					  name, field->type_name, field->is_list ? "[]" : "");
	return f;
}

/* The column number of an aggregate, added if new. */
static int
agg_column(AggQuery *q, AggKind kind, int field)
{
	ListCell   *lc;
	AggColumn  *c;
	int			i = 0;

	foreach(lc, q->columns)
	{
		c = lfirst(lc);
		if (c->kind == kind && c->field == field)
			return i;
		i++;
	}
	c = palloc(sizeof(AggColumn));
	c->kind = kind;
	c->field = field;
	q->columns = lappend(q->columns, c);
	return i;
}

/* The position of a field in by, or -1. */
static int
by_index(const AggQuery *q, int field)
{
	int			i;

	for (i = 0; i < q->nby; i++)
		if (q->by[i] == field)
			return i;
	return -1;
}

/* Append the input of an aggregate over a field: s."name" or tN."column". */
static void
append_source(StringInfo buf, const AggQuery *q, const PrismaField *field)
{
	if (q->group)
		append_column(buf, q->table_alias, field->column);
	else
		appendStringInfo(buf, "s.%s", quote_identifier(field->name));
}

/* Append the expression of one aggregate column (see the file comment). */
static void
append_agg_expr(StringInfo buf, const AggQuery *q, const AggColumn *c)
{
	const PrismaField *field;
	StringInfoData src;

	if (c->field < 0)
	{
		appendStringInfoString(buf, "count(*)::float8");
		return;
	}
	field = &q->model->fields[c->field];
	initStringInfo(&src);
	append_source(&src, q, field);
	switch (c->kind)
	{
		case AGG_COUNT:
			appendStringInfo(buf, "count(%s)::float8", src.data);
			break;
		case AGG_AVG:
			if (field->type == PT_DECIMAL)
				appendStringInfo(buf, "avg(%s)", src.data);
			else if (field->type == PT_FLOAT)
				appendStringInfo(buf, "sum(%s)::float8 / count(%s)", src.data, src.data);
			else
				appendStringInfo(buf, "avg(%s)::float8", src.data);
			break;
		case AGG_SUM:
			if (field->type == PT_INT)
				appendStringInfo(buf, "sum(%s)::float8", src.data);
			else if (field->type == PT_BIGINT)
				appendStringInfo(buf, "sum(%s)", src.data);
			else
				appendStringInfo(buf, "sum(%s)", src.data);
			break;
		case AGG_MIN:
		case AGG_MAX:
			if (field->col_type == BOOLOID)
				appendStringInfo(buf, "%s(%s)", c->kind == AGG_MIN ? "bool_and" : "bool_or",
								 src.data);
			else if (field->col_type == BYTEAOID || field->col_type == UUIDOID)
				appendStringInfo(buf,
								 "(array_agg(%s ORDER BY %s %s) FILTER (WHERE %s IS NOT NULL))[1]",
								 src.data, src.data, c->kind == AGG_MIN ? "ASC" : "DESC",
								 src.data);
			else
				appendStringInfo(buf, "%s(%s)", c->kind == AGG_MIN ? "min" : "max", src.data);
			break;
		default:
			elog(ERROR, "unexpected aggregate %d", c->kind);
	}
}

/*
 * Parse one aggregate selection of the arguments (`_count: true`,
 * `_sum: {views: true}`, ...) into an output; the caller pushed its path.
 */
static void
parse_selection(CompileState *cs, AggQuery *q, AggKind kind, const char *key,
				const JsonValue *v)
{
	AggOutput  *out = palloc0(sizeof(AggOutput));
	int			i;

	out->key = key;
	out->by = -1;
	out->col = -1;
	if (v->kind == JV_BOOL && kind == AGG_COUNT)
	{
		if (!v->boolean)
			return;
		out->col = agg_column(q, AGG_COUNT, -1);
		q->outputs = lappend(q->outputs, out);
		return;
	}
	if (v->kind != JV_OBJECT)
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
					  kind == AGG_COUNT ? "expected true or an object of fields, got %s" :
					  "expected an object of fields, got %s", json_kind_name(v->kind));
	for (i = 0; i < v->n; i++)
	{
		int			mark = path_push(cs, v->keys[i]);
		int			f = -1;
		AggMember  *m;

		if (kind != AGG_COUNT || strcmp(v->keys[i], "_all") != 0)
			f = agg_field(cs, q->model, kind, v->keys[i]);
		if (v->items[i]->kind != JV_BOOL)
			compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
						  "expected a boolean, got %s", json_kind_name(v->items[i]->kind));
		path_pop(cs, mark);
		if (!v->items[i]->boolean)
			continue;
		m = palloc(sizeof(AggMember));
		m->key = v->keys[i];
		m->col = agg_column(q, kind, f);
		out->members = lappend(out->members, m);
	}
	q->outputs = lappend(q->outputs, out);
}

/* Parse the _count/_avg/_sum/_min/_max arguments, in the order given. */
static void
parse_selections(CompileState *cs, AggQuery *q, const JsonValue *args)
{
	int			i;

	for (i = 0; args && i < args->n; i++)
	{
		AggKind		kind = agg_kind(args->keys[i]);
		int			mark;

		if (kind == AGG_NONE || args->items[i]->kind == JV_NULL)
			continue;
		mark = path_push(cs, args->keys[i]);
		parse_selection(cs, q, kind, args->keys[i], args->items[i]);
		path_pop(cs, mark);
	}
}

/* Append a reference to aggregate column n of tK, as the value to return. */
static void
append_agg_ref(StringInfo buf, const AggQuery *q, int n, int k)
{
	const AggColumn *c = list_nth(q->columns, n);

	appendStringInfo(buf, "t%d.\"__a%d\"", k, n);
	/* a BigInt sum is numeric (exact past int8); BigInts print as digits */
	if (c->kind == AGG_SUM && q->model->fields[c->field].type == PT_BIGINT)
		appendStringInfoString(buf, "::text");
}

/* Append one output column over the aggregated row tK. */
static void
append_output(StringInfo buf, const AggQuery *q, const AggOutput *out, int k)
{
	ListCell   *lc;
	bool		first = true;

	if (out->by >= 0)
		appendStringInfo(buf, "t%d.\"__b%d\"", k, out->by);
	else if (out->col >= 0)
		append_agg_ref(buf, q, out->col, k);
	else if (out->members == NIL)
		appendStringInfoString(buf, "'{}'::json");
	else
	{
		appendStringInfoString(buf, "(SELECT prisma_row(x) FROM (SELECT ");
		foreach(lc, out->members)
		{
			AggMember  *m = lfirst(lc);

			if (!first)
				appendStringInfoString(buf, ", ");
			append_agg_ref(buf, q, m->col, k);
			appendStringInfo(buf, " AS %s", quote_identifier(m->key));
			first = false;
		}
		appendStringInfoString(buf, ") x)");
	}
	appendStringInfo(buf, " AS %s", quote_identifier(out->key));
}

/* Append the outputs of a query, comma-separated (nothing when none). */
static void
append_outputs(StringInfo buf, const AggQuery *q, int k)
{
	ListCell   *lc;

	foreach(lc, q->outputs)
	{
		if (lc != list_head(q->outputs))
			appendStringInfoString(buf, ", ");
		append_output(buf, q, lfirst(lc), k);
	}
}

/*
 * Append the aggregate columns "__aN" of the inner query.  Without
 * by fields (comma false) and with no aggregate asked, count(*) keeps the
 * inner query one aggregated row.
 */
static void
append_agg_columns(StringInfo buf, const AggQuery *q, bool comma)
{
	ListCell   *lc;
	int			i = 0;

	if (q->columns == NIL && !comma)
		appendStringInfoString(buf, "count(*) AS \"__none\"");
	foreach(lc, q->columns)
	{
		if (comma || i > 0)
			appendStringInfoString(buf, ", ");
		append_agg_expr(buf, q, lfirst(lc));
		appendStringInfo(buf, " AS \"__a%d\"", i++);
	}
}

/*
 * SelectListFn of the rows subquery of count and aggregate: the fields the
 * aggregates read, named by field name (1 when they read none).
 */
static void
select_aggregated(CompileState *cs, StringInfo buf, const PrismaModel *model,
				  const JsonValue *args, int alias, void *arg)
{
	AggQuery   *q = arg;
	int			f;
	int			n = 0;

	for (f = 0; f < model->nfields; f++)
	{
		ListCell   *lc;
		bool		used = false;

		foreach(lc, q->columns)
			used |= ((AggColumn *) lfirst(lc))->field == f;
		if (!used)
			continue;
		if (n++ > 0)
			appendStringInfoString(buf, ", ");
		append_column(buf, alias, model->fields[f].column);
		appendStringInfo(buf, " AS %s", quote_identifier(model->fields[f].name));
	}
	if (n == 0)
		appendStringInfoChar(buf, '1');
}

/*
 * Append "(SELECT * FROM (rows) o OFFSET 0)": the rows of a count or an
 * aggregate kept apart from the aggregate, as Prisma's statement keeps
 * them (an OFFSET subquery), so that PostgreSQL never aggregates them in
 * parallel; a scan below may still use workers (docs/design.md, "Plan
 * caching").
 */
static void
append_fenced_rows(StringInfo sql, const char *rows)
{
	appendStringInfo(sql, "(SELECT * FROM (%s) o OFFSET 0)", rows);
}

/* count: a number, or with select: {...} an object of counts. */
static void
compile_count(CompileState *cs, StringInfo sql, AggQuery *q, const JsonValue *args)
{
	const JsonValue *select = get_arg(args, "select");
	int			k;
	int			mark;
	StringInfoData rows;

	if (select && select->kind == JV_BOOL && !select->boolean)
		select = NULL;
	if (select == NULL || select->kind == JV_BOOL)
	{
		initStringInfo(&rows);
		compile_rows(cs, &rows, q->model, args, READ_MANY, NULL, 0, select_aggregated, q);
		appendStringInfoString(sql, "SELECT to_json(count(*)) FROM ");
		append_fenced_rows(sql, rows.data);
		appendStringInfoString(sql, " s");
		return;
	}
	mark = path_push(cs, "select");
	parse_selection(cs, q, AGG_COUNT, "_count", select);
	path_pop(cs, mark);

	initStringInfo(&rows);
	compile_rows(cs, &rows, q->model, args, READ_MANY, NULL, 0, select_aggregated, q);
	k = ++cs->next_alias;
	appendStringInfoString(sql, "SELECT ");
	append_output(sql, q, linitial(q->outputs), k);
	appendStringInfoString(sql, " FROM (SELECT ");
	append_agg_columns(sql, q, false);
	appendStringInfoString(sql, " FROM ");
	append_fenced_rows(sql, rows.data);
	appendStringInfo(sql, " s) t%d", k);
}

/* aggregate: one object of the requested aggregates. */
static void
compile_plain_aggregate(CompileState *cs, StringInfo sql, AggQuery *q, const JsonValue *args)
{
	StringInfoData rows;
	int			k;

	parse_selections(cs, q, args);
	initStringInfo(&rows);
	compile_rows(cs, &rows, q->model, args, READ_MANY, NULL, 0, select_aggregated, q);
	k = ++cs->next_alias;
	appendStringInfoString(sql, "SELECT prisma_row(r) FROM (SELECT ");
	append_outputs(sql, q, k);
	appendStringInfoString(sql, " FROM (SELECT ");
	append_agg_columns(sql, q, false);
	appendStringInfoString(sql, " FROM ");
	append_fenced_rows(sql, rows.data);
	appendStringInfo(sql, " s) t%d) r", k);
}

/* Parse groupBy's by: one field name or a non-empty array of them. */
static void
parse_by(CompileState *cs, AggQuery *q, const JsonValue *by)
{
	int			mark = path_push(cs, "by");
	int		   *fields;
	int			n = field_name_list(cs, q->model, by, "by needs at least one field",
									"groupBy groups by scalar fields.", &fields);
	int			i;

	q->by = palloc(sizeof(int) * n);
	for (i = 0; i < n; i++)
	{
		int			f = fields[i];

		if (by_index(q, f) < 0)
		{
			AggOutput  *out = palloc0(sizeof(AggOutput));

			out->key = q->model->fields[f].name;
			out->by = q->nby;
			out->col = -1;
			q->outputs = lappend(q->outputs, out);
			q->by[q->nby++] = f;
		}
	}
	path_pop(cs, mark);
}

/* A JSON object with room for n members. */
static JsonValue *
new_object(int n)
{
	JsonValue  *o = palloc0(sizeof(JsonValue));

	o->kind = JV_OBJECT;
	o->keys = palloc(sizeof(char *) * Max(n, 1));
	o->items = palloc(sizeof(JsonValue *) * Max(n, 1));
	return o;
}

/* Append a member to an object made by new_object. */
static void
object_add(JsonValue *o, const char *key, JsonValue *value)
{
	o->keys[o->n] = (char *) key;
	o->items[o->n++] = value;
}

/* The name of having's stand-in field for an aggregate, added if new. */
static const char *
stand_in_field(AggQuery *q, AggKind kind, int f)
{
	const PrismaField *field = &q->model->fields[f];
	char	   *name = psprintf("%s.%s", field->name, agg_names[kind]);
	PrismaField *s;
	ListCell   *lc;

	foreach(lc, q->stand_in)
		if (strcmp(((PrismaField *) lfirst(lc))->name, name) == 0)
			return name;
	s = palloc(sizeof(PrismaField));
	*s = *field;
	s->name = name;
	s->column = psprintf("__a%d", agg_column(q, kind, f));
	s->is_unique = s->is_id = false;
	/* the type of the aggregate's value, as append_agg_expr makes it */
	if (kind == AGG_COUNT || (kind == AGG_SUM && field->type == PT_INT))
	{
		s->type = PT_INT;
		s->type_name = "Int";
		s->col_type = FLOAT8OID;
		s->is_list = false;
	}
	else if (kind == AGG_AVG)
	{
		/* a Float (Decimal) filter, but Prisma's references are of the field's type */
		s->ref_type = field;
		s->type = field->type == PT_DECIMAL ? PT_DECIMAL : PT_FLOAT;
		s->type_name = field->type == PT_DECIMAL ? "Decimal" : "Float";
		s->col_type = field->type == PT_DECIMAL ? NUMERICOID : FLOAT8OID;
	}
	else if (kind == AGG_SUM && field->type == PT_BIGINT)
		s->col_type = NUMERICOID;
	s->col_typmod = -1;
	q->stand_in = lappend(q->stand_in, s);
	return name;
}

/* Raise an error unless a field filtered as is in having is in by. */
static void
require_by(CompileState *cs, const AggQuery *q, int f)
{
	if (by_index(q, f) < 0)
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE,
					  "Every field used in having must be in by, or filtered through an aggregate such as {_sum: {gt: 0}}.",
					  "field %s is not in by: having can filter only its aggregates",
					  q->model->fields[f].name);
}

static JsonValue *having_object(CompileState *cs, AggQuery *q, const JsonValue *having);

/* Rewrite AND/OR/NOT of having (an object or an array of objects). */
static JsonValue *
having_logical(CompileState *cs, AggQuery *q, const JsonValue *value)
{
	JsonValue  *list;
	int			i;

	if (value->kind == JV_OBJECT)
		return having_object(cs, q, value);
	if (value->kind != JV_ARRAY)
		return (JsonValue *) value; /* compile_where reports it */
	list = palloc(sizeof(JsonValue));
	*list = *value;
	list->items = palloc(sizeof(JsonValue *) * Max(value->n, 1));
	for (i = 0; i < value->n; i++)
	{
		int			mark = path_push_index(cs, i);

		list->items[i] = value->items[i]->kind == JV_OBJECT ?
			having_object(cs, q, value->items[i]) : value->items[i];
		path_pop(cs, mark);
	}
	return list;
}

/*
 * Rewrite a having object into a where object over the stand-in model:
 * {views: {gt: 1, _sum: {lt: 9}}} becomes {views: {gt: 1}, "views._sum":
 * {lt: 9}}, checking fields and aggregates on the way.
 */
static JsonValue *
having_object(CompileState *cs, AggQuery *q, const JsonValue *having)
{
	JsonValue  *out;
	int			i;

	expect_kind(cs, having, JV_OBJECT);
	out = new_object(having->n * (lengthof(agg_names) + 1));
	for (i = 0; i < having->n; i++)
	{
		const char *key = having->keys[i];
		const JsonValue *value = having->items[i];
		int			mark = path_push(cs, key);
		int			f;

		if (strcmp(key, "AND") == 0 || strcmp(key, "OR") == 0 || strcmp(key, "NOT") == 0)
		{
			object_add(out, key, having_logical(cs, q, value));
			path_pop(cs, mark);
			continue;
		}
		f = model_find_field(q->model, key);
		if (f < 0)
			compile_error(cs, ERRCODE_UNDEFINED_COLUMN, NULL,
						  "unknown field \"%s\" on model %s", key, q->model->name);
		if (q->model->fields[f].type == PT_RELATION)
			compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE,
						  "having filters scalar fields and their aggregates.",
						  "field %s is a relation", key);
		if (value->kind == JV_OBJECT)
		{
			JsonValue  *plain = new_object(value->n);
			int			naggs = 0;
			int			j;

			for (j = 0; j < value->n; j++)
			{
				AggKind		kind = agg_kind(value->keys[j]);
				int			m2;

				if (kind == AGG_NONE)
				{
					object_add(plain, value->keys[j], value->items[j]);
					continue;
				}
				m2 = path_push(cs, value->keys[j]);
				agg_field(cs, q->model, kind, key);
				expect_kind(cs, value->items[j], JV_OBJECT);
				object_add(out, stand_in_field(q, kind, f), value->items[j]);
				naggs++;
				path_pop(cs, m2);
			}
			if (plain->n > 0 || naggs == 0)
			{
				require_by(cs, q, f);
				object_add(out, key, plain);
			}
		}
		else
		{
			require_by(cs, q, f);
			object_add(out, key, (JsonValue *) value);
		}
		path_pop(cs, mark);
	}
	return out;
}

/* Compile having into buf: a where over the grouped rows tK. */
static void
compile_having(CompileState *cs, StringInfo buf, AggQuery *q, const JsonValue *having, int k)
{
	int			mark = path_push(cs, "having");
	JsonValue  *where = having_object(cs, q, having);
	PrismaModel *stand_in = palloc0(sizeof(PrismaModel));
	ListCell   *lc;
	int			i;

	*stand_in = *q->model;
	stand_in->nfields = q->nby + list_length(q->stand_in);
	stand_in->fields = palloc0(sizeof(PrismaField) * Max(stand_in->nfields, 1));
	stand_in->nuniques = 0;
	for (i = 0; i < q->nby; i++)
	{
		stand_in->fields[i] = q->model->fields[q->by[i]];
		stand_in->fields[i].column = psprintf("__b%d", i);
	}
	foreach(lc, q->stand_in)
		stand_in->fields[i++] = *(PrismaField *) lfirst(lc);
	compile_where(cs, buf, NULL, stand_in, k, where);
	path_pop(cs, mark);
}

/* Parse one groupBy orderBy object: {field: sort} or {_sum: {field: sort}}. */
static OrderItem *
group_order_item(CompileState *cs, AggQuery *q, const JsonValue *obj, int k)
{
	OrderItem  *item = palloc0(sizeof(OrderItem));
	AggKind		kind;
	int			mark;
	int			f;

	expect_kind(cs, obj, JV_OBJECT);
	if (obj->n != 1)
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE,
					  "Pass an array of objects to order by several keys: [{a: \"asc\"}, {_count: {b: \"desc\"}}].",
					  "an orderBy object takes exactly one key, got %d", obj->n);
	mark = path_push(cs, obj->keys[0]);
	kind = agg_kind(obj->keys[0]);
	if (kind != AGG_NONE)
	{
		const JsonValue *inner = obj->items[0];

		expect_kind(cs, inner, JV_OBJECT);
		if (inner->n != 1)
			compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
						  "%s in orderBy takes exactly one field, got %d", obj->keys[0], inner->n);
		path_push(cs, inner->keys[0]);
		f = agg_field(cs, q->model, kind, inner->keys[0]);
		parse_sort_order(cs, NULL, inner->items[0], item);
		item->expr = psprintf("t%d.\"__a%d\"", k, agg_column(q, kind, f));
	}
	else
	{
		int			b;

		f = model_find_field(q->model, obj->keys[0]);
		if (f < 0)
			compile_error(cs, ERRCODE_UNDEFINED_COLUMN, NULL,
						  "unknown field \"%s\" on model %s", obj->keys[0], q->model->name);
		b = by_index(q, f);
		if (b < 0)
			compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE,
						  "Every field used in orderBy must be in by, or ordered through an aggregate such as {_sum: {field: \"asc\"}}.",
						  "field %s is not in by", obj->keys[0]);
		parse_sort_order(cs, &q->model->fields[f], obj->items[0], item);
		item->expr = psprintf("t%d.\"__b%d\"", k, b);
	}
	path_pop(cs, mark);
	return item;
}

/* group_order_item as an OrderItemFn over the query in arg. */
static OrderItem *
group_order_entry(CompileState *cs, const JsonValue *obj, void *arg)
{
	AggQuery   *q = arg;

	return group_order_item(cs, q, obj, q->order_alias);
}

/* The ORDER BY of groupBy: orderBy as given, then the by fields. */
static List *
group_order(CompileState *cs, AggQuery *q, const JsonValue *orderBy, int k)
{
	List	   *items;
	int			i;

	q->order_alias = k;
	items = parse_order_list(cs, orderBy, group_order_entry, q);
	/* groups come in by order, so that results never depend on the plan */
	for (i = 0; i < q->nby; i++)
	{
		OrderItem  *item = palloc0(sizeof(OrderItem));
		ListCell   *lc;
		bool		present = false;

		item->expr = psprintf("t%d.\"__b%d\"", k, i);
		foreach(lc, items)
			present |= strcmp(((OrderItem *) lfirst(lc))->expr, item->expr) == 0;
		if (!present)
			items = lappend(items, item);
	}
	return items;
}

/* Append " LIMIT $t OFFSET $s" (each where its parameter is not 0). */
static void
append_paging(StringInfo sql, int take_param, int skip_param)
{
	if (take_param)
		appendStringInfo(sql, " LIMIT $%d", take_param);
	if (skip_param)
		appendStringInfo(sql, " OFFSET $%d", skip_param);
}

/* groupBy: an array of one object per group. */
static void
compile_group_by(CompileState *cs, StringInfo sql, AggQuery *q, const JsonValue *args)
{
	const JsonValue *by = get_arg(args, "by");
	const JsonValue *where = json_get(args, "where");
	const JsonValue *having = get_arg(args, "having");
	const JsonValue *orderBy = get_arg(args, "orderBy");
	StringInfoData having_sql;
	List	   *order;
	bool		reverse = false;
	bool		reverse_outer;
	bool		inner_paging;
	int			take_param;
	int			skip_param;
	int			k;
	int			i;
	ListCell   *lc;

	if (by == NULL)
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE,
					  "Name the fields to group by: {by: [\"field\"]}.",
					  "groupBy needs a by argument");
	q->group = true;
	q->table_alias = ++cs->next_alias;
	k = ++cs->next_alias;
	parse_by(cs, q, by);
	parse_selections(cs, q, args);
	initStringInfo(&having_sql);
	if (having)
		compile_having(cs, &having_sql, q, having, k);
	order = group_order(cs, q, orderBy, k);
	if (orderBy == NULL && (json_get(args, "take") || json_get(args, "skip")))
	{
		path_push(cs, json_get(args, "take") ? "take" : "skip");
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE,
					  "Add an orderBy, such as the by fields, so that the groups taken are well defined.",
					  "take and skip in groupBy need an orderBy");
	}
	take_param = add_paging_params(cs, json_get(args, "take"), json_get(args, "skip"),
								   READ_MANY, &reverse, &skip_param);

	/*
	 * Without having, the groups are ordered and paged where they are made:
	 * the planner can then read them in order (an index on the by fields)
	 * and stop at the page; above the grouping it would aggregate them all
	 * first.  With having, the page is taken after the having filter.
	 */
	inner_paging = having == NULL;
	reverse_outer = reverse && !inner_paging;

	appendStringInfoString(sql, "SELECT prisma_agg(r) FROM (");
	if (reverse_outer)
		appendStringInfoString(sql, "SELECT * FROM (");
	appendStringInfoString(sql, "SELECT ");
	append_outputs(sql, q, k);
	if (reverse_outer)
	{
		i = 0;
		foreach(lc, order)
			appendStringInfo(sql, ", %s AS \"__o%d\"", ((OrderItem *) lfirst(lc))->expr, i++);
	}
	appendStringInfoString(sql, " FROM (SELECT ");
	for (i = 0; i < q->nby; i++)
	{
		if (i > 0)
			appendStringInfoString(sql, ", ");
		append_column(sql, q->table_alias, q->model->fields[q->by[i]].column);
		appendStringInfo(sql, " AS \"__b%d\"", i);
	}
	append_agg_columns(sql, q, true);
	appendStringInfoString(sql, " FROM ");
	append_table(sql, q->model);
	appendStringInfo(sql, " t%d", q->table_alias);
	if (where)
	{
		int			mark = path_push(cs, "where");
		StringInfoData filter;
		StringInfoData joins;

		initStringInfo(&filter);
		initStringInfo(&joins);
		compile_where(cs, &filter, &joins, q->model, q->table_alias, where);
		appendStringInfo(sql, "%s WHERE %s", joins.data, filter.data);
		path_pop(cs, mark);
	}
	appendStringInfoString(sql, " GROUP BY ");
	for (i = 0; i < q->nby; i++)
	{
		if (i > 0)
			appendStringInfoString(sql, ", ");
		append_column(sql, q->table_alias, q->model->fields[q->by[i]].column);
	}
	if (inner_paging)
	{
		/* the same terms by the grouping's output names ("__b0", not tK."__b0") */
		List	   *inner = NIL;
		int			prefix = strlen(psprintf("t%d.", k));

		foreach(lc, order)
		{
			OrderItem  *item = palloc(sizeof(OrderItem));

			*item = *(OrderItem *) lfirst(lc);
			item->expr += prefix;
			inner = lappend(inner, item);
		}
		append_order(sql, inner, reverse, NULL);
		append_paging(sql, take_param, skip_param);
	}
	appendStringInfo(sql, ") t%d", k);
	if (having)
		appendStringInfo(sql, " WHERE %s", having_sql.data);
	append_order(sql, order, reverse_outer, NULL);
	if (!inner_paging)
		append_paging(sql, take_param, skip_param);
	if (reverse_outer)
	{
		appendStringInfo(sql, ") q%d", k);
		append_order(sql, order, false, psprintf("q%d.", k));
	}
	appendStringInfoString(sql, ") r");
}

/* Compile count, aggregate or groupBy into sql; returns the result shape. */
ResultShape
compile_aggregate(CompileState *cs, StringInfo sql, const PrismaModel *model,
				  const char *operation, const JsonValue *args)
{
	AggQuery	q = {0};

	q.model = model;
	cs->one_row_aggregate = strcmp(operation, "groupBy") != 0;
	if (strcmp(operation, "count") == 0)
	{
		if (args)
			check_arg_names(cs, args, count_args, operation);
		compile_count(cs, sql, &q, args);
	}
	else if (strcmp(operation, "aggregate") == 0)
	{
		if (args)
			check_arg_names(cs, args, aggregate_args, operation);
		compile_plain_aggregate(cs, sql, &q, args);
	}
	else
	{
		if (args)
			check_arg_names(cs, args, group_by_args, operation);
		compile_group_by(cs, sql, &q, args);
	}
	return RESULT_VALUE;
}
