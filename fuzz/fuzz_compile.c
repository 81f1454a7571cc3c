/*
 * fuzz_compile.c
 *		Fuzz target: the compiler (src/compile_*.c) over the query document
 *		parser, against the two schema fixtures.
 *
 * The kitchen-sink fixture (regress/fixtures/kitchen_sink.prisma: every
 * type, enums, lists, every relation kind) and the movies schema
 * (bench/movies.prisma) are parsed once, with catalog facts from
 * fixture.c; a document whose model is in the movies schema is compiled
 * against it, any other against the kitchen sink.  A compiled statement
 * must have a parameter for every $n it names.
 */
#include "postgres.h"

#include "compile.h"
#include "document.h"
#include "shim.h"

#include "fixtures.h"			/* kitchen_sink_prisma, movies_prisma (xxd -i) */

static PrismaSchema *kitchen;
static PrismaSchema *movies;
static char *fixture_text[2];	/* kept: the schemas may point into it */

static void
load_fixture(const char *text, size_t len, void *arg)
{
	PrismaSchema **out = arg;

	*out = psl_parse(text);
	shim_resolve_schema(*out);
}

static PrismaSchema *
fixture(int i, const unsigned char *text, unsigned int len)
{
	char	   *s = fixture_text[i] = malloc(len + 1);
	PrismaSchema *schema = NULL;

	memcpy(s, text, len);
	s[len] = '\0';
	if (!shim_run(load_fixture, s, len, &schema))
	{
		fprintf(stderr, "fixture does not load: %s\n", shim_error.message);
		abort();
	}
	return schema;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	kitchen = fixture(0, kitchen_sink_prisma, kitchen_sink_prisma_len);
	movies = fixture(1, movies_prisma, movies_prisma_len);
	shim_keep();
	return 0;
}

static void
compile_document(const char *text, size_t len, void *arg)
{
	JsonValue  *doc = document_parse(text, (int) len, 16 * 8, "");
	JsonValue  *model = doc->kind == JV_OBJECT ? json_get(doc, "model") : NULL;
	const PrismaSchema *schema = kitchen;
	CompiledQuery *q;

	if (model && model->kind == JV_STRING && schema_find_model(movies, model->str))
		schema = movies;
	q = compile_query(schema, doc);
	/* every $n in the text is a parameter */
	for (const char *p = strchr(q->sql, '$'); p; p = strchr(p + 1, '$'))
		if (isdigit((unsigned char) p[1]) && (atoi(p + 1) < 1 || atoi(p + 1) > q->nparams))
		{
			fprintf(stderr, "$%d of %d parameters in: %s\n", atoi(p + 1), q->nparams, q->sql);
			abort();
		}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *text;

	if (!shim_text_ok(data, size))
		return -1;
	text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	shim_run(compile_document, text, size, NULL);
	shim_reset();
	free(text);
	return 0;
}
