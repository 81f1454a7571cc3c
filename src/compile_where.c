/*
 * compile_where.c
 *		Compile a Prisma `where` object into an SQL boolean expression.
 *
 * Scalar filters compare a column with a bind parameter of the column's own
 * type, or with another column of the same row (a field reference,
 * prisma.model.fields.x); `search` is PostgreSQL full-text search as Prisma
 * writes it; Json filters test the value (at a path); relation filters
 * become EXISTS subqueries over the relation's tables (an IN over their
 * keys where the key has no index), written by the same two functions as
 * the relation counts, but a to-one test under OR or NOT joins its row to
 * the read where the caller takes joins; AND/OR/NOT nest.  Operators are
 * told apart by the table filter_ops.  Semantics follow Prisma Client:
 * `not` and `notIn` never match NULL, `OR: []` matches nothing, `AND: []`
 * and `NOT: []` match everything.  Like Prisma, empty filters are left out (see
 * where_key_empty).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "compile.h"

/* The filters an operator belongs to */
#define OC_SCALAR	0x01		/* scalar fields */
#define OC_LIST		0x02		/* scalar lists */
#define OC_JSON		0x04		/* Json fields */

typedef enum FilterOp
{
	OP_EQUALS,
	OP_NOT,
	OP_IN,
	OP_NOT_IN,
	OP_COMPARE,					/* lt, lte, gt, gte */
	OP_LIKE,					/* contains, startsWith, endsWith */
	OP_SEARCH,
	OP_MODE,
	OP_HAS,
	OP_HAS_SOME,
	OP_HAS_EVERY,
	OP_IS_EMPTY,
	OP_PATH,
	OP_STRING_LIKE,				/* string_contains, _starts_with, _ends_with */
	OP_ARRAY_CONTAINS,
	OP_ARRAY_END				/* array_starts_with, array_ends_with */
} FilterOp;

typedef struct FilterOpInfo
{
	const char *name;
	FilterOp	op;
	int			classes;		/* OC_* */
	const char *sql;			/* the SQL operator of OP_COMPARE and lists */
	bool		any_before;		/* LIKE kinds: % before the value */
	bool		any_after;		/* ... and after it */
	int			element;		/* OP_ARRAY_END: 0 first, -1 last */
} FilterOpInfo;

static const FilterOpInfo filter_ops[] = {
	{"equals", OP_EQUALS, OC_SCALAR | OC_LIST | OC_JSON, "="},
	{"not", OP_NOT, OC_SCALAR | OC_JSON, "<>"},
	{"in", OP_IN, OC_SCALAR},
	{"notIn", OP_NOT_IN, OC_SCALAR},
	{"lt", OP_COMPARE, OC_SCALAR | OC_JSON, "<"},
	{"lte", OP_COMPARE, OC_SCALAR | OC_JSON, "<="},
	{"gt", OP_COMPARE, OC_SCALAR | OC_JSON, ">"},
	{"gte", OP_COMPARE, OC_SCALAR | OC_JSON, ">="},
	{"contains", OP_LIKE, OC_SCALAR, NULL, true, true},
	{"startsWith", OP_LIKE, OC_SCALAR, NULL, false, true},
	{"endsWith", OP_LIKE, OC_SCALAR, NULL, true, false},
	{"search", OP_SEARCH, OC_SCALAR},
	{"mode", OP_MODE, OC_SCALAR | OC_JSON},
	{"has", OP_HAS, OC_LIST},
	{"hasSome", OP_HAS_SOME, OC_LIST, "&&"},
	{"hasEvery", OP_HAS_EVERY, OC_LIST, "@>"},
	{"isEmpty", OP_IS_EMPTY, OC_LIST},
	{"path", OP_PATH, OC_JSON},
	{"string_contains", OP_STRING_LIKE, OC_JSON, NULL, true, true},
	{"string_starts_with", OP_STRING_LIKE, OC_JSON, NULL, false, true},
	{"string_ends_with", OP_STRING_LIKE, OC_JSON, NULL, true, false},
	{"array_contains", OP_ARRAY_CONTAINS, OC_JSON, "@>"},
	{"array_starts_with", OP_ARRAY_END, OC_JSON, NULL, false, false, 0},
	{"array_ends_with", OP_ARRAY_END, OC_JSON, NULL, false, false, -1},
};

/* A scalar filter's field, where it is read and how it compares. */
typedef struct ScalarTarget
{
	const PrismaModel *model;	/* the filter's model (field references) */
	int			alias;
	const PrismaField *field;
	const char *col;			/* the field's column expression */
	bool		insensitive;	/* mode: "insensitive" */
} ScalarTarget;

static void where_filter(CompileState *cs, StringInfo buf, const PrismaModel *model,
						 int alias, const JsonValue *where, bool joinable);
static void where_object(CompileState *cs, StringInfo buf, const PrismaModel *model,
						 int alias, const JsonValue *where, bool nested);
static void scalar_filter(CompileState *cs, StringInfo buf, const ScalarTarget *t,
						  bool nested, const JsonValue *value);
static bool where_empty(const PrismaModel *model, const JsonValue *where);

/* The operator named name among those of the filter classes, or NULL. */
static const FilterOpInfo *
find_filter_op(const char *name, int classes)
{
	for (int i = 0; i < lengthof(filter_ops); i++)
		if ((filter_ops[i].classes & classes) != 0 && strcmp(filter_ops[i].name, name) == 0)
			return &filter_ops[i];
	return NULL;
}

/* Append "$n" for a new text parameter. */
static void
append_text_param(CompileState *cs, StringInfo buf, const char *text)
{
	appendStringInfo(buf, "$%d",
					 add_param(cs, TEXTOID, CStringGetTextDatum(text), false));
}

/* The column expression of a scalar field: tN."col". */
static char *
column_expr(const PrismaField *field, int alias)
{
	StringInfoData buf;

	initStringInfo(&buf);
	append_column(&buf, alias, field->column);
	return buf.data;
}

/* Is the column of a type that LIKE can take without a cast?  (Char
 * columns are cast to text, as Prisma does: trailing blanks do not match.) */
static bool
is_text_column(const PrismaField *field)
{
	return field->col_type == TEXTOID || field->col_type == VARCHAROID;
}

/* A LIKE pattern matching value literally, with % added where asked. */
static char *
like_pattern(const char *value, bool any_before, bool any_after)
{
	StringInfoData buf;
	const char *p;

	initStringInfo(&buf);
	if (any_before)
		appendStringInfoChar(&buf, '%');
	for (p = value; *p; p++)
	{
		if (*p == '%' || *p == '_' || *p == '\\')
			appendStringInfoChar(&buf, '\\');
		appendStringInfoChar(&buf, *p);
	}
	if (any_after)
		appendStringInfoChar(&buf, '%');
	return buf.data;
}

/*
 * The right side of a comparison: a parameter of the given type (a list:
 * an array parameter of the element type), or for a field reference the
 * referenced column, checked to be of the field's type and a list exactly
 * when list is true.
 */
