/*
 * format.h
 *		Text helpers shared by every stage (format.c): message formatting and
 *		the JSON string escaper.
 */
#ifndef PRISMA_FORMAT_H
#define PRISMA_FORMAT_H

#include <stdarg.h>

#include "lib/stringinfo.h"

/* Append s[0..len) to buf as a quoted, escaped JSON string. */
extern void prisma_json_escape(StringInfo buf, const char *s, int len);

/* Append fmt formatted with args to buf (the caller's va_start/va_end). */
extern void append_vformat(StringInfo buf, const char *fmt, va_list args) pg_attribute_printf(2, 0);

#endif							/* PRISMA_FORMAT_H */
