/*
 * compile_state.c
 *		What every stage of the compiler shares: the JSON path of the node
 *		being compiled, errors that name it, and the checks of a node's kind
 *		and argument names.
 *
 * The path is a string in the CompileState, pushed and popped as the
 * compiler walks into the document (args.include.posts.where.title), so an
 * error anywhere names the node it is about.
 */
#include "postgres.h"

#include "compile.h"

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
