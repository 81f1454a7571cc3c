/*
 * safe_path.c
 *		The fixed search_path every entry point runs under.
 *
 * Compiled statements name the extension's functions (prisma_row,
 * prisma_agg, ...) and operators (= on enums) unqualified, and the caller
 * chooses the search_path.  So that a schema the caller (or anyone who can
 * create objects in a schema on the caller's path) controls can never
 * supply them, each entry point sets search_path to
 * "pg_catalog, <the extension's schema>, pg_temp" at a new GUC nest level
 * for its whole run (parse, schema rebuild, compile, prepare, execute) and
 * restores the caller's on the way out; on an error the (sub)transaction
 * abort restores it.  Tables are always schema-qualified (the stored
 * schema resolves them with the loader's path: schema_catalog.c).  As
 * every statement is prepared and executed under the same path,
 * PostgreSQL's plan cache never re-plans for a caller's path.
 * See docs/safety.md.
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "prisma_compile.h"

static Oid	path_fn_namespace = InvalidOid;	/* namespace of the last caller */
static char *path_value = NULL; /* its search_path, in TopMemoryContext */

/*
 * Enter the fixed search_path for a call of the extension's function
 * fn_oid (its namespace is the extension's schema).  Returns the GUC nest
 * level to pass to safe_path_leave.
 */
int
safe_path_enter(Oid fn_oid)
{
	Oid			nsp = get_func_namespace(fn_oid);
	int			level;

	if (path_value == NULL || nsp != path_fn_namespace)
	{
		char	   *name = get_namespace_name(nsp);

		if (name == NULL)
			elog(ERROR, "namespace of function %u not found", fn_oid);
		if (path_value != NULL)
			pfree(path_value);
		path_value = MemoryContextStrdup(TopMemoryContext,
										 psprintf("pg_catalog, %s, pg_temp",
												  quote_identifier(name)));
		path_fn_namespace = nsp;
	}
	level = NewGUCNestLevel();
	(void) set_config_option("search_path", path_value, PGC_USERSET, PGC_S_SESSION,
							 GUC_ACTION_SAVE, true, 0, false);
	return level;
}

/* Restore the caller's search_path (and every setting made since enter). */
void
safe_path_leave(int level)
{
	AtEOXact_GUC(true, level);
}