static char *
operand(CompileState *cs, const ScalarTarget *t, const JsonValue *value, Oid type, bool list)
{
	if (is_field_reference(value))
	{
		const PrismaField *ref = field_reference(cs, t->model, t->field, value, list);

		/* an Oid compares with other integer types (having's counts) as int8 */
		if (!list && ref->col_type == OIDOID && t->field->col_type != OIDOID)
			return psprintf("%s::int8", column_expr(ref, t->alias));
		return column_expr(ref, t->alias);
	}
	if (list)
		return psprintf("$%d", add_list_param(cs, t->field, type, value));
	return psprintf("$%d", add_value_param(cs, t->field, type, value));
}

/* Append a comparison col <op> operand, lower-cased on both sides if asked. */
static void
append_comparison(CompileState *cs, StringInfo buf, const ScalarTarget *t, const char *op,
				  const JsonValue *value)
{
	char	   *rhs;

	/*
	 * Char columns: Prisma's insensitive equals is ILIKE on the padded value
	 * (trailing blanks count); the pattern here matches the value literally.
	 */
	if (t->insensitive && t->field->col_type == BPCHAROID && value->kind == JV_STRING &&
		(strcmp(op, "=") == 0 || strcmp(op, "<>") == 0))
	{
		appendStringInfo(buf, "%s %sILIKE ", t->col, op[0] == '<' ? "NOT " : "");
		append_text_param(cs, buf, like_pattern(value->str, false, false));
		return;
	}
	rhs = operand(cs, t, value, t->field->col_type, false);
	if (t->insensitive)
		appendStringInfo(buf, "lower(%s) %s lower(%s)", t->col, op, rhs);
	else
		appendStringInfo(buf, "%s %s %s", t->col, op, rhs);
}

/* Append col = ANY(list) / col <> ALL(list) for in and notIn. */
static void
append_in(CompileState *cs, StringInfo buf, const ScalarTarget *t, const JsonValue *list,
		  bool negate)
{
	char	   *rhs = operand(cs, t, list, t->field->col_type, true);

	if (t->insensitive)
		appendStringInfo(buf, "lower(%s) %s (SELECT lower(v) FROM unnest(%s) v)",
						 t->col, negate ? "NOT IN" : "IN", rhs);
	else
		appendStringInfo(buf, "%s %s (%s)", t->col, negate ? "<> ALL" : "= ANY", rhs);
	if (negate && t->insensitive)
		appendStringInfo(buf, " AND %s IS NOT NULL", t->col);
}

/*
 * Append the LIKE pattern of a referenced column: its value matched
 * literally (%, _ and \ escaped, as values are), with % where asked.
 */
static void
append_like_column(StringInfo buf, const char *col, bool any_before, bool any_after)
{
	appendStringInfo(buf, "(%spg_catalog.replace(pg_catalog.replace(pg_catalog.replace(%s, E'\\\\', E'\\\\\\\\'), '%%', E'\\\\%%'), '_', E'\\\\_')%s)",
					 any_before ? "'%' || " : "", col, any_after ? " || '%'" : "");
}

/* Append a LIKE/ILIKE test for contains, startsWith and endsWith. */
static void
append_like(CompileState *cs, StringInfo buf, const ScalarTarget *t, const FilterOpInfo *op,
			const JsonValue *value)
{
	const PrismaField *field = t->field;

	/* Prisma's filter of @db.Uuid fields has no contains, startsWith, endsWith */
	if (field->type != PT_STRING || getBaseType(field->col_type) == UUIDOID)
		compile_error(cs, ERRCODE_UNDEFINED_FUNCTION, NULL,
					  "filter %s is not available on field %s of type %s%s",
					  op->name, field->name, field->type_name,
					  field->type == PT_STRING ? " @db.Uuid" : "");
	if (value->kind != JV_STRING && !is_field_reference(value))
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
					  "expected a string, got %s", json_kind_name(value->kind));
	/* Prisma's ILIKE on a Char column sees its trailing blanks, LIKE not */
	appendStringInfo(buf, "%s%s %s ", t->col,
					 is_text_column(field) || (t->insensitive && field->col_type == BPCHAROID) ? "" : "::text",
					 t->insensitive ? "ILIKE" : "LIKE");
	if (is_field_reference(value))
		append_like_column(buf, operand(cs, t, value, InvalidOid, false),
						   op->any_before, op->any_after);
	else
		append_text_param(cs, buf, like_pattern(value->str, op->any_before, op->any_after));
}

/*
 * Append a full-text search, as Prisma writes it (fullTextSearchPostgres):
 * to_tsvector(concat_ws(' ', cols)) @@ to_tsquery($n), in the text search
 * configuration default_text_search_config names.
 */
void
append_text_search(CompileState *cs, StringInfo buf, const char *cols, const JsonValue *query,
				   bool rank)
{
	if (!cs->schema->full_text_search)
		compile_error(cs, ERRCODE_UNDEFINED_FUNCTION,
					  "Enable it in the schema's generator block: previewFeatures = [\"fullTextSearchPostgres\"].",
					  "full-text search needs the fullTextSearchPostgres preview feature");
	if (query->kind != JV_STRING)
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
					  "expected a string, got %s", json_kind_name(query->kind));
	appendStringInfo(buf, rank ? "pg_catalog.ts_rank(pg_catalog.to_tsvector(pg_catalog.concat_ws(' ', %s)), pg_catalog.to_tsquery(" :
					 "(pg_catalog.to_tsvector(pg_catalog.concat_ws(' ', %s)) @@ pg_catalog.to_tsquery(",
					 cols);
	append_text_param(cs, buf, query->str);
	appendStringInfoString(buf, "))");
}

/* Filters on scalar lists: has, hasSome, hasEvery, isEmpty, equals. */
static void
list_operator(CompileState *cs, StringInfo buf, const ScalarTarget *t, const FilterOpInfo *op,
			  const JsonValue *value)
{
	Oid			elemtype = get_element_type(t->field->col_type);

	switch (op->op)
	{
		case OP_HAS:
			/* as Prisma's NULL = ANY (col): unknown, so it matches nothing */
			if (value->kind == JV_NULL)
				appendStringInfoString(buf, "NULL::boolean");
			else
				appendStringInfo(buf, "%s = ANY (%s)", operand(cs, t, value, elemtype, false), t->col);
			break;
		case OP_HAS_SOME:
		case OP_HAS_EVERY:
			appendStringInfo(buf, "%s %s %s", t->col, op->sql, operand(cs, t, value, elemtype, true));
			break;
		case OP_IS_EMPTY:
			if (value->kind != JV_BOOL)
				compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
							  "expected a boolean, got %s", json_kind_name(value->kind));
			appendStringInfo(buf, value->boolean ? "cardinality(%s) = 0" : "cardinality(%s) > 0", t->col);
			break;
		case OP_EQUALS:
			/* Prisma refuses a reference here too (no list type matches) */
			if (is_field_reference(value))
				compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
							  "equals on list field %s takes a list, not a field reference",
							  t->field->name);
			if (value->kind == JV_NULL)
				appendStringInfo(buf, "%s IS NULL", t->col);
			else
				appendStringInfo(buf, "%s = $%d", t->col, add_list_param(cs, t->field, elemtype, value));
			break;
		default:
			elog(ERROR, "unexpected list filter %s", op->name);
	}
}

