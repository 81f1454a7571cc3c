/*
 * json_group.c
 *	  Children grouped by parent in one aggregate:
 *	  prisma_group_sorted(key, sort key, names, values...) and
 *	  prisma_group(key, names, values...) file each row's object under its
 *	  key in a hash table, and prisma_group_get(groups, key) writes one
 *	  key's group as a JSON array ('[]' when it has none).
 *
 * A set-based relation read (compile_select.c) builds the groups of all
 * parents once, in an InitPlan, and each parent row looks its array up.
 * Grouping inside the aggregate needs no GROUP BY: no sort of the children
 * by parent, no hash aggregate spilling to disk at work_mem, and under
 * parallel workers one partial state per worker instead of one per parent.
 * With a sort key (prisma_group_sorted) the elements of each group are put
 * in ascending key order (nulls last, equal keys in input order) whatever
 * order the rows come in, and partial states combine; without one
 * (prisma_group) they stay in input order, and the aggregate has no
 * combine function.  The result value
 * names the finished state rather than copying it (see LiveGroups), so
 * each array is written once, by its lookup.
 * Objects are written by prisma_emit_fields_args (json_emit.c).
 *
 * The elements' JSON is kept in blocks (8 kB doubling to 256 kB), not in one
 * buffer grown by doubling (whose every step copied the whole and left the
 * old copy in the heap), and prisma_group_take(groups, key) is
 * prisma_group_get for a parent that is the only one to read its group:
 * it marks the group taken and frees each block whose elements have all
 * been taken, so that a level's JSON is given back while the level above
 * copies it (docs/large-results.md).  A taken group is never read again:
 * prisma_group_get and prisma_group_take of it fail (55000) whoever asks,
 * so a freed block cannot be read whatever the SQL.  The compiler takes
 * only where each group has one parent row, read once (compile_select.c).
 *
 * Each group becomes one value, so it is bounded by
 * prisma_compile.max_result_size; all groups together are bounded by it
 * only where the result is one value (query_result.c): returned as rows,
 * a level's groups may hold more than 1 GB, up to 4 GB (16384 blocks).
 */
#include "postgres.h"

#include "fmgr.h"
#include "json_emit.h"
#include "key_type.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "pg_compat.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/sortsupport.h"
#include "utils/typcache.h"

PG_FUNCTION_INFO_V1(prisma_group_transfn);
PG_FUNCTION_INFO_V1(prisma_group_sorted_transfn);
PG_FUNCTION_INFO_V1(prisma_group_finalfn);
PG_FUNCTION_INFO_V1(prisma_group_combinefn);
PG_FUNCTION_INFO_V1(prisma_group_serialfn);
PG_FUNCTION_INFO_V1(prisma_group_deserialfn);
PG_FUNCTION_INFO_V1(prisma_group_get);
PG_FUNCTION_INFO_V1(prisma_group_take);
PG_FUNCTION_INFO_V1(prisma_groups_in);
PG_FUNCTION_INFO_V1(prisma_groups_out);

/*
 * The sizes of the blocks of elements' JSON: the first is small (most
 * groups of a read are a few children), each next one twice the last, up
 * to GROUP_BLOCK_SIZE (an element may make one larger).
 */
#define GROUP_FIRST_BLOCK_SIZE (8 * 1024)
#define GROUP_BLOCK_SIZE (256 * 1024)

/*
 * One element: its group, its sort key and where its JSON is.  Elements are
 * kept in input order; the JSON of a state's own elements is in its blocks
 * in the same order.
 */
typedef struct GroupElem
{
	Datum		sortkey;
	int32		group;
	int32		start;
	int32		len;
	int16		chunk;			/* its block: chunks[chunk] */
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
	bool		taken;			/* by prisma_group_take: never read again */
} Group;

/*
 * State of prisma_group.  The transition function writes the elements'
 * JSON into buf, the block chunks[cur], and starts a new block once it is
 * full (group_block_new); combining takes the other state's blocks over instead
 * of copying them.  live counts each block's elements not taken yet.
 */
