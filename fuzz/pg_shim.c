/*
 * pg_shim.c
 *		The parts of the PostgreSQL backend that the parsers and the compiler
 *		call, for running them outside a server (the fuzz targets).
 *
 * Linked from PostgreSQL itself (Debian's libpgcommon.a, libpgport.a):
 * StringInfo, psprintf, base64, the UTF-8 routines, snprintf.  Shimmed here:
 *
 *	memory		palloc and friends; every chunk is its own malloc() (so that
 *				ASan sees each bound) on one list, freed at once by
 *				shim_reset() after each input, like a memory context reset
 *	errors		ereport/elog: ERROR and above longjmp to the innermost
 *				PG_TRY or to the harness (PG_exception_stack), with the
 *				SQLSTATE and message kept for the harness to check
 *	lists		lappend, lcons (the PostgreSQL 15 array-based List)
 *	catalog		the type facts the compiler asks for (array and element
 *				types, length/byval/align, input functions), from a fixed
 *				table of built-in types plus fake enum types
 *	values		the type input functions the compiler calls, checking their
 *				input as PostgreSQL's would (range, syntax) and returning a
 *				Datum of the right shape
 *	misc		quote_identifier, quote_literal_cstr, text, arrays, the
 *				schema lookups of schema_store.c
 */
#include "postgres.h"

#include <signal.h>

#include <setjmp.h>

#include "catalog/pg_type_d.h"
#include "utils/fmgroids.h"
#include "utils/timestamp.h"
#include "access/tupmacs.h"
#include "common/base64.h"
#include "lib/stringinfo.h"
#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "nodes/pg_list.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/memutils.h"
#include "utils/lsyscache.h"
#include "utils/timestamp.h"

#include "schema.h"
#include "shim.h"

/* globals the backend owns */
sigjmp_buf *PG_exception_stack = NULL;
ErrorContextCallback *error_context_stack = NULL;
MemoryContext CurrentMemoryContext = NULL;
int			prisma_max_depth = 16;
bool		prisma_parallel = false;

/* ---------------------------------------------------------------- memory */

typedef struct Chunk
{
	struct Chunk *prev;
	struct Chunk *next;
	Size		size;
	uint64		magic;
} Chunk;						/* 32 bytes: keeps MAXALIGN */

#define CHUNK_MAGIC UINT64CONST(0x5052534d41434831)

static Chunk chunks = {&chunks, &chunks, 0, 0};
static Size live_bytes = 0;

/* One chunk of size bytes on the list. */
static void *
chunk_alloc(Size size, bool zero)
{
	Chunk	   *c;

	if (!AllocSizeIsValid(size))
		elog(ERROR, "invalid memory alloc request size %zu", size);
	c = zero ? calloc(1, sizeof(Chunk) + size) : malloc(sizeof(Chunk) + size);
	if (c == NULL)
		ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
	c->size = size;
	c->magic = CHUNK_MAGIC;
	c->next = chunks.next;
	c->prev = &chunks;
	chunks.next->prev = c;
	chunks.next = c;
	live_bytes += size;
	return c + 1;
}

/* The chunk header of a palloc'd pointer (aborts on a foreign pointer). */
static Chunk *
chunk_of(void *p)
{
	Chunk	   *c = ((Chunk *) p) - 1;

	if (c->magic != CHUNK_MAGIC)
		abort();
	return c;
}

void *
palloc(Size size)
{
	return chunk_alloc(size, false);
}

void *
palloc0(Size size)
{
	return chunk_alloc(size, true);
}

void *
palloc_extended(Size size, int flags)
{
	return chunk_alloc(size, (flags & MCXT_ALLOC_ZERO) != 0);
}

void *
MemoryContextAlloc(MemoryContext context, Size size)
{
	return chunk_alloc(size, false);
}

void *
MemoryContextAllocZero(MemoryContext context, Size size)
{
	return chunk_alloc(size, true);
}

void *
MemoryContextAllocExtended(MemoryContext context, Size size, int flags)
{
	return chunk_alloc(size, (flags & MCXT_ALLOC_ZERO) != 0);
}

void
pfree(void *p)
{
	Chunk	   *c = chunk_of(p);

	c->prev->next = c->next;
	c->next->prev = c->prev;
	live_bytes -= c->size;
	c->magic = 0;
	free(c);
}

