/*
 * json_group.c
 *	  Children grouped by parent in one aggregate: prisma_group(key, record
 *	  [, sort key]) returns a prisma_groups value, a hash table from each
 *	  parent key to the JSON array of its children, and
 *	  prisma_group_get(groups, key) looks one parent's array up ('[]' when
 *	  it has none).
 *
 * A set-based relation read (compile_select.c) builds the groups of all
 * parents once, in an InitPlan, and each parent row looks its array up.
 * Grouping inside the aggregate needs no GROUP BY: no sort of the children
 * by parent, no hash aggregate spilling to disk at work_mem, and under
 * parallel workers one partial state per worker instead of one per parent.
 * With a sort key the elements of each group are put in ascending key
 * order (nulls last, equal keys in input order) whatever order the rows
 * come in, and partial states combine; without one they stay in input
 * order, and the aggregate has no combine function.
 * Records are written by prisma_emit_record (json_emit.c).
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "fmgr.h"
#include "json_emit.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/sortsupport.h"
#include "utils/typcache.h"

PG_FUNCTION_INFO_V1(prisma_group_transfn);
PG_FUNCTION_INFO_V1(prisma_group_finalfn);
PG_FUNCTION_INFO_V1(prisma_group_combinefn);
PG_FUNCTION_INFO_V1(prisma_group_serialfn);
PG_FUNCTION_INFO_V1(prisma_group_deserialfn);
PG_FUNCTION_INFO_V1(prisma_group_get);
PG_FUNCTION_INFO_V1(prisma_groups_in);
PG_FUNCTION_INFO_V1(prisma_groups_out);

/*
 * One element: its group, its sort key and where its JSON is.  Elements are
 * kept in input order; the JSON of a state's own elements is in its buffer
 * in the same order.
 */
typedef struct GroupElem
{
	Datum		sortkey;
	int32		group;
	int32		start;
	int32		len;
	int16		chunk;			/* 0: the state's buffer, else chunks[chunk] */
	bool		sortnull;
} GroupElem;

/* One parent key and the count, size and order of its elements. */
typedef struct Group
{
	Datum		key;
	uint32		hash;
	int32		n;
	Size		bytes;			/* sum of the elements' lengths */
	Datum		last_sortkey;	/* of its last element so far */
	bool		last_sortnull;
	bool		sorted;			/* sort keys ascending so far */
} Group;

/* A key type: its hash and equality functions, length and by-value flag. */
typedef struct KeyType
{
	Oid			type;
	Oid			collation;
	int16		len;
	bool		byval;
	FmgrInfo   *hash;			/* in the type cache */
	FmgrInfo   *eq;
} KeyType;

/*
 * State of prisma_group.  The transition function writes the elements'
 * JSON into buf; combining takes the other state's buffers over as chunks
 * instead of copying them.
 */
typedef struct GroupState
{
	StringInfoData buf;			/* JSON of this state's own elements */
	char	  **chunks;			/* [0] unused; others' buffers */
	int32		nchunks;
	KeyType		key;
	Group	   *groups;
	int32		ngroups;
	int32		groups_cap;
	int32	   *table;			/* open addressing: group index + 1, 0 empty */
	int32		table_size;		/* a power of 2, at least twice ngroups */
	GroupElem  *elems;
	int32		nelems;
	int32		elems_cap;
	bool		has_sortkey;
	Oid			sorttype;
	Oid			sortcollation;
	int16		sortlen;
	bool		sortbyval;
	SortSupportData ssup;		/* ascending, nulls last */
} GroupState;

/*
 * A prisma_groups value: this header, the buckets (slot index + 1, 0
 * empty), the slots, the keys passed by reference, then each group's JSON
 * array as a json value of its own (4-byte aligned), which
 * prisma_group_get returns without copying.  Offsets count from the start
 * of the value, whose type is aligned 'double' and never packed or toasted
 * (STORAGE plain).
 */
typedef struct GroupsHeader
{
	int32		vl_len_;
	Oid			keytype;
	Oid			collation;
	int32		ngroups;
	int32		nbuckets;		/* a power of 2 */
	int32		slots_off;
} GroupsHeader;

