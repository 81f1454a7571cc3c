/*
 * json_agg.c
 *	  The aggregates of prisma_compile: prisma_agg(record), records into a
 *	  JSON array in input order, and prisma_agg(record, key), the same in
 *	  ascending key order whatever the input order.
 *
 * The keyed form lets the set-based read of a to-many relation group its
 * children by parent without sorting them first: the planner can pick a
 * hash aggregate over an unordered join, and each group sorts its few
 * elements when it is finished (not at all when they came in order).  It
 * also combines partial states, so parallel workers can write the JSON of
 * their share of the children.
 * Records are written by prisma_emit_record (json_emit.c).
 */
#include "postgres.h"

#include "fmgr.h"
#include "json_emit.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/sortsupport.h"
#include "utils/typcache.h"

PG_FUNCTION_INFO_V1(prisma_agg_transfn);
PG_FUNCTION_INFO_V1(prisma_agg_finalfn);
PG_FUNCTION_INFO_V1(prisma_agg_keyed_transfn);
PG_FUNCTION_INFO_V1(prisma_agg_keyed_finalfn);
PG_FUNCTION_INFO_V1(prisma_agg_keyed_combinefn);
PG_FUNCTION_INFO_V1(prisma_agg_keyed_serialfn);
PG_FUNCTION_INFO_V1(prisma_agg_keyed_deserialfn);

/* One element of a keyed aggregate: its key and its JSON in the buffer. */
typedef struct KeyedElem
{
	Datum		key;
	bool		isnull;
	int			start;
	int			len;
} KeyedElem;

/* State of prisma_agg(record, key). */
typedef struct KeyedAggState
{
	StringInfoData buf;			/* the elements' JSON, back to back */
	KeyedElem  *elems;
	int			n;
	int			cap;
	bool		sorted;			/* keys came in ascending order so far */
	Oid			keytype;
	Oid			collation;
	int16		typlen;
	bool		typbyval;
	SortSupportData ssup;		/* ascending, nulls last */
} KeyedAggState;

/* The aggregate's memory context, or an error outside an aggregate. */
static MemoryContext
agg_context(FunctionCallInfo fcinfo)
{
	MemoryContext aggcxt;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "prisma_agg called in non-aggregate context");
	return aggcxt;
}

/* Append argument argno (a record, or null) as a JSON value. */
static void
append_record_arg(StringInfo buf, FunctionCallInfo fcinfo, int argno)
{
	if (PG_ARGISNULL(argno))
		appendBinaryStringInfo(buf, "null", 4);
	else
		prisma_emit_record(buf, fcinfo, PG_GETARG_HEAPTUPLEHEADER(argno));
}

/* prisma_agg transition: append one record (or null) to the array text. */
Datum
prisma_agg_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = agg_context(fcinfo);
	StringInfo	state;

	if (PG_ARGISNULL(0))
	{
		MemoryContext old = MemoryContextSwitchTo(aggcxt);

		state = makeStringInfo();
		MemoryContextSwitchTo(old);
		appendStringInfoChar(state, '[');
	}
	else
	{
		state = (StringInfo) PG_GETARG_POINTER(0);
		appendStringInfoChar(state, ',');
	}
	append_record_arg(state, fcinfo, 1);
	PG_RETURN_POINTER(state);
}

/* prisma_agg final: the array text, '[]' over no rows; the state is kept. */
Datum
prisma_agg_finalfn(PG_FUNCTION_ARGS)
{
	StringInfo	state;
	text	   *result;

	if (PG_ARGISNULL(0))
		PG_RETURN_TEXT_P(cstring_to_text_with_len("[]", 2));

	state = (StringInfo) PG_GETARG_POINTER(0);
	result = (text *) palloc(VARHDRSZ + state->len + 1);
	SET_VARSIZE(result, VARHDRSZ + state->len + 1);
	memcpy(VARDATA(result), state->data, state->len);
	VARDATA(result)[state->len] = ']';
	PG_RETURN_TEXT_P(result);
}

