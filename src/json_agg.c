/*
 * json_agg.c
 *	  prisma_agg(record), prisma_agg(names, VARIADIC "any"): records, or
 *	  objects of named values, into a JSON array in input order.
 *
 * An array over prisma_compile.max_result_size is an error
 * (query_result.c).  Objects are written by json_emit.c; children
 * grouped by parent are json_group.c's.
 */
#include "postgres.h"

#include "fmgr.h"
#include "json_emit.h"
#include "pg_compat.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

PG_FUNCTION_INFO_V1(prisma_agg_transfn);
PG_FUNCTION_INFO_V1(prisma_agg_fields_transfn);
PG_FUNCTION_INFO_V1(prisma_agg_finalfn);

/* The aggregate's memory context, or an error outside an aggregate. */
MemoryContext
prisma_agg_context(FunctionCallInfo fcinfo)
{
	MemoryContext aggcxt;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "%s called in non-aggregate context",
			 get_func_name(fcinfo->flinfo->fn_oid));
	return aggcxt;
}

/*
 * The state of prisma_agg with the separator of the next element written:
 * '[' before the first, ',' after.
 */
static StringInfo
agg_state_next(FunctionCallInfo fcinfo)
{
	MemoryContext aggcxt = prisma_agg_context(fcinfo);
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
	return state;
}

/* prisma_agg(record) transition: append one record (or null). */
Datum
prisma_agg_transfn(PG_FUNCTION_ARGS)
{
	StringInfo	state = agg_state_next(fcinfo);

	prisma_emit_record_arg(state, fcinfo, 1);
	prisma_check_result_size(state->len);
	PG_RETURN_POINTER(state);
}

/* prisma_agg(names, VARIADIC "any") transition: append one object of the values. */
Datum
prisma_agg_fields_transfn(PG_FUNCTION_ARGS)
{
	StringInfo	state = agg_state_next(fcinfo);

	prisma_emit_fields_args(state, fcinfo, 1);
	prisma_check_result_size(state->len);
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