typedef struct GroupSlot
{
	Datum		key;			/* by-value keys */
	uint32		hash;
	uint32		key_off;		/* by-reference keys */
	Size		json_off;		/* the group's json value */
} GroupSlot;

#define GROUPS_BUCKETS(h)	((int32 *) ((char *) (h) + MAXALIGN(sizeof(GroupsHeader))))
#define GROUPS_SLOTS(h)		((GroupSlot *) ((char *) (h) + (h)->slots_off))

/* Fill kt for keys of type typid: hashing and equality from the type cache. */
static void
key_type_init(KeyType *kt, Oid typid, Oid collation)
{
	TypeCacheEntry *tc = lookup_type_cache(typid, TYPECACHE_HASH_PROC_FINFO |
										   TYPECACHE_EQ_OPR_FINFO);

	if (!OidIsValid(tc->hash_proc) || !OidIsValid(tc->eq_opr))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_FUNCTION),
				 errmsg("prisma_group: type %s has no hash function",
						format_type_be(typid)),
				 errhint("Relation keys are grouped by hashing; use a key type with a hash operator class.")));
	kt->type = typid;
	kt->collation = collation;
	get_typlenbyval(typid, &kt->len, &kt->byval);
	kt->hash = &tc->hash_proc_finfo;
	kt->eq = &tc->eq_opr_finfo;
}

/* The hash of a key. */
static inline uint32
key_hash(const KeyType *kt, Datum key)
{
	return DatumGetUInt32(FunctionCall1Coll(kt->hash, kt->collation, key));
}

/* Are two keys equal? */
static inline bool
key_equal(const KeyType *kt, Datum a, Datum b)
{
	if (kt->byval && a == b)
		return true;
	return DatumGetBool(FunctionCall2Coll(kt->eq, kt->collation, a, b));
}

/*
 * A new state in aggcxt for keys of type keytype; sorttype is the sort
 * key's type, or InvalidOid for input order.
 */
static GroupState *
group_state_create(MemoryContext aggcxt, Oid keytype, Oid collation,
				   Oid sorttype, Oid sortcollation)
{
	MemoryContext old = MemoryContextSwitchTo(aggcxt);
	GroupState *st = palloc0(sizeof(GroupState));

	key_type_init(&st->key, keytype, collation);
	initStringInfo(&st->buf);
	st->groups_cap = 16;
	st->groups = palloc(sizeof(Group) * st->groups_cap);
	st->table_size = 32;
	st->table = palloc0(sizeof(int32) * st->table_size);
	st->elems_cap = 64;
	st->elems = palloc(sizeof(GroupElem) * st->elems_cap);
	if (OidIsValid(sorttype))
	{
		TypeCacheEntry *tc = lookup_type_cache(sorttype, TYPECACHE_LT_OPR);

		if (!OidIsValid(tc->lt_opr))
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_FUNCTION),
					 errmsg("prisma_group: type %s has no ordering operator",
							format_type_be(sorttype))));
		st->has_sortkey = true;
		st->sorttype = sorttype;
		st->sortcollation = sortcollation;
		get_typlenbyval(sorttype, &st->sortlen, &st->sortbyval);
		st->ssup.ssup_cxt = aggcxt;
		st->ssup.ssup_collation = sortcollation;
		st->ssup.ssup_nulls_first = false;
		PrepareSortSupportFromOrderingOp(tc->lt_opr, &st->ssup);
	}
	MemoryContextSwitchTo(old);
	return st;
}

/* Double the hash table and put every group back in. */
static void
group_table_grow(GroupState *st)
{
	int32		size = st->table_size * 2;
	int32	   *table = MemoryContextAllocZero(GetMemoryChunkContext(st->table),
											   sizeof(int32) * size);

	for (int i = 0; i < st->ngroups; i++)
	{
		uint32		b = st->groups[i].hash & (size - 1);

		while (table[b] != 0)
			b = (b + 1) & (size - 1);
		table[b] = i + 1;
	}
	pfree(st->table);
	st->table = table;
	st->table_size = size;
}

/*
 * The index of the group of key (hash h), added if new; called in the
 * aggregate's context, where a key passed by reference is copied.
 */
