/*
 * compile_value.c
 *		Turn values of the query document into typed bind parameters (and
 *		the casts under which distinct tells column values apart).
 *
 * A value is checked against its field's Prisma type first, so that a
 * wrong value gets an error that names the JSON path and the expected
 * form, then converted to a Datum of the column's own type (so that the
 * comparison uses the column's operators and indexes).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "common/base64.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/timestamp.h"

#include "compile.h"

/* Register a parameter; returns its number ($n). */
int
add_param(CompileState *cs, Oid type, Datum value, bool isnull)
{
	if (cs->nparams == cs->maxparams)
	{
		cs->maxparams = Max(16, cs->maxparams * 2);
		if (cs->param_types == NULL)
		{
			cs->param_types = palloc(sizeof(Oid) * cs->maxparams);
			cs->param_values = palloc(sizeof(Datum) * cs->maxparams);
			cs->param_nulls = palloc(sizeof(bool) * cs->maxparams);
		}
		else
		{
			cs->param_types = repalloc(cs->param_types, sizeof(Oid) * cs->maxparams);
			cs->param_values = repalloc(cs->param_values, sizeof(Datum) * cs->maxparams);
			cs->param_nulls = repalloc(cs->param_nulls, sizeof(bool) * cs->maxparams);
		}
	}
	cs->param_types[cs->nparams] = type;
	cs->param_values[cs->nparams] = value;
	cs->param_nulls[cs->nparams] = isnull;
	return ++cs->nparams;
}

/* A JSON integer as int64, or an error naming the path. */
int64
json_integer(CompileState *cs, const JsonValue *value)
{
	char	   *end;
	long long	result;

	if (value->kind != JV_NUMBER || !value->is_integer)
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
					  "expected an integer, got %s",
					  value->kind == JV_NUMBER ? value->str : json_kind_name(value->kind));
	errno = 0;
	result = strtoll(value->str, &end, 10);
	/* the most negative int64 cannot be negated (a negative take) */
	if (errno != 0 || *end != '\0' || result == PG_INT64_MIN)
		compile_error(cs, ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE, NULL,
					  "integer %s is out of range", value->str);
	return (int64) result;
}

/* Does s look like a decimal number: -?digits[.digits][e[+-]digits]? */
static bool
is_decimal_text(const char *s, bool allow_fraction)
{
	const char *p = s;

	if (*p == '-' || *p == '+')
		p++;
	if (!isdigit((unsigned char) *p))
		return false;
	while (isdigit((unsigned char) *p))
		p++;
	if (allow_fraction && *p == '.')
	{
		p++;
		if (!isdigit((unsigned char) *p))
			return false;
		while (isdigit((unsigned char) *p))
			p++;
	}
	if (allow_fraction && (*p == 'e' || *p == 'E'))
	{
		p++;
		if (*p == '-' || *p == '+')
			p++;
		if (!isdigit((unsigned char) *p))
			return false;
		while (isdigit((unsigned char) *p))
			p++;
	}
	return *p == '\0';
}

/* Is s an ISO-8601 date-time with a zone: YYYY-MM-DDTHH:MM[:SS[.fff]](Z|+HH:MM)? */
static bool
is_iso_datetime(const char *s)
{
	const char *form = "dddd-dd-ddTdd:dd";
	const char *p = s;
	const char *f;

	for (f = form; *f; f++, p++)
	{
		if (*f == 'd' ? !isdigit((unsigned char) *p) : *p != *f)
			return false;
	}
	if (p[0] == ':' && isdigit((unsigned char) p[1]) && isdigit((unsigned char) p[2]))
	{
		p += 3;
		if (*p == '.')
		{
			p++;
			if (!isdigit((unsigned char) *p))
				return false;
			while (isdigit((unsigned char) *p))
				p++;
		}
	}
	if (*p == 'Z')
		return p[1] == '\0';
	if ((*p == '+' || *p == '-') && isdigit((unsigned char) p[1]) &&
		isdigit((unsigned char) p[2]))
	{
		p += 3;
		if (*p == ':')
			p++;
		if (*p == '\0')
			return true;
		return isdigit((unsigned char) p[0]) && isdigit((unsigned char) p[1]) && p[2] == '\0';
	}
	return false;
}

/*
 * Call a type's input function; a data exception it raises (a value out of
 * the type's range, a date that does not exist, ...) is raised again with
 * the JSON path.  Other errors (out of memory, cancel) pass unchanged.
 */
