/*
 * key_type.h
 *	  Hashing and comparing relation keys, shared by prisma_key_in
 *	  (key_set.c) and prisma_group (json_group.c).
 *
 * Keys of the types int2, int4 and int8 are hashed and compared as the
 * integers they are, without a call through fmgr per row; other types
 * (domains over integers too) use their default hash and equality
 * functions.  The hashes stay inside one process: they are never stored
 * or compared with PostgreSQL's own.
 */
#ifndef PRISMA_KEY_TYPE_H
#define PRISMA_KEY_TYPE_H

#include "postgres.h"

#include "common/hashfn.h"
#include "fmgr.h"

typedef struct KeyType
{
	Oid			type;
	Oid			collation;
	int16		len;
	bool		byval;
	bool		integer;		/* int2, int4 or int8: compared as a Datum */
	FmgrInfo   *hash;			/* in the type cache */
	FmgrInfo   *eq;
} KeyType;

/*
 * Fill kt for keys of type typid; an error names caller when the type has
 * no hash function (key_set.c).
 */
extern void key_type_init(KeyType *kt, Oid typid, Oid collation, const char *caller);

/* The hash of a key. */
static inline uint32
key_hash(const KeyType *kt, Datum key)
{
	if (kt->integer)
		return murmurhash32((uint32) key ^ (uint32) ((uint64) key >> 32));
	return DatumGetUInt32(FunctionCall1Coll(kt->hash, kt->collation, key));
}

/* Are two keys equal? */
static inline bool
key_equal(const KeyType *kt, Datum a, Datum b)
{
	if (kt->byval && a == b)
		return true;
	if (kt->integer)
		return false;
	return DatumGetBool(FunctionCall2Coll(kt->eq, kt->collation, a, b));
}

#endif							/* PRISMA_KEY_TYPE_H */