static int32
group_lookup(GroupState *st, Datum key, uint32 h)
{
	uint32		mask = st->table_size - 1;
	uint32		b = h & mask;
	Group	   *g;

	for (; st->table[b] != 0; b = (b + 1) & mask)
	{
		g = &st->groups[st->table[b] - 1];
		if (g->hash == h && key_equal(&st->key, g->key, key))
			return st->table[b] - 1;
	}
	if (st->ngroups == st->groups_cap)
	{
		st->groups_cap *= 2;
		st->groups = repalloc_huge(st->groups, sizeof(Group) * st->groups_cap);
	}
	g = &st->groups[st->ngroups];
	g->key = st->key.byval ? key : datumCopy(key, false, st->key.len);
	g->hash = h;
	g->n = 0;
	g->bytes = 0;
	g->sorted = true;
	st->table[b] = ++st->ngroups;
	if (st->ngroups * 2 > st->table_size)
		group_table_grow(st);
	return st->ngroups - 1;
}

/* Compare two elements by sort key (ascending, nulls last). */
static inline int
elem_cmp(GroupState *st, const GroupElem *x, const GroupElem *y)
{
	return ApplySortComparator(x->sortkey, x->sortnull, y->sortkey, y->sortnull, &st->ssup);
}

/* qsort_arg comparator of element indexes: sort key, then input order. */
static int
elem_index_cmp(const void *a, const void *b, void *arg)
{
	GroupState *st = arg;
	int32		i = *(const int32 *) a;
	int32		j = *(const int32 *) b;
	int			cmp = elem_cmp(st, &st->elems[i], &st->elems[j]);

	return cmp != 0 ? cmp : (i > j) - (i < j);
}

/* The JSON of element e. */
static inline const char *
elem_json(GroupState *st, const GroupElem *e)
{
	return (e->chunk == 0 ? st->buf.data : st->chunks[e->chunk]) + e->start;
}

/*
 * Add an element of group gi whose JSON (len bytes) starts at start in
 * chunk, with its sort key; called in the aggregate's context, where a
 * sort key passed by reference is copied.
 */
static void
group_elem_add(GroupState *st, int32 gi, Datum sortkey, bool sortnull,
			   int16 chunk, int32 start, int32 len)
{
	Group	   *g = &st->groups[gi];
	GroupElem  *e;

	if (st->nelems == st->elems_cap)
	{
		st->elems_cap *= 2;
		st->elems = repalloc_huge(st->elems, sizeof(GroupElem) * st->elems_cap);
	}
	e = &st->elems[st->nelems];
	e->group = gi;
	e->sortnull = sortnull;
	e->sortkey = (Datum) 0;
	if (st->has_sortkey && !sortnull)
		e->sortkey = st->sortbyval ? sortkey : datumCopy(sortkey, false, st->sortlen);
	e->chunk = chunk;
	e->start = start;
	e->len = len;
	/* the group's last sort key is kept with it: no look back at elems */
	if (g->sorted && st->has_sortkey && g->n > 0 &&
		ApplySortComparator(g->last_sortkey, g->last_sortnull, e->sortkey, e->sortnull,
							&st->ssup) > 0)
		g->sorted = false;
	g->last_sortkey = e->sortkey;
	g->last_sortnull = e->sortnull;
	st->nelems++;
	g->n++;
	g->bytes += len;
}

/*
 * prisma_group(key, record [, sort key]) transition: write the record and
 * file it under its key; rows without a key belong to no parent.
 */
Datum
prisma_group_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = prisma_agg_context(fcinfo);
	bool		has_sortkey = PG_NARGS() > 3;
	GroupState *st;
	MemoryContext old;
	int32		start;

	if (PG_ARGISNULL(0))
		st = group_state_create(aggcxt, get_fn_expr_argtype(fcinfo->flinfo, 1),
								PG_GET_COLLATION(),
								has_sortkey ? get_fn_expr_argtype(fcinfo->flinfo, 3) : InvalidOid,
								PG_GET_COLLATION());
	else
		st = (GroupState *) PG_GETARG_POINTER(0);
	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(st);

	start = st->buf.len;
	if (PG_ARGISNULL(2))
		appendBinaryStringInfo(&st->buf, "null", 4);
	else
		prisma_emit_record(&st->buf, fcinfo, PG_GETARG_HEAPTUPLEHEADER(2));
	old = MemoryContextSwitchTo(aggcxt);
	group_elem_add(st, group_lookup(st, PG_GETARG_DATUM(1), key_hash(&st->key, PG_GETARG_DATUM(1))),
				   has_sortkey ? PG_GETARG_DATUM(3) : (Datum) 0,
				   has_sortkey ? PG_ARGISNULL(3) : true, 0, start, st->buf.len - start);
	MemoryContextSwitchTo(old);
	PG_RETURN_POINTER(st);
}