static Datum
input_at_path(CompileState *cs, Oid infunc, char *text, Oid ioparam)
{
	MemoryContext cxt = CurrentMemoryContext;
	Datum		result = (Datum) 0;

	PG_TRY();
	{
		result = OidInputFunctionCall(infunc, text, ioparam, -1);
	}
	PG_CATCH();
	{
		ErrorData  *edata;

		MemoryContextSwitchTo(cxt);
		edata = CopyErrorData();
		if (ERRCODE_TO_CATEGORY(edata->sqlerrcode) != ERRCODE_DATA_EXCEPTION)
			PG_RE_THROW();
		FlushErrorState();
		compile_error(cs, edata->sqlerrcode, edata->hint, "%s", edata->message);
	}
	PG_END_TRY();
	return result;
}

/* A DateTime string as a Datum of the column's type (values are UTC). */
static Datum
datetime_datum(CompileState *cs, Oid type, const char *text)
{
	Datum		ts;

	if (!is_iso_datetime(text))
		compile_error(cs, ERRCODE_INVALID_DATETIME_FORMAT,
					  "Pass DateTime values as ISO-8601 strings, as Date.toISOString() writes them.",
					  "invalid DateTime \"%s\": expected an ISO-8601 date-time like 2020-01-31T12:00:00.000Z", text);
	ts = input_at_path(cs, F_TIMESTAMPTZ_IN, (char *) text, InvalidOid);
	switch (type)
	{
		case TIMESTAMPTZOID:
		case TIMESTAMPOID:
			/* timestamp columns hold UTC wall-clock time: the same count */
			return ts;
		case DATEOID:
			return DirectFunctionCall1(timestamp_date, ts);
		case TIMEOID:
			return DirectFunctionCall1(timestamp_time, ts);
		case TIMETZOID:
			return DirectFunctionCall1(timestamptz_timetz, ts);
		default:
			elog(ERROR, "unexpected DateTime column type %u", type);
	}
	return (Datum) 0;
}

/* A base64 string as bytea. */
static Datum
bytes_datum(CompileState *cs, const JsonValue *value)
{
	int			maxlen = pg_b64_dec_len(value->len);
	bytea	   *result = palloc(VARHDRSZ + maxlen);
	int			len;

	len = pg_b64_decode(value->str, value->len, (b64_byte *) VARDATA(result), maxlen);
	if (len < 0)
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
					  "invalid Bytes value: expected a base64 string");
	SET_VARSIZE(result, VARHDRSZ + len);
	return PointerGetDatum(result);
}

/* Raise the error for a value of the wrong JSON kind. */
pg_noreturn static void
wrong_kind(CompileState *cs, const PrismaField *field, const JsonValue *value, const char *expected)
{
	compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
				  "invalid value for field %s of type %s: expected %s, got %s",
				  field->name, field->type_name, expected,
				  value->kind == JV_NUMBER || value->kind == JV_STRING ?
				  psprintf("%s %s", json_kind_name(value->kind),
						   value->kind == JV_STRING ? quote_literal_cstr(value->str) : value->str) :
				  json_kind_name(value->kind));
}

/* The database label of the enum value named by a string (its @map, or the
 * name), checked against the schema. */
static char *
enum_db_value(CompileState *cs, const PrismaField *field, const char *label)
{
	int			i;
	StringInfoData allowed;

	for (i = 0; i < cs->schema->nenums; i++)
	{
		const PrismaEnum *e = &cs->schema->enums[i];
		int			j;

		if (strcmp(e->name, field->type_name) != 0)
			continue;
		initStringInfo(&allowed);
		for (j = 0; j < e->nvalues; j++)
		{
			if (strcmp(e->values[j], label) == 0)
				return e->db_values[j];
			appendStringInfo(&allowed, "%s%s", j > 0 ? ", " : "", e->values[j]);
		}
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE,
					  psprintf("Valid values: %s.", allowed.data),
					  "invalid value \"%s\" for enum %s", label, e->name);
	}
	elog(ERROR, "enum %s not in schema", field->type_name);
}

/*
 * One scalar value of field as a Datum of type (the column's type, or its
 * element type for lists).  JSON null is the caller's business.
 */
