/*
 * prisma_compile.h
 *		Settings shared by the stages of the extension.
 */
#ifndef PRISMA_COMPILE_MAIN_H
#define PRISMA_COMPILE_MAIN_H

#include "postgres.h"

#include "executor/spi.h"
#include "tcop/dest.h"
#include "utils/tuplestore.h"

#include "compile.h"

/* GUCs (prisma_compile.c) */
extern int	prisma_max_depth;
extern int	prisma_max_query_size;
extern int	prisma_plan_cache_size;
extern bool prisma_jit;
extern bool prisma_memoize;
extern bool prisma_generic_plans;
extern bool prisma_parallel;
extern int	prisma_work_mem;
extern int	prisma_retained_memory;
extern int	prisma_max_result_size;

/* backend_memory.c */
extern void retained_memory_assign(int newval, void *extra);

/* query_result.c: where a compiled statement's rows go */
typedef enum ResultInto
{
	RESULT_INTO_VALUE,			/* the single value */
	RESULT_INTO_ARRAY,			/* one row per record, written as one array */
	RESULT_INTO_ROWS			/* one row per record, into a tuplestore */
} ResultInto;

extern char *rows_form_sql(const char *sql);
extern DestReceiver *result_receiver_create(ResultInto into, Tuplestorestate *store,
											TupleDesc desc);
extern Datum result_receiver_value(DestReceiver *self, const CompiledQuery *q);
extern void result_receiver_abort(DestReceiver *self);

/* execute.c: running a compiled statement, rows to dest or as the JSON */
extern void run_compiled(const CompiledQuery *q, int64 schema_version, DestReceiver *dest);
extern Datum run_query(CompiledQuery *q, const char *operation, int64 schema_version);

/* plan_cache.c: the kept plan for a compiled query (inside SPI), made by
 * prepare on a miss (execute.c's plan_prepare) */
typedef SPIPlanPtr (*PlanPrepareFn) (const CompiledQuery *q, bool *per_values);
extern SPIPlanPtr plan_cache_get(const CompiledQuery *q, int64 schema_version,
								 PlanPrepareFn prepare, bool *per_values);
extern char *plan_cache_stats_json(void);
extern void plan_cache_reset(void);

/* safe_path.c: the fixed search_path of every entry point */
extern int	safe_path_enter(Oid fn_oid);
extern void safe_path_leave(int level);

#endif							/* PRISMA_COMPILE_MAIN_H */
