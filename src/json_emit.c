/*
 * json_emit.c
 *	  Fast JSON writing of records in Prisma's encoding: prisma_row(record),
 *	  prisma_object(names, VARIADIC values), and the object writers of the
 *	  aggregates in json_agg.c and json_group.c.
 *
 * The compiled statements nest these calls to build the whole result as
 * json text.  json_build_object and row_to_json look up every argument's
 * type on every row; here everything that depends only on the row type is
 * worked out once per call site and kept in fn_extra, keyed on the
 * record's type id and typmod: the pre-escaped "key": text of each
 * attribute, an encoding category per attribute (with the element
 * category for arrays, the labels for enums, the output function for the
 * rest), and reused deform arrays.  Per row we deform the tuple and write
 * each value straight into one growing buffer: integers, floats, text,
 * uuid, timestamps and bytea without calling their output functions.
 *
 * Values are encoded as Prisma 7 Client returns them (through its pg
 * driver adapter and data mapper), turned into JSON:
 *	int2/int4/oid number; int8 string; float4/float8 shortest round-trip
 *	number, NaN/Infinity/-Infinity as strings; numeric and money as
 *	Decimal.js's toString() prints it; bool; json embedded, jsonb as its
 *	text; bytea base64; date/time types as Date.toISOString() strings;
 *	arrays as arrays; enums as the Prisma names of their labels (the
 *	loaded schema's @map), every other type as the JSON string of its text.
 * Attributes whose name starts with "__" are hidden keys of the compiler
 * and are left out.
 */
#include "postgres.h"

#include <ctype.h>
#include <math.h>

#include "access/htup_details.h"
#include "access/tupdesc.h"
#include "catalog/pg_enum.h"
#include "catalog/pg_type.h"
#include "common/base64.h"
#include "common/shortest_dec.h"
#include "fmgr.h"
#include "json_emit.h"
#include "pg_compat.h"
#include "schema.h"
#include "lib/stringinfo.h"
#include "nodes/primnodes.h"
#include "nodes/pg_list.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/catcache.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"
#include "utils/typcache.h"
#include "utils/uuid.h"

PG_FUNCTION_INFO_V1(prisma_row);
PG_FUNCTION_INFO_V1(prisma_object);

/* How a value of one type is written. */
typedef enum EmitCategory
{
	EC_INT2,
	EC_INT4,
	EC_INT8,
	EC_OID,
	EC_FLOAT4,
	EC_FLOAT8,
	EC_NUMERIC,
	EC_CASH,					/* money, as the Decimal Prisma reads it */
	EC_BOOL,
	EC_TEXT,					/* varlena whose output function is textout */
	EC_NAME,
	EC_UUID,
	EC_JSON,
	EC_JSONB,
	EC_TIMESTAMP,				/* timestamp and timestamptz (both UTC) */
	EC_DATE,
	EC_TIME,
	EC_TIMETZ,
	EC_BYTEA,
	EC_ENUM,
	EC_ARRAY,
	EC_OTHER					/* JSON string of the output function's text */
} EmitCategory;

/* One enum label, already written as a JSON string. */
typedef struct EnumLabel
{
	Oid			oid;
	int			len;
	char	   *json;
} EnumLabel;

/* Everything needed to write values of one type. */
typedef struct EmitType
{
	EmitCategory cat;
	Oid			typid;			/* the base type (domains looked through) */
	bool		has_outfn;
	FmgrInfo	outfn;			/* EC_OTHER, and the fallback of EC_ENUM */
	int			nlabels;		/* EC_ENUM: labels sorted by oid */
	EnumLabel  *labels;
	struct EmitType *elem;		/* EC_ARRAY: the element type */
	int16		elmlen;
	bool		elmbyval;
	char		elmalign;
} EmitType;

/* One visible attribute of the row type. */
typedef struct EmitAttr
{
	int			attno;			/* 0-based index into the deformed arrays */
	int			keylen;
	char	   *key;			/* "name": (with a leading comma but first) */
	EmitType	type;
} EmitAttr;

/*
 * The per-call-site cache, kept in fn_extra: of one row type (records), or
 * of one names array and the types of the values after it (fields).
 */
