/*
 * document.h
 *		The query document as a tree of the project's own, palloc'd values.
 *
 * document.c is the only file that sees json-c: it parses the text and
 * copies the result into these nodes, so that the stages after it can raise
 * errors freely without leaking json-c's malloc'd objects.
 */
#ifndef PRISMA_DOCUMENT_H
#define PRISMA_DOCUMENT_H

#include "postgres.h"

typedef enum JsonKind
{
	JV_NULL,
	JV_BOOL,
	JV_NUMBER,
	JV_STRING,
	JV_ARRAY,
	JV_OBJECT
} JsonKind;

typedef struct JsonValue
{
	JsonKind	kind;
	bool		boolean;		/* JV_BOOL */
	bool		is_integer;		/* JV_NUMBER without fraction or exponent */
	char	   *str;			/* JV_STRING text, JV_NUMBER as written */
	int			len;			/* JV_STRING length in bytes */
	int			n;				/* JV_ARRAY items, JV_OBJECT members */
	struct JsonValue **items;	/* JV_ARRAY items, JV_OBJECT member values */
	char	  **keys;			/* JV_OBJECT member names */
} JsonValue;

extern JsonValue *document_parse(const char *text, int len, int max_depth,
								 const char *root);
extern JsonValue *json_get(const JsonValue *object, const char *key);
extern const char *json_kind_name(JsonKind kind);
extern char *json_to_text(const JsonValue *value);

#endif							/* PRISMA_DOCUMENT_H */
