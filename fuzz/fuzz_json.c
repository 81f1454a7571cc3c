/*
 * fuzz_json.c
 *		Fuzz target: the query document parser (src/document.c).
 *
 * Every input is parsed as prisma_query parses a document (json-c, the
 * depth limit of 8 x max_depth); a parsed tree is printed back with
 * json_to_text, and that text must parse again to the same text.
 */
#include "postgres.h"

#include "document.h"
#include "shim.h"

static void
parse_document(const char *text, size_t len, void *arg)
{
	JsonValue  *v = document_parse(text, (int) len, 16 * 8, "");
	char	   *printed = json_to_text(v);
	JsonValue  *again = document_parse(printed, strlen(printed), 16 * 8 + 1, "");

	if (strcmp(json_to_text(again), printed) != 0)
	{
		fprintf(stderr, "json_to_text does not round-trip: %s\n", printed);
		abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *text;

	if (!shim_text_ok(data, size))
		return -1;				/* not a value of type json: never kept */
	text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	shim_run(parse_document, text, size, NULL);
	shim_reset();
	free(text);
	return 0;
}