/* A JSON value as a jsonb parameter; returns its number. */
static int
add_jsonb_param(CompileState *cs, const JsonValue *value)
{
	return add_param(cs, JSONBOID,
					 DirectFunctionCall1(jsonb_in, CStringGetDatum(json_to_text(value))),
					 false);
}

/* The value a Json filter tests: the column as jsonb, or its value at path
 * (the array form of Prisma's path). */
static char *
json_target(CompileState *cs, const PrismaField *field, const char *col, const JsonValue *path)
{
	const char *cast = field->col_type == JSONBOID ? "" : "::jsonb";
	int			mark = path_push(cs, "path");
	Datum	   *elems;

	if (path == NULL)
	{
		path_pop(cs, mark);
		return psprintf("%s%s", col, cast);
	}
	if (path->kind != JV_ARRAY)
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE,
					  "On PostgreSQL a Json path is an array of keys: [\"a\", \"b\"].",
					  "expected an array of strings, got %s", json_kind_name(path->kind));
	elems = palloc(sizeof(Datum) * Max(path->n, 1));
	for (int i = 0; i < path->n; i++)
	{
		int			m2 = path_push_index(cs, i);

		if (path->items[i]->kind != JV_STRING)
			compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
						  "expected a string, got %s", json_kind_name(path->items[i]->kind));
		elems[i] = CStringGetTextDatum(path->items[i]->str);
		path_pop(cs, m2);
	}
	path_pop(cs, mark);
	return psprintf("(%s%s #> $%d)", col, cast,
					add_param(cs, TEXTARRAYOID,
							  PointerGetDatum(construct_array(elems, path->n, TEXTOID,
															  -1, false, TYPALIGN_INT)),
							  false));
}

/* Is a filter's mode (an object's "mode" key, or NULL) "insensitive"?
 * Raises for another value than "default" and "insensitive". */
static bool
mode_insensitive(CompileState *cs, const JsonValue *mode)
{
	bool		insensitive;
	int			mark;

	if (mode == NULL)
		return false;
	mark = path_push(cs, "mode");
	if (mode->kind != JV_STRING ||
		(strcmp(mode->str, "insensitive") != 0 && strcmp(mode->str, "default") != 0))
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
					  "mode must be \"default\" or \"insensitive\"");
	insensitive = strcmp(mode->str, "insensitive") == 0;
	path_pop(cs, mark);
	return insensitive;
}

/*
 * Append equals or not of a Json filter.  Prisma's null sentinels arrive as
 * the strings "DbNull" (SQL NULL), "JsonNull" (JSON null) and "AnyNull"
 * (either).  Insensitive, Prisma compares the JSON text: target::text
 * ILIKE the value's text.
 */
static void
json_equality(CompileState *cs, StringInfo buf, const char *target, const char *text, bool eq,
			  const JsonValue *v, bool insensitive)
{
	JsonValue	jnull = {.kind = JV_NULL};

	if (v->kind == JV_STRING && strcmp(v->str, "DbNull") == 0)
		appendStringInfo(buf, "%s IS %sNULL", target, eq ? "" : "NOT ");
	else if (v->kind == JV_STRING && strcmp(v->str, "AnyNull") == 0)
		appendStringInfo(buf, eq ? "(%s IS NULL OR %s = 'null')" :
						 "(%s IS NOT NULL AND %s <> 'null')", target, target);
	else if (insensitive)
	{
		appendStringInfo(buf, "%s::text %sILIKE ", text, eq ? "" : "NOT ");
		append_text_param(cs, buf, like_pattern(json_to_text(v->kind == JV_STRING &&
															 strcmp(v->str, "JsonNull") == 0 ? &jnull : v),
												false, false));
	}
	else
		appendStringInfo(buf, "%s %s $%d", target, eq ? "=" : "<>",
						 add_jsonb_param(cs, v->kind == JV_STRING &&
										 strcmp(v->str, "JsonNull") == 0 ? &jnull : v));
}

/*
 * The column a field reference in a Json filter names, checked as Prisma
 * checks it: a Json field of the model, as jsonb, or for the string_
 * filters a String field, as text.
 */
static char *
json_reference(CompileState *cs, const ScalarTarget *t, const JsonValue *v, bool string)
{
	static const PrismaField string_field = {.type = PT_STRING, .type_name = "String"};
	const PrismaField *ref = field_reference(cs, t->model, string ? &string_field : t->field,
											 v, false);
	char	   *col = column_expr(ref, t->alias);

	if (string)
		return psprintf("%s::text", col);
	return ref->col_type == JSONBOID ? col : psprintf("%s::jsonb", col);
}

/*
 * Append a Json test that needs a value of one JSON type (type: an SQL
 * expression of a jsonb_typeof() name) as Prisma writes it: the type and the
 * test, or under NOT and isNot the test or another type, so that NOT of it
 * keeps the values of the type that fail the test (NOT {gt: 2} is <= 2,
 * numbers only).  every and none do not reverse it, as in Prisma.
 */
static void
append_json_typed(CompileState *cs, StringInfo buf, const char *target, const char *type,
				  const char *test)
{
	if (cs->json_reversed)
		appendStringInfo(buf, "(%s OR jsonb_typeof(%s) <> %s)", test, target, type);
	else
		appendStringInfo(buf, "(jsonb_typeof(%s) = %s AND %s)", target, type, test);
}

/*
 * Append one operator of a Json filter on target (not path or mode); the
 * value may be a field reference (Prisma's SQL: the column in place of the
 * parameter).  The string_ filters test the text at a path, or without one
 * the value's JSON text, quotes included, as Prisma does.
 */
static void
json_operator(CompileState *cs, StringInfo buf, const ScalarTarget *t, const char *target,
			  bool has_path, const FilterOpInfo *op, const JsonValue *v)
{
	bool		ref = is_field_reference(v);
	/* the JSON text Prisma tests: a json column's own, without a path */
	const char *text = has_path || t->field->col_type != JSONOID ? target : t->col;
	char	   *rhs;
	StringInfoData test;

	switch (op->op)
	{
		case OP_EQUALS:
		case OP_NOT:
			if (!ref)
			{
				json_equality(cs, buf, target, text, op->op == OP_EQUALS, v, t->insensitive);
				break;
			}
			rhs = json_reference(cs, t, v, false);
			if (t->insensitive)
			{
				/* as with a value: the JSON texts, insensitively */
				appendStringInfo(buf, "%s::text %sILIKE ", text, op->op == OP_EQUALS ? "" : "NOT ");
				append_like_column(buf, psprintf("%s::text", rhs), false, false);
			}
			else
				appendStringInfo(buf, "%s %s %s", target, op->op == OP_EQUALS ? "=" : "<>", rhs);
			break;
		case OP_STRING_LIKE:
			if (v->kind != JV_STRING && !ref)
				compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
							  "expected a string, got %s", json_kind_name(v->kind));
			/* insensitive as Prisma: lower() on both sides of LIKE */
			initStringInfo(&test);
			appendStringInfo(&test, "%s%s%s%s LIKE %s(", t->insensitive ? "lower(" : "",
							 has_path ? target : text,
							 has_path ? " #>> '{}'" : "::text", t->insensitive ? ")" : "",
							 t->insensitive ? "lower" : "");
			if (ref)
				append_like_column(&test, json_reference(cs, t, v, true),
								   op->any_before, op->any_after);
			else
				append_text_param(cs, &test, like_pattern(v->str, op->any_before, op->any_after));
			appendStringInfoChar(&test, ')');
			append_json_typed(cs, buf, target, "'string'", test.data);
			break;
		case OP_ARRAY_CONTAINS:
			rhs = ref ? json_reference(cs, t, v, false) : psprintf("$%d", add_jsonb_param(cs, v));
			append_json_typed(cs, buf, target, "'array'", psprintf("%s @> %s", target, rhs));
			break;
		case OP_ARRAY_END:
			rhs = ref ? json_reference(cs, t, v, false) : psprintf("$%d", add_jsonb_param(cs, v));
			append_json_typed(cs, buf, target, "'array'",
							  psprintf("(%s -> %d) = %s", target, op->element, rhs));
			break;
		case OP_COMPARE:
			/* jsonb orders numbers numerically, strings as text; only like with like */
			rhs = ref ? json_reference(cs, t, v, false) : psprintf("$%d", add_jsonb_param(cs, v));
			append_json_typed(cs, buf, target, psprintf("jsonb_typeof(%s)", rhs),
							  psprintf("%s %s %s", target, op->sql, rhs));
			break;
		default:
			elog(ERROR, "unexpected Json filter %s", op->name);
	}
}

