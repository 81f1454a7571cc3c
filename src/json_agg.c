/*
 * json_agg.c
 *	  prisma_agg(record): records into a JSON array in input order.
 *
 * Records are written by prisma_emit_record_arg (json_emit.c); children
 * grouped by parent are json_group.c's.
 */
#include "postgres.h"

#include "fmgr.h"
#include "json_emit.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

PG_FUNCTION_INFO_V1(prisma_agg_transfn);
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

/* prisma_agg transition: append one record (or null) to the array text. */
Datum
prisma_agg_transfn(PG_FUNCTION_ARGS)
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
	prisma_emit_record_arg(state, fcinfo, 1);
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
