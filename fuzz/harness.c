/*
 * harness.c
 *		One input under PostgreSQL's error machinery: the body runs inside a
 *		sigsetjmp that ereport(ERROR) longjmps to, as in a backend's main
 *		loop; then every palloc'd chunk is freed (the memory context reset).
 *
 * An error is fine (bad input must give one); an error with SQLSTATE XX000
 * (elog: "cannot happen") aborts, so that the fuzzer keeps the input,
 * unless FUZZ_ALLOW_XX000 is set in the environment.
 */
#include "postgres.h"

#include <setjmp.h>

#include "mb/pg_wchar.h"
#include "utils/memutils.h"

#include "shim.h"

/* The input as the server would get it: valid UTF-8, no NUL byte. */
bool
shim_text_ok(const uint8_t *data, size_t size)
{
	return size < MaxAllocSize &&
		pg_encoding_verifymbstr(PG_UTF8, (const char *) data, (int) size) == (int) size;
}

/* Run body(text, len, arg); false when it raised an error. */
bool
shim_run(ShimBody body, const char *text, size_t len, void *arg)
{
	sigjmp_buf	jb;
	volatile bool ok = true;
	static int	allow_xx000 = -1;

	if (allow_xx000 < 0)
		allow_xx000 = getenv("FUZZ_ALLOW_XX000") != NULL;
	PG_exception_stack = &jb;
	if (sigsetjmp(jb, 0) == 0)
		body(text, len, arg);
	else
	{
		ok = false;
		if (shim_error.sqlstate == ERRCODE_INTERNAL_ERROR && !allow_xx000)
		{
			fprintf(stderr, "internal error (XX000) at %s:%d: %s\n",
					shim_error.filename, shim_error.lineno, shim_error.message);
			abort();
		}
	}
	PG_exception_stack = NULL;
	return ok;
}