static Datum
value_datum(CompileState *cs, const PrismaField *field, Oid type, const JsonValue *value)
{
	Oid			infunc;
	Oid			ioparam;
	char	   *text;

	switch (field->type)
	{
		case PT_BOOLEAN:
			if (value->kind != JV_BOOL)
				wrong_kind(cs, field, value, "a boolean");
			return BoolGetDatum(value->boolean);
		case PT_INT:
			if (value->kind != JV_NUMBER || !value->is_integer)
				wrong_kind(cs, field, value, "an integer");
			{
				int64		i = json_integer(cs, value);

				/* an oid column (@db.Oid) takes unsigned values as well */
				if (i < PG_INT32_MIN || i > (type == OIDOID ? PG_UINT32_MAX : PG_INT32_MAX))
					compile_error(cs, ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE, NULL,
								  "value %s is out of range for field %s of type Int",
								  value->str, field->name);
				if (type == INT4OID)
					return Int32GetDatum((int32) i);
			}
			text = value->str;
			break;
		case PT_BIGINT:
			if (!((value->kind == JV_NUMBER && value->is_integer) ||
				  (value->kind == JV_STRING && is_decimal_text(value->str, false))))
				wrong_kind(cs, field, value, "an integer or a string of digits");
			text = value->str;
			break;
		case PT_FLOAT:
			if (value->kind == JV_STRING &&
				(strcmp(value->str, "NaN") == 0 || strcmp(value->str, "Infinity") == 0 ||
				 strcmp(value->str, "-Infinity") == 0))
				text = value->str;
			else if (value->kind == JV_NUMBER)
				text = value->str;
			else
				wrong_kind(cs, field, value, "a number");
			break;
		case PT_DECIMAL:
			if (!(value->kind == JV_NUMBER ||
				  (value->kind == JV_STRING && is_decimal_text(value->str, true))))
				wrong_kind(cs, field, value, "a number or a decimal string");
			text = value->str;
			break;
		case PT_DATETIME:
			if (value->kind != JV_STRING)
				wrong_kind(cs, field, value, "an ISO-8601 date-time string");
			return datetime_datum(cs, type, value->str);
		case PT_BYTES:
			if (value->kind != JV_STRING)
				wrong_kind(cs, field, value, "a base64 string");
			return bytes_datum(cs, value);
		case PT_ENUM:
			if (value->kind != JV_STRING)
				wrong_kind(cs, field, value, "a string");
			text = enum_db_value(cs, field, value->str);
			break;
		case PT_JSON:
			text = json_to_text(value);
			break;
		case PT_STRING:
			if (value->kind != JV_STRING)
				wrong_kind(cs, field, value, "a string");
			if (type == TEXTOID)
				return PointerGetDatum(cstring_to_text_with_len(value->str, value->len));
			text = value->str;
			break;
		default:
			elog(ERROR, "unexpected field type %d", field->type);
	}
	getTypeInputInfo(type, &infunc, &ioparam);
	return input_at_path(cs, infunc, text, ioparam);
}

/*
 * Append the cast under which a column's values are told apart as Prisma's
 * distinct tells them (in memory, on the values as it reads them): Xml and
 * Json, which have no equality, by their text (jsonb), timetz without its
 * offset, citext case-sensitively; other types as they are.
 */
void
append_distinct_cast(StringInfo buf, const PrismaField *field)
{
	bool		citext = field->native_type != NULL && strncmp(field->native_type, "Citext", 6) == 0;
	Oid			type = getBaseType(field->col_type);

	if (field->is_list)
		type = get_element_type(type);
	if (type == XMLOID || citext)
		appendStringInfoString(buf, field->is_list ? "::text[]" : "::text");
	else if (type == JSONOID)
		appendStringInfoString(buf, field->is_list ? "::jsonb[]" : "::jsonb");
	else if (type == TIMETZOID)
		appendStringInfoString(buf, field->is_list ? "::time[]" : "::time");
}

/* Is value a field reference, {"_ref": "field", "_container": "Model"}
 * (how Prisma sends prisma.model.fields.field)? */
bool
is_field_reference(const JsonValue *value)
{
	return value->kind == JV_OBJECT && json_get(value, "_ref") != NULL;
}

/* Raise "not supported" for a field reference where none is taken. */
static void
reject_field_reference(CompileState *cs, const JsonValue *value)
{
	if (is_field_reference(value))
		compile_error(cs, ERRCODE_FEATURE_NOT_SUPPORTED,
					  "Field references are supported in where filters on scalar and list fields.",
					  "a field reference (prisma.model.fields.x) is not supported here");
}

