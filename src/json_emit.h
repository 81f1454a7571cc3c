/*
 * json_emit.h
 *	  JSON writing helpers of prisma_compile, shared with the other stages.
 *
 * prisma_row and prisma_object live in json_emit.c, the aggregates in
 * json_agg.c and json_group.c; this header exposes the object writers
 * (from a record, from named arguments) to the aggregates and the string
 * escaper so that every stage writes JSON strings the same way (RFC 8259).
 */
#ifndef PRISMA_JSON_EMIT_H
#define PRISMA_JSON_EMIT_H

#include "fmgr.h"
#include "lib/stringinfo.h"

#include "format.h"				/* prisma_json_escape */

/*
 * Append argument argno of the calling function (a record, or null) as a
 * JSON object (or null); the row type's cache is kept in
 * fcinfo->flinfo->fn_extra of the calling function.
 */
extern void prisma_emit_record_arg(StringInfo buf, FunctionCallInfo fcinfo, int argno);

/*
 * Append the arguments after argno of the calling function as one JSON
 * object, named by the text[] argument argno (the fields form: no record
 * is formed); the call site's cache is kept in fcinfo->flinfo->fn_extra.
 */
extern void prisma_emit_fields_args(StringInfo buf, FunctionCallInfo fcinfo, int argno);

/* The memory context of the aggregate calling fcinfo's function (json_agg.c). */
extern MemoryContext prisma_agg_context(FunctionCallInfo fcinfo);

/* query_result.c: 54000 when a JSON value grows over prisma_compile.max_result_size */
extern void prisma_check_result_size(Size len);
/* the same for one group and all groups of a set-based level */
extern void prisma_check_group_size(Size group_len, Size total_len);

#endif							/* PRISMA_JSON_EMIT_H */
