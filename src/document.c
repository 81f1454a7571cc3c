/*
 * document.c
 *		Parse the query document with json-c into a JsonValue tree.
 *
 * json-c allocates with malloc; the tree it returns is copied into palloc'd
 * JsonValue nodes and freed before anything can raise an error, so an error
 * never leaks.  What json-c's tree loses is found in the text itself (see
 * scan_text): a \u0000 escape (json-c cuts keys at it, and PostgreSQL's
 * text cannot hold it) is an error with its JSON path, and integers of
 * more than 18 digits, which json-c clamps to 64 bits, keep their digits.  json-c's headers cannot share a file with utils/builtins.h
 * (both define json_object), so this file includes neither builtins.h nor
 * anything that pulls it in.
 */
#include "postgres.h"

#include <json-c/json.h>

#include "lib/stringinfo.h"

#include "document.h"
#include "pg_compat.h"

/* Is s an integer of at least 19 digits rewritten by scan_text ("<digits>.0")? */
static bool
is_rewritten_integer(const char *s)
{
	int			digits = strspn(s + (*s == '-'), "0123456789");

	return digits >= 19 && strcmp(s + (*s == '-') + digits, ".0") == 0;
}

/* Copy one json-c value (and its children) into palloc'd JsonValue nodes;
 * rewritten: the text went through scan_text's rewrite of long integers. */
static JsonValue *
copy_value(struct json_object *obj, bool rewritten)
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
			if (rewritten && is_rewritten_integer(v->str))
				v->str[strlen(v->str) - 2] = '\0';
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
					v->items[i] = copy_value(json_object_array_get_idx(obj, i), rewritten);
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
						v->items[i] = copy_value(val, rewritten);
						i++;
					}
				}
				break;
			}
	}
	return v;
}

/* One open container while scanning: an object (its current key) or an array. */
typedef struct ScanFrame
{
	bool		is_object;
	int			index;			/* arrays: the current item */
	const char *key;			/* objects: the current key, raw, or NULL */
	int			keylen;
} ScanFrame;

/* Raise the error for a \u0000 escape, with the JSON path of its string. */
pg_noreturn static void
nul_error(const char *root, ScanFrame *frames, int depth, const char *key, int keylen)
{
	StringInfoData path;

	initStringInfo(&path);
	appendStringInfoString(&path, root);
	for (int i = 0; i < depth; i++)
	{
		if (!frames[i].is_object)
			appendStringInfo(&path, "[%d]", frames[i].index);
		else if (frames[i].key != NULL && (i < depth - 1 || key == NULL))
		{
			if (path.len > 0)
				appendStringInfoChar(&path, '.');
			appendBinaryStringInfo(&path, frames[i].key, frames[i].keylen);
		}
	}
	ereport(ERROR,
			(errcode(ERRCODE_UNTRANSLATABLE_CHARACTER),
			 errmsg("%s: %s contains \\u0000", path.len > 0 ? path.data : "query",
					key ? psprintf("key \"%.*s\"", keylen, key) : "string"),
			 errhint("PostgreSQL text cannot hold the NUL character.")));
}

/* Does the text need scan_text: a \u0000 escape or a run of 19 digits? */
static bool
scan_needed(const char *text, int len)
{
	int			digits = 0;

	for (int i = 0; i < len; i++)
	{
		if (text[i] >= '0' && text[i] <= '9')
		{
			if (++digits >= 19)
				return true;
			continue;
		}
		digits = 0;
		if (text[i] == '\\' && i + 5 < len && text[i + 1] == 'u' &&
			memcmp(text + i + 2, "0000", 4) == 0)
			return true;
	}
	return false;
}

/* The number of bytes from text[i] on (before len) that are in chars. */
static int
span(const char *text, int i, int len, const char *chars)
{
	int			n = 0;

	while (i + n < len && strchr(chars, text[i + n]) != NULL && text[i + n] != '\0')
		n++;
	return n;
}

/*
 * Scan valid JSON text (json-c accepted it, within max_depth) for what
 * json-c's tree loses.  A \u0000 escape in a key or a string raises an
 * error with its path (root is the document's own path: "" or "args").
 * Returns a copy of the text with every integer of 19 digits or more
 * written as "<digits>.0", which json-c keeps as written (copy_value turns
 * it back into the integer), or NULL when there is none.
 */