/*
 * Append a Json filter object: path (array form), mode, and the operators
 * of filter_ops in OC_JSON, all applied to the value at path.  mode
 * "insensitive" applies where Prisma applies it: equals, not and the
 * string_ filters.
 */
static void
json_filter(CompileState *cs, StringInfo buf, const ScalarTarget *field_target,
			const JsonValue *filter)
{
	const JsonValue *path = json_get(filter, "path");
	ScalarTarget t = *field_target;
	char	   *target;
	int			terms = 0;

	t.insensitive = mode_insensitive(cs, json_get(filter, "mode"));
	target = json_target(cs, t.field, t.col, path);

	appendStringInfoChar(buf, '(');
	for (int i = 0; i < filter->n; i++)
	{
		const FilterOpInfo *op = find_filter_op(filter->keys[i], OC_JSON);
		int			mark;

		if (op != NULL && (op->op == OP_PATH || op->op == OP_MODE))
			continue;
		mark = path_push(cs, filter->keys[i]);
		if (op == NULL)
			compile_error(cs, ERRCODE_UNDEFINED_FUNCTION,
						  "Json filters are path, mode, equals, not, lt, lte, gt, gte, string_contains, string_starts_with, string_ends_with, array_contains, array_starts_with and array_ends_with.",
						  "unknown Json filter \"%s\"", filter->keys[i]);
		if (terms++ > 0)
			appendStringInfoString(buf, " AND ");
		json_operator(cs, buf, &t, target, path != NULL, op, filter->items[i]);
		path_pop(cs, mark);
	}
	if (terms == 0 && path != NULL)
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
					  "a Json path needs a filter");
	if (terms == 0)
		appendStringInfoString(buf, "true");
	appendStringInfoChar(buf, ')');
}

/* Raise "filter x is not available" for an operator the field's type lacks. */
pg_noreturn static void
op_not_available(CompileState *cs, const FilterOpInfo *op, const PrismaField *field)
{
	compile_error(cs, ERRCODE_UNDEFINED_FUNCTION, NULL,
				  "filter %s is not available on field %s of type %s",
				  op->name, field->name, field->type_name);
}

/* Append one operator of a scalar filter object. */
static void
scalar_operator(CompileState *cs, StringInfo buf, const ScalarTarget *t, const char *name,
				const JsonValue *value)
{
	const PrismaField *field = t->field;
	const FilterOpInfo *op = find_filter_op(name, field->is_list ? OC_LIST : OC_SCALAR);

	if (op == NULL && field->is_list)
		compile_error(cs, ERRCODE_UNDEFINED_FUNCTION,
					  "Scalar lists take has, hasSome, hasEvery, isEmpty and equals.",
					  "unknown filter \"%s\" on list field %s", name, field->name);
	if (op == NULL)
		compile_error(cs, ERRCODE_UNDEFINED_FUNCTION,
					  "Filters are equals, not, in, notIn, lt, lte, gt, gte, contains, startsWith, endsWith, search and mode.",
					  "unknown filter \"%s\" on field %s", name, field->name);
	if (field->is_list)
	{
		list_operator(cs, buf, t, op, value);
		return;
	}
	switch (op->op)
	{
		case OP_EQUALS:
			if (value->kind == JV_NULL)
				appendStringInfo(buf, "%s IS NULL", t->col);
			else
				append_comparison(cs, buf, t, "=", value);
			break;
		case OP_NOT:
			if (is_field_reference(value))
				compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE,
							  "Write not: {equals: <reference>}.",
							  "not takes a value or a filter, not a field reference (as in Prisma)");
			if (value->kind == JV_NULL)
				appendStringInfo(buf, "%s IS NOT NULL", t->col);
			else if (value->kind == JV_OBJECT)
			{
				appendStringInfoString(buf, "NOT (");
				scalar_filter(cs, buf, t, true, value);
				appendStringInfoChar(buf, ')');
			}
			else
				append_comparison(cs, buf, t, "<>", value);
			break;
		case OP_IN:
		case OP_NOT_IN:
			if (field->type == PT_BOOLEAN)
				op_not_available(cs, op, field);
			append_in(cs, buf, t, value, op->op == OP_NOT_IN);
			break;
		case OP_COMPARE:
			if (field->type == PT_BOOLEAN || field->type == PT_BYTES || field->type == PT_ENUM)
				op_not_available(cs, op, field);
			append_comparison(cs, buf, t, op->sql, value);
			break;
		case OP_LIKE:
			append_like(cs, buf, t, op, value);
			break;
		case OP_SEARCH:
			if (field->type != PT_STRING)
				op_not_available(cs, op, field);
			append_text_search(cs, buf, t->col, value, false);
			break;
		default:
			elog(ERROR, "unexpected filter %s", op->name);
	}
}

/*
 * Has a scalar filter object no operator but mode and empty nots?  A filter
 * nested in not takes no mode: there it is not empty, and rejected later.
 */
static bool
scalar_filter_empty(const JsonValue *value, bool nested)
{
	int			i;

	if (value->kind != JV_OBJECT || is_field_reference(value))
		return false;
	for (i = 0; i < value->n; i++)
		if ((nested || strcmp(value->keys[i], "mode") != 0) &&
			(strcmp(value->keys[i], "not") != 0 || !scalar_filter_empty(value->items[i], true)))
			return false;
	return true;
}

/*
 * Append a scalar filter object ({equals, not, in, ..., mode}) as a
 * conjunction; nested: it is the object of a not, which takes no mode (the
 * mode next to the not applies inside it).
 */
