/*
 * compile_state.c
 *		What every stage of the compiler shares: the JSON path of the node
 *		being compiled, errors that name it, and the checks of a node's kind,
 *		argument names and lists of field names.
 *
 * The path is a string in the CompileState, pushed and popped as the
 * compiler walks into the document (args.include.posts.where.title), so an
 * error anywhere names the node it is about.
 */
#include "postgres.h"

#include "compile.h"
#include "format.h"

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
	va_list		args;

	initStringInfo(&msg);
	va_start(args, fmt);
	append_vformat(&msg, fmt, args);
	va_end(args);
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

/*
 * The scalar fields of model named by value, one field name or a non-empty
 * array of them (distinct, groupBy's by), checked at the current path;
 * returns how many and sets *fields to their indexes, in the order given.
 * A relation's name is refused as an unknown scalar field, or, with a
 * relation_hint, as a relation (with that hint); empty is the message for
 * an empty array.
 */
int
field_name_list(CompileState *cs, const PrismaModel *model, const JsonValue *value,
				const char *empty, const char *relation_hint, int **fields)
{
	int			n = value->kind == JV_ARRAY ? value->n : 1;
	int			i;

	if (value->kind != JV_ARRAY && value->kind != JV_STRING)
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
					  "expected a field name or an array of field names, got %s",
					  json_kind_name(value->kind));
	if (n == 0)
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL, "%s", empty);
	*fields = palloc(sizeof(int) * n);
	for (i = 0; i < n; i++)
	{
		const JsonValue *name = value->kind == JV_ARRAY ? value->items[i] : value;
		int			mark = value->kind == JV_ARRAY ? path_push_index(cs, i) : cs->path.len;
		int			f;

		if (name->kind != JV_STRING)
			compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
						  "expected a field name, got %s", json_kind_name(name->kind));
		f = model_find_field(model, name->str);
		if (relation_hint == NULL && (f < 0 || model->fields[f].type == PT_RELATION))
			compile_error(cs, ERRCODE_UNDEFINED_COLUMN, NULL,
						  "unknown scalar field \"%s\" on model %s", name->str, model->name);
		if (f < 0)
			compile_error(cs, ERRCODE_UNDEFINED_COLUMN, NULL,
						  "unknown field \"%s\" on model %s", name->str, model->name);
		if (model->fields[f].type == PT_RELATION)
			compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, relation_hint,
						  "field %s is a relation", name->str);
		(*fields)[i] = f;
		path_pop(cs, mark);
	}
	return n;
}
