/*
 * execute.c
 *		Running a compiled statement: how it is planned, under which
 *		settings, and where its rows go.
 *
 * The decision to plan a statement once (a generic plan, kept) or for the
 * values of each execution is made here, in plan_prepare, once per kept
 * plan: the compiler marks a set-based read, a relation filter and a
 * grouped count (CompiledQuery.plan_per_values: their best plan depends on
 * how many rows the values select), and a statement whose generic plan
 * reads a large table from end to end is planned per execution too when
 * prisma_compile.parallel is on, where the planning time is small next to
 * the scan and parallel workers can share it.  plan_cache.c keeps the plan
 * and the decision; run_compiled applies it to each execution
 * (allow_parallel_workers, for set-based reads and those large scans, only
 * when prisma_compile.parallel is on: by default every statement runs with
 * the session's parallel settings, Prisma's plan space, because a worker's
 * start can cost more than the scan it shares).  Memoize is off for every
 * compiled statement (prisma_compile.memoize): under a LIMIT the planner
 * chose a Memoize plan that read a whole join table where Prisma's nested
 * loop stopped early.  A count or an aggregate is planned in
 * Prisma's plan space (CompiledQuery.session_settings): over its rows as
 * an OFFSET 0 subquery, which PostgreSQL never aggregates in parallel (a
 * parallel aggregate of ours saved the planner a few percent of its
 * estimate, each process hashing the filter's rows again, while a
 * worker's start on a busy machine cost more than the whole serial
 * count), with the session's settings, under which a large scan below the
 * count may still go parallel as Prisma's does.  docs/design.md, "Plan
 * caching".
 */
#include "postgres.h"

#include "access/table.h"
#include "miscadmin.h"
#include "nodes/params.h"
#include "optimizer/paths.h"
#include "parser/parsetree.h"
#include "storage/bufmgr.h"
#include "utils/guc.h"
#include "utils/plancache.h"
#include "utils/rel.h"

#include "prisma_compile.h"

/* Does a plan tree read a table of at least min_parallel_table_scan_size by a sequential scan? */
static bool
plan_scans_large_table(Plan *node, List *rtable)
{
	if (node == NULL)
		return false;
	if (IsA(node, SeqScan))
	{
		RangeTblEntry *rte = rt_fetch(((Scan *) node)->scanrelid, rtable);
		Relation	rel = table_open(rte->relid, AccessShareLock);
		BlockNumber blocks = RelationGetNumberOfBlocks(rel);

		table_close(rel, AccessShareLock);
		if (blocks > 0 && blocks >= (BlockNumber) min_parallel_table_scan_size)
			return true;
	}
	if (IsA(node, SubqueryScan))
		return plan_scans_large_table(((SubqueryScan *) node)->subplan, rtable);
	if (IsA(node, Append) || IsA(node, MergeAppend))
	{
		ListCell   *lc;

		foreach(lc, IsA(node, Append) ? ((Append *) node)->appendplans :
				((MergeAppend *) node)->mergeplans)
			if (plan_scans_large_table(lfirst(lc), rtable))
				return true;
	}
	return plan_scans_large_table(node->lefttree, rtable) ||
		plan_scans_large_table(node->righttree, rtable);
}

/*
 * Is a kept statement's generic plan a full scan of a large table?  Builds
 * the generic plan (kept for the executions, as the first one would have
 * built it) and looks through it and its subplans.
 */
static bool
generic_plan_scans_large_table(SPIPlanPtr plan)
{
	CachedPlan *cplan = SPI_plan_get_cached_plan(plan);
	bool		found = false;
	ListCell   *lc;

	if (cplan == NULL)
		return false;
	foreach(lc, cplan->stmt_list)
	{
		PlannedStmt *stmt = lfirst_node(PlannedStmt, lc);
		ListCell   *sp;

		found = found || plan_scans_large_table(stmt->planTree, stmt->rtable);
		foreach(sp, stmt->subplans)
			found = found || plan_scans_large_table(lfirst(sp), stmt->rtable);
	}
	ReleaseCachedPlan(cplan, CurrentResourceOwner);
	return found;
}

/* Prepare and keep a plan for q with the given cursor options. */
static SPIPlanPtr
plan_prepare_with(const CompiledQuery *q, int options)
{
	SPIPlanPtr	plan = SPI_prepare_cursor(q->sql, q->nparams, q->param_types,
										  CURSOR_OPT_PARALLEL_OK | options);

	if (plan == NULL)
		elog(ERROR, "SPI_prepare failed for compiled query: %s",
			 SPI_result_code_string(SPI_result));
	if (SPI_keepplan(plan) != 0)
		elog(ERROR, "SPI_keepplan failed");
	return plan;
}

/*
 * Prepare and keep a plan for q; *per_values says whether it is planned
 * for each execution's values.  Compiled statements only read, so parallel
 * plans are allowed.  A generic plan fits one-row reads whatever the
 * values.  A set-based read's best plan depends on how many parent rows its
 * take and filter leave (a generic plan guesses a few and probes an index
 * per child row), and a full scan of a large table is worth planning with
 * parallel workers for the values at hand (not a count or an aggregate,
 * which keeps its generic plan and the session's settings).
 */
