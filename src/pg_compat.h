/*-------------------------------------------------------------------------
 *
 * pg_compat.h
 *	  What differs between the PostgreSQL releases prisma_compile builds
 *	  against (15, 16, 17 and 18), in one place.  Include after postgres.h.
 *
 *	  - pg_noreturn: PostgreSQL 18 replaced pg_attribute_noreturn(), written
 *		after a declaration, by pg_noreturn, written before it (C11
 *		_Noreturn).  Older releases get pg_noreturn from the attribute, which
 *		GCC and Clang accept in the same place.
 *	  - pg_b64_encode/pg_b64_decode: PostgreSQL 18 passes the raw bytes as
 *		uint8, older releases as char; b64_byte is the type of this release.
 *
 * src/pg_compat.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef PRISMA_PG_COMPAT_H
#define PRISMA_PG_COMPAT_H

#if PG_VERSION_NUM < 150000
#error "prisma_compile needs PostgreSQL 15 or later"
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
