/*
 * compile_relation.c
 *		Names and sources: the schema-qualified table of a model, a column
 *		through its alias (and the recorder of the columns a CTE must
 *		select), the WITH items of a statement, and the rows of a relation:
 *		correlated with one parent row, through a many-to-many join table
 *		(its links in order when the read is ordered by the target's id), or
 *		for all parents of a set-based level at once.
 *
 * Identifiers come only from the stored schema and are always quoted.
 */
#include "postgres.h"

#include "utils/builtins.h"

#include "compile.h"
#include "prisma_compile.h"

/* Append the schema-qualified quoted table name of a model (which must
 * still fit the catalog). */
void
append_table(StringInfo buf, const PrismaModel *model)
{
	schema_check_model(model);
	appendStringInfo(buf, "%s.", quote_identifier(model->rel_schema));
	appendStringInfoString(buf, quote_identifier(model->table));
}

/*
 * The columns referenced through an alias, recorded for the aliases of the
 * rows of a set-based level (a CTE): the CTE selects only those, so that a
 * role with privileges on some columns can read them (docs/set-based.md).
 * Reset for each compiled statement.
 */
typedef struct ColumnUse
{
	int			alias;
	List	   *columns;		/* char *, each once, in first-use order */
} ColumnUse;

static List *column_uses = NIL;

/* Start recording the columns referenced through tN. */
void
record_columns(int alias)
{
	ColumnUse  *use = palloc(sizeof(ColumnUse));

	use->alias = alias;
	use->columns = NIL;
	column_uses = lappend(column_uses, use);
}

/* The ColumnUse of an alias, or NULL when it is not recorded. */
static ColumnUse *
find_column_use(int alias)
{
	ListCell   *lc;

	foreach(lc, column_uses)
		if (((ColumnUse *) lfirst(lc))->alias == alias)
			return lfirst(lc);
	return NULL;
}

/* The columns referenced through tN so far (record_columns first). */
List *
recorded_columns(int alias)
{
	ColumnUse  *use = find_column_use(alias);

	return use ? use->columns : NIL;
}

/* Note a reference to tN."column". */
static void
note_column(int alias, const char *column)
{
	ColumnUse  *use = find_column_use(alias);
	ListCell   *lc;

	if (use == NULL)
		return;
	foreach(lc, use->columns)
		if (strcmp(lfirst(lc), column) == 0)
			return;
	use->columns = lappend(use->columns, (char *) column);
}

/* Append tN."column". */
void
append_column(StringInfo buf, int alias, const char *column)
{
	note_column(alias, column);
	appendStringInfo(buf, "t%d.%s", alias, quote_identifier(column));
}

/* Append "SELECT p.column FROM parents p": the keys of a set-based level's rows tP. */
void
append_parent_keys(StringInfo buf, const char *parents, int parent_alias, const char *column)
{
	note_column(parent_alias, column);
	appendStringInfo(buf, "SELECT p.%s FROM %s p", quote_identifier(column), parents);
}

/* Forget every recorded column use (each compiled statement starts afresh). */
void
reset_recorded_columns(void)
{
	column_uses = NIL;
}

/* Reserve the next WITH item of the statement; set_cte fills it. */
int
reserve_cte(CompileState *cs)
{
	cs->ctes = lappend(cs->ctes, NULL);
	return list_length(cs->ctes) - 1;
}

/* Fill a reserved WITH item: "name AS [MATERIALIZED] (body)". */
void
set_cte(CompileState *cs, int slot, const char *name, const char *body, bool materialized)
{
	lfirst(list_nth_cell(cs->ctes, slot)) =
		psprintf("%s AS %s(%s)", name, materialized ? "MATERIALIZED " : "", body);
}

/* Append the (schema-qualified) quoted name of a many-to-many join table. */
void
append_join_table(StringInfo buf, const PrismaField *rel)
{
	if (rel->join_rel_schema == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_OBJECT_DEFINITION),
				 errmsg("relation %s cannot be queried: its join table \"%s\" no longer fits the schema",
						rel->name, rel->join_table),
				 errhint("Restore the join table, or correct the schema and load it again with prisma_load_schema().")));
	appendStringInfo(buf, "%s.", quote_identifier(rel->join_rel_schema));
	appendStringInfoString(buf, quote_identifier(rel->join_table));
}

/* Append " JOIN <target> tA ON tA.id = jA.<remote>": the targets of links jA. */
static void
append_join_target(CompileState *cs, StringInfo buf, const PrismaField *rel, int alias)
{
	appendStringInfoString(buf, " JOIN ");
	append_table(buf, &cs->schema->models[rel->target]);
	appendStringInfo(buf, " t%d ON ", alias);
	append_column(buf, alias, rel->remote_cols[0]);
	appendStringInfo(buf, " = j%d.%s", alias, quote_identifier(rel->join_remote));
}

/*
 * Append "FROM <target> tA", with the join table jA first for a
 * many-to-many relation: with it leading, the planner probes its index per
 * parent row (a nested-loop semi-join that stops at the first match) where
 * the other order made it merge all links.
 */