void *
repalloc(void *p, Size size)
{
	Chunk	   *old = chunk_of(p);
	void	   *q = chunk_alloc(size, false);

	memcpy(q, p, Min(old->size, size));
	pfree(p);
	return q;
}

char *
pstrdup(const char *s)
{
	return pnstrdup(s, strlen(s));
}

char *
pnstrdup(const char *s, Size len)
{
	char	   *r;

	len = strnlen(s, len);
	r = palloc(len + 1);
	memcpy(r, s, len);
	r[len] = '\0';
	return r;
}

char *
MemoryContextStrdup(MemoryContext context, const char *s)
{
	return pstrdup(s);
}

/* Keep every chunk allocated so far (the fixtures) out of later resets. */
void
shim_keep(void)
{
	if (chunks.next == &chunks)
		return;
	/* the kept chunks form a list of their own that nothing frees */
	chunks.next->prev = NULL;
	chunks.prev->next = NULL;
	chunks.next = chunks.prev = &chunks;
	live_bytes = 0;
}

/* Free every chunk (the end of one input). */
void
shim_reset(void)
{
	while (chunks.next != &chunks)
		pfree(chunks.next + 1);
	PG_exception_stack = NULL;
	error_context_stack = NULL;
}

Size
shim_live_bytes(void)
{
	return live_bytes;
}

/* ---------------------------------------------------------------- errors */

ShimError	shim_error;
static int	cur_elevel;

bool
errstart(int elevel, const char *domain)
{
	if (elevel < ERROR)
		return false;			/* notices and debug output: dropped */
	cur_elevel = elevel;
	shim_error.sqlstate = ERRCODE_INTERNAL_ERROR;
	shim_error.message[0] = '\0';
	return true;
}

bool
errstart_cold(int elevel, const char *domain)
{
	return errstart(elevel, domain);
}

void
errfinish(const char *filename, int lineno, const char *funcname)
{
	shim_error.filename = filename;
	shim_error.lineno = lineno;
	if (cur_elevel >= FATAL)
		abort();
	if (PG_exception_stack == NULL)
		abort();				/* an error outside the harness */
	siglongjmp(*PG_exception_stack, 1);
}

void
pg_re_throw(void)
{
	if (PG_exception_stack == NULL)
		abort();
	siglongjmp(*PG_exception_stack, 1);
}

int
errcode(int sqlerrcode)
{
	shim_error.sqlstate = sqlerrcode;
	return 0;
}

static void
set_message(const char *fmt, va_list args)
{
	pg_vsnprintf(shim_error.message, sizeof(shim_error.message), fmt, args);
}

int
errmsg(const char *fmt,...)
{
	va_list		args;

	va_start(args, fmt);
	set_message(fmt, args);
	va_end(args);
	return 0;
}

int
errmsg_internal(const char *fmt,...)
{
	va_list		args;

	va_start(args, fmt);
	set_message(fmt, args);
	va_end(args);
	return 0;
}

/* detail and hint are formatted (so that bad arguments show) and dropped */
int
errdetail(const char *fmt,...)
{
	char		buf[256];
	va_list		args;

	va_start(args, fmt);
	pg_vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	return 0;
}

int
errhint(const char *fmt,...)
{
	char		buf[256];
	va_list		args;

	va_start(args, fmt);
	pg_vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	return 0;
}

int
errposition(int cursorpos)
{
	return 0;
}

/* ---------------------------------------------------------------- lists */

static List *
list_make_room(List *list, NodeTag type)
{
	if (list == NIL)
	{
		list = palloc(offsetof(List, initial_elements) + 4 * sizeof(ListCell));
		list->type = type;
		list->length = 0;
		list->max_length = 4;
		list->elements = list->initial_elements;
	}
	else if (list->length == list->max_length)
	{
		ListCell   *cells = palloc(sizeof(ListCell) * list->max_length * 2);

		memcpy(cells, list->elements, sizeof(ListCell) * list->length);
		if (list->elements != list->initial_elements)
			pfree(list->elements);
		list->elements = cells;
		list->max_length *= 2;
	}
	return list;
}

List *
lappend(List *list, void *datum)
{
	list = list_make_room(list, T_List);
	lfirst(&list->elements[list->length++]) = datum;
	return list;
}