typedef struct GroupState
{
	StringInfoData buf;			/* the block being written, chunks[cur] */
	StringInfoData scratch;		/* the element being written */
	char	  **chunks;			/* every block, NULL once freed */
	int32	   *live;			/* per block: elements not taken yet */
	int32		nchunks;
	int32		chunks_cap;
	int32		cur;
	Size		bytes;			/* JSON of all elements */
	bool		freed;			/* a take has freed a block */
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
 * Groups finished by a final call, alive as long as the aggregate's state:
 * each group's elements, in order, as indexes into the state's elements.
 * A prisma_groups value names one of them by number.  The state is not
 * copied into the value: the value lives only while the aggregate's memory
 * does (the statement that built it, until the aggregate runs again), and
 * the memory's reset callback takes it off the list.
 */
typedef struct LiveGroups
{
	int64		id;
	GroupState *st;				/* NULL when there were no rows */
	int32	   *first;			/* group i: order[first[i] .. first[i + 1]) */
	int32	   *order;
	struct LiveGroups *next;
	MemoryContextCallback forget;
} LiveGroups;

/* A prisma_groups value (16 bytes, by reference). */
typedef struct GroupsValue
{
	int32		pid;			/* the backend that built them */
	int32		unused;
	int64		id;
} GroupsValue;

static LiveGroups *live_groups = NULL;

/* How many elements ahead prisma_group_get asks the CPU to fetch. */
#define PREFETCH_AHEAD 4
static int64 last_groups_id = 0;

/* Room in st's arrays of blocks for one more. */
static void
group_blocks_reserve(GroupState *st)
{
	MemoryContext mcxt = GetMemoryChunkContext(st);

	if (st->nchunks < st->chunks_cap)
		return;
	/* a block's number is an int16 (GroupElem.chunk): 16384 blocks, 4 GB */
	if (st->chunks_cap > PG_INT16_MAX / 2)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("query result exceeds 4 GB in one relation level"),
				 errdetail("The related records of all parents of a set-based read are kept in memory until their parents are written."),
				 errhint("Page the read with take and cursor.")));
	st->chunks_cap = Max(st->chunks_cap * 2, 16);
	st->chunks = st->chunks == NULL ?
		MemoryContextAlloc(mcxt, sizeof(char *) * st->chunks_cap) :
		repalloc(st->chunks, sizeof(char *) * st->chunks_cap);
	st->live = st->live == NULL ?
		MemoryContextAlloc(mcxt, sizeof(int32) * st->chunks_cap) :
		repalloc(st->live, sizeof(int32) * st->chunks_cap);
}

/*
 * Start a new block of JSON in st's context, twice the last one's size up
 * to GROUP_BLOCK_SIZE, or at least min bytes: the current one, chunks[cur].
 */
static void
group_block_new(GroupState *st, Size min)
{
	Size		size = st->nchunks == 0 ? GROUP_FIRST_BLOCK_SIZE :
		Min((Size) st->buf.maxlen * 2, GROUP_BLOCK_SIZE);

	size = Max(size, min);

	group_blocks_reserve(st);
	st->buf.data = MemoryContextAllocHuge(GetMemoryChunkContext(st), size);
	st->buf.data[0] = '\0';
	st->buf.len = 0;
	st->buf.maxlen = size;
	st->buf.cursor = 0;
	st->cur = st->nchunks++;
	st->chunks[st->cur] = st->buf.data;
	st->live[st->cur] = 0;
}

