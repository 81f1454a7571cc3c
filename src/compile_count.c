/*
 * compile_count.c
 *		The count of a relation's rows per parent row: a correlated
 *		count(*) subquery, or the counts of all parents grouped once and
 *		joined (a _count in a set-based read, an orderBy on the _count of a
 *		relation without an index on its key).
 */
#include "postgres.h"

#include "compile.h"

/* Append (SELECT count(*) ...) of the rows of rel for parent tP, filtered. */
void
append_relation_count(CompileState *cs, StringInfo buf, const PrismaField *rel,
					  const JsonValue *where, int parent_alias)
{
	int			alias = ++cs->next_alias;

	/* counts are numbers in Prisma's results: int4, not count()'s int8 */
	appendStringInfoString(buf, "(SELECT count(*)::int4 ");
	append_relation_source(cs, buf, rel, parent_alias, alias);
	if (where != NULL)
	{
		int			mark = path_push(cs, "where");

		appendStringInfoString(buf, " AND ");
		compile_where(cs, buf, &cs->schema->models[rel->target], alias, where);
		path_pop(cs, mark);
	}
	appendStringInfoChar(buf, ')');
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
 */
void
append_grouped_count(CompileState *cs, StringInfo buf, StringInfo joins, const PrismaField *rel,
					 const JsonValue *where, const char *parents, int parent_alias)
{
	int			alias = ++cs->next_alias;

	appendStringInfoString(joins, " LEFT JOIN (SELECT ");
	append_relation_key(joins, rel, alias, 0);
	appendStringInfoString(joins, " AS \"__k\", count(*)::int4 AS n ");
	append_relation_source_set(cs, joins, rel, alias, "", parents, parent_alias);
	if (where != NULL)
	{
		int			mark = path_push(cs, "where");

		appendStringInfoString(joins, " AND ");
		compile_where(cs, joins, &cs->schema->models[rel->target], alias, where);
		path_pop(cs, mark);
	}
	appendStringInfo(joins, " GROUP BY 1) c%d ON c%d.\"__k\" = ", alias, alias);
	append_column(joins, parent_alias, rel->local_cols[0]);
	appendStringInfo(buf, "coalesce(c%d.n, 0)", alias);
}
