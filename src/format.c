/*
 * format.c
 *		Formatting a printf-style message onto a StringInfo from a va_list,
 *		for the functions that raise or collect messages with arguments
 *		(compile_error, the schema loader's problems and semantic errors).
 */
#include "postgres.h"

#include "format.h"

/*
 * Append fmt formatted with args to buf, enlarging it until the text fits
 * (appendStringInfoVA leaves buf unchanged when it does not).  args is only
 * read through copies, so the caller's va_end is all it needs.
 */
void
append_vformat(StringInfo buf, const char *fmt, va_list args)
{
	for (;;)
	{
		va_list		copy;
		int			needed;

		va_copy(copy, args);
		needed = appendStringInfoVA(buf, fmt, copy);
		va_end(copy);
		if (needed == 0)
			break;
		enlargeStringInfo(buf, needed);
	}
}