static void
append_relation_from(CompileState *cs, StringInfo buf, const PrismaField *rel, int alias)
{
	appendStringInfoString(buf, "FROM ");
	if (rel->rel_kind == REL_MANY_TO_MANY)
	{
		append_join_table(buf, rel);
		appendStringInfo(buf, " j%d", alias);
		/* the links alone, where only their existence or number counts */
		if (!cs->links_only || !rel->links_complete)
			append_join_target(cs, buf, rel, alias);
		return;
	}
	append_table(buf, &cs->schema->models[rel->target]);
	appendStringInfo(buf, " t%d", alias);
}

/* Append the column of rel's rows that holds the parent's key (i-th part). */
void
append_relation_key(StringInfo buf, const PrismaField *rel, int alias, int i)
{
	if (rel->rel_kind == REL_MANY_TO_MANY)
		appendStringInfo(buf, "j%d.%s", alias, quote_identifier(rel->join_local));
	else
		append_column(buf, alias, rel->remote_cols[i]);
}

/*
 * Append "FROM <target> tA <joins> WHERE <link>": the rows of rel's target
 * that belong to the parent row tP.
 */
void
append_relation_source_joins(CompileState *cs, StringInfo buf, const PrismaField *rel,
							 int parent_alias, int alias, const char *joins)
{
	int			i;

	append_relation_from(cs, buf, rel, alias);
	appendStringInfo(buf, "%s WHERE ", joins);
	for (i = 0; i < rel->nkeys; i++)
	{
		if (i > 0)
			appendStringInfoString(buf, " AND ");
		append_relation_key(buf, rel, alias, i);
		appendStringInfoString(buf, " = ");
		append_column(buf, parent_alias, rel->local_cols[i]);
	}
}

/* Append "FROM <target> tA ... WHERE <link>" (no joins). */
void
append_relation_source(CompileState *cs, StringInfo buf, const PrismaField *rel,
					   int parent_alias, int alias)
{
	append_relation_source_joins(cs, buf, rel, parent_alias, alias, "");
}

/*
 * The direction to read the links of a many-to-many read in when its rows
 * are ordered by the target's id alone (the default order): 1 ascending,
 * -1 descending; 0 for any other read.
 */
int
link_order(const PrismaField *via, List *order, bool reverse, int alias)
{
	OrderItem  *item;

	if (via == NULL || via->rel_kind != REL_MANY_TO_MANY || list_length(order) != 1)
		return 0;
	item = linitial(order);
	if (strcmp(item->expr, psprintf("t%d.%s", alias, quote_identifier(via->remote_cols[0]))) != 0)
		return 0;
	return item->desc != reverse ? -1 : 1;
}

/*
 * Append "FROM (<links of tP in order>) jA JOIN <target> tA ON ...": the rows
 * of a many-to-many relation of the parent row tP, read through its links
 * sorted by the target's id (the link table's other column).  The subquery
 * is kept apart (OFFSET 0), so the planner sees the links in order and
 * probes the target's primary key per link until a LIMIT is met; flattened,
 * it merged the links with the target's whole primary key index.  No WHERE
 * is left open.
 */
void
append_links_in_order(CompileState *cs, StringInfo buf, const PrismaField *rel,
					  int parent_alias, int alias, int direction)
{
	appendStringInfo(buf, "FROM (SELECT j%d.* FROM ", alias);
	append_join_table(buf, rel);
	appendStringInfo(buf, " j%d WHERE ", alias);
	append_relation_key(buf, rel, alias, 0);
	appendStringInfoString(buf, " = ");
	append_column(buf, parent_alias, rel->local_cols[0]);
	appendStringInfo(buf, " ORDER BY j%d.%s%s OFFSET 0) j%d", alias,
					 quote_identifier(rel->join_remote), direction < 0 ? " DESC" : "", alias);
	append_join_target(cs, buf, rel, alias);
}

/*
 * The parent-key test: prisma_key_in, which keeps the scan it filters in
 * one process (PARALLEL RESTRICTED: the filter leaves few rows, so a
 * parallel plan saves the planner little more than a share of the scan,
 * less than a worker's start costs), or with prisma_compile.parallel on
 * its parallel-safe twin.  docs/design.md, "Parallel workers".
 */
static const char *
key_in_function(void)
{
	return prisma_parallel ? "prisma_key_in_parallel(" : "prisma_key_in(";
}

/*
 * Append "FROM <target> tA <joins> WHERE <key> IN <parents>": the rows of a
 * single-key relation for every row tP of the CTE parents at once (NULL:
 * every row with a key).  A single key is matched with
 * prisma_key_in(key, ARRAY(keys)): with an index, the planner turns it
 * into one bitmap scan of the index with a row estimate from the number of
 * parents (key_set.c; IN (SELECT ...) left it a semi-join with a guess of
 * 200 parents, answered by hashing a scan of the whole table); without
 * one, it is a hashed filter on a scan in one process (key_in_function).
 * docs/set-based.md.
 */