typedef struct EmitCache
{
	Oid			typid;
	int32		typmod;
	MemoryContext mcxt;			/* holds this struct and all it points to */
	TupleDesc	tupdesc;		/* records */
	Datum	   *values;
	bool	   *nulls;
	int			nattrs;
	EmitAttr   *attrs;
	int			keys_total;		/* sum of keylen, for one reservation */
} EmitCache;

/* JavaScript Date range: +-8.64e15 ms around the Unix epoch. */
#define JS_MAX_MS			INT64CONST(8640000000000000)
#define MS_PER_DAY			INT64CONST(86400000)
/* Milliseconds from the Unix epoch to PostgreSQL's (2000-01-01). */
#define PG_EPOCH_MS \
	((int64) (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * MS_PER_DAY)

static const char hexdigits[] = "0123456789abcdef";

static void emit_value(StringInfo buf, EmitType *et, Datum value);

/* Make room for n more bytes (plus the terminator); return the write point. */
static inline char *
emit_reserve(StringInfo buf, int n)
{
	if (buf->len + n >= buf->maxlen)
		enlargeStringInfo(buf, n);
	return buf->data + buf->len;
}

/* Append n bytes that are already JSON. */
static inline void
emit_raw(StringInfo buf, const char *s, int n)
{
	char	   *p = emit_reserve(buf, n);

	memcpy(p, s, n);
	buf->len += n;
}

/* Write n (0 <= n) as exactly width digits, zero-padded. */
static inline char *
put_digits(char *p, int64 n, int width)
{
	for (int i = width - 1; i >= 0; i--)
	{
		p[i] = '0' + (n % 10);
		n /= 10;
	}
	return p + width;
}

/*
 * Write milliseconds since the Unix epoch as Date.toISOString() does:
 * "YYYY-MM-DDTHH:MM:SS.sssZ", years outside 0..9999 as +YYYYYY/-YYYYYY.
 * Instants outside the Date range are an Invalid Date, which JSON.stringify
 * writes as null.
 */
static void
emit_epoch_ms(StringInfo buf, int64 ms)
{
	int64		days;
	int64		msofday;
	int			year,
				month,
				day;
	char	   *p;

	if (ms > JS_MAX_MS || ms < -JS_MAX_MS)
	{
		emit_raw(buf, "null", 4);
		return;
	}
	days = ms / MS_PER_DAY;
	msofday = ms % MS_PER_DAY;
	if (msofday < 0)
	{
		msofday += MS_PER_DAY;
		days--;
	}
	j2date((int) (days + UNIX_EPOCH_JDATE), &year, &month, &day);

	p = emit_reserve(buf, 32);
	*p++ = '"';
	if (year >= 0 && year <= 9999)
		p = put_digits(p, year, 4);
	else
	{
		*p++ = year < 0 ? '-' : '+';
		p = put_digits(p, year < 0 ? -(int64) year : year, 6);
	}
	*p++ = '-';
	p = put_digits(p, month, 2);
	*p++ = '-';
	p = put_digits(p, day, 2);
	*p++ = 'T';
	p = put_digits(p, msofday / 3600000, 2);
	*p++ = ':';
	p = put_digits(p, (msofday / 60000) % 60, 2);
	*p++ = ':';
	p = put_digits(p, (msofday / 1000) % 60, 2);
	*p++ = '.';
	p = put_digits(p, msofday % 1000, 3);
	*p++ = 'Z';
	*p++ = '"';
	buf->len = p - buf->data;
}

/*
 * Write a timestamp (or timestamptz, both UTC).  Prisma's pg adapter parses
 * the text with new Date(), which keeps the first three fraction digits:
 * microseconds are truncated to the millisecond below (floor, also before
 * 1970).  infinity/-infinity are an Invalid Date there (toISOString throws
 * in the adapter); we write null, as JSON.stringify writes an Invalid Date.
 */
static void
emit_timestamp(StringInfo buf, Timestamp ts)
{
	int64		ms;

	if (TIMESTAMP_NOT_FINITE(ts))
	{
		emit_raw(buf, "null", 4);
		return;
	}
	ms = ts / 1000;
	if (ts % 1000 < 0)
		ms--;
	emit_epoch_ms(buf, ms + PG_EPOCH_MS);
}

/*
 * Write a numeric as Decimal.js's toString() prints it: no trailing
 * fraction zeros, no "-0", exponential notation ("1.5e-7", "1e+21") when
 * the exponent of the leading digit is <= -7 or >= 21 (Decimal.js's
 * default toExpNeg and toExpPos).
 */
static void
emit_numeric(StringInfo buf, Datum value)
{
	char	   *s = DatumGetCString(DirectFunctionCall1(numeric_out, value));
	bool		neg = false;
	char	   *digits;
	int			ndigits = 0;
	int			pointpos = -1;	/* digits before the decimal point */
	int			first;
	int			exponent;
	char	   *p;

	if (*s == '-')
	{
		neg = true;
		s++;
	}
	if (!isdigit((unsigned char) *s))
	{
		/* NaN, Infinity: Decimal.js prints them the same way */
		p = emit_reserve(buf, strlen(s) + 3);
		buf->len += sprintf(p, "\"%s%s\"", neg ? "-" : "", s);
		return;
	}

	/* collect all digits, remembering where the point was */
	digits = palloc(strlen(s) + 1);
	for (; *s; s++)
	{
		if (*s == '.')
			pointpos = ndigits;
		else
			digits[ndigits++] = *s;
	}
	if (pointpos < 0)
		pointpos = ndigits;
	for (first = 0; first < ndigits && digits[first] == '0'; first++)
		pointpos--;
	while (ndigits > first && digits[ndigits - 1] == '0')
		ndigits--;

	if (first == ndigits)
	{
		emit_raw(buf, "\"0\"", 3);
		return;
	}
	digits += first;
	ndigits -= first;
	exponent = pointpos - 1;

	p = emit_reserve(buf, ndigits + Max(exponent, -exponent) + 32);
	*p++ = '"';
	if (neg)
		*p++ = '-';
	if (exponent <= -7 || exponent >= 21)
	{
		*p++ = digits[0];
		if (ndigits > 1)
		{
			*p++ = '.';
			memcpy(p, digits + 1, ndigits - 1);
			p += ndigits - 1;
		}
		p += sprintf(p, "e%c%d", exponent < 0 ? '-' : '+', abs(exponent));
	}
	else if (exponent < 0)
	{
		*p++ = '0';
		*p++ = '.';
		for (int i = 0; i < -exponent - 1; i++)
			*p++ = '0';
		memcpy(p, digits, ndigits);
		p += ndigits;
	}
	else if (ndigits > exponent + 1)
	{
		memcpy(p, digits, exponent + 1);
		p += exponent + 1;
		*p++ = '.';
		memcpy(p, digits + exponent + 1, ndigits - exponent - 1);
		p += ndigits - exponent - 1;
	}
	else
	{
		memcpy(p, digits, ndigits);
		p += ndigits;
		for (int i = ndigits; i < exponent + 1; i++)
			*p++ = '0';
	}
	*p++ = '"';
	buf->len = p - buf->data;
}

/* Write a float8 as its shortest round-trip text, non-finite as strings. */
static inline void
emit_float8(StringInfo buf, float8 v)
{
	char	   *p;

	if (unlikely(isnan(v)))
		emit_raw(buf, "\"NaN\"", 5);
	else if (unlikely(isinf(v)))
	{
		if (v > 0)
			emit_raw(buf, "\"Infinity\"", 10);
		else
			emit_raw(buf, "\"-Infinity\"", 11);
	}
	else
	{
		p = emit_reserve(buf, DOUBLE_SHORTEST_DECIMAL_LEN);
		buf->len += double_to_shortest_decimal_buf(v, p);
	}
}

/* Write a float4 as its shortest round-trip text, non-finite as strings. */
static inline void
emit_float4(StringInfo buf, float4 v)
{
	char	   *p;

	if (unlikely(isnan(v) || isinf(v)))
		emit_float8(buf, (float8) v);
	else
	{
		p = emit_reserve(buf, FLOAT_SHORTEST_DECIMAL_LEN);
		buf->len += float_to_shortest_decimal_buf(v, p);
	}
}

/* Write a uuid in its canonical 8-4-4-4-12 lower-case form. */
static inline void
emit_uuid(StringInfo buf, pg_uuid_t *u)
{
	char	   *p = emit_reserve(buf, 38);

	*p++ = '"';
	for (int i = 0; i < UUID_LEN; i++)
	{
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*p++ = '-';
		*p++ = hexdigits[u->data[i] >> 4];
		*p++ = hexdigits[u->data[i] & 0xf];
	}
	*p++ = '"';
	buf->len = p - buf->data;
}

/* Write bytea as a base64 string (standard alphabet, padded). */
static void
emit_bytea(StringInfo buf, Datum value)
{
	bytea	   *b = DatumGetByteaPP(value);
	int			len = VARSIZE_ANY_EXHDR(b);
	int			enclen = pg_b64_enc_len(len);
	char	   *p = emit_reserve(buf, enclen + 2);
	int			n;

	*p++ = '"';
	n = pg_b64_encode((const b64_byte *) VARDATA_ANY(b), len, p, enclen);
	if (n < 0)
		elog(ERROR, "could not encode bytea as base64");
	p[n] = '"';
	buf->len += n + 2;
}

/* Write the output function's text of value as a JSON string. */
static void
emit_via_output(StringInfo buf, EmitType *et, Datum value)
{
	char	   *s = OutputFunctionCall(&et->outfn, value);

	prisma_json_escape(buf, s, strlen(s));
}

/* Write an enum value as its label, looked up in the cached labels. */
static void
emit_enum(StringInfo buf, EmitType *et, Datum value)
{
	Oid			oid = DatumGetObjectId(value);
	int			lo = 0,
				hi = et->nlabels - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;

		if (et->labels[mid].oid == oid)
		{
			emit_raw(buf, et->labels[mid].json, et->labels[mid].len);
			return;
		}
		if (et->labels[mid].oid < oid)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	/* a label added after the cache was built */
	emit_via_output(buf, et, value);
}

/* Write the sub-array of dimension dim starting at elems[*idx]. */
static void
emit_array_dim(StringInfo buf, EmitType *elem, int dim, int ndim, int *dims,
			   Datum *elems, bool *nulls, int *idx)
{
	emit_raw(buf, "[", 1);
	for (int i = 0; i < dims[dim]; i++)
	{
		if (i > 0)
			emit_raw(buf, ",", 1);
		if (dim < ndim - 1)
			emit_array_dim(buf, elem, dim + 1, ndim, dims, elems, nulls, idx);
		else
		{
			if (nulls[*idx])
				emit_raw(buf, "null", 4);
			else
				emit_value(buf, elem, elems[*idx]);
			(*idx)++;
		}
	}
	emit_raw(buf, "]", 1);
}

/* Write an array as (nested) JSON arrays, each element by its type. */
static void
emit_array(StringInfo buf, EmitType *et, Datum value)
{
	ArrayType  *arr = DatumGetArrayTypeP(value);
	int			ndim = ARR_NDIM(arr);
	Datum	   *elems;
	bool	   *nulls;
	int			nelems;
	int			idx = 0;

	if (ndim == 0 || ArrayGetNItems(ndim, ARR_DIMS(arr)) == 0)
	{
		emit_raw(buf, "[]", 2);
		return;
	}
	deconstruct_array(arr, ARR_ELEMTYPE(arr), et->elmlen, et->elmbyval,
					  et->elmalign, &elems, &nulls, &nelems);
	emit_array_dim(buf, et->elem, 0, ndim, ARR_DIMS(arr), elems, nulls, &idx);
}

/* Write one non-null value according to its cached type information. */
static void
emit_value(StringInfo buf, EmitType *et, Datum value)
{
	char	   *p;

	switch (et->cat)
	{
		case EC_INT2:
			p = emit_reserve(buf, 12);
			buf->len += pg_ltoa(DatumGetInt16(value), p);
			break;
		case EC_INT4:
			p = emit_reserve(buf, 12);
			buf->len += pg_ltoa(DatumGetInt32(value), p);
			break;
		case EC_OID:
			p = emit_reserve(buf, 12);
			buf->len += pg_ultoa_n(DatumGetObjectId(value), p);
			break;
		case EC_INT8:
			p = emit_reserve(buf, 24);
			*p = '"';
			buf->len += pg_lltoa(DatumGetInt64(value), p + 1) + 2;
			buf->data[buf->len - 1] = '"';
			break;
		case EC_FLOAT4:
			emit_float4(buf, DatumGetFloat4(value));
			break;
		case EC_FLOAT8:
			emit_float8(buf, DatumGetFloat8(value));
			break;
		case EC_NUMERIC:
			emit_numeric(buf, value);
			break;
		case EC_CASH:
			emit_numeric(buf, DirectFunctionCall1(cash_numeric, value));
			break;
		case EC_BOOL:
			if (DatumGetBool(value))
				emit_raw(buf, "true", 4);
			else
				emit_raw(buf, "false", 5);
			break;
		case EC_TEXT:
			{
				text	   *t = DatumGetTextPP(value);

				prisma_json_escape(buf, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
				break;
			}
		case EC_NAME:
			{
				char	   *s = NameStr(*DatumGetName(value));

				prisma_json_escape(buf, s, strlen(s));
				break;
			}
		case EC_UUID:
			emit_uuid(buf, DatumGetUUIDP(value));
			break;
		case EC_JSON:
			{
				text	   *t = DatumGetTextPP(value);

				emit_raw(buf, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
				break;
			}
		case EC_JSONB:
			{
				Jsonb	   *jb = DatumGetJsonbP(value);

				JsonbToCString(buf, &jb->root, VARSIZE(jb));
				break;
			}
		case EC_TIMESTAMP:
			emit_timestamp(buf, DatumGetTimestamp(value));
			break;
		case EC_DATE:
			{
				DateADT		d = DatumGetDateADT(value);

				/* infinite dates: null, as for timestamps */
				if (DATE_NOT_FINITE(d))
					emit_raw(buf, "null", 4);
				else
					emit_epoch_ms(buf, (int64) d * MS_PER_DAY + PG_EPOCH_MS);
				break;
			}
		case EC_TIME:
			/* Prisma puts a time on 1970-01-01 (24:00:00 is the next day) */
			emit_epoch_ms(buf, DatumGetTimeADT(value) / 1000);
			break;
		case EC_TIMETZ:
			{
				/*
				 * Prisma's pg adapter strips the zone offset from timetz
				 * text and reads the time as UTC (like quaint did), so the
				 * local time is kept and the offset dropped.
				 */
				TimeTzADT  *t = DatumGetTimeTzADTP(value);

				emit_epoch_ms(buf, t->time / 1000);
				break;
			}
		case EC_BYTEA:
			emit_bytea(buf, value);
			break;
		case EC_ENUM:
			emit_enum(buf, et, value);
			break;
		case EC_ARRAY:
			emit_array(buf, et, value);
			break;
		case EC_OTHER:
			emit_via_output(buf, et, value);
			break;
	}
}

/* qsort comparator of enum labels by oid. */
static int
enum_label_cmp(const void *a, const void *b)
{
	Oid			x = ((const EnumLabel *) a)->oid;
	Oid			y = ((const EnumLabel *) b)->oid;

	return (x > y) - (x < y);
}

/*
 * The Prisma name of an enum label: the loaded schema's enum of this type
 * may map its values (ADMIN @map("administrator")); other labels are their
 * own names.
 */
static const char *
enum_label_name(Oid typid, const char *label)
{
	const PrismaSchema *schema = schema_cached();

	for (int i = 0; schema != NULL && i < schema->nenums; i++)
	{
		const PrismaEnum *e = &schema->enums[i];

		if (e->type_oid != typid)
			continue;
		/* of values mapped to one label the last is read, as in Prisma */
		for (int v = e->nvalues - 1; v >= 0; v--)
			if (strcmp(e->db_values[v], label) == 0)
				return e->values[v];
	}
	return label;
}

/* Load the labels of an enum type, as JSON strings of their Prisma names
 * sorted by oid. */
static void
emit_type_load_enum(EmitType *et)
{
	CatCList   *list = SearchSysCacheList1(ENUMTYPOIDNAME,
										   ObjectIdGetDatum(et->typid));
	StringInfoData s;

	et->nlabels = list->n_members;
	et->labels = palloc(sizeof(EnumLabel) * Max(list->n_members, 1));
	for (int i = 0; i < list->n_members; i++)
	{
		Form_pg_enum en = (Form_pg_enum) GETSTRUCT(&list->members[i]->tuple);
		const char *label = enum_label_name(et->typid, NameStr(en->enumlabel));

		initStringInfo(&s);
		prisma_json_escape(&s, label, strlen(label));
		et->labels[i].oid = en->oid;
		et->labels[i].json = s.data;
		et->labels[i].len = s.len;
	}
	ReleaseCatCacheList(list);
	qsort(et->labels, et->nlabels, sizeof(EnumLabel), enum_label_cmp);
}

/* Work out how values of typid are written; allocations in the current context. */
static void
emit_type_init(EmitType *et, Oid typid)
{
	Oid			base = getBaseType(typid);
	Oid			elemtype;
	Oid			outfunc;
	bool		isvarlena;

	memset(et, 0, sizeof(EmitType));
	et->typid = base;
	switch (base)
	{
		case INT2OID:
			et->cat = EC_INT2;
			return;
		case INT4OID:
			et->cat = EC_INT4;
			return;
		case INT8OID:
			et->cat = EC_INT8;
			return;
		case OIDOID:
			et->cat = EC_OID;
			return;
		case FLOAT4OID:
			et->cat = EC_FLOAT4;
			return;
		case FLOAT8OID:
			et->cat = EC_FLOAT8;
			return;
		case NUMERICOID:
			et->cat = EC_NUMERIC;
			return;
		case CASHOID:
			et->cat = EC_CASH;
			return;
		case BOOLOID:
			et->cat = EC_BOOL;
			return;
		case TEXTOID:
		case VARCHAROID:
		case BPCHAROID:
			et->cat = EC_TEXT;
			return;
		case NAMEOID:
			et->cat = EC_NAME;
			return;
		case UUIDOID:
			et->cat = EC_UUID;
			return;
		case JSONOID:
			et->cat = EC_JSON;
			return;
		case JSONBOID:
			et->cat = EC_JSONB;
			return;
		case TIMESTAMPOID:
		case TIMESTAMPTZOID:
			et->cat = EC_TIMESTAMP;
			return;
		case DATEOID:
			et->cat = EC_DATE;
			return;
		case TIMEOID:
			et->cat = EC_TIME;
			return;
		case TIMETZOID:
			et->cat = EC_TIMETZ;
			return;
		case BYTEAOID:
			et->cat = EC_BYTEA;
			return;
		default:
			break;
	}

	elemtype = get_element_type(base);
	if (OidIsValid(elemtype))
	{
		et->cat = EC_ARRAY;
		get_typlenbyvalalign(elemtype, &et->elmlen, &et->elmbyval,
							 &et->elmalign);
		et->elem = palloc(sizeof(EmitType));
		emit_type_init(et->elem, elemtype);
		return;
	}

	getTypeOutputInfo(base, &outfunc, &isvarlena);
	fmgr_info(outfunc, &et->outfn);
	et->has_outfn = true;
	if (type_is_enum(base))
	{
		et->cat = EC_ENUM;
		emit_type_load_enum(et);
	}
	else if (et->outfn.fn_addr == textout)
		et->cat = EC_TEXT;		/* text-like types such as citext */
	else
		et->cat = EC_OTHER;
}

/* Add an attribute written as "name": and a value of type typid at values[attno]. */
static void
emit_cache_add_attr(EmitCache *c, const char *name, int attno, Oid typid)
{
	EmitAttr   *ea = &c->attrs[c->nattrs];
	StringInfoData key;

	ea->attno = attno;
	initStringInfo(&key);
	if (c->nattrs > 0)
		appendStringInfoChar(&key, ',');
	prisma_json_escape(&key, name, strlen(name));
	appendStringInfoChar(&key, ':');
	ea->key = key.data;
	ea->keylen = key.len;
	c->keys_total += key.len;
	emit_type_init(&ea->type, typid);
	c->nattrs++;
}

/* A new cache for n attributes in its own child context of parent. */
static EmitCache *
emit_cache_create(int n, MemoryContext parent)
{
	MemoryContext mcxt = AllocSetContextCreate(parent,
											   "prisma_compile json emit",
											   ALLOCSET_SMALL_SIZES);
	EmitCache  *c = MemoryContextAllocZero(mcxt, sizeof(EmitCache));

	c->mcxt = mcxt;
	c->values = MemoryContextAlloc(mcxt, sizeof(Datum) * Max(n, 1));
	c->nulls = MemoryContextAlloc(mcxt, sizeof(bool) * Max(n, 1));
	c->attrs = MemoryContextAllocZero(mcxt, sizeof(EmitAttr) * Max(n, 1));
	return c;
}

/* Build the cache of one row type in a new child context of parent. */
static EmitCache *
emit_cache_build(Oid typid, int32 typmod, MemoryContext parent)
{
	TupleDesc	tupdesc = lookup_rowtype_tupdesc(typid, typmod);
	EmitCache  *c = emit_cache_create(tupdesc->natts, parent);
	MemoryContext old = MemoryContextSwitchTo(c->mcxt);

	c->typid = typid;
	c->typmod = typmod;
	c->tupdesc = CreateTupleDescCopyConstr(tupdesc);
	ReleaseTupleDesc(tupdesc);
	tupdesc = c->tupdesc;
	for (int i = 0; i < tupdesc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(tupdesc, i);
		const char *name = NameStr(att->attname);

		if (att->attisdropped || strncmp(name, "__", 2) == 0)
			continue;
		emit_cache_add_attr(c, name, i, att->atttypid);
	}
	MemoryContextSwitchTo(old);
	return c;
}

/* The cache for this record's row type, rebuilt when the type changes. */
static inline EmitCache *
emit_cache_get(FunctionCallInfo fcinfo, HeapTupleHeader td)
{
	EmitCache  *c = (EmitCache *) fcinfo->flinfo->fn_extra;
	Oid			typid = HeapTupleHeaderGetTypeId(td);
	int32		typmod = HeapTupleHeaderGetTypMod(td);

	if (likely(c != NULL && c->typid == typid && c->typmod == typmod))
		return c;
	if (c != NULL)
		MemoryContextDelete(c->mcxt);
	fcinfo->flinfo->fn_extra = NULL;
	c = emit_cache_build(typid, typmod, fcinfo->flinfo->fn_mcxt);
	fcinfo->flinfo->fn_extra = c;
	return c;
}

/* Append the object of c's attributes, their values in c->values/nulls. */
static void
emit_object(StringInfo buf, EmitCache *c)
{
	char	   *p;

	emit_reserve(buf, c->keys_total + 2);
	buf->data[buf->len++] = '{';
	for (int i = 0; i < c->nattrs; i++)
	{
		EmitAttr   *ea = &c->attrs[i];

		p = emit_reserve(buf, ea->keylen);
		memcpy(p, ea->key, ea->keylen);
		buf->len += ea->keylen;
		if (c->nulls[ea->attno])
		{
			/* Prisma returns a NULL scalar list as an empty list */
			if (ea->type.cat == EC_ARRAY)
				emit_raw(buf, "[]", 2);
			else
				emit_raw(buf, "null", 4);
		}
		else
			emit_value(buf, &ea->type, c->values[ea->attno]);
	}
	p = emit_reserve(buf, 1);
	*p = '}';
	buf->len++;
	buf->data[buf->len] = '\0';
}

/* Append one record as a JSON object. */
static void
emit_record(StringInfo buf, EmitCache *c, HeapTupleHeader td)
{
	HeapTupleData tuple;

	tuple.t_len = HeapTupleHeaderGetDatumLength(td);
	ItemPointerSetInvalid(&tuple.t_self);
	tuple.t_tableOid = InvalidOid;
	tuple.t_data = td;
	heap_deform_tuple(&tuple, c->tupdesc, c->values, c->nulls);
	emit_object(buf, c);
}

/*
 * Append argument argno of the calling function, a record or null, as a
 * JSON object or null, with the call site's cache.
 */
void
prisma_emit_record_arg(StringInfo buf, FunctionCallInfo fcinfo, int argno)
{
	HeapTupleHeader td;

	if (PG_ARGISNULL(argno))
	{
		appendBinaryStringInfo(buf, "null", 4);
		return;
	}
	td = PG_GETARG_HEAPTUPLEHEADER(argno);
	emit_record(buf, emit_cache_get(fcinfo, td), td);
}

/*
 * Is argument argno of the calling function a constant?  For an
 * aggregate's transition function (aggref not NULL), argument argno is the
 * aggregate's argument argno - 1 (the state comes first).
 */
static bool
arg_is_constant(FunctionCallInfo fcinfo, Aggref *aggref, int argno)
{
	if (aggref != NULL)
		return IsA(((TargetEntry *) list_nth(aggref->args, argno - 1))->expr, Const);
	return get_fn_expr_arg_stable(fcinfo->flinfo, argno);
}

/*
 * Build the cache of the fields form: the names in the text[] argument
 * argno, each written with the value of the argument after it in the same
 * place.  Every check comes first; errors name the function (or aggregate)
 * called.
 */
static EmitCache *
emit_cache_build_fields(FunctionCallInfo fcinfo, int argno)
{
	Aggref	   *aggref = AggGetAggref(fcinfo);
	const char *fname = get_func_name(aggref ? aggref->aggfnoid : fcinfo->flinfo->fn_oid);
	int			nvalues = PG_NARGS() - argno - 1;
	ArrayType  *names;
	Datum	   *elems;
	bool	   *elemnulls;
	int			n;
	EmitCache  *c;
	MemoryContext old;

	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s: the array of names is null", fname)));
	if (!arg_is_constant(fcinfo, aggref, argno))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s: the array of names must be a constant", fname),
				 errhint("Write the names as a literal, such as '{id,title}'::text[].")));
	if (get_fn_expr_variadic(fcinfo->flinfo))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s: the values cannot be passed as a VARIADIC array", fname),
				 errhint("Pass each value as its own argument, after the array of names.")));
	names = PG_GETARG_ARRAYTYPE_P(argno);
	if (ARR_NDIM(names) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("%s: the names must be a one-dimensional array", fname)));
	deconstruct_array(names, TEXTOID, -1, false, TYPALIGN_INT, &elems, &elemnulls, &n);
	if (n != nvalues)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: %d values but %d names", fname, nvalues, n),
				 errhint("Name each value after the names array once.")));
	for (int i = 0; i < n; i++)
	{
		if (elemnulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("%s: name %d is null", fname, i + 1)));
		if (!OidIsValid(get_fn_expr_argtype(fcinfo->flinfo, argno + 1 + i)))
			elog(ERROR, "%s: could not determine the type of value %d", fname, i + 1);
	}

	c = emit_cache_create(n, fcinfo->flinfo->fn_mcxt);
	old = MemoryContextSwitchTo(c->mcxt);
	for (int i = 0; i < n; i++)
		emit_cache_add_attr(c, TextDatumGetCString(elems[i]), i,
							get_fn_expr_argtype(fcinfo->flinfo, argno + 1 + i));
	MemoryContextSwitchTo(old);
	return c;
}