/* Add a block of another state (its JSON taken over); returns its number. */
static int16
group_block_adopt(GroupState *st, char *data)
{
	group_blocks_reserve(st);
	st->chunks[st->nchunks] = data;
	st->live[st->nchunks] = 0;
	return (int16) st->nchunks++;
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

	key_type_init(&st->key, keytype, collation, "prisma_group");
	group_block_new(st, 0);
	initStringInfo(&st->scratch);
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
 * The index of the group of key (hash h), or -1 with *bucket set to the
 * empty bucket where it would go.
 */
static int32
group_probe(GroupState *st, Datum key, uint32 h, uint32 *bucket)
{
	uint32		mask = st->table_size - 1;
	uint32		b;

	for (b = h & mask; st->table[b] != 0; b = (b + 1) & mask)
	{
		Group	   *g = &st->groups[st->table[b] - 1];

		if (g->hash == h && key_equal(&st->key, g->key, key))
			return st->table[b] - 1;
	}
	*bucket = b;
	return -1;
}

/*
 * The index of the group of key (hash h), added if new; called in the
 * aggregate's context, where a key passed by reference is copied.
 */
static int32
group_lookup(GroupState *st, Datum key, uint32 h)
{
	uint32		b;
	int32		gi = group_probe(st, key, h, &b);
	Group	   *g;

	if (gi >= 0)
		return gi;
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
	g->taken = false;
	st->table[b] = ++st->ngroups;
	if (st->ngroups * 2 > st->table_size)
		group_table_grow(st);
	return st->ngroups - 1;
}

/*
 * qsort_arg comparator of element indexes: sort key (ascending, nulls
 * last), then input order.
 */
static int
elem_index_cmp(const void *a, const void *b, void *arg)
{
	GroupState *st = arg;
	int32		i = *(const int32 *) a;
	int32		j = *(const int32 *) b;
	int			cmp = ApplySortComparator(st->elems[i].sortkey, st->elems[i].sortnull,
										  st->elems[j].sortkey, st->elems[j].sortnull,
										  &st->ssup);

	return cmp != 0 ? cmp : (i > j) - (i < j);
}

/* The JSON of element e. */
static inline const char *
elem_json(GroupState *st, const GroupElem *e)
{
	return st->chunks[e->chunk] + e->start;
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
	st->live[chunk]++;
	g->n++;
	g->bytes += len;
	st->bytes += len;
}

/*
 * Write the object of the values named by argument names_argno and file it
 * under the key (argument 1) with the sort key (argument sort_argno, 0 for
 * none); rows without a key belong to no parent.
 */
static Datum
group_add(FunctionCallInfo fcinfo, int sort_argno, int names_argno)
{
	MemoryContext aggcxt = prisma_agg_context(fcinfo);
	GroupState *st;
	MemoryContext old;
	int32		gi;
	int32		start;
	int32		len;

	if (PG_ARGISNULL(0))
		st = group_state_create(aggcxt, get_fn_expr_argtype(fcinfo->flinfo, 1),
								PG_GET_COLLATION(),
								sort_argno ? get_fn_expr_argtype(fcinfo->flinfo, sort_argno) : InvalidOid,
								PG_GET_COLLATION());
	else
		st = (GroupState *) PG_GETARG_POINTER(0);
	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(st);

	/*
	 * The object is written apart and copied into the block, or into a new
	 * one if it does not fit: written in place, an object past the block's
	 * end would double the block (a copy, and a freed block left behind).
	 */
	resetStringInfo(&st->scratch);
	prisma_emit_fields_args(&st->scratch, fcinfo, names_argno);
	len = st->scratch.len;
	old = MemoryContextSwitchTo(aggcxt);
	gi = group_lookup(st, PG_GETARG_DATUM(1), key_hash(&st->key, PG_GETARG_DATUM(1)));
	/* the group's array: its elements, commas and brackets */
	prisma_check_group_size(st->groups[gi].bytes + len + st->groups[gi].n + 2,
							st->bytes + len);
	if (st->buf.len + len >= st->buf.maxlen)
		group_block_new(st, len + 1);
	start = st->buf.len;
	appendBinaryStringInfo(&st->buf, st->scratch.data, len);
	group_elem_add(st, gi, sort_argno ? PG_GETARG_DATUM(sort_argno) : (Datum) 0,
				   sort_argno ? PG_ARGISNULL(sort_argno) : true, st->cur, start, len);
	MemoryContextSwitchTo(old);
	PG_RETURN_POINTER(st);
}

/* prisma_group(key, names, VARIADIC values) transition: groups in input order. */
Datum
prisma_group_transfn(PG_FUNCTION_ARGS)
{
	return group_add(fcinfo, 0, 2);
}

/* prisma_group_sorted(key, sort key, names, VARIADIC values) transition. */
Datum
prisma_group_sorted_transfn(PG_FUNCTION_ARGS)
{
	return group_add(fcinfo, 2, 3);
}

/*
 * prisma_group combine: file the elements of the second state in the first,
 * after its own; the second state's blocks become blocks of the first.
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
	if (st->freed || other->freed)
		elog(ERROR, "prisma_group: a state taken from cannot be combined");

	old = MemoryContextSwitchTo(aggcxt);
	chunk_map = palloc(sizeof(int16) * Max(other->nchunks, 1));
	for (int i = 0; i < other->nchunks; i++)
		chunk_map[i] = group_block_adopt(st, other->chunks[i]);
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

	if (st->freed)
		elog(ERROR, "prisma_group: a state taken from cannot be serialized");
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

	/* one allocation of the exact size, a bytea */
	if (size > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("query result exceeds 1 GB in one relation level of a parallel worker"),
				 errdetail("A parallel worker hands the related records it read to the leader as one value."),
				 errhint("Set max_parallel_workers_per_gather to 0 for this read, or page it with take and cursor.")));
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
	if (st->nchunks == 1)
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
	/* the elements' JSON as one block of its size */
	pfree(st->buf.data);
	st->buf.data = MemoryContextAlloc(aggcxt, jsonlen + 1);
	memcpy(st->buf.data, p, jsonlen);
	st->buf.data[jsonlen] = '\0';
	st->buf.len = jsonlen;
	st->buf.maxlen = jsonlen + 1;
	st->chunks[st->cur] = st->buf.data;
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
		group_elem_add(st, group, sortkey, sortnull, st->cur, start, len);
		MemoryContextSwitchTo(old);
		start += len;
	}
	PG_RETURN_POINTER(st);
}

