/*
 * compile_count.c
 *		The count of a relation's rows per parent row: a correlated
 *		count(*) subquery, or the counts of all parents grouped once and
 *		joined (a _count in a set-based read, an orderBy on the _count of a
 *		relation: docs/set-based.md).
 */
#include "postgres.h"

#include "compile.h"

/* Append (SELECT count(*) ...) of the rows of rel for parent tP, filtered. */
void
append_relation_count(CompileState *cs, StringInfo buf, const PrismaField *rel,
					  const JsonValue *where, int parent_alias)
{
	int			mark = path_push(cs, "where");

	/* counts are numbers in Prisma's results: int4, not count()'s int8 */
	append_related_subquery(cs, buf, "count(*)::int4", rel, parent_alias, where, RELATED_WHERE);
	path_pop(cs, mark);
}

/*
 * Append to joins the counts of rel's rows per parent key, grouped once,
 * and to buf the count of row tP (docs/set-based.md):
 *
 *   LEFT JOIN (SELECT <key> AS "__k", count(*)::int4 AS n FROM <children>
 *              WHERE <key> IN (<keys of parents>) AND <where> GROUP BY 1) cN
 *     ON cN."__k" = tP.<key>                                  -- coalesce(cN.n, 0)
 *
 * parents NULL: the children of every parent (an orderBy over all rows).
 * key_order: the counts are wanted in key order (ORDER BY 1), so that with
 * an index on the key the planner counts the children as the index reads
 * them (a GroupAggregate over an index-only scan) and merges the counts
 * with the parents' primary key, where it would otherwise hash all the
 * children and then the counts (orderBy _count of all 100k movies at scale
 * 4: 0.12 s of CPU against 0.65 s hashed; without the ORDER BY the planner
 * costs the two plans within a tenth of each other and picks the hashes).
 */
void
append_grouped_count(CompileState *cs, StringInfo buf, StringInfo joins, const PrismaField *rel,
					 const JsonValue *where, const char *parents, int parent_alias,
					 bool key_order)
{
	int			mark = path_push(cs, "where");
	int			alias;

	appendStringInfoString(joins, " LEFT JOIN (");
	alias = append_related_keys(cs, joins, "count(*)::int4 AS n", rel, parents, parent_alias,
								where, RELATED_WHERE);
	path_pop(cs, mark);
	if (key_order)
		appendStringInfoString(joins, " ORDER BY 1");
	appendStringInfo(joins, ") c%d ON c%d.\"__k\" = ", alias, alias);
	append_column(joins, parent_alias, rel->local_cols[0]);
	appendStringInfo(buf, "coalesce(c%d.n, 0)", alias);
	cs->plan_per_values = true;
}

/*
 * Append the count of rel's rows for row tP of an ordered read, an orderBy
 * {rel: {_count}} term (docs/set-based.md).  Every row the read's filter
 * leaves needs its count before the first is known, so where the read
 * joins its counts (cs->order_joins) they are grouped once: for a read of
 * no parent, the children of the rows of order_model that match
 * order_where (all children without a filter; the planner probes the
 * key's index per row or scans once, by its estimate of those rows), for
 * a related read the children of every parent when the key has no index.
 * Otherwise, and for the cursor row's own terms, a correlated count.
 * Through an indexed foreign key the counts are grouped in key order
 * (append_grouped_count); not through a join table, whose two-column
 * primary key read in order is costed far above hashing the links (the
 * ORDER BY would only add a sort of the counts).  The statement runs
 * with the session's parallel settings, as Prisma's does.
 */
void
append_order_count(CompileState *cs, StringInfo buf, const PrismaField *rel, int alias)
{
	const char *parents = NULL;

	if (cs->order_joins == NULL || rel->nkeys != 1 ||
		(rel->key_indexed && cs->order_model == NULL))
	{
		append_relation_count(cs, buf, rel, NULL, alias);
		return;
	}
	if (cs->order_model != NULL && cs->order_where != NULL &&
		cs->order_where->kind == JV_OBJECT && cs->order_where->n > 0)
	{
		StringInfoData rows;
		StringInfoData path = cs->path;
		int			ralias = ++cs->next_alias;

		/* errors in the filter name its own path */
		initStringInfo(&cs->path);
		appendStringInfoString(&cs->path, cs->order_path);
		path_push(cs, "where");

		/* (SELECT tR.<key> FROM <model> tR WHERE <where>): the parents' keys */
		initStringInfo(&rows);
		appendStringInfoString(&rows, "(SELECT ");
		append_column(&rows, ralias, rel->local_cols[0]);
		appendStringInfoString(&rows, " FROM ");
		append_table(&rows, cs->order_model);
		appendStringInfo(&rows, " t%d WHERE ", ralias);
		compile_where(cs, &rows, NULL, cs->order_model, ralias, cs->order_where);
		appendStringInfoChar(&rows, ')');
		pfree(cs->path.data);
		cs->path = path;
		parents = rows.data;
	}
	append_grouped_count(cs, buf, cs->order_joins, rel, NULL, parents, alias,
						 rel->key_indexed && rel->rel_kind == REL_TO_MANY);
}