/*
 * prisma_group combine: file the elements of the second state in the first,
 * after its own; the second state's buffers become chunks of the first.
 */
Datum
prisma_group_combinefn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = prisma_agg_context(fcinfo);
	GroupState *st = PG_ARGISNULL(0) ? NULL : (GroupState *) PG_GETARG_POINTER(0);
	GroupState *other = PG_ARGISNULL(1) ? NULL : (GroupState *) PG_GETARG_POINTER(1);
	MemoryContext old;
	int16	   *chunk_map;
	int32	   *group_map;

	/* both states live in aggcxt: the first one seen is taken as it is */
	if (other == NULL)
		PG_RETURN_POINTER(st);
	if (st == NULL)
		PG_RETURN_POINTER(other);
	if (st->nchunks + other->nchunks + 1 > PG_INT16_MAX)
		elog(ERROR, "prisma_group: too many partial states to combine");

	old = MemoryContextSwitchTo(aggcxt);
	chunk_map = palloc(sizeof(int16) * Max(other->nchunks, 1));
	if (st->chunks == NULL)
		st->chunks = palloc(sizeof(char *) * (other->nchunks + 2));
	else
		st->chunks = repalloc(st->chunks, sizeof(char *) * (st->nchunks + other->nchunks + 2));
	st->nchunks = Max(st->nchunks, 1);
	chunk_map[0] = st->nchunks;
	st->chunks[st->nchunks++] = other->buf.data;
	for (int i = 1; i < other->nchunks; i++)
	{
		chunk_map[i] = st->nchunks;
		st->chunks[st->nchunks++] = other->chunks[i];
	}
	group_map = palloc(sizeof(int32) * Max(other->ngroups, 1));
	for (int i = 0; i < other->ngroups; i++)
		group_map[i] = group_lookup(st, other->groups[i].key, other->groups[i].hash);
	for (int i = 0; i < other->nelems; i++)
	{
		GroupElem  *e = &other->elems[i];

		group_elem_add(st, group_map[e->group], e->sortkey, e->sortnull,
					   chunk_map[e->chunk], e->start, e->len);
	}
	pfree(chunk_map);
	pfree(group_map);
	MemoryContextSwitchTo(old);
	PG_RETURN_POINTER(st);
}

/* Append n bytes at p to buf. */
#define APPEND(buf, p, n)	appendBinaryStringInfo((buf), (const char *) (p), (n))

/*
 * prisma_group serialize, for parallel workers: the types, the groups'
 * keys, the elements' JSON in input order, then per element its group,
 * length and sort key (datumSerialize).
 */