List *
lcons(void *datum, List *list)
{
	list = list_make_room(list, T_List);
	memmove(&list->elements[1], &list->elements[0], sizeof(ListCell) * list->length);
	list->length++;
	lfirst(&list->elements[0]) = datum;
	return list;
}

/* ---------------------------------------------------------------- catalog */

typedef struct TypeFacts
{
	Oid			type;
	Oid			array;
	int16		len;
	bool		byval;
	char		align;
} TypeFacts;

static const TypeFacts builtin_types[] = {
	{BOOLOID, BOOLARRAYOID, 1, true, 'c'},
	{INT2OID, INT2ARRAYOID, 2, true, 's'},
	{INT4OID, INT4ARRAYOID, 4, true, 'i'},
	{INT8OID, INT8ARRAYOID, 8, true, 'd'},
	{FLOAT4OID, FLOAT4ARRAYOID, 4, true, 'i'},
	{FLOAT8OID, FLOAT8ARRAYOID, 8, true, 'd'},
	{NUMERICOID, NUMERICARRAYOID, -1, false, 'i'},
	{TEXTOID, TEXTARRAYOID, -1, false, 'i'},
	{VARCHAROID, VARCHARARRAYOID, -1, false, 'i'},
	{BPCHAROID, BPCHARARRAYOID, -1, false, 'i'},
	{UUIDOID, UUIDARRAYOID, 16, false, 'c'},
	{BYTEAOID, BYTEAARRAYOID, -1, false, 'i'},
	{JSONOID, JSONARRAYOID, -1, false, 'i'},
	{JSONBOID, JSONBARRAYOID, -1, false, 'i'},
	{TIMESTAMPOID, TIMESTAMPARRAYOID, 8, true, 'd'},
	{TIMESTAMPTZOID, TIMESTAMPTZARRAYOID, 8, true, 'd'},
	{DATEOID, DATEARRAYOID, 4, true, 'i'},
	{TIMEOID, TIMEARRAYOID, 8, true, 'd'},
	{TIMETZOID, TIMETZARRAYOID, 12, false, 'd'},
};

/* The facts of a type (an array type gives its element's), or NULL. */
static const TypeFacts *
type_facts(Oid type, bool *is_array)
{
	static TypeFacts enum_facts;

	*is_array = false;
	if (type >= SHIM_ENUM_OID && type < SHIM_ENUM_OID + SHIM_MAX_ENUMS)
	{
		enum_facts = (TypeFacts) {type, type + SHIM_MAX_ENUMS, 4, true, 'i'};
		return &enum_facts;
	}
	if (type >= SHIM_ENUM_OID + SHIM_MAX_ENUMS && type < SHIM_ENUM_OID + 2 * SHIM_MAX_ENUMS)
	{
		*is_array = true;
		return type_facts(type - SHIM_MAX_ENUMS, is_array);
	}
	for (int i = 0; i < lengthof(builtin_types); i++)
	{
		if (builtin_types[i].type == type)
			return &builtin_types[i];
		if (builtin_types[i].array == type)
		{
			*is_array = true;
			return &builtin_types[i];
		}
	}
	return NULL;
}

Oid
get_array_type(Oid typid)
{
	bool		is_array;
	const TypeFacts *t = type_facts(typid, &is_array);

	return t && !is_array ? t->array : InvalidOid;
}

Oid
get_element_type(Oid typid)
{
	bool		is_array;
	const TypeFacts *t = type_facts(typid, &is_array);

	return t && is_array ? t->type : InvalidOid;
}

void
get_typlenbyvalalign(Oid typid, int16 *typlen, bool *typbyval, char *typalign)
{
	bool		is_array;
	const TypeFacts *t = type_facts(typid, &is_array);

	if (t == NULL)
		elog(ERROR, "cache lookup failed for type %u", typid);
	*typlen = is_array ? -1 : t->len;
	*typbyval = is_array ? false : t->byval;
	*typalign = is_array ? 'd' : t->align;
}

/* the "input function" of a type is the type itself */
void
getTypeInputInfo(Oid type, Oid *typInput, Oid *typIOParam)
{
	bool		is_array;

	if (type_facts(type, &is_array) == NULL || is_array)
		elog(ERROR, "no input function for type %u", type);
	*typInput = type;
	*typIOParam = type;
}

/* ---------------------------------------------------------------- values */

static void pg_attribute_noreturn()
invalid_input(const char *type, const char *str)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"", type, str)));
}