static void
scalar_filter(CompileState *cs, StringInfo buf, const ScalarTarget *target, bool nested,
			  const JsonValue *value)
{
	const JsonValue *mode = json_get(value, "mode");
	ScalarTarget t = *target;
	int			i;
	int			terms = 0;

	if (mode != NULL)
	{
		int			mark = path_push(cs, "mode");

		if (nested)
			compile_error(cs, ERRCODE_UNDEFINED_FUNCTION,
						  "Put mode next to not: {\"mode\": \"insensitive\", \"not\": {...}}.",
						  "mode is not available inside not");
		if (t.field->type != PT_STRING)
			compile_error(cs, ERRCODE_UNDEFINED_FUNCTION, NULL,
						  "mode is only available on String fields");
		path_pop(cs, mark);
		t.insensitive = mode_insensitive(cs, mode);
	}

	appendStringInfoChar(buf, '(');
	for (i = 0; i < value->n; i++)
	{
		int			mark;

		/* like Prisma, leave out mode and empty nots ({not: {}}) */
		if (strcmp(value->keys[i], "mode") == 0 ||
			(strcmp(value->keys[i], "not") == 0 && !t.field->is_list &&
			 scalar_filter_empty(value->items[i], true)))
			continue;
		mark = path_push(cs, value->keys[i]);
		if (terms++ > 0)
			appendStringInfoString(buf, " AND ");
		scalar_operator(cs, buf, &t, value->keys[i], value->items[i]);
		path_pop(cs, mark);
	}
	if (terms == 0 && t.field->is_list)
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
					  "a filter on list field %s needs at least one operator", t.field->name);
	if (terms == 0)
		appendStringInfoString(buf, "true");
	appendStringInfoChar(buf, ')');
}

/* May the column of a model be null (NULL model: assume so)? */
static bool
column_nullable(const PrismaModel *model, const char *column)
{
	if (model == NULL)
		return true;
	for (int i = 0; i < model->nfields; i++)
		if (model->fields[i].column != NULL && strcmp(model->fields[i].column, column) == 0)
			return model->fields[i].is_optional;
	return true;
}

/* Append " AND <test of where>" over rel's rows tA (nothing without where). */
static void
append_related_test(CompileState *cs, StringInfo buf, const PrismaField *rel, int alias,
					const JsonValue *where, RelatedTest test)
{
	bool		negated = cs->where_negated;
	StringInfo	joins = cs->where_joins;

	if (where == NULL)
		return;
	/* under NOT and IS NOT FALSE only whether where is false counts */
	cs->where_negated = test != RELATED_WHERE;
	/* tA is a subquery's: nothing inside joins the outer read */
	cs->where_joins = NULL;
	appendStringInfoString(buf, test == RELATED_NOT_WHERE ? " AND NOT " : " AND ");
	where_filter(cs, buf, &cs->schema->models[rel->target], alias, where,
				 test == RELATED_WHERE);
	if (test == RELATED_WHERE_NOT_FALSE)
		appendStringInfoString(buf, " IS NOT FALSE");
	cs->where_negated = negated;
	cs->where_joins = joins;
}

/*
 * Append "(SELECT <what> FROM <rows of rel> WHERE <link to tP> AND <test>)":
 * the rows of rel that belong to the parent row tP and pass the test of
 * where, correlated (a probe of the key's index per parent row).  The one
 * form of EXISTS, a count and an order by a count (docs/set-based.md).
 */
void
append_related_subquery(CompileState *cs, StringInfo buf, const char *what,
						const PrismaField *rel, int parent_alias, const JsonValue *where,
						RelatedTest test)
{
	int			alias = ++cs->next_alias;

	appendStringInfo(buf, "(SELECT %s ", what);
	cs->links_only = where == NULL;
	append_relation_source(cs, buf, rel, parent_alias, alias);
	cs->links_only = false;
	append_related_test(cs, buf, rel, alias, where, test);
	appendStringInfoChar(buf, ')');
}

/*
 * Append "SELECT <key> [AS "__k", <what>] FROM <rows of rel> WHERE <key> IN
 * (<keys of parents>) AND <test> [GROUP BY 1]": the keys of the rows of rel
 * that belong to any row tP of the CTE parents and pass the test, at once
 * (a hashed scan without an index, an index probe per parent key with one);
 * parents NULL: of every parent.  With what (an aggregate), one row per
 * key.  Returns the alias of the rows.  The one form of the IN test and of
 * the grouped counts.
 */
int
append_related_keys(CompileState *cs, StringInfo buf, const char *what,
					const PrismaField *rel, const char *parents, int parent_alias,
					const JsonValue *where, RelatedTest test)
{
	int			alias = ++cs->next_alias;
	int			nkeys = what != NULL ? 1 : rel->nkeys;

	Assert(parents == NULL || rel->nkeys == 1);
	appendStringInfoString(buf, "SELECT ");
	for (int i = 0; i < nkeys; i++)
	{
		if (i > 0)
			appendStringInfoString(buf, ", ");
		append_relation_key(buf, rel, alias, i);
	}
	if (what != NULL)
		appendStringInfo(buf, " AS \"__k\", %s", what);
	appendStringInfoChar(buf, ' ');
	cs->links_only = where == NULL;
	append_relation_source_set(cs, buf, rel, alias, "", parents, parent_alias);
	cs->links_only = false;
	for (int i = 1; i < nkeys; i++)
	{
		appendStringInfoString(buf, " AND ");
		append_relation_key(buf, rel, alias, i);
		appendStringInfoString(buf, " IS NOT NULL");
	}
	append_related_test(cs, buf, rel, alias, where, test);
	if (what != NULL)
		appendStringInfoString(buf, " GROUP BY 1");
	return alias;
}

/*
 * Append the test that parent row tP has (negated: has no) row of rel that
 * passes the test of where: [NOT] EXISTS (SELECT 1 FROM <relation> WHERE
 * <link> AND <test>) when the relation's key has an index (a probe per
 * row), else its set-based form
 *
 *   [NOT] (<key> IN (SELECT <related key> FROM <relation> WHERE <related
 *                    key> IS NOT NULL AND <test>))
 *
 * which PostgreSQL plans as a hashed semi-join, or a hashed SubPlan under
 * OR and NOT, where a correlated EXISTS would scan the related table once
 * per row.  Null keys are tested apart on both sides, so that it is true
 * or false exactly when the EXISTS is.  A NOT IN is a hashed SubPlan even
 * as a conjunct of a WHERE, where NOT EXISTS becomes an anti-join that the
 * planner can place and estimate (a NOT IN filter is guessed to keep half
 * the rows: `Movie.reviews every take 50` probed the whole Movie index in
 * order for 59 rows), so there a negated test without an index is NOT
 * EXISTS too, a hash anti-join.  A NOT of this test alone, a conjunct,
 * is left to it (cs->where_not_pending): the opposite test in its place.
 * Either way the best plan depends on how many rows the values select: the
 * statement is planned for them.
 */
