/*
 * query_result.c
 *		How a compiled statement's result reaches the caller
 *		(docs/large-results.md):
 *
 *	- rows_form_sql: a findMany's statement turned into one row per
 *	  top-level record (its top-level prisma_agg becomes prisma_object);
 *	- a DestReceiver that keeps the single value (RESULT_INTO_VALUE),
 *	  writes the rows as one JSON array in a buffer that becomes the
 *	  result text without a copy (RESULT_INTO_ARRAY), or puts each row
 *	  into the tuplestore of prisma_query_rows (RESULT_INTO_ROWS);
 *	- result_compressed: a value of 32 MB or more returned lz4-compressed,
 *	  so that PostgreSQL sends it with two copies alive instead of three;
 *	- prisma_check_result_size: the error for a value over
 *	  prisma_compile.max_result_size, raised before PostgreSQL's own
 *	  1 GB limit; prisma_check_group_size, the same for a set-based
 *	  level's groups, bounded as a whole only when the result is one value.
 */
#include "postgres.h"

#include "access/toast_internals.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

#include "json_emit.h"
#include "prisma_compile.h"

/*
 * Values from this size are returned compressed: glibc serves blocks this
 * large from mappings of their own whatever prisma_compile.retained_memory
 * sets (its mmap threshold is at most 32 MB), so each copy is handed back
 * as soon as it is freed.
 */
#define COMPRESS_FROM	(32 * 1024 * 1024)
/* lz4's LZ4_COMPRESSBOUND: the work buffer toast_compress_datum allocates */
#define LZ4_BOUND(n)	((n) + (n) / 255 + 16)

/* prisma_compile.max_result_size, in kB */
int			prisma_max_result_size = 1000 * 1024;

/*
 * How the statement being run returns its result, set by its receiver
 * while it runs: as one value, every set-based level's groups are part of
 * that value; as rows, each group is part of one record only.
 */
static ResultInto result_running = RESULT_INTO_VALUE;

/*
 * Raise 54000 when a JSON value being written has grown over
 * prisma_compile.max_result_size (len bytes so far).
 */
void
prisma_check_result_size(Size len)
{
	if (len > (Size) prisma_max_result_size * 1024)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("query result exceeds prisma_compile.max_result_size (%d kB) as one JSON value",
						prisma_max_result_size),
				 errdetail("A PostgreSQL value is limited to 1 GB."),
				 errhint("Read large results with prisma_query_rows(), one row per record, or page them with take and cursor.")));
}

/*
 * The same for the groups of a set-based level (json_group.c): the group
 * being added to (group_len bytes, the array it becomes) always, all its
 * groups together (total_len) unless the result is returned as rows.
 */
void
prisma_check_group_size(Size group_len, Size total_len)
{
	prisma_check_result_size(group_len);
	if (result_running != RESULT_INTO_ROWS)
		prisma_check_result_size(total_len);
}

/*
 * The statement of a findMany as one row per top-level record: the
 * compiler writes a findMany as "[WITH ...] SELECT prisma_agg(ARRAY[...],
 * rN.a, ...) ... FROM (<rows, ordered>) rN" (or prisma_agg(rN), a record);
 * prisma_object (prisma_row) takes the same arguments and writes one
 * element.  The top-level call is the one outside
 * every parenthesis and quote.  NULL when there is none.
 */
char *
rows_form_sql(const char *sql)
{
	static const char call[] = "SELECT prisma_agg(";
	int			depth = 0;
	char		quote = 0;

	for (const char *p = sql; *p; p++)
	{
		if (quote)
		{
			if (*p == quote)
				quote = 0;		/* a doubled quote reopens at once: same state */
			continue;
		}
		if (*p == '\'' || *p == '"')
			quote = *p;
		else if (*p == '(')
			depth++;
		else if (*p == ')')
			depth--;
		else if (depth == 0 && strncmp(p, call, sizeof(call) - 1) == 0)
		{
			const char *args = p + sizeof(call) - 1;

			/* the fields form (names first) or a record (a model of more
			 * fields than a call takes) */
			return psprintf("%.*sSELECT %s(%s", (int) (p - sql), sql,
							strncmp(args, "ARRAY[", 6) == 0 ? "prisma_object" : "prisma_row",
							args);
		}
	}
	return NULL;
}

/*
 * A large value, lz4-compressed (docs/large-results.md), or the value itself.
 * Sending a value, PostgreSQL keeps it in the result slot while json_out
 * makes a C string of it and the protocol layer copies that into its
 * message: three copies at once.  Compressed, the slot holds a fraction of
 * it and json_out's decompressed copy is freed (and, this large, unmapped)
 * before the message is written: two.  Below COMPRESS_FROM the copies come
 * from the heap and stay resident, which measured no better.  Compressing
 * costs about 12 ms per 38 MB of JSON (lz4 -b1: 3.3 GB/s, decompressing
 * 4.8 GB/s), less than the noise of such a read's CPU time.
 */