Datum
prisma_group_serialfn(PG_FUNCTION_ARGS)
{
	GroupState *st = (GroupState *) PG_GETARG_POINTER(0);
	StringInfoData out;
	Size		size = VARHDRSZ + 4 * sizeof(Oid) + 3 * sizeof(int32);
	Size		jsonlen = 0;
	char	   *p;

	for (int i = 0; i < st->ngroups; i++)
	{
		size += datumEstimateSpace(st->groups[i].key, false, st->key.byval, st->key.len);
		jsonlen += st->groups[i].bytes;
	}
	size += jsonlen;
	for (int i = 0; i < st->nelems; i++)
		size += 2 * sizeof(int32) +
			datumEstimateSpace(st->elems[i].sortkey, st->elems[i].sortnull,
							   st->sortbyval, st->sortlen);

	/* one allocation of the exact size */
	initStringInfo(&out);
	enlargeStringInfo(&out, size);
	out.len = VARHDRSZ;
	APPEND(&out, &st->key.type, sizeof(Oid));
	APPEND(&out, &st->key.collation, sizeof(Oid));
	APPEND(&out, &st->sorttype, sizeof(Oid));
	APPEND(&out, &st->sortcollation, sizeof(Oid));
	APPEND(&out, &st->ngroups, sizeof(int32));
	APPEND(&out, &st->nelems, sizeof(int32));
	APPEND(&out, &jsonlen, sizeof(int32));
	for (int i = 0; i < st->ngroups; i++)
	{
		p = out.data + out.len;
		datumSerialize(st->groups[i].key, false, st->key.byval, st->key.len, &p);
		out.len = p - out.data;
	}
	if (st->nchunks <= 1)
		APPEND(&out, st->buf.data, st->buf.len);	/* the elements, in order */
	else
		for (int i = 0; i < st->nelems; i++)
			APPEND(&out, elem_json(st, &st->elems[i]), st->elems[i].len);
	for (int i = 0; i < st->nelems; i++)
	{
		GroupElem  *e = &st->elems[i];

		APPEND(&out, &e->group, sizeof(int32));
		APPEND(&out, &e->len, sizeof(int32));
		p = out.data + out.len;
		datumSerialize(e->sortkey, e->sortnull, st->sortbyval, st->sortlen, &p);
		out.len = p - out.data;
	}
	SET_VARSIZE(out.data, out.len);
	PG_RETURN_BYTEA_P(out.data);
}

/* Read n bytes at *p into dst and advance *p. */
static inline void
read_bytes(const char **p, void *dst, Size n)
{
	memcpy(dst, *p, n);
	*p += n;
}

/*
 * prisma_group deserialize: the inverse of the serialize function.  The
 * elements' JSON is copied once, into a buffer of its size; keys are
 * restored in per-call memory and copied into the aggregate's context.
 */
Datum
prisma_group_deserialfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = prisma_agg_context(fcinfo);
	bytea	   *data = PG_GETARG_BYTEA_PP(0);
	const char *p = VARDATA_ANY(data);
	Oid			keytype,
				collation,
				sorttype,
				sortcollation;
	int32		ngroups,
				nelems,
				jsonlen,
				start = 0;
	GroupState *st;
	MemoryContext old;

	read_bytes(&p, &keytype, sizeof(Oid));
	read_bytes(&p, &collation, sizeof(Oid));
	read_bytes(&p, &sorttype, sizeof(Oid));
	read_bytes(&p, &sortcollation, sizeof(Oid));
	read_bytes(&p, &ngroups, sizeof(int32));
	read_bytes(&p, &nelems, sizeof(int32));
	read_bytes(&p, &jsonlen, sizeof(int32));
	st = group_state_create(aggcxt, keytype, collation, sorttype, sortcollation);
	for (int i = 0; i < ngroups; i++)
	{
		bool		isnull;
		Datum		key = datumRestore((char **) &p, &isnull);

		old = MemoryContextSwitchTo(aggcxt);
		group_lookup(st, key, key_hash(&st->key, key));
		MemoryContextSwitchTo(old);
	}
	pfree(st->buf.data);
	st->buf.data = MemoryContextAlloc(aggcxt, jsonlen + 1);
	memcpy(st->buf.data, p, jsonlen);
	st->buf.data[jsonlen] = '\0';
	st->buf.len = jsonlen;
	st->buf.maxlen = jsonlen + 1;
	p += jsonlen;
	for (int i = 0; i < nelems; i++)
	{
		int32		group,
					len;
		Datum		sortkey;
		bool		sortnull;

		read_bytes(&p, &group, sizeof(int32));
		read_bytes(&p, &len, sizeof(int32));
		sortkey = datumRestore((char **) &p, &sortnull);
		old = MemoryContextSwitchTo(aggcxt);
		group_elem_add(st, group, sortkey, sortnull, 0, start, len);
		MemoryContextSwitchTo(old);
		start += len;
	}
	PG_RETURN_POINTER(st);
}

/*
 * Write the elements of the groups out of sort-key order at their places
 * (pos: each group's write position), sorting each such group's elements.
 */