static void
append_exists(CompileState *cs, StringInfo buf, const PrismaField *rel, int parent_alias,
			  const JsonValue *where, RelatedTest test, bool negated)
{
	const PrismaModel *target = &cs->schema->models[rel->target];
	const PrismaModel *parent = rel->back_field >= 0 && rel->rel_kind != REL_MANY_TO_MANY ?
		&cs->schema->models[target->fields[rel->back_field].target] : NULL;
	bool		joinable = cs->where_joinable;

	if (cs->where_not_pending)
	{
		/* NOT of this test alone, a conjunct: the opposite test in its place */
		negated = !negated;
		joinable = true;
		cs->where_not_pending = false;
	}
	cs->plan_per_values = true;
	if (negated)
		appendStringInfoString(buf, "NOT ");
	if (rel->key_indexed || (negated && joinable))
	{
		appendStringInfoString(buf, "EXISTS ");
		append_related_subquery(cs, buf, "1", rel, parent_alias, where, test);
		return;
	}
	/* under OR or NOT the IN is a hashed SubPlan, per row if its keys outgrow work_mem */
	cs->hashed_subplan |= !joinable;
	appendStringInfoChar(buf, '(');
	for (int i = 0; i < rel->nkeys; i++)
		if (column_nullable(parent, rel->local_cols[i]))
		{
			append_column(buf, parent_alias, rel->local_cols[i]);
			appendStringInfoString(buf, " IS NOT NULL AND ");
		}
	appendStringInfoString(buf, rel->nkeys > 1 ? "(" : "");
	for (int i = 0; i < rel->nkeys; i++)
	{
		if (i > 0)
			appendStringInfoString(buf, ", ");
		append_column(buf, parent_alias, rel->local_cols[i]);
	}
	appendStringInfoString(buf, rel->nkeys > 1 ? ") IN (" : " IN (");
	append_related_keys(cs, buf, NULL, rel, NULL, 0, where, test);
	appendStringInfoString(buf, "))");
}

/* The filter operators of a to-many relation. */
static const char *const to_many_ops[] = {"some", "every", "none"};

/* Is the object made only of the given keys (and at least one)? */
static bool
only_keys(const JsonValue *value, const char *const *keys, int nkeys)
{
	int			i;

	if (value->kind != JV_OBJECT || value->n == 0)
		return false;
	for (i = 0; i < value->n; i++)
	{
		int			k;
		bool		found = false;

		for (k = 0; k < nkeys; k++)
			found |= strcmp(value->keys[i], keys[k]) == 0;
		if (!found)
			return false;
	}
	return true;
}

/*
 * Append the test of append_exists() for a to-one relation held by tP's
 * foreign key, under OR or NOT, over its row joined to the read when it
 * passes the test of where:
 *
 *   LEFT JOIN <target> tA ON tA.<key> = tP.<fk> AND <test>  (cs->where_joins)
 *   tA.<key> IS [NOT] NULL
 *
 * The key is unique, so the join adds no row, and the row is there exactly
 * when the EXISTS is true; the planner tests where on the target's rows
 * (once per row of the target when it hashes them).  Under OR and NOT an
 * EXISTS is a SubPlan whose form the planner picks for every row of the
 * read, as if there were no LIMIT: hashed, it read the whole target for 50
 * rows (`Review.author OR(is)` 6.5 ms against Prisma's 1.4 ms); joined, it
 * probes the key per row under a LIMIT and hashes the target for a count.
 */
static void
append_joined_test(CompileState *cs, StringInfo buf, const PrismaField *rel, int parent_alias,
				   const JsonValue *where, RelatedTest test, bool negated)
{
	int			alias = ++cs->next_alias;
	StringInfo	joins = cs->where_joins;

	cs->plan_per_values = true;
	appendStringInfoString(joins, " LEFT JOIN ");
	append_table(joins, &cs->schema->models[rel->target]);
	appendStringInfo(joins, " t%d ON ", alias);
	for (int i = 0; i < rel->nkeys; i++)
	{
		if (i > 0)
			appendStringInfoString(joins, " AND ");
		append_column(joins, alias, rel->remote_cols[i]);
		appendStringInfoString(joins, " = ");
		append_column(joins, parent_alias, rel->local_cols[i]);
	}
	append_related_test(cs, joins, rel, alias, where, test);
	append_column(buf, alias, rel->remote_cols[0]);
	appendStringInfoString(buf, negated ? " IS NULL" : " IS NOT NULL");
}

/*
 * Append the test of a to-one filter {is: where}, or with negated of
 * {isNot: where} (Prisma's NOT <where> OR <no row>, NOT of {is: where}).
 * Prisma joins the related row (LEFT JOIN) and tests <where> AND <the row
 * exists>: false without a row, unknown when <where> is unknown on it.
 * Where only truth counts (not under NOT) that is EXISTS (... AND <where>);
 * under NOT only falsity counts, and EXISTS (... AND <where> IS NOT FALSE)
 * is false exactly when the test is.  Both are semi-joins (under NOT,
 * anti-joins) the planner can join.
 */
static void
append_to_one_test(CompileState *cs, StringInfo buf, const PrismaField *rel, int parent_alias,
				   const JsonValue *where, bool negated)
{
	RelatedTest test = cs->where_negated != negated ? RELATED_WHERE_NOT_FALSE : RELATED_WHERE;

	/* Prisma writes the type test of a Json filter reversed under isNot */
	cs->json_reversed ^= negated;
	if (!cs->where_joinable && cs->where_joins != NULL && rel->rel_kind == REL_TO_ONE_OWNER)
		append_joined_test(cs, buf, rel, parent_alias, where, test, negated);
	else
		append_exists(cs, buf, rel, parent_alias, where, test, negated);
	cs->json_reversed ^= negated;
}


/*
 * Append the test that a to-one relation has no row (is_null) or has one.
 * On the side that holds the foreign key Prisma tests its columns (all
 * null), not the related row: the two differ only where a reference
 * dangles (relationMode = "prisma" keeps no foreign keys).
 */
static void
append_to_one_null(CompileState *cs, StringInfo buf, const PrismaField *rel, int alias,
				   bool is_null)
{
	if (rel->rel_kind != REL_TO_ONE_OWNER)
	{
		append_exists(cs, buf, rel, alias, NULL, RELATED_WHERE, is_null);
		return;
	}
	if (!is_null)
		appendStringInfoString(buf, "NOT ");
	appendStringInfoChar(buf, '(');
	for (int i = 0; i < rel->nkeys; i++)
	{
		if (i > 0)
			appendStringInfoString(buf, " AND ");
		append_column(buf, alias, rel->local_cols[i]);
		appendStringInfoString(buf, " IS NULL");
	}
	appendStringInfoChar(buf, ')');
}