/* A new keyed state for keys of type keytype, in the aggregate's context. */
static KeyedAggState *
keyed_state_create(MemoryContext aggcxt, Oid keytype, Oid collation)
{
	MemoryContext old = MemoryContextSwitchTo(aggcxt);
	KeyedAggState *st = palloc0(sizeof(KeyedAggState));
	TypeCacheEntry *tc = lookup_type_cache(keytype, TYPECACHE_LT_OPR);

	if (!OidIsValid(tc->lt_opr))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_FUNCTION),
				 errmsg("prisma_agg: type %s has no ordering operator",
						format_type_be(keytype))));
	initStringInfo(&st->buf);
	st->cap = 16;
	st->elems = palloc(sizeof(KeyedElem) * st->cap);
	st->sorted = true;
	st->keytype = keytype;
	st->collation = collation;
	get_typlenbyval(keytype, &st->typlen, &st->typbyval);
	st->ssup.ssup_cxt = aggcxt;
	st->ssup.ssup_collation = collation;
	st->ssup.ssup_nulls_first = false;
	PrepareSortSupportFromOrderingOp(tc->lt_opr, &st->ssup);
	MemoryContextSwitchTo(old);
	return st;
}

/* Compare two elements by key (ascending, nulls last), then input order. */
static int
keyed_elem_cmp(const void *a, const void *b, void *arg)
{
	const KeyedElem *x = a;
	const KeyedElem *y = b;
	int			cmp = ApplySortComparator(x->key, x->isnull, y->key, y->isnull,
										  (SortSupport) arg);

	/* equal keys keep their input order */
	return cmp != 0 ? cmp : (x->start > y->start) - (x->start < y->start);
}

/*
 * Add an element with key (copied into aggcxt) starting at the end of the
 * buffer; the caller appends its JSON, sets len and calls keyed_elem_added.
 */
static KeyedElem *
keyed_elem_add(KeyedAggState *st, MemoryContext aggcxt, Datum key, bool isnull)
{
	KeyedElem  *e;

	if (st->n == st->cap)
	{
		st->cap *= 2;
		st->elems = repalloc(st->elems, sizeof(KeyedElem) * st->cap);
	}
	e = &st->elems[st->n];
	e->isnull = isnull;
	e->key = (Datum) 0;
	if (!isnull)
	{
		MemoryContext old = MemoryContextSwitchTo(aggcxt);

		e->key = datumCopy(key, st->typbyval, st->typlen);
		MemoryContextSwitchTo(old);
	}
	e->start = st->buf.len;
	return e;
}

/* Count the element just added, noting whether keys are still in order. */
static void
keyed_elem_added(KeyedAggState *st)
{
	KeyedElem  *e = &st->elems[st->n];

	if (st->n > 0 && st->sorted && keyed_elem_cmp(e - 1, e, &st->ssup) > 0)
		st->sorted = false;
	st->n++;
}

/* prisma_agg(record, key) transition: write the record, remember its key. */
Datum
prisma_agg_keyed_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = agg_context(fcinfo);
	KeyedAggState *st;
	KeyedElem  *e;

	if (PG_ARGISNULL(0))
		st = keyed_state_create(aggcxt, get_fn_expr_argtype(fcinfo->flinfo, 2),
								PG_GET_COLLATION());
	else
		st = (KeyedAggState *) PG_GETARG_POINTER(0);

	e = keyed_elem_add(st, aggcxt, PG_GETARG_DATUM(2), PG_ARGISNULL(2));
	append_record_arg(&st->buf, fcinfo, 1);
	e->len = st->buf.len - e->start;
	keyed_elem_added(st);
	PG_RETURN_POINTER(st);
}

/* prisma_agg(record, key) combine: the elements of both partial states. */
Datum
prisma_agg_keyed_combinefn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = agg_context(fcinfo);
	KeyedAggState *st = PG_ARGISNULL(0) ? NULL : (KeyedAggState *) PG_GETARG_POINTER(0);
	KeyedAggState *other = PG_ARGISNULL(1) ? NULL : (KeyedAggState *) PG_GETARG_POINTER(1);

	if (other == NULL)
		PG_RETURN_POINTER(st);
	if (st == NULL)
		st = keyed_state_create(aggcxt, other->keytype, other->collation);
	for (int i = 0; i < other->n; i++)
	{
		KeyedElem  *from = &other->elems[i];
		KeyedElem  *e = keyed_elem_add(st, aggcxt, from->key, from->isnull);

		appendBinaryStringInfo(&st->buf, other->buf.data + from->start, from->len);
		e->len = from->len;
		keyed_elem_added(st);
	}
	PG_RETURN_POINTER(st);
}

/*
 * prisma_agg(record, key) serialize, for parallel workers: key type and
 * collation, the JSON buffer, then each element's length, null flag and
 * key (datumSerialize).
 */
