/*
 * format.c
 *		Text helpers every stage shares:
 *		- append_vformat: a printf-style message onto a StringInfo from a
 *		  va_list (compile_error, the schema loader's problems and semantic
 *		  errors);
 *		- prisma_json_escape: a JSON string literal (RFC 8259), the only
 *		  escaper, used by the JSON writer (json_emit.c) and by the document's
 *		  Json filter values (document.c).
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

/* Bytes that must be escaped in a JSON string: controls, '"' and '\'. */
static const bool json_needs_escape[256] = {
	[0x00] = true,[0x01] = true,[0x02] = true,[0x03] = true,
	[0x04] = true,[0x05] = true,[0x06] = true,[0x07] = true,
	[0x08] = true,[0x09] = true,[0x0a] = true,[0x0b] = true,
	[0x0c] = true,[0x0d] = true,[0x0e] = true,[0x0f] = true,
	[0x10] = true,[0x11] = true,[0x12] = true,[0x13] = true,
	[0x14] = true,[0x15] = true,[0x16] = true,[0x17] = true,
	[0x18] = true,[0x19] = true,[0x1a] = true,[0x1b] = true,
	[0x1c] = true,[0x1d] = true,[0x1e] = true,[0x1f] = true,
	['"'] = true,['\\'] = true,
};

static const char hexdigits[] = "0123456789abcdef";

/* Make room for n more bytes (plus the terminator); return the write point. */
static inline char *
reserve(StringInfo buf, int n)
{
	if (buf->len + n >= buf->maxlen)
		enlargeStringInfo(buf, n);
	return buf->data + buf->len;
}

/* Append s[0..len) to buf as a quoted, escaped JSON string (buf stays
 * terminated, as a StringInfo is). */
void
prisma_json_escape(StringInfo buf, const char *s, int len)
{
	const unsigned char *src = (const unsigned char *) s;
	const unsigned char *end = src + len;
	char	   *p = reserve(buf, len + 2);

	*p++ = '"';
	while (src < end)
	{
		unsigned char c = *src++;

		if (likely(!json_needs_escape[c]))
		{
			*p++ = (char) c;
			continue;
		}
		/* an escape takes up to 6 bytes: make room for it and the rest */
		buf->len = p - buf->data;
		p = reserve(buf, 6 + (end - src) + 1);
		*p++ = '\\';
		switch (c)
		{
			case '"':
				*p++ = '"';
				break;
			case '\\':
				*p++ = '\\';
				break;
			case '\b':
				*p++ = 'b';
				break;
			case '\f':
				*p++ = 'f';
				break;
			case '\n':
				*p++ = 'n';
				break;
			case '\r':
				*p++ = 'r';
				break;
			case '\t':
				*p++ = 't';
				break;
			default:
				*p++ = 'u';
				*p++ = '0';
				*p++ = '0';
				*p++ = hexdigits[c >> 4];
				*p++ = hexdigits[c & 0xf];
				break;
		}
	}
	*p++ = '"';
	*p = '\0';					/* reserve left room for the terminator */
	buf->len = p - buf->data;
}