/* Append a to-one filter: is, isNot, the direct form and null. */
static void
to_one_filter(CompileState *cs, StringInfo buf, const PrismaField *rel, int alias,
			  const JsonValue *value)
{
	static const char *const to_one_ops[] = {"is", "isNot"};
	int			i;

	if (value->kind == JV_NULL)
	{
		/* {author: null}: no related row */
		append_to_one_null(cs, buf, rel, alias, true);
		return;
	}
	if (value->kind != JV_OBJECT)
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
					  "expected an object or null, got %s", json_kind_name(value->kind));
	if (!only_keys(value, to_one_ops, 2))
	{
		/* the direct form: {author: {name: ...}} means is */
		append_to_one_test(cs, buf, rel, alias, value, false);
		return;
	}
	appendStringInfoChar(buf, '(');
	for (i = 0; i < value->n; i++)
	{
		const JsonValue *inner = value->items[i];
		bool		is = strcmp(value->keys[i], "is") == 0;
		int			mark = path_push(cs, value->keys[i]);

		if (i > 0)
			appendStringInfoString(buf, " AND ");
		if (inner->kind == JV_NULL)
		{
			/* is: null, no related row; isNot: null, one */
			append_to_one_null(cs, buf, rel, alias, is);
		}
		else if (inner->kind != JV_OBJECT)
			compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
						  "expected an object or null, got %s", json_kind_name(inner->kind));
		else
			append_to_one_test(cs, buf, rel, alias, inner, !is);
		path_pop(cs, mark);
	}
	appendStringInfoChar(buf, ')');
}

/* Append a relation filter: some/every/none on to-many, is/isNot on to-one. */
static void
relation_filter(CompileState *cs, StringInfo buf, const PrismaField *rel, int alias,
				const JsonValue *value)
{
	int			i;

	if (rel->rel_kind != REL_TO_MANY && rel->rel_kind != REL_MANY_TO_MANY)
	{
		to_one_filter(cs, buf, rel, alias, value);
		return;
	}
	if (!only_keys(value, to_many_ops, 3))
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE,
					  "Filter a to-many relation with {some: ...}, {every: ...} or {none: ...}.",
					  "invalid filter on to-many relation %s", rel->name);
	appendStringInfoChar(buf, '(');
	for (i = 0; i < value->n; i++)
	{
		const char *op = value->keys[i];
		const JsonValue *inner = value->items[i];
		int			mark = path_push(cs, op);

		if (i > 0)
			appendStringInfoString(buf, " AND ");
		expect_kind(cs, inner, JV_OBJECT);
		if (strcmp(op, "some") == 0)
			append_exists(cs, buf, rel, alias, inner, RELATED_WHERE, false);
		else if (strcmp(op, "none") == 0)
			append_exists(cs, buf, rel, alias, inner, RELATED_WHERE, true);
		else					/* every: no related row fails the filter */
			append_exists(cs, buf, rel, alias, inner, RELATED_NOT_WHERE, true);
		path_pop(cs, mark);
	}
	appendStringInfoChar(buf, ')');
}

/*
 * Is this key of a where object an empty filter, which Prisma leaves out
 * before it builds SQL?  Empty are a relation or Json filter {}, a scalar
 * filter without operators (mode and {not: {}} aside) and, when nested
 * (inside AND/OR/NOT), an AND/OR/NOT whose objects are all empty.  At the top
 * of a where (also a relation's) an empty AND/NOT matches everything and an
 * empty OR nothing.  {author: {is: {}}} is not empty: it needs a related row.
 */
static bool
where_key_empty(const PrismaModel *model, const char *key, const JsonValue *value,
				bool nested)
{
	int			f;
	int			i;

	if (strcmp(key, "AND") == 0 || strcmp(key, "OR") == 0 || strcmp(key, "NOT") == 0)
	{
		if (!nested)
			return false;
		if (value->kind == JV_OBJECT)	/* OR {...} is an error */
			return key[0] != 'O' && where_empty(model, value);
		if (value->kind != JV_ARRAY)
			return false;
		for (i = 0; i < value->n; i++)
			if (!where_empty(model, value->items[i]))
				return false;
		return true;
	}
	f = model_find_field(model, key);
	if (f < 0 || value->kind != JV_OBJECT)
		return false;
	if (model->fields[f].type == PT_RELATION)
		return value->n == 0;
	if (model->fields[f].type == PT_JSON && !model->fields[f].is_list)
	{
		/* mode alone filters nothing */
		for (i = 0; i < value->n; i++)
			if (strcmp(value->keys[i], "mode") != 0)
				return false;
		return true;
	}
	return !model->fields[f].is_list && scalar_filter_empty(value, false);
}

/* Is a where object inside AND/OR/NOT empty: are all its keys empty? */
static bool
where_empty(const PrismaModel *model, const JsonValue *where)
{
	int			i;

	if (where->kind != JV_OBJECT)
		return false;
	for (i = 0; i < where->n; i++)
		if (!where_key_empty(model, where->keys[i], where->items[i], true))
			return false;
	return true;
}

/*
 * Is the where object (under NOT) one test of a to-many relation,
 * {rel: {some|none|every: {...}}}, its other keys empty?  NOT of it is the
 * opposite test: written so where the NOT is a conjunct, the planner joins
 * it (NOT (key IN ...) and NOT (NOT EXISTS ...) are SubPlans, NOT EXISTS
 * an anti-join and IN a semi-join).
 */
static bool
where_is_one_to_many_test(const PrismaModel *model, const JsonValue *where)
{
	bool		found = false;

	if (where->kind != JV_OBJECT)
		return false;
	for (int i = 0; i < where->n; i++)
	{
		const JsonValue *value = where->items[i];
		int			f;

		if (where_key_empty(model, where->keys[i], value, true))
			continue;
		f = model_find_field(model, where->keys[i]);
		if (found || f < 0 ||
			(model->fields[f].rel_kind != REL_TO_MANY &&
			 model->fields[f].rel_kind != REL_MANY_TO_MANY) ||
			value->kind != JV_OBJECT || value->n != 1 ||
			!only_keys(value, to_many_ops, 3) || value->items[0]->kind != JV_OBJECT)
			return false;
		found = true;
	}
	return found;
}

/*
 * Append NOT before one where object, or leave it to the object's one
 * relation test where the NOT is a conjunct (where_is_one_to_many_test).
 */
static void
append_not(CompileState *cs, StringInfo buf, const PrismaModel *model, bool joinable,
		   const JsonValue *where)
{
	if (joinable && where_is_one_to_many_test(model, where))
		cs->where_not_pending = true;
	else
		appendStringInfoString(buf, "NOT ");
}

/*
 * A NOT left to a relation test (append_not) must have been taken by it:
 * left over, it would negate whatever test came next.
 */
static void
check_not_taken(CompileState *cs)
{
	if (cs->where_not_pending)
		elog(ERROR, "prisma_compile: a NOT was left to a relation test that was not compiled");
}