/* "Int", "Role[]": a field's type as Prisma's errors write it. */
static char *
field_type_text(const PrismaField *field, bool list)
{
	return psprintf("%s%s", field->type_name, list ? "[]" : "");
}

/*
 * The field a field reference names, checked as Prisma checks it: a scalar
 * field of model (the filter's own model), of the type of field, a list
 * field when list is true (in, notIn, hasSome, hasEvery), else not.
 */
const PrismaField *
field_reference(CompileState *cs, const PrismaModel *model, const PrismaField *field,
				const JsonValue *value, bool list)
{
	const JsonValue *ref = json_get(value, "_ref");
	const JsonValue *container = json_get(value, "_container");
	const PrismaField *target;
	int			f;

	for (int i = 0; i < value->n; i++)
		if (strcmp(value->keys[i], "_ref") != 0 && strcmp(value->keys[i], "_container") != 0)
			compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
						  "unknown key \"%s\" in a field reference: expected _ref and _container",
						  value->keys[i]);
	if (ref->kind != JV_STRING || (container != NULL && container->kind != JV_STRING))
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
					  "a field reference takes strings: {\"_ref\": \"field\", \"_container\": \"Model\"}");
	if (container != NULL && strcmp(container->str, model->name) != 0)
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE,
					  "A filter compares with fields of its own model.",
					  "field reference to model %s in a filter on model %s",
					  container->str, model->name);
	f = model_find_field(model, ref->str);
	/* having compiles over a stand-in of the model that holds the by fields */
	if (f < 0 && model_find_field(schema_find_model(cs->schema, model->name), ref->str) >= 0)
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE,
					  "A field reference in having names a field of by, as in Prisma.",
					  "field %s is not in by", ref->str);
	if (f < 0 || model->fields[f].type == PT_RELATION)
		compile_error(cs, ERRCODE_UNDEFINED_COLUMN, NULL,
					  "unknown scalar field \"%s\" on model %s in a field reference",
					  ref->str, model->name);
	target = &model->fields[f];
	if (field->ref_type != NULL)
		field = field->ref_type;
	if (target->type != field->type || target->is_list != list ||
		strcmp(target->type_name, field->type_name) != 0)
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
					  "Expected a referenced scalar field of type %s but found %s.%s of type %s.",
					  field_type_text(field, list), model->name, target->name,
					  field_type_text(target, target->is_list));
	return target;
}

/* Add one value of field as a parameter of the given type. */
int
add_value_param(CompileState *cs, const PrismaField *field, Oid type, const JsonValue *value)
{
	reject_field_reference(cs, value);
	if (value->kind == JV_NULL)
		compile_error(cs, ERRCODE_NULL_VALUE_NOT_ALLOWED, NULL,
					  "null is not allowed here");
	return add_param(cs, type, value_datum(cs, field, type, value), false);
}

/* Add a JSON array of values of field as one array parameter. */
int
add_list_param(CompileState *cs, const PrismaField *field, Oid elemtype, const JsonValue *list)
{
	Datum	   *elems;
	int16		typlen;
	bool		typbyval;
	char		typalign;
	Oid			arraytype = get_array_type(elemtype);
	int			i;

	reject_field_reference(cs, list);
	if (list->kind != JV_ARRAY)
		compile_error(cs, ERRCODE_INVALID_PARAMETER_VALUE, NULL,
					  "expected an array, got %s", json_kind_name(list->kind));
	if (!OidIsValid(arraytype))
		elog(ERROR, "type %u has no array type", elemtype);
	elems = palloc(sizeof(Datum) * Max(list->n, 1));
	for (i = 0; i < list->n; i++)
	{
		int			mark = path_push_index(cs, i);

		/* in a Json list, null is the JSON value null */
		if (list->items[i]->kind == JV_NULL && field->type != PT_JSON)
			compile_error(cs, ERRCODE_NULL_VALUE_NOT_ALLOWED, NULL,
						  "null is not allowed in this list");
		elems[i] = value_datum(cs, field, elemtype, list->items[i]);
		path_pop(cs, mark);
	}
	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
	return add_param(cs, arraytype,
					 PointerGetDatum(construct_array(elems, list->n, elemtype,
													 typlen, typbyval, typalign)),
					 false);
}