/*
 * Append the arguments after argno of the calling function as one JSON
 * object, named by argument argno (a constant text[]); the call site's
 * cache is built on its first row.
 */
void
prisma_emit_fields_args(StringInfo buf, FunctionCallInfo fcinfo, int argno)
{
	EmitCache  *c = (EmitCache *) fcinfo->flinfo->fn_extra;

	if (unlikely(c == NULL))
		fcinfo->flinfo->fn_extra = c = emit_cache_build_fields(fcinfo, argno);
	for (int i = 0; i < c->nattrs; i++)
	{
		c->values[i] = fcinfo->args[argno + 1 + i].value;
		c->nulls[i] = fcinfo->args[argno + 1 + i].isnull;
	}
	emit_object(buf, c);
}

/* prisma_row(record): one record as a JSON object. */
Datum
prisma_row(PG_FUNCTION_ARGS)
{
	HeapTupleHeader td = PG_GETARG_HEAPTUPLEHEADER(0);
	EmitCache  *c = emit_cache_get(fcinfo, td);
	StringInfoData buf;

	/* build the text value in place: leave room for its header */
	initStringInfo(&buf);
	buf.len = VARHDRSZ;
	emit_record(&buf, c, td);
	SET_VARSIZE(buf.data, buf.len);
	PG_RETURN_POINTER(buf.data);
}

/* prisma_object(names, VARIADIC values): one object of named values. */
Datum
prisma_object(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	initStringInfo(&buf);
	buf.len = VARHDRSZ;
	prisma_emit_fields_args(&buf, fcinfo, 0);
	SET_VARSIZE(buf.data, buf.len);
	PG_RETURN_POINTER(buf.data);
}