Datum
prisma_agg_keyed_serialfn(PG_FUNCTION_ARGS)
{
	KeyedAggState *st = (KeyedAggState *) PG_GETARG_POINTER(0);
	Size		size = VARHDRSZ + 3 * sizeof(int32) + 2 * sizeof(Oid) + st->buf.len;
	bytea	   *result;
	char	   *p;

	for (int i = 0; i < st->n; i++)
		size += sizeof(int32) + sizeof(bool) +
			datumEstimateSpace(st->elems[i].key, st->elems[i].isnull, st->typbyval, st->typlen);
	result = palloc(size);
	SET_VARSIZE(result, size);
	p = VARDATA(result);
	memcpy(p, &st->keytype, sizeof(Oid));
	p += sizeof(Oid);
	memcpy(p, &st->collation, sizeof(Oid));
	p += sizeof(Oid);
	memcpy(p, &st->n, sizeof(int32));
	p += sizeof(int32);
	memcpy(p, &st->buf.len, sizeof(int32));
	p += sizeof(int32);
	memcpy(p, st->buf.data, st->buf.len);
	p += st->buf.len;
	for (int i = 0; i < st->n; i++)
	{
		KeyedElem  *e = &st->elems[i];

		memcpy(p, &e->len, sizeof(int32));
		p += sizeof(int32);
		memcpy(p, &e->isnull, sizeof(bool));
		p += sizeof(bool);
		datumSerialize(e->key, e->isnull, st->typbyval, st->typlen, &p);
	}
	PG_RETURN_BYTEA_P(result);
}

/* prisma_agg(record, key) deserialize: the inverse of the serialize function. */
Datum
prisma_agg_keyed_deserialfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = agg_context(fcinfo);
	bytea	   *data = PG_GETARG_BYTEA_PP(0);
	char	   *p = VARDATA_ANY(data);
	Oid			keytype;
	Oid			collation;
	int32		n;
	int32		buflen;
	const char *json;
	KeyedAggState *st;

	memcpy(&keytype, p, sizeof(Oid));
	p += sizeof(Oid);
	memcpy(&collation, p, sizeof(Oid));
	p += sizeof(Oid);
	memcpy(&n, p, sizeof(int32));
	p += sizeof(int32);
	memcpy(&buflen, p, sizeof(int32));
	p += sizeof(int32);
	json = p;
	p += buflen;
	st = keyed_state_create(aggcxt, keytype, collation);
	appendBinaryStringInfo(&st->buf, json, buflen);
	for (int i = 0, start = 0; i < n; i++)
	{
		KeyedElem  *e;
		int32		len;
		bool		isnull;
		Datum		key;

		memcpy(&len, p, sizeof(int32));
		p += sizeof(int32);
		memcpy(&isnull, p, sizeof(bool));
		p += sizeof(bool);
		key = datumRestore(&p, &isnull);
		e = keyed_elem_add(st, aggcxt, key, isnull);
		e->start = start;
		e->len = len;
		start += len;
		keyed_elem_added(st);
	}
	PG_RETURN_POINTER(st);
}

/* prisma_agg(record, key) final: the elements in key order, '[]' over none. */
Datum
prisma_agg_keyed_finalfn(PG_FUNCTION_ARGS)
{
	KeyedAggState *st;
	text	   *result;
	char	   *p;

	if (PG_ARGISNULL(0))
		PG_RETURN_TEXT_P(cstring_to_text_with_len("[]", 2));

	st = (KeyedAggState *) PG_GETARG_POINTER(0);
	if (!st->sorted)
	{
		qsort_arg(st->elems, st->n, sizeof(KeyedElem), keyed_elem_cmp, &st->ssup);
		st->sorted = true;
	}
	/* the elements, the n - 1 commas and the brackets */
	result = (text *) palloc(VARHDRSZ + st->buf.len + st->n + 1);
	SET_VARSIZE(result, VARHDRSZ + st->buf.len + st->n + 1);
	p = VARDATA(result);
	*p++ = '[';
	for (int i = 0; i < st->n; i++)
	{
		if (i > 0)
			*p++ = ',';
		memcpy(p, st->buf.data + st->elems[i].start, st->elems[i].len);
		p += st->elems[i].len;
	}
	*p = ']';
	PG_RETURN_TEXT_P(result);
}
