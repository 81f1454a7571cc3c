/*
 * json_input.c
 *		Parse the query document with json-c into a JsonValue tree.
 *
 * json-c allocates with malloc; the tree it returns is copied into palloc'd
 * JsonValue nodes and freed before anything can raise an error, so an error
 * never leaks.  json-c's headers cannot share a file with utils/builtins.h
 * (both define json_object), so this file includes neither builtins.h nor
 * anything that pulls it in.
 */
#include "postgres.h"

#include <json-c/json.h>

#include "lib/stringinfo.h"

#include "json_input.h"

/* Copy one json-c value (and its children) into palloc'd JsonValue nodes. */
static JsonValue *
copy_value(struct json_object *obj)
{
	JsonValue  *v = palloc0(sizeof(JsonValue));

	switch (json_object_get_type(obj))
	{
		case json_type_null:
			v->kind = JV_NULL;
			break;
		case json_type_boolean:
			v->kind = JV_BOOL;
			v->boolean = json_object_get_boolean(obj);
			break;
		case json_type_int:
		case json_type_double:
			v->kind = JV_NUMBER;
			v->str = pstrdup(json_object_to_json_string_ext(obj, JSON_C_TO_STRING_PLAIN));
			v->is_integer = strpbrk(v->str, ".eE") == NULL;
			break;
		case json_type_string:
			v->kind = JV_STRING;
			v->len = json_object_get_string_len(obj);
			v->str = palloc(v->len + 1);
			memcpy(v->str, json_object_get_string(obj), v->len);
			v->str[v->len] = '\0';
			break;
		case json_type_array:
			{
				int			i;

				v->kind = JV_ARRAY;
				v->n = json_object_array_length(obj);
				v->items = palloc(sizeof(JsonValue *) * Max(v->n, 1));
				for (i = 0; i < v->n; i++)
					v->items[i] = copy_value(json_object_array_get_idx(obj, i));
				break;
			}
		case json_type_object:
			{
				int			i = 0;

				v->kind = JV_OBJECT;
				v->n = json_object_object_length(obj);
				v->items = palloc(sizeof(JsonValue *) * Max(v->n, 1));
				v->keys = palloc(sizeof(char *) * Max(v->n, 1));
				{
					json_object_object_foreach(obj, key, val)
					{
						v->keys[i] = pstrdup(key);
						v->items[i] = copy_value(val);
						i++;
					}
				}
				break;
			}
	}
	return v;
}

/*
 * Parse text into a JsonValue tree.  Invalid JSON, or nesting deeper than
 * max_depth, raises an error; json-c's objects are freed first.
 */
JsonValue *
json_input_parse(const char *text, int len, int max_depth)
{
	struct json_tokener *tok;
	struct json_object *obj;
	enum json_tokener_error jerr;
	size_t		offset;
	JsonValue  *volatile result = NULL;

	tok = json_tokener_new_ex(max_depth);
	if (tok == NULL)
		ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	obj = json_tokener_parse_ex(tok, text, len);
	jerr = json_tokener_get_error(tok);
	offset = json_tokener_get_parse_end(tok);
	if (jerr == json_tokener_success && offset < (size_t) len)
	{
		/* only white space may follow the value */
		while (offset < (size_t) len && strchr(" \t\r\n", text[offset]) && text[offset])
			offset++;
		if (offset < (size_t) len)
			jerr = json_tokener_error_parse_unexpected;
	}
	else if (jerr == json_tokener_continue)
		jerr = json_tokener_error_parse_eof;

	PG_TRY();
	{
		if (jerr == json_tokener_success)
			result = copy_value(obj);
	}
	PG_FINALLY();
	{
		json_object_put(obj);
		json_tokener_free(tok);
	}
	PG_END_TRY();

	if (jerr == json_tokener_error_depth)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("query document is nested more than %d levels deep", max_depth),
				 errhint("Raise prisma_compile.max_depth to allow deeper documents.")));
	if (result == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid JSON in query document at byte %zu: %s",
						offset, json_tokener_error_desc(jerr))));
	return result;
}

/* The member named key of an object, or NULL. */
JsonValue *
json_get(const JsonValue *object, const char *key)
{
	int			i;

	if (object == NULL || object->kind != JV_OBJECT)
		return NULL;
	for (i = 0; i < object->n; i++)
		if (strcmp(object->keys[i], key) == 0)
			return object->items[i];
	return NULL;
}

/* The name of a kind, for error messages. */
const char *
json_kind_name(JsonKind kind)
{
	switch (kind)
	{
		case JV_NULL:
			return "null";
		case JV_BOOL:
			return "a boolean";
		case JV_NUMBER:
			return "a number";
		case JV_STRING:
			return "a string";
		case JV_ARRAY:
			return "an array";
		case JV_OBJECT:
			return "an object";
	}
	return "?";
}

/* Append a JSON string literal. */
static void
append_json_string(StringInfo buf, const char *s, int len)
{
	int			i;

	appendStringInfoChar(buf, '"');
	for (i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c == '"' || c == '\\')
		{
			appendStringInfoChar(buf, '\\');
			appendStringInfoChar(buf, c);
		}
		else if (c < 0x20)
			appendStringInfo(buf, "\\u%04x", c);
		else
			appendStringInfoChar(buf, c);
	}
	appendStringInfoChar(buf, '"');
}

/* Serialize a value back to JSON text (for Json filter values). */
static void
append_value(StringInfo buf, const JsonValue *v)
{
	int			i;

	switch (v->kind)
	{
		case JV_NULL:
			appendStringInfoString(buf, "null");
			break;
		case JV_BOOL:
			appendStringInfoString(buf, v->boolean ? "true" : "false");
			break;
		case JV_NUMBER:
			appendStringInfoString(buf, v->str);
			break;
		case JV_STRING:
			append_json_string(buf, v->str, v->len);
			break;
		case JV_ARRAY:
			appendStringInfoChar(buf, '[');
			for (i = 0; i < v->n; i++)
			{
				if (i > 0)
					appendStringInfoChar(buf, ',');
				append_value(buf, v->items[i]);
			}
			appendStringInfoChar(buf, ']');
			break;
		case JV_OBJECT:
			appendStringInfoChar(buf, '{');
			for (i = 0; i < v->n; i++)
			{
				if (i > 0)
					appendStringInfoChar(buf, ',');
				append_json_string(buf, v->keys[i], strlen(v->keys[i]));
				appendStringInfoChar(buf, ':');
				append_value(buf, v->items[i]);
			}
			appendStringInfoChar(buf, '}');
			break;
	}
}

/* A value as JSON text. */
char *
json_to_text(const JsonValue *value)
{
	StringInfoData buf;

	initStringInfo(&buf);
	append_value(&buf, value);
	return buf.data;
}
