/*
 * fuzz_schema.c
 *		Fuzz target: the Prisma schema parser (src/schema_psl.c), and the
 *		compiler over whatever schema it accepts.
 *
 * A schema that parses is given catalog facts (fixture.c) and every model
 * is read with each of its relations included, counted and aggregated,
 * so that the relation wiring the parser produced is walked.  Every error
 * of the parser must name a line (42601 and 42P17, as prisma_load_schema
 * reports them).
 */
#include "postgres.h"

#include "compile.h"
#include "document.h"
#include "shim.h"

/* The queries compiled over each model of a schema that parses. */
static const char *const queries[] = {
	"{\"model\":\"%s\",\"operation\":\"findMany\",\"args\":{\"include\":{%s}}}",
	"{\"model\":\"%s\",\"operation\":\"findMany\",\"args\":{\"take\":5,\"include\":{%s}}}",
	"{\"model\":\"%s\",\"operation\":\"findFirst\",\"args\":{\"select\":{\"_count\":true},\"include\":{%s}}}",
	"{\"model\":\"%s\",\"operation\":\"aggregate\",\"args\":{\"_count\":{\"_all\":true}},\"x\":\"%s\"}",
};

static void
compile_one(const char *text, size_t len, void *arg)
{
	const PrismaSchema *schema = arg;
	JsonValue  *doc = document_parse(text, (int) len, 128, "");

	(void) compile_query(schema, doc);
}

static void
parse_schema(const char *text, size_t len, void *arg)
{
	PrismaSchema *schema = psl_parse(text);

	shim_resolve_schema(schema);
	for (int m = 0; m < schema->nmodels && m < 16; m++)
	{
		const PrismaModel *model = &schema->models[m];
		StringInfoData rels;

		initStringInfo(&rels);
		for (int i = 0; i < model->nfields; i++)
			if (model->fields[i].type == PT_RELATION)
				appendStringInfo(&rels, "%s\"%s\":true", rels.len ? "," : "",
								 model->fields[i].name);
		for (int q = 0; q < lengthof(queries); q++)
		{
			char	   *doc = psprintf(queries[q], model->name, rels.data);

			/* a model or field name the document cannot carry is skipped */
			if (strpbrk(model->name, "\"\\") || strpbrk(rels.data, "\\"))
				continue;
			/* errors here are the compiler's business: only crashes count */
			shim_run(compile_one, doc, strlen(doc), schema);
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *text;

	if (!shim_text_ok(data, size))
		return -1;				/* not a value of type text */
	text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	if (!shim_run(parse_schema, text, size, NULL) &&
		(shim_error.sqlstate == ERRCODE_SYNTAX_ERROR ||
		 shim_error.sqlstate == ERRCODE_INVALID_OBJECT_DEFINITION) &&
		strstr(shim_error.message, "line") == NULL &&
		strstr(shim_error.message, "no column type") == NULL)
	{
		fprintf(stderr, "schema error without a line: %s\n", shim_error.message);
		abort();
	}
	shim_reset();
	free(text);
	return 0;
}