static void pg_attribute_noreturn()
out_of_range(const char *type, const char *str)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("value \"%s\" is out of range for type %s", str, type)));
}

/* An integer as int2in/int4in/int8in read it. */
static int64
integer_in(const char *str, const char *type, int64 min, int64 max)
{
	char	   *end;
	long long	v;

	errno = 0;
	while (isspace((unsigned char) *str))
		str++;
	if (*str == '\0')
		invalid_input(type, str);
	v = strtoll(str, &end, 10);
	while (isspace((unsigned char) *end))
		end++;
	if (*end != '\0')
		invalid_input(type, str);
	if (errno == ERANGE || v < min || v > max)
		out_of_range(type, str);
	return v;
}

/* A float as float8in reads it: 1e400 is out of range. */
static double
float_in(const char *str, const char *type, bool single)
{
	char	   *end;
	double		v;

	if (pg_strcasecmp(str, "NaN") == 0 || pg_strcasecmp(str, "Infinity") == 0 ||
		pg_strcasecmp(str, "-Infinity") == 0)
		return 0;
	errno = 0;
	v = strtod(str, &end);
	if (end == str || *end != '\0')
		invalid_input(type, str);
	if (errno == ERANGE && (v == 0 || isinf(v)))
		out_of_range(type, str);
	if (single && isinf((float) v))
		out_of_range(type, str);
	return v;
}

/* numeric syntax: [+-]digits[.digits][e[+-]digits], NaN, Infinity */
static void
numeric_check(const char *str)
{
	const char *p = str;
	bool		digits = false;

	if (pg_strcasecmp(str, "NaN") == 0 || pg_strcasecmp(str, "Infinity") == 0 ||
		pg_strcasecmp(str, "-Infinity") == 0 || pg_strcasecmp(str, "+Infinity") == 0)
		return;
	if (*p == '+' || *p == '-')
		p++;
	while (isdigit((unsigned char) *p))
		p++, digits = true;
	if (*p == '.')
		for (p++; isdigit((unsigned char) *p); p++)
			digits = true;
	if (!digits)
		invalid_input("numeric", str);
	if (*p == 'e' || *p == 'E')
	{
		char	   *end;
		long		exp;

		p++;
		errno = 0;
		exp = strtol(p, &end, 10);
		if (end == p || errno == ERANGE || exp > 1000 || exp < -1000)
			invalid_input("numeric", str);
		p = end;
	}
	if (*p != '\0')
		invalid_input("numeric", str);
}

static void
uuid_check(const char *str)
{
	int			hex = 0;

	for (const char *p = str; *p; p++)
	{
		if (isxdigit((unsigned char) *p))
			hex++;
		else if (*p != '-' && *p != '{' && *p != '}')
			invalid_input("uuid", str);
	}
	if (hex != 32)
		invalid_input("uuid", str);
}

/* A text datum of the string (the shape of every varlena input here). */
static Datum
text_datum(const char *str)
{
	return PointerGetDatum(cstring_to_text(str));
}

Datum
OidInputFunctionCall(Oid functionId, char *str, Oid typioparam, int32 typmod)
{
	bool		is_array;

	if (str == NULL)
		return (Datum) 0;
	/* the one input function the compiler names itself (DateTime values) */
	if (functionId == F_TIMESTAMPTZ_IN)
		return DirectFunctionCall3(timestamptz_in, CStringGetDatum(str),
								   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
	if (type_facts(functionId, &is_array) == NULL || is_array)
		elog(ERROR, "no input function for type %u", functionId);
	if (functionId >= SHIM_ENUM_OID)
		return ObjectIdGetDatum(functionId);	/* labels are checked by the
												 * compiler first */
	switch (functionId)
	{
		case BOOLOID:
			if (pg_strcasecmp(str, "true") != 0 && pg_strcasecmp(str, "false") != 0)
				invalid_input("boolean", str);
			return BoolGetDatum(str[0] == 't');
		case INT2OID:
			return Int16GetDatum(integer_in(str, "smallint", PG_INT16_MIN, PG_INT16_MAX));
		case INT4OID:
			return Int32GetDatum(integer_in(str, "integer", PG_INT32_MIN, PG_INT32_MAX));
		case INT8OID:
			return Int64GetDatum(integer_in(str, "bigint", PG_INT64_MIN, PG_INT64_MAX));
		case FLOAT4OID:
			return Float4GetDatum(float_in(str, "real", true));
		case FLOAT8OID:
			return Float8GetDatum(float_in(str, "double precision", false));
		case NUMERICOID:
			numeric_check(str);
			return text_datum(str);
		case UUIDOID:
			uuid_check(str);
			return text_datum(str);
		case JSONOID:
		case JSONBOID:
			return DirectFunctionCall1(jsonb_in, CStringGetDatum(str));
		default:
			return text_datum(str);
	}
}

/* jsonb_in: JSON text from json_to_text; jsonb refuses \u0000 */
Datum
jsonb_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);

	if (strstr(str, "\\u0000") != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_UNTRANSLATABLE_CHARACTER),
				 errmsg("unsupported Unicode escape sequence")));
	return text_datum(str);
}

