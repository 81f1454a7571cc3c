/*
 * format.h
 *		Small text helpers shared by the compiler, the schema loader and the
 *		document parser (format.c).
 */
#ifndef PRISMA_FORMAT_H
#define PRISMA_FORMAT_H

#include <stdarg.h>

#include "lib/stringinfo.h"

extern void append_vformat(StringInfo buf, const char *fmt, va_list args) pg_attribute_printf(2, 0);

#endif							/* PRISMA_FORMAT_H */