/* Take live groups off the list: their memory is being reset. */
static void
live_groups_forget(void *arg)
{
	LiveGroups **p;

	for (p = &live_groups; *p != NULL; p = &(*p)->next)
		if (*p == arg)
		{
			*p = (*p)->next;
			break;
		}
}

/*
 * Index lg's groups: each group's element indexes, grouped by a count sort
 * over the elements in input order, then the groups out of sort-key order
 * sorted.
 */
static void
live_groups_index(LiveGroups *lg, MemoryContext mcxt)
{
	GroupState *st = lg->st;
	int32	   *fill;

	lg->first = MemoryContextAlloc(mcxt, sizeof(int32) * (st->ngroups + 1));
	lg->order = MemoryContextAlloc(mcxt, sizeof(int32) * Max(st->nelems, 1));
	lg->first[0] = 0;
	for (int i = 0; i < st->ngroups; i++)
		lg->first[i + 1] = lg->first[i] + st->groups[i].n;
	fill = palloc(sizeof(int32) * Max(st->ngroups, 1));
	memcpy(fill, lg->first, sizeof(int32) * st->ngroups);
	for (int i = 0; i < st->nelems; i++)
		lg->order[fill[st->elems[i].group]++] = i;
	pfree(fill);
	for (int i = 0; i < st->ngroups; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (!st->groups[i].sorted)
			qsort_arg(lg->order + lg->first[i], st->groups[i].n, sizeof(int32),
					  elem_index_cmp, st);
	}
}

/*
 * prisma_group final: index the groups, put them on the list of live groups
 * for as long as the state's memory lives, and return their number.
 */
Datum
prisma_group_finalfn(PG_FUNCTION_ARGS)
{
	GroupState *st = PG_ARGISNULL(0) ? NULL : (GroupState *) PG_GETARG_POINTER(0);
	MemoryContext mcxt = st ? GetMemoryChunkContext(st) : fcinfo->flinfo->fn_mcxt;
	LiveGroups *lg = MemoryContextAllocZero(mcxt, sizeof(LiveGroups));
	GroupsValue *v = palloc0(sizeof(GroupsValue));

	lg->st = st;
	if (st)
		live_groups_index(lg, mcxt);
	lg->id = ++last_groups_id;
	lg->forget.func = live_groups_forget;
	lg->forget.arg = lg;
	MemoryContextRegisterResetCallback(mcxt, &lg->forget);
	lg->next = live_groups;
	live_groups = lg;

	v->pid = MyProcPid;
	v->id = lg->id;
	PG_RETURN_POINTER(v);
}

/* The live groups a prisma_groups value names, or an error. */
static LiveGroups *
live_groups_find(const GroupsValue *v)
{
	for (LiveGroups *lg = live_groups; lg != NULL; lg = lg->next)
		if (v->pid == MyProcPid && lg->id == v->id)
			return lg;
	ereport(ERROR,
			(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
			 errmsg("prisma_groups value is no longer available"),
			 errdetail("A prisma_groups value lives as long as the aggregate that built it, in the statement and process that ran it."),
			 errhint("Look groups up with prisma_group_get in the statement that builds them.")));
	return NULL;				/* keep the compiler quiet */
}

/*
 * The JSON array of key's group (argument 1) in the groups of argument 0,
 * '[]' when there is none (or key or groups is null).  The key must have
 * the groups' key type.  With take, the group is marked taken and every
 * block whose last element not taken it held is freed (never the block
 * being written).  A taken group is not read again, by either function.
 */