/*
 * timestamptz_in for the strings the compiler lets through (its own ISO
 * check comes first): fields out of range fail as in PostgreSQL.
 */
Datum
timestamptz_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	int			y,
				mo,
				d,
				h = 0,
				mi = 0,
				s = 0;

	if (sscanf(str, "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &s) < 3)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
				 errmsg("invalid input syntax for type timestamp with time zone: \"%s\"", str)));
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
				 errmsg("date/time field value out of range: \"%s\"", str)));
	if (y == 0 || y > 294276)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("timestamp out of range: \"%s\"", str)));
	return TimestampTzGetDatum((((int64) y * 372 + mo * 31 + d) * 86400 + h * 3600 + mi * 60 + s) * USECS_PER_SEC);
}

Datum
timestamp_date(PG_FUNCTION_ARGS)
{
	return DateADTGetDatum((DateADT) (PG_GETARG_TIMESTAMP(0) / USECS_PER_DAY));
}

Datum
timestamp_time(PG_FUNCTION_ARGS)
{
	return TimeADTGetDatum(PG_GETARG_TIMESTAMP(0) % USECS_PER_DAY);
}

Datum
timestamptz_timetz(PG_FUNCTION_ARGS)
{
	TimeTzADT  *r = palloc(sizeof(TimeTzADT));

	r->time = PG_GETARG_TIMESTAMPTZ(0) % USECS_PER_DAY;
	r->zone = 0;
	return PointerGetDatum(r);
}

Datum
DirectFunctionCall1Coll(PGFunction func, Oid collation, Datum arg1)
{
	LOCAL_FCINFO(fcinfo, 1);
	Datum		result;

	InitFunctionCallInfoData(*fcinfo, NULL, 1, collation, NULL, NULL);
	fcinfo->args[0].value = arg1;
	fcinfo->args[0].isnull = false;
	result = (*func) (fcinfo);
	if (fcinfo->isnull)
		elog(ERROR, "function %p returned NULL", (void *) func);
	return result;
}

Datum
DirectFunctionCall3Coll(PGFunction func, Oid collation, Datum arg1, Datum arg2, Datum arg3)
{
	LOCAL_FCINFO(fcinfo, 3);
	Datum		result;

	InitFunctionCallInfoData(*fcinfo, NULL, 3, collation, NULL, NULL);
	fcinfo->args[0].value = arg1;
	fcinfo->args[0].isnull = false;
	fcinfo->args[1].value = arg2;
	fcinfo->args[1].isnull = false;
	fcinfo->args[2].value = arg3;
	fcinfo->args[2].isnull = false;
	result = (*func) (fcinfo);
	if (fcinfo->isnull)
		elog(ERROR, "function %p returned NULL", (void *) func);
	return result;
}

text *
cstring_to_text(const char *s)
{
	return cstring_to_text_with_len(s, strlen(s));
}

text *
cstring_to_text_with_len(const char *s, int len)
{
	text	   *result = palloc(len + VARHDRSZ);

	SET_VARSIZE(result, len + VARHDRSZ);
	memcpy(VARDATA(result), s, len);
	return result;
}

/*
 * A one-dimensional array as construct_array builds it: every element is
 * read (a bad Datum shows under ASan) and copied in.
 */