void
append_relation_source_set(CompileState *cs, StringInfo buf, const PrismaField *rel,
						   int alias, const char *joins, const char *parents, int parent_alias)
{
	append_relation_from(cs, buf, rel, alias);
	appendStringInfo(buf, "%s WHERE ", joins);
	if (parents == NULL)
	{
		append_relation_key(buf, rel, alias, 0);
		appendStringInfoString(buf, " IS NOT NULL");
	}
	else if (rel->nkeys == 1)
	{
		appendStringInfoString(buf, key_in_function());
		append_relation_key(buf, rel, alias, 0);
		appendStringInfoString(buf, ", ARRAY(");
		append_parent_keys(buf, parents, parent_alias, rel->local_cols[0]);
		appendStringInfoString(buf, "))");
	}
	else
	{
		/* a compound key: (k1, k2) IN (SELECT p.c1, p.c2 FROM parents p) */
		appendStringInfoChar(buf, '(');
		append_relation_keys(buf, rel, alias, false);
		appendStringInfoString(buf, ") IN (SELECT ");
		for (int i = 0; i < rel->nkeys; i++)
		{
			note_column(parent_alias, rel->local_cols[i]);
			appendStringInfo(buf, "%sp.%s", i > 0 ? ", " : "",
							 quote_identifier(rel->local_cols[i]));
		}
		appendStringInfo(buf, " FROM %s p)", parents);
	}
}

/*
 * Append "k1, k2, ...": the key columns of rel's rows tA that hold the
 * parent's key; with local, the parent row tA's own key columns.
 */
void
append_relation_keys(StringInfo buf, const PrismaField *rel, int alias, bool local)
{
	for (int i = 0; i < rel->nkeys; i++)
	{
		if (i > 0)
			appendStringInfoString(buf, ", ");
		if (local)
			append_column(buf, alias, rel->local_cols[i]);
		else
			append_relation_key(buf, rel, alias, i);
	}
}

/*
 * Append the key of rel's rows tA that matches a parent as one value to
 * group by: its one column, or ROW(k1, k2, ...) for a compound key; with
 * local, the parent row tA's own key.
 */
void
append_relation_key_value(StringInfo buf, const PrismaField *rel, int alias, bool local)
{
	if (rel->nkeys == 1)
	{
		append_relation_keys(buf, rel, alias, local);
		return;
	}
	appendStringInfoString(buf, "ROW(");
	append_relation_keys(buf, rel, alias, local);
	appendStringInfoChar(buf, ')');
}

/*
 * Append the rows of a many-to-many relation for every row tP of the
 * set-based level parents at once, through its links of all parents in the
 * WITH item links_slot (reserved before the children's, which read it):
 *
 *   __prisma_lN AS MATERIALIZED (SELECT jN.<own>, jN.<other> FROM <links> jN
 *                                WHERE prisma_key_in(jN.<own>, ARRAY(<parent keys>)))
 *
 *   FROM __prisma_lN jN JOIN <target> tN ON tN.id = jN.<other> <joins>
 *   WHERE prisma_key_in(tN.id, ARRAY(SELECT l.<other> FROM __prisma_lN l))
 *
 * The second test restricts the target to the linked rows, so that a few
 * links are joined by probing the target's primary key for their ids
 * instead of hashing the whole target table: the read's cost grows with the
 * links, not with the target (docs/set-based.md).  For many links the
 * planner scans the target once with the hashed test (key_set.c).
 */
void
append_links_set(CompileState *cs, StringInfo buf, const PrismaField *rel, int alias,
				 const char *joins, const char *parents, int parent_alias, int links_slot)
{
	const char *links = psprintf("__prisma_l%d", alias);
	const char *own = quote_identifier(rel->join_local);
	const char *other = quote_identifier(rel->join_remote);
	StringInfoData body;

	initStringInfo(&body);
	appendStringInfo(&body, "SELECT j%d.%s, j%d.%s FROM ", alias, own, alias, other);
	append_join_table(&body, rel);
	appendStringInfo(&body, " j%d WHERE %sj%d.%s, ARRAY(", alias, key_in_function(), alias, own);
	append_parent_keys(&body, parents, parent_alias, rel->local_cols[0]);
	appendStringInfoString(&body, "))");
	set_cte(cs, links_slot, links, body.data, true);

	appendStringInfo(buf, "FROM %s j%d JOIN ", links, alias);
	append_table(buf, &cs->schema->models[rel->target]);
	appendStringInfo(buf, " t%d ON ", alias);
	append_column(buf, alias, rel->remote_cols[0]);
	appendStringInfo(buf, " = j%d.%s%s WHERE %s", alias, other, joins, key_in_function());
	append_column(buf, alias, rel->remote_cols[0]);
	appendStringInfo(buf, ", ARRAY(SELECT l.%s FROM %s l))", other, links);
}