static char *
scan_text(const char *text, int len, const char *root, int max_depth)
{
	ScanFrame  *frames = palloc0(sizeof(ScanFrame) * (max_depth + 2));
	int			depth = 0;
	bool		expect_key = false;
	bool		rewrote = false;
	StringInfoData out;
	int			i = 0;

	initStringInfo(&out);
	while (i < len)
	{
		char		c = text[i];
		int			start = i;

		if (c == '"')
		{
			bool		nul = false;

			for (i++; i < len && text[i] != '"'; i++)
			{
				if (text[i] != '\\')
					continue;
				if (i + 5 < len && text[i + 1] == 'u' && memcmp(text + i + 2, "0000", 4) == 0)
					nul = true;
				i++;
			}
			i++;
			if (expect_key && depth > 0)
			{
				frames[depth - 1].key = text + start + 1;
				frames[depth - 1].keylen = i - start - 2;
			}
			if (nul)
				nul_error(root, frames, depth, expect_key ? text + start + 1 : NULL,
						  i - start - 2);
		}
		else if (c == '-' || (c >= '0' && c <= '9'))
		{
			int			digits;

			i += (c == '-');
			digits = span(text, i, len, "0123456789");
			i += digits;
			if (digits >= 19 && (i >= len || strchr(".eE", text[i]) == NULL))
			{
				appendBinaryStringInfo(&out, text + start, i - start);
				appendStringInfoString(&out, ".0");
				rewrote = true;
				continue;
			}
			i += span(text, i, len, "0123456789.eE+-");
		}
		else
		{
			i++;
			if ((c == '{' || c == '[') && depth <= max_depth)
			{
				frames[depth].is_object = c == '{';
				frames[depth].index = 0;
				frames[depth].key = NULL;
				depth++;
				expect_key = c == '{';
			}
			else if ((c == '}' || c == ']') && depth > 0)
				depth--;
			else if (c == ',' && depth > 0)
			{
				frames[depth - 1].index++;
				expect_key = frames[depth - 1].is_object;
			}
			else if (c == ':')
				expect_key = false;
		}
		appendBinaryStringInfo(&out, text + start, i - start);
	}
	pfree(frames);
	if (!rewrote)
	{
		pfree(out.data);
		return NULL;
	}
	return out.data;
}

/*
 * Run json-c over text.  A scalar at the end of the text is complete only
 * once json-c sees what follows it, so a space is fed after the text.
 */
static struct json_object *
tokenize_json(struct json_tokener *tok, const char *text, int len,
			  enum json_tokener_error *jerr, size_t *offset)
{
	struct json_object *obj = json_tokener_parse_ex(tok, text, len);

	*jerr = json_tokener_get_error(tok);
	*offset = json_tokener_get_parse_end(tok);
	if (*jerr == json_tokener_continue)
	{
		obj = json_tokener_parse_ex(tok, " ", 1);
		*jerr = json_tokener_get_error(tok);
		if (*jerr == json_tokener_continue)
			*jerr = json_tokener_error_parse_eof;
		else if (*jerr != json_tokener_success)
			*offset = len;
		return obj;
	}
	if (*jerr == json_tokener_success && *offset < (size_t) len)
	{
		/* only white space may follow the value */
		while (*offset < (size_t) len && strchr(" \t\r\n", text[*offset]) && text[*offset])
			(*offset)++;
		if (*offset < (size_t) len)
			*jerr = json_tokener_error_parse_unexpected;
	}
	return obj;
}

/*
 * Parse text into a JsonValue tree.  Invalid JSON, or nesting deeper than
 * max_depth, raises an error; json-c's objects are freed first.  root is
 * the path of the document in error messages ("" for a query document,
 * "args" for the arguments alone).
 */
JsonValue *
document_parse(const char *text, int len, int max_depth, const char *root)
{
	struct json_tokener *tok;
	struct json_object *volatile obj;
	enum json_tokener_error jerr;
	size_t		offset;
	JsonValue  *volatile result = NULL;

	tok = json_tokener_new_ex(max_depth);
	if (tok == NULL)
		ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	obj = tokenize_json(tok, text, len, &jerr, &offset);

	PG_TRY();
	{
		if (jerr == json_tokener_success)
		{
			char	   *rewritten = scan_needed(text, len) ?
				scan_text(text, len, root, max_depth) : NULL;

			if (rewritten != NULL)
			{
				json_object_put(obj);
				json_tokener_reset(tok);
				obj = tokenize_json(tok, rewritten, strlen(rewritten), &jerr, &offset);
				if (jerr != json_tokener_success)
					elog(ERROR, "query document with long integers rewritten is not valid JSON");
			}
			result = copy_value(obj, rewritten != NULL);
		}
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