static SPIPlanPtr
plan_prepare(const CompiledQuery *q, bool *per_values)
{
	SPIPlanPtr	plan;

	*per_values = q->plan_per_values;
	if (*per_values)
		return plan_prepare_with(q, CURSOR_OPT_CUSTOM_PLAN);
	if (!prisma_generic_plans)
		return plan_prepare_with(q, 0);
	plan = plan_prepare_with(q, CURSOR_OPT_GENERIC_PLAN);
	if (!prisma_parallel || q->session_settings)
		return plan;
	PG_TRY();
	{
		*per_values = generic_plan_scans_large_table(plan);
	}
	PG_CATCH();
	{
		/* planning failed (or was cancelled): the kept plan is not cached yet */
		SPI_freeplan(plan);
		PG_RE_THROW();
	}
	PG_END_TRY();
	if (*per_values)
	{
		SPI_freeplan(plan);
		plan = plan_prepare_with(q, CURSOR_OPT_CUSTOM_PLAN);
	}
	return plan;
}

/*
 * Planner settings of a statement planned for each execution's values (a
 * set-based read, or a full scan of a large table: see plan_prepare), for
 * the current GUC nest level.  A set-based read's bitmap scan of the join
 * table is sized by its index condition (PostgreSQL guesses 10 keys there,
 * under min_parallel_table_scan_size), which would rule parallel workers
 * out before the planner weighs them; the lower cost per row through a
 * Gather lets a large scan hand its hashing to the workers.
 */
static void
allow_parallel_workers(void)
{
	(void) set_config_option("min_parallel_table_scan_size", "0", PGC_USERSET,
							 PGC_S_SESSION, GUC_ACTION_SAVE, true, 0, false);
	(void) set_config_option("parallel_tuple_cost", "0.01", PGC_USERSET,
							 PGC_S_SESSION, GUC_ACTION_SAVE, true, 0, false);
}

/* Run a compiled query, its rows sent to dest (query_result.c). */
void
run_compiled(const CompiledQuery *q, int64 schema_version, DestReceiver *dest)
{
	SPIPlanPtr	plan;
	ParamListInfo params = makeParamList(q->nparams);
	SPIExecuteOptions options = {0};
	int			save_nestlevel;
	bool		per_values;
	int			ret;
	int			i;

	for (i = 0; i < q->nparams; i++)
	{
		params->params[i].value = q->param_values[i];
		params->params[i].isnull = q->param_nulls[i];
		params->params[i].pflags = PARAM_FLAG_CONST;
		params->params[i].ptype = q->param_types[i];
	}
	options.params = params;
	options.read_only = false;
	options.dest = dest;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	save_nestlevel = NewGUCNestLevel();
	if (!prisma_jit)
		(void) set_config_option("jit", "off", PGC_USERSET, PGC_S_SESSION,
								 GUC_ACTION_SAVE, true, 0, false);
	if (!prisma_memoize)
		(void) set_config_option("enable_memoize", "off", PGC_USERSET, PGC_S_SESSION,
								 GUC_ACTION_SAVE, true, 0, false);
	/* a set-based read or a hashed SubPlan has its own work_mem; the rest plan as Prisma's statements */
	if (prisma_work_mem > 0 && q->own_work_mem)
		(void) set_config_option("work_mem", psprintf("%d", prisma_work_mem), PGC_USERSET,
								 PGC_S_SESSION, GUC_ACTION_SAVE, true, 0, false);

	plan = plan_cache_get(q, schema_version, plan_prepare, &per_values);
	/* a relation filter or a grouped count is planned with the session's settings */
	if (prisma_parallel && per_values && !q->session_settings &&
		(q->set_based || !q->plan_per_values))
		allow_parallel_workers();
	PG_TRY();
	{
		ret = SPI_execute_plan_extended(plan, &options);
	}
	PG_CATCH();
	{
		result_receiver_abort(dest);
		PG_RE_THROW();
	}
	PG_END_TRY();
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "compiled query failed: %s", SPI_result_code_string(ret));

	AtEOXact_GUC(true, save_nestlevel);
	SPI_finish();
}

/*
 * Run a compiled query and return its JSON.  A findMany runs as one row per
 * record, written straight into the result array (docs/large-results.md).
 */
Datum
run_query(CompiledQuery *q, const char *operation, int64 schema_version)
{
	char	   *rows_sql = strcmp(operation, "findMany") == 0 ? rows_form_sql(q->sql) : NULL;
	DestReceiver *dest;

	if (rows_sql != NULL)
		q->sql = rows_sql;
	dest = result_receiver_create(rows_sql ? RESULT_INTO_ARRAY : RESULT_INTO_VALUE, NULL, NULL);
	run_compiled(q, schema_version, dest);
	return result_receiver_value(dest, q);
}