static void
write_unsorted_groups(GroupState *st, char *base, Size *pos)
{
	int32	   *order = palloc(sizeof(int32) * Max(st->nelems, 1));
	int32	   *first = palloc0(sizeof(int32) * (st->ngroups + 1));
	int32	   *fill;

	/* the indexes of each unsorted group's elements, grouped by a count sort */
	for (int i = 0; i < st->ngroups; i++)
		first[i + 1] = first[i] + (st->groups[i].sorted ? 0 : st->groups[i].n);
	fill = palloc(sizeof(int32) * Max(st->ngroups, 1));
	memcpy(fill, first, sizeof(int32) * st->ngroups);
	for (int i = 0; i < st->nelems; i++)
		if (!st->groups[st->elems[i].group].sorted)
			order[fill[st->elems[i].group]++] = i;

	for (int i = 0; i < st->ngroups; i++)
	{
		int32		n = first[i + 1] - first[i];
		char	   *p = base + pos[i];

		if (n == 0)
			continue;
		qsort_arg(order + first[i], n, sizeof(int32), elem_index_cmp, st);
		for (int k = 0; k < n; k++)
		{
			GroupElem  *e = &st->elems[order[first[i] + k]];

			*p++ = k == 0 ? '[' : ',';
			memcpy(p, elem_json(st, e), e->len);
			p += e->len;
		}
	}
	pfree(order);
	pfree(first);
	pfree(fill);
}

/*
 * prisma_group final: the prisma_groups value.  The elements of groups in
 * sort-key (or input) order are written in one pass over the elements, in
 * input order, each to its group's place; the others are sorted first.  A
 * state never started (no rows) has no groups.
 */
Datum
prisma_group_finalfn(PG_FUNCTION_ARGS)
{
	GroupState *st = PG_ARGISNULL(0) ? NULL : (GroupState *) PG_GETARG_POINTER(0);
	int32		ngroups = st ? st->ngroups : 0;
	int32		nbuckets = 1;
	Size		slots_off;
	Size		size;
	GroupsHeader *h;
	GroupSlot  *slots;
	int32	   *buckets;
	Size	   *pos;
	char	   *base;

	while (nbuckets < ngroups * 2)
		nbuckets *= 2;
	slots_off = MAXALIGN(MAXALIGN(sizeof(GroupsHeader)) + sizeof(int32) * nbuckets);
	size = slots_off + sizeof(GroupSlot) * ngroups;
	for (int i = 0; i < ngroups; i++)
	{
		if (!st->key.byval)
			size += MAXALIGN(datumGetSize(st->groups[i].key, false, st->key.len));
		/* header, elements, commas and brackets: n - 1 + 2 */
		size += INTALIGN(VARHDRSZ + st->groups[i].bytes + st->groups[i].n + 1);
	}
	if (size > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("prisma_group: the grouped JSON (%zu bytes) exceeds the 1 GB limit of a value",
						size)));

	h = palloc(size);
	base = (char *) h;
	memset(h, 0, slots_off);
	SET_VARSIZE(h, size);
	h->keytype = st ? st->key.type : InvalidOid;
	h->collation = st ? st->key.collation : InvalidOid;
	h->ngroups = ngroups;
	h->nbuckets = nbuckets;
	h->slots_off = slots_off;
	buckets = GROUPS_BUCKETS(h);
	slots = GROUPS_SLOTS(h);

	/* slots, keys and the places of the arrays */
	pos = palloc(sizeof(Size) * Max(ngroups, 1));
	size = slots_off + sizeof(GroupSlot) * ngroups;
	for (int i = 0; i < ngroups; i++)
	{
		Group	   *g = &st->groups[i];
		GroupSlot  *s = &slots[i];
		uint32		b = g->hash & (nbuckets - 1);

		Size		len;

		s->hash = g->hash;
		s->key = g->key;
		s->key_off = 0;
		if (!st->key.byval)
		{
			len = datumGetSize(g->key, false, st->key.len);
			s->key = (Datum) 0;
			s->key_off = size;
			memcpy(base + size, DatumGetPointer(g->key), len);
			memset(base + size + len, 0, MAXALIGN(len) - len);
			size += MAXALIGN(len);
		}
		/* the array's json value, its alignment padding zeroed */
		len = VARHDRSZ + g->bytes + g->n + 1;
		s->json_off = size;
		SET_VARSIZE(base + size, len);
		memset(base + size + len, 0, INTALIGN(len) - len);
		pos[i] = size + VARHDRSZ;
		size += INTALIGN(len);
		while (buckets[b] != 0)
			b = (b + 1) & (nbuckets - 1);
		buckets[b] = i + 1;
	}

	/* the elements of groups in order, in one pass */
	for (int i = 0; i < (st ? st->nelems : 0); i++)
	{
		GroupElem  *e = &st->elems[i];
		char	   *p;

		if (!st->groups[e->group].sorted)
			continue;
		p = base + pos[e->group];
		*p = p == base + slots[e->group].json_off + VARHDRSZ ? '[' : ',';
		memcpy(p + 1, elem_json(st, e), e->len);
		pos[e->group] += e->len + 1;
	}
	if (st)
		write_unsorted_groups(st, base, pos);
	for (int i = 0; i < ngroups; i++)
		base[slots[i].json_off + VARSIZE(base + slots[i].json_off) - 1] = ']';
	pfree(pos);
	PG_RETURN_POINTER(h);
}

