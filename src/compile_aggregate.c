/*
 * compile_aggregate.c
 *		count, aggregate and groupBy (being written).
 */
#include "postgres.h"

#include "compile.h"

/* Compile count, aggregate or groupBy into sql; returns the result shape. */
ResultShape
compile_aggregate(CompileState *cs, StringInfo sql, const PrismaModel *model,
				  const char *operation, const JsonValue *args)
{
	path_push(cs, "operation");
	compile_error(cs, ERRCODE_FEATURE_NOT_SUPPORTED, NULL,
				  "operation %s is not supported yet", operation);
	return RESULT_VALUE;
}