static Datum
result_compressed(Datum value)
{
#ifdef USE_LZ4
	struct varlena *v = (struct varlena *) DatumGetPointer(value);
	Datum		compressed;

	/* a plain value, whose work buffer is itself a palloc'able size */
	if (!VARATT_IS_4B_U(v) || VARSIZE(v) < COMPRESS_FROM ||
		LZ4_BOUND((Size) VARSIZE(v)) + VARHDRSZ_COMPRESSED > MaxAllocSize)
		return value;
	compressed = toast_compress_datum(value, TOAST_LZ4_COMPRESSION);
	if (DatumGetPointer(compressed) == NULL)
		return value;			/* not smaller */
	pfree(v);
	/* give back the rest of the work buffer (a mapping: shrunk in place) */
	return PointerGetDatum(repalloc(DatumGetPointer(compressed),
									VARSIZE(DatumGetPointer(compressed))));
#else
	return value;
#endif
}

/* The receiver of a compiled statement's result. */
typedef struct ResultReceiver
{
	DestReceiver pub;
	ResultInto	into;
	MemoryContext mcxt;			/* where the value is kept or written */
	Datum		value;			/* RESULT_INTO_VALUE */
	bool		isnull;
	StringInfoData buf;			/* RESULT_INTO_ARRAY: header, '[', elements */
	Tuplestorestate *store;		/* RESULT_INTO_ROWS */
	TupleDesc	desc;
	uint64		rows;
	bool		running;		/* between its statement's start and end */
	ResultInto	outer;			/* result_running when the statement started */
} ResultReceiver;

/* One row of the statement. */
static bool
result_receive(TupleTableSlot *slot, DestReceiver *self)
{
	ResultReceiver *r = (ResultReceiver *) self;
	bool		isnull;
	Datum		value = slot_getattr(slot, 1, &isnull);

	CHECK_FOR_INTERRUPTS();
	r->rows++;
	if (r->into == RESULT_INTO_ROWS)
		tuplestore_putvalues(r->store, r->desc, &value, &isnull);
	else if (r->into == RESULT_INTO_ARRAY)
	{
		text	   *t = isnull ? NULL : DatumGetTextPP(value);
		Size		len = t ? VARSIZE_ANY_EXHDR(t) : 4;

		prisma_check_result_size(r->buf.len - VARHDRSZ + len + 2);
		appendStringInfoChar(&r->buf, r->rows > 1 ? ',' : '[');
		appendBinaryStringInfo(&r->buf, t ? VARDATA_ANY(t) : "null", len);
	}
	else
	{
		MemoryContext old;

		if (r->rows > 1)
			elog(ERROR, "compiled query returned more than one row");
		r->isnull = isnull;
		if (!isnull)
		{
			old = MemoryContextSwitchTo(r->mcxt);
			r->value = datumCopy(value, false, -1);
			MemoryContextSwitchTo(old);
		}
	}
	return true;
}

/*
 * The statement starts (before any of its rows is computed) and ends: how
 * it returns its result is result_running meanwhile.  A statement that
 * fails ends with result_receiver_abort.
 */
static void
result_startup(DestReceiver *self, int operation, TupleDesc typeinfo)
{
	ResultReceiver *r = (ResultReceiver *) self;

	r->outer = result_running;
	result_running = r->into;
	r->running = true;
}

static void
result_shutdown(DestReceiver *self)
{
	ResultReceiver *r = (ResultReceiver *) self;

	if (r->running)
		result_running = r->outer;
	r->running = false;
}

/* The statement of self failed (run_compiled): it no longer runs. */
void
result_receiver_abort(DestReceiver *self)
{
	result_shutdown(self);
}

/* Nothing to release: the receiver lives in its caller's memory. */
static void
result_destroy(DestReceiver *self)
{
}

/*
 * A receiver for a statement's result, kept or written in the current
 * memory context; into RESULT_INTO_ROWS, the rows go to store with desc.
 */
DestReceiver *
result_receiver_create(ResultInto into, Tuplestorestate *store, TupleDesc desc)
{
	ResultReceiver *r = palloc0(sizeof(ResultReceiver));

	r->pub.receiveSlot = result_receive;
	r->pub.rStartup = result_startup;
	r->pub.rShutdown = result_shutdown;
	r->pub.rDestroy = result_destroy;
	r->pub.mydest = DestTuplestore;	/* a receiver of our own: not DestNone, not DestSPI */
	r->into = into;
	r->mcxt = CurrentMemoryContext;
	r->isnull = true;
	r->store = store;
	r->desc = desc;
	if (into == RESULT_INTO_ARRAY)
	{
		/* room for the varlena header: the buffer becomes the text */
		initStringInfo(&r->buf);
		appendBinaryStringInfo(&r->buf, "\0\0\0\0", VARHDRSZ);
	}
	return (DestReceiver *) r;
}

/*
 * The query's JSON once the statement has run: the array (RESULT_INTO_ARRAY),
 * or the value, JSON null for no row, P0002 for no row of an *OrThrow.
 */
Datum
result_receiver_value(DestReceiver *self, const CompiledQuery *q)
{
	ResultReceiver *r = (ResultReceiver *) self;

	Assert(r->into != RESULT_INTO_ROWS);
	if (r->into == RESULT_INTO_ARRAY)
	{
		appendStringInfoString(&r->buf, r->rows > 0 ? "]" : "[]");
		SET_VARSIZE(r->buf.data, r->buf.len);
		return result_compressed(PointerGetDatum(r->buf.data));
	}
	if (r->isnull && q->shape == RESULT_ROW_OR_THROW)
		ereport(ERROR,
				(errcode(ERRCODE_NO_DATA_FOUND),
				 errmsg("No %s found", q->model_name)));
	if (r->isnull)
		return CStringGetTextDatum("null");
	return result_compressed(r->value);
}