ArrayType *
construct_array(Datum *elems, int nelems, Oid elmtype, int elmlen, bool elmbyval,
				char elmalign)
{
	Size		nbytes = 0;
	ArrayType  *result;
	char	   *p;

	for (int i = 0; i < nelems; i++)
		nbytes += att_align_nominal(elmlen > 0 ? elmlen : VARSIZE_ANY(DatumGetPointer(elems[i])),
									elmalign);
	result = palloc0(ARR_OVERHEAD_NONULLS(1) + nbytes);
	SET_VARSIZE(result, ARR_OVERHEAD_NONULLS(1) + nbytes);
	result->ndim = 1;
	result->elemtype = elmtype;
	ARR_DIMS(result)[0] = nelems;
	ARR_LBOUND(result)[0] = 1;
	p = ARR_DATA_PTR(result);
	for (int i = 0; i < nelems; i++)
	{
		if (elmbyval)
			store_att_byval(p, elems[i], elmlen);
		else
			memcpy(p, DatumGetPointer(elems[i]),
				   elmlen > 0 ? elmlen : VARSIZE_ANY(DatumGetPointer(elems[i])));
		p += att_align_nominal(elmlen > 0 ? elmlen : VARSIZE_ANY(DatumGetPointer(elems[i])),
							   elmalign);
	}
	return result;
}

/* ---------------------------------------------------------------- misc */

/* Quoted unless all lower case letters, digits and underscores (no keyword
 * list: an unquoted keyword makes no difference to the fuzz targets). */
const char *
quote_identifier(const char *ident)
{
	bool		safe = (ident[0] >= 'a' && ident[0] <= 'z') || ident[0] == '_';
	StringInfoData buf;

	for (const char *p = ident; *p && safe; p++)
		safe = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_';
	if (safe)
		return ident;
	initStringInfo(&buf);
	appendStringInfoChar(&buf, '"');
	for (const char *p = ident; *p; p++)
	{
		if (*p == '"')
			appendStringInfoChar(&buf, '"');
		appendStringInfoChar(&buf, *p);
	}
	appendStringInfoChar(&buf, '"');
	return buf.data;
}

char *
quote_literal_cstr(const char *rawstr)
{
	StringInfoData buf;

	initStringInfo(&buf);
	if (strchr(rawstr, '\\'))
		appendStringInfoChar(&buf, 'E');
	appendStringInfoChar(&buf, '\'');
	for (const char *p = rawstr; *p; p++)
	{
		if (*p == '\'' || *p == '\\')
			appendStringInfoChar(&buf, *p);
		appendStringInfoChar(&buf, *p);
	}
	appendStringInfoChar(&buf, '\'');
	return buf.data;
}

/* the database encoding is UTF-8 (inputs are checked by the harness) */
int
pg_mblen(const char *mbstr)
{
	return pg_utf_mblen((const unsigned char *) mbstr);
}

int
pg_mbstrlen_with_len(const char *mbstr, int len)
{
	int			n = 0;

	while (len > 0 && *mbstr)
	{
		int			l = pg_mblen(mbstr);

		len -= l;
		mbstr += l;
		n++;
	}
	return n;
}

/* as in schema_store.c */
const PrismaModel *
schema_find_model(const PrismaSchema *schema, const char *name)
{
	for (int i = 0; i < schema->nmodels; i++)
		if (strcmp(schema->models[i].name, name) == 0)
			return &schema->models[i];
	return NULL;
}

int
model_find_field(const PrismaModel *model, const char *name)
{
	for (int i = 0; i < model->nfields; i++)
		if (strcmp(model->fields[i].name, name) == 0)
			return i;
	return -1;
}

/* ------------------------------------------ added for the merged tree */

/* interrupts never arrive in the harness */
volatile sig_atomic_t InterruptPending = false;

void
ProcessInterrupts(void)
{
}

/* the error being handled, as CopyErrorData hands it to a PG_CATCH block */
ErrorData *
CopyErrorData(void)
{
	ErrorData  *edata = palloc0(sizeof(ErrorData));

	edata->elevel = cur_elevel;
	edata->sqlerrcode = shim_error.sqlstate;
	edata->message = pstrdup(shim_error.message);
	return edata;
}

void
FlushErrorState(void)
{
}

/* the fixture has no domains */
Oid
getBaseType(Oid typid)
{
	return typid;
}

/* the fixture schema fits its "catalog": no model has a problem */
void
schema_check_model(const PrismaModel *model)
{
}

/* no schema is cached: the compiler's callers then assume the defaults */
const PrismaSchema *
schema_cached(void)
{
	return NULL;
}