static Datum
group_array(FunctionCallInfo fcinfo, bool take)
{
	LiveGroups *lg;
	GroupState *st;
	Group	   *g;
	int32		gi;
	uint32		bucket;
	text	   *result;
	char	   *p;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_TEXT_P(cstring_to_text_with_len("[]", 2));
	lg = live_groups_find((GroupsValue *) PG_GETARG_POINTER(0));
	st = lg->st;
	if (st == NULL)
		PG_RETURN_TEXT_P(cstring_to_text_with_len("[]", 2));
	if (fcinfo->flinfo->fn_extra == NULL ||
		*(Oid *) fcinfo->flinfo->fn_extra != st->key.type)
	{
		Oid			argtype = get_fn_expr_argtype(fcinfo->flinfo, 1);

		if (argtype != st->key.type)
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("%s: the groups have keys of type %s, not %s",
							take ? "prisma_group_take" : "prisma_group_get",
							format_type_be(st->key.type), format_type_be(argtype))));
		fcinfo->flinfo->fn_extra = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(Oid));
		*(Oid *) fcinfo->flinfo->fn_extra = argtype;
	}
	gi = group_probe(st, PG_GETARG_DATUM(1), key_hash(&st->key, PG_GETARG_DATUM(1)), &bucket);
	if (gi < 0)
		PG_RETURN_TEXT_P(cstring_to_text_with_len("[]", 2));

	g = &st->groups[gi];
	if (g->taken)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("prisma_group_take has taken this key's group already"),
				 errdetail("A taken group is freed and cannot be read again."),
				 errhint("Read a group that more than one row needs with prisma_group_get.")));

	/* the elements, their n - 1 commas and the brackets */
	prisma_check_result_size(g->bytes + g->n + 1);
	result = palloc(VARHDRSZ + g->bytes + g->n + 1);
	SET_VARSIZE(result, VARHDRSZ + g->bytes + g->n + 1);
	p = VARDATA(result);
	for (int k = lg->first[gi]; k < lg->first[gi + 1]; k++)
	{
		GroupElem  *e = &st->elems[lg->order[k]];

		/*
		 * The elements are scattered over the blocks: ask for the element
		 * 2 * PREFETCH_AHEAD on and the JSON of the one PREFETCH_AHEAD on
		 */
		if (k + 2 * PREFETCH_AHEAD < lg->first[gi + 1])
			__builtin_prefetch(&st->elems[lg->order[k + 2 * PREFETCH_AHEAD]]);
		if (k + PREFETCH_AHEAD < lg->first[gi + 1])
			__builtin_prefetch(elem_json(st, &st->elems[lg->order[k + PREFETCH_AHEAD]]));
		*p++ = k == lg->first[gi] ? '[' : ',';
		memcpy(p, elem_json(st, e), e->len);
		p += e->len;
	}
	*p = ']';
	if (take)
	{
		g->taken = true;
		for (int k = lg->first[gi]; k < lg->first[gi + 1]; k++)
		{
			int16		c = st->elems[lg->order[k]].chunk;

			if (--st->live[c] == 0 && c != st->cur)
			{
				pfree(st->chunks[c]);
				st->chunks[c] = NULL;
				st->freed = true;
			}
		}
	}
	PG_RETURN_TEXT_P(result);
}

/* prisma_group_get(groups, key): key's group as a JSON array. */
Datum
prisma_group_get(PG_FUNCTION_ARGS)
{
	return group_array(fcinfo, false);
}

/*
 * prisma_group_take(groups, key): the same, for the only parent row that
 * reads the group: its memory is given back as the groups are taken.
 */
Datum
prisma_group_take(PG_FUNCTION_ARGS)
{
	return group_array(fcinfo, true);
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

/*
 * prisma_groups output: a summary, "prisma_groups(N groups, N records)", or
 * "prisma_groups(expired)" once the groups are gone.
 */
Datum
prisma_groups_out(PG_FUNCTION_ARGS)
{
	GroupsValue *v = (GroupsValue *) PG_GETARG_POINTER(0);

	for (LiveGroups *lg = live_groups; lg != NULL; lg = lg->next)
		if (v->pid == MyProcPid && lg->id == v->id)
			PG_RETURN_CSTRING(psprintf("prisma_groups(%d groups, %d records)",
									   lg->st ? lg->st->ngroups : 0,
									   lg->st ? lg->st->nelems : 0));
	PG_RETURN_CSTRING(pstrdup("prisma_groups(expired)"));
}
