/*
 * json_emit.h
 *	  JSON writing helpers of prisma_compile, shared with the other stages.
 *
 * The SQL-callable writers (prisma_row, prisma_agg) live in json_emit.c;
 * this header exposes the string escaper so that every stage writes JSON
 * strings the same way (RFC 8259).
 */
#ifndef PRISMA_JSON_EMIT_H
#define PRISMA_JSON_EMIT_H

#include "lib/stringinfo.h"

/* Append s[0..len) to buf as a quoted, escaped JSON string. */
extern void prisma_json_escape(StringInfo buf, const char *s, int len);

#endif							/* PRISMA_JSON_EMIT_H */