/*
 * The key type of groups keyed by typid, checked against the type of
 * prisma_group_get's key argument and cached in fn_extra.
 */
static KeyType *
lookup_key_type(FunctionCallInfo fcinfo, Oid typid, Oid collation)
{
	KeyType    *kt = fcinfo->flinfo->fn_extra;
	Oid			argtype;

	if (kt != NULL && kt->type == typid && kt->collation == collation)
		return kt;
	argtype = get_fn_expr_argtype(fcinfo->flinfo, 1);
	if (argtype != typid)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("prisma_group_get: the groups have keys of type %s, not %s",
						format_type_be(typid), format_type_be(argtype))));
	kt = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(KeyType));
	key_type_init(kt, typid, collation);
	fcinfo->flinfo->fn_extra = kt;
	return kt;
}

/*
 * prisma_group_get(groups, key): the JSON array of key's group, '[]' when
 * there is none (or key or groups is null).
 */
Datum
prisma_group_get(PG_FUNCTION_ARGS)
{
	GroupsHeader *h;
	GroupSlot  *slots;
	int32	   *buckets;
	KeyType    *kt;
	Datum		key;
	uint32		hash;
	uint32		b;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_TEXT_P(cstring_to_text_with_len("[]", 2));
	h = (GroupsHeader *) PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	if (h->ngroups == 0)
		PG_RETURN_TEXT_P(cstring_to_text_with_len("[]", 2));
	kt = lookup_key_type(fcinfo, h->keytype, h->collation);
	key = PG_GETARG_DATUM(1);
	hash = key_hash(kt, key);
	buckets = GROUPS_BUCKETS(h);
	slots = GROUPS_SLOTS(h);
	for (b = hash & (h->nbuckets - 1); buckets[b] != 0; b = (b + 1) & (h->nbuckets - 1))
	{
		GroupSlot  *s = &slots[buckets[b] - 1];
		Datum		skey;

		if (s->hash != hash)
			continue;
		skey = kt->byval ? s->key : PointerGetDatum((char *) h + s->key_off);
		/* the array is a json value inside the groups, which outlive the call */
		if (key_equal(kt, skey, key))
			PG_RETURN_POINTER((char *) h + s->json_off);
	}
	PG_RETURN_TEXT_P(cstring_to_text_with_len("[]", 2));
}

/* prisma_groups input: values are built by prisma_group() only. */
Datum
prisma_groups_in(PG_FUNCTION_ARGS)
{
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("prisma_groups values cannot be written as text"),
			 errhint("They are built by the aggregate prisma_group().")));
	PG_RETURN_NULL();
}

/* prisma_groups output: a summary, "prisma_groups(N groups, N bytes)". */
Datum
prisma_groups_out(PG_FUNCTION_ARGS)
{
	GroupsHeader *h = (GroupsHeader *) PG_DETOAST_DATUM(PG_GETARG_DATUM(0));

	PG_RETURN_CSTRING(psprintf("prisma_groups(%d groups, %d bytes)", h->ngroups,
							   (int) VARSIZE(h)));
}
