/*
 * pg_compat.h
 *		What differs between the PostgreSQL releases prisma_compile builds
 *		against (15, 16, 17 and 18), in one place.  Include after postgres.h.
 *
 *	pg_noreturn		PostgreSQL 18 replaced pg_attribute_noreturn(), written
 *					after a declaration, by pg_noreturn, written before it (C11
 *					_Noreturn); older releases get it from the attribute, which
 *					GCC and Clang accept in the same place.
 *	b64_byte		the type of the raw bytes of pg_b64_encode/pg_b64_decode:
 *					uint8 since PostgreSQL 18, char before.
 *	varatt.h		the varlena macros (VARDATA, SET_VARSIZE, ...) have their
 *					own header since PostgreSQL 16, which 18's headers no
 *					longer include on the way to fmgr.h or builtins.h.
 *
 * (PostgreSQL 18 also dropped the Abs() macro: the code uses abs().)
 */
#ifndef PRISMA_PG_COMPAT_H
#define PRISMA_PG_COMPAT_H

#if PG_VERSION_NUM < 150000
#error "prisma_compile needs PostgreSQL 15 or later"
#endif

#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

#ifndef pg_noreturn
#define pg_noreturn pg_attribute_noreturn()
#endif

#if PG_VERSION_NUM >= 180000
typedef uint8 b64_byte;
#else
typedef char b64_byte;
#endif

#endif							/* PRISMA_PG_COMPAT_H */