/* Append AND/OR/NOT over an object or an array of where objects. */
static void
logical_filter(CompileState *cs, StringInfo buf, const PrismaModel *model, int alias,
			   const char *op, const JsonValue *value)
{
	bool		is_or = strcmp(op, "OR") == 0;
	bool		is_not = strcmp(op, "NOT") == 0;
	bool		negated = cs->where_negated;
	bool		joinable = cs->where_joinable;
	int			i;
	int			terms = 0;

	/* like Prisma, empty objects are dropped: OR [{}] matches nothing, NOT {} everything */
	if (is_not)
	{
		cs->where_negated = !negated;
		cs->json_reversed = !cs->json_reversed;
	}
	if (is_or || is_not)
		cs->where_joinable = false;
	if (value->kind == JV_OBJECT && !is_or)
	{
		if (where_empty(model, value))
			appendStringInfoString(buf, "true");
		else
		{
			if (is_not)
				append_not(cs, buf, model, joinable, value);
			where_object(cs, buf, model, alias, value, true);
			check_not_taken(cs);
		}
		cs->where_negated = negated;
		cs->where_joinable = joinable;
		cs->json_reversed ^= is_not;
		return;
	}
	if (value->kind != JV_ARRAY)
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
					  is_or ? "%s takes an array of objects, got %s" :
					  "%s takes an object or an array of objects, got %s", op,
					  json_kind_name(value->kind));
	appendStringInfoChar(buf, '(');
	for (i = 0; i < value->n; i++)
	{
		int			mark = path_push_index(cs, i);

		expect_kind(cs, value->items[i], JV_OBJECT);
		if (!where_empty(model, value->items[i]))
		{
			if (terms++ > 0)
				appendStringInfoString(buf, is_or ? " OR " : " AND ");
			if (is_not)
				append_not(cs, buf, model, joinable, value->items[i]);
			where_object(cs, buf, model, alias, value->items[i], true);
			check_not_taken(cs);
		}
		path_pop(cs, mark);
	}
	if (terms == 0)
		appendStringInfoString(buf, is_or ? "false" : "true");
	appendStringInfoChar(buf, ')');
	cs->where_negated = negated;
	cs->where_joinable = joinable;
	cs->json_reversed ^= is_not;
}

/* The compound unique (@@id/@@unique) named key, or NULL. */
static const PrismaUnique *
find_compound_unique(const PrismaModel *model, const char *key)
{
	int			i;

	for (i = 0; i < model->nuniques; i++)
		if (model->uniques[i].nfields > 1 && strcmp(model->uniques[i].name, key) == 0)
			return &model->uniques[i];
	return NULL;
}

/* Append the equalities of a compound unique: {a_b: {a: 1, b: 2}}. */
static void
compound_unique_filter(CompileState *cs, StringInfo buf, const PrismaModel *model, int alias,
					   const PrismaUnique *u, const JsonValue *value)
{
	ScalarTarget t = {.model = model, .alias = alias};
	int			i;

	expect_kind(cs, value, JV_OBJECT);
	if (value->n != u->nfields)
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
					  "%s needs exactly the fields of the unique criterion", u->name);
	appendStringInfoChar(buf, '(');
	for (i = 0; i < u->nfields; i++)
	{
		const PrismaField *field = &model->fields[u->fields[i]];
		const JsonValue *v = json_get(value, field->name);
		int			mark = path_push(cs, field->name);

		if (v == NULL)
			compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
						  "missing field %s of unique criterion %s", field->name, u->name);
		if (i > 0)
			appendStringInfoString(buf, " AND ");
		t.field = field;
		t.col = column_expr(field, alias);
		append_comparison(cs, buf, &t, "=", v);
		path_pop(cs, mark);
	}
	appendStringInfoChar(buf, ')');
}

/* Append the filter of one key of a where object. */
static void
where_key(CompileState *cs, StringInfo buf, const PrismaModel *model, int alias,
		  const char *key, const JsonValue *value)
{
	int			f;
	const PrismaField *field;
	const PrismaUnique *u;
	ScalarTarget t = {.model = model, .alias = alias};

	if (strcmp(key, "AND") == 0 || strcmp(key, "OR") == 0 || strcmp(key, "NOT") == 0)
	{
		logical_filter(cs, buf, model, alias, key, value);
		return;
	}
	f = model_find_field(model, key);
	if (f < 0)
	{
		if ((u = find_compound_unique(model, key)) != NULL)
		{
			compound_unique_filter(cs, buf, model, alias, u, value);
			return;
		}
		compile_error(cs, ERRCODE_UNDEFINED_COLUMN, NULL,
					  "unknown field \"%s\" on model %s", key, model->name);
	}
	field = &model->fields[f];
	if (field->type == PT_RELATION)
	{
		relation_filter(cs, buf, field, alias, value);
		return;
	}
	t.field = field;
	t.col = column_expr(field, alias);
	if (value->kind == JV_OBJECT && field->type == PT_JSON && !field->is_list)
		json_filter(cs, buf, &t, value);
	else if (value->kind == JV_OBJECT)
		scalar_filter(cs, buf, &t, false, value);
	else if (value->kind == JV_NULL)
		appendStringInfo(buf, "%s IS NULL", t.col);
	else if (field->type == PT_JSON && !field->is_list)
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE,
					  "Write {equals: value} to compare a Json field.",
					  "a Json field takes a filter object");
	else if (field->is_list)
		list_operator(cs, buf, &t, find_filter_op("equals", OC_LIST), value);
	else
		append_comparison(cs, buf, &t, "=", value);
}

/*
 * Append a where object as a conjunction of its non-empty keys; nested is
 * true inside AND/OR/NOT, where empty AND/OR/NOT are left out too.
 */
static void
where_object(CompileState *cs, StringInfo buf, const PrismaModel *model, int alias,
			 const JsonValue *where, bool nested)
{
	int			i;
	int			terms = 0;

	for (i = 0; i < where->n; i++)
	{
		int			mark;

		if (where_key_empty(model, where->keys[i], where->items[i], nested))
			continue;
		mark = path_push(cs, where->keys[i]);
		appendStringInfoString(buf, terms++ > 0 ? " AND " : "(");
		where_key(cs, buf, model, alias, where->keys[i], where->items[i]);
		path_pop(cs, mark);
	}
	appendStringInfoString(buf, terms > 0 ? ")" : "true");
}

/*
 * Append the filter of a where object, a conjunct of its WHERE or not
 * (joinable: see CompileState.where_joinable).
 */
static void
where_filter(CompileState *cs, StringInfo buf, const PrismaModel *model, int alias,
			 const JsonValue *where, bool joinable)
{
	bool		saved = cs->where_joinable;

	expect_kind(cs, where, JV_OBJECT);
	cs->where_joinable = joinable;
	where_object(cs, buf, model, alias, where, false);
	cs->where_joinable = saved;
}

/*
 * Append the filter of a where argument (the caller has pushed its path),
 * ANDed into a WHERE clause; with joins, to it the LEFT JOINs of its to-one
 * tests under OR and NOT (append_joined_test), which the caller puts in the
 * FROM of tN before that WHERE.
 */
void
compile_where(CompileState *cs, StringInfo buf, StringInfo joins, const PrismaModel *model,
			  int alias, const JsonValue *where)
{
	StringInfo	saved = cs->where_joins;

	cs->where_joins = joins;
	where_filter(cs, buf, model, alias, where, true);
	cs->where_joins = saved;
}

/* Does a where object name a unique criterion with a single value? */
bool
where_has_unique(const PrismaModel *model, const JsonValue *where)
{
	int			i;

	for (i = 0; i < model->nuniques; i++)
	{
		const PrismaUnique *u = &model->uniques[i];
		const JsonValue *v;

		if (u->nfields > 1)
		{
			if (json_get(where, u->name) != NULL)
				return true;
			continue;
		}
		v = json_get(where, model->fields[u->fields[0]].name);
		if (v != NULL && v->kind != JV_NULL &&
			(v->kind != JV_OBJECT || json_get(v, "equals") != NULL))
			return true;
	}
	return false;
}
