/*
 * compile.h
 *		Compiling a query document into one SQL statement.
 *
 * The compiler walks the JsonValue tree of a query together with the stored
 * schema and writes SQL text.  Identifiers come only from the schema and are
 * always quoted; every value from the document becomes a bind parameter
 * ($n), so that one query shape always gives the same text and reuses one
 * kept plan.  Errors name the JSON path of the offending node.  The SQL
 * shapes it writes, and why, are in docs/design.md, "SQL shapes".
 *
 * The files, each using only those below it (scripts/callgraph.sh checks;
 * the one recursion, a relation's read inside its parent's select list,
 * goes through the SelectListFn pointer of compile_rows):
 *
 *	compile_query.c		operation dispatch: the document, the operation,
 *						its arguments; the statement of a set-based findMany
 *	compile_aggregate.c	count, aggregate, groupBy
 *	compile_select.c	select, include, omit, _count; relation reads per row
 *						and set-based
 *	compile_rows.c		the rows subquery of a read: source, filter, cursor,
 *						distinct, order, paging
 *	compile_order.c		orderBy and cursor conditions
 *	compile_count.c		the count of a relation's rows per parent row,
 *						correlated or grouped
 *	compile_where.c		filters
 *	compile_relation.c	table and column names, the columns a CTE selects,
 *						WITH items, relation sources and joins
 *	compile_value.c		document values to typed parameters
 *	compile_state.c		the error path, errors, kind and argument checks
 */
#ifndef PRISMA_COMPILE_H
#define PRISMA_COMPILE_H

#include "postgres.h"

#include "lib/stringinfo.h"
#include "nodes/pg_list.h"

#include "document.h"
#include "pg_compat.h"
#include "schema.h"

/* What the statement's single result value means. */
typedef enum ResultShape
{
	RESULT_VALUE,				/* the json value as is (a list, count, ...) */
	RESULT_ROW,					/* zero or one row: no row means null */
	RESULT_ROW_OR_THROW			/* zero or one row: no row raises P0002 */
} ResultShape;

/* The output of the compiler. */
typedef struct CompiledQuery
{
	char	   *sql;
	int			nparams;
	Oid		   *param_types;
	Datum	   *param_values;
	bool	   *param_nulls;
	ResultShape shape;
	const char *model_name;		/* for "No <Model> found" */
	bool		plan_per_values;	/* planned for each execution's values: a
									 * set-based read, a relation filter, a
									 * grouped count (docs/set-based.md) */
	bool		set_based;		/* a set-based read: parallel workers
								 * encouraged (execute.c) */
	bool		own_work_mem;	/* runs with prisma_compile.work_mem: a
								 * set-based read, or a hashed SubPlan
								 * (execute.c) */
	bool		session_settings;	/* a count or an aggregate: planned with
									 * the session's parallel settings, over
									 * its rows as an OFFSET 0 subquery, as
									 * Prisma's statement (execute.c) */
} CompiledQuery;

/* State of one compilation. */
typedef struct CompileState
{
	const PrismaSchema *schema;
	StringInfoData path;		/* JSON path of the node being compiled */
	int			next_alias;		/* t1, t2, ... */
	int			depth;			/* relation nesting depth */
	bool		where_negated;	/* the filter being compiled is under NOT:
								 * only its falsity counts there (NOT of
								 * unknown is unknown), elsewhere only its
								 * truth */
	bool		where_joinable;	/* the filter being compiled is a conjunct
								 * of a WHERE (not under OR, NOT or IS NOT
								 * FALSE), where PostgreSQL turns [NOT]
								 * EXISTS into a semi- or anti-join */
	bool		where_not_pending;	/* the NOT around the filter being
									 * compiled, a conjunct of a WHERE, is
									 * left to its one to-many relation test
									 * (append_exists) */
	bool		json_reversed;	/* under an odd number of NOT and isNot (not
								 * every/none): Prisma writes the type test
								 * of a Json filter reversed there */
	bool		plan_per_values;	/* the best plan depends on the values (a
									 * relation filter, a grouped count): plan
									 * the statement for each execution's */
	bool		one_row_aggregate;	/* a count or an aggregate: one row of
									 * aggregates over the filtered rows */
	bool		hashed_subplan;	/* a relation test is an IN outside a
								 * joinable conjunct: a hashed SubPlan,
								 * whose keys must fit in work_mem */
	bool		links_only;		/* a many-to-many relation's rows are
								 * tested for their existence or number
								 * only: read its links without their
								 * targets where every link has one */
	StringInfo	where_joins;	/* where a to-one test under OR or NOT
								 * joins its related row (compile_where's
								 * joins); NULL: it is an EXISTS */
	StringInfo	order_joins;	/* where an orderBy on a relation's _count
								 * adds its grouped join; NULL: a correlated
								 * count (compile_order.c) */
	const PrismaModel *order_model;	/* with order_where: the rows being
									 * ordered are all of order_model's
									 * rows that match order_where (a read
									 * of no parent); NULL: others */
	const JsonValue *order_where;
	const char *order_path;		/* the JSON path of order_where's read */
	List	   *ctes;			/* the WITH items of a set-based read, in
								 * order (char *; NULL while reserved) */
	int			nparams;
	int			maxparams;
	Oid		   *param_types;
	Datum	   *param_values;
	bool	   *param_nulls;
} CompileState;

/* One ORDER BY term. */
typedef struct OrderItem
{
	char	   *expr;
	bool		desc;
	bool		nulls_first;
	bool		not_null;		/* expr is a required column: never null */
} OrderItem;

/* What kind of read a rows subquery serves. */
typedef enum ReadKind
{
	READ_MANY,					/* findMany, a to-many relation; also the rows
								 * of count and aggregate */
	READ_FIRST,					/* findFirst: the first row of a list */
	READ_UNIQUE,				/* findUnique: at most one row by a unique */
	READ_TO_ONE,				/* a to-one relation */
	READ_AGGREGATE,				/* count, aggregate, groupBy */
	READ_PARENTS				/* the parents of a set-based findMany: its
								 * order terms selected too (compile_rows) */
} ReadKind;

/* What the start of a read fixes (start_read, compile_rows.c). */
typedef struct ReadHead
{
	int			take_param;		/* 0: no take */
	int			skip_param;		/* 0: no skip */
	bool		reverse;		/* a negative take: read from the end */
	List	   *order;			/* OrderItem *, the read's order */
	StringInfoData order_joins; /* the joins of grouped counts it orders by */
} ReadHead;

/* Writes the select list of a rows subquery over model alias tN. */
typedef void (*SelectListFn) (CompileState *cs, StringInfo buf, const PrismaModel *model,
							  const JsonValue *args, int alias, void *arg);

/* The CTE of the parent rows in a set-based read (compile_query.c). */
#define PARENTS_CTE "__prisma_parents"

/*
 * The arg of append_selection.  With joins (a read without per-row paging,
 * LIMIT), to-one relations become LEFT JOIN LATERAL subqueries appended
 * there, after the read's FROM item, which the planner can turn into hash
 * joins; with parents (a set-based level: the rows being selected are the
 * CTE of that name), to-many relations and _count are read set-based over
 * the keys of that CTE, counts as grouped joins appended to joins
 * (docs/set-based.md).  names receives the select list's names, in order.
 */
typedef struct SelectJoins
{
	StringInfo	joins;			/* NULL: relations as scalar subqueries */
	const char *parents;		/* NULL: per-row */
	List	   *names;			/* out: char *, the output columns' names */
	bool		takes;			/* each row of parents is read once and is
								 * the only one with its id: the set-based
								 * relations below take their groups
								 * (prisma_group_take) */
} SelectJoins;

/* compile_query.c */
extern CompiledQuery *compile_query(const PrismaSchema *schema, const JsonValue *doc);
extern CompiledQuery *compile_operation(const PrismaSchema *schema, const char *model,
										const char *operation, const JsonValue *args);

/* compile_aggregate.c: count, aggregate, groupBy; appends the statement */
extern ResultShape compile_aggregate(CompileState *cs, StringInfo sql, const PrismaModel *model,
									 const char *operation, const JsonValue *args);

/* compile_select.c */
extern void append_fields_call(StringInfo buf, const char *call, List *names, int alias);
extern void append_rows_json(CompileState *cs, StringInfo buf, const PrismaModel *model,
							 const JsonValue *args, ReadKind kind, const PrismaField *via,
							 int parent_alias);
extern bool relation_is_set_based(const PrismaField *rel, const JsonValue *args);

/* The most fields an object of the fields form can have: a function takes
 * 100 arguments, prisma_group_sorted 3 of them before the values. */
#define FIELDS_FORM_MAX 97
extern bool selection_wants_set_based(const PrismaSchema *schema, const PrismaModel *model,
									  const JsonValue *args, bool many_parents);
extern void append_selection(CompileState *cs, StringInfo buf, const PrismaModel *model,
							 const JsonValue *args, int alias, void *arg);

/* compile_rows.c */
extern void start_read(CompileState *cs, const PrismaModel *model, const JsonValue *args,
					   ReadKind kind, int alias, const PrismaModel *order_model,
					   bool order_by_default, ReadHead *head);
extern List *compile_rows(CompileState *cs, StringInfo buf, const PrismaModel *model,
						  const JsonValue *args, ReadKind kind, const PrismaField *via,
						  int parent_alias, SelectListFn select_fn, void *arg);
extern void select_columns(CompileState *cs, StringInfo buf, const PrismaModel *model,
						   const JsonValue *args, int alias, void *arg);
extern int	add_paging_params(CompileState *cs, const JsonValue *take, const JsonValue *skip,
							  ReadKind kind, bool *reverse, int *skip_param);
extern void append_distinct_keys(CompileState *cs, StringInfo buf, const PrismaModel *model,
								 const JsonValue *distinct, int alias);

/* compile_order.c */
typedef OrderItem *(*OrderItemFn) (CompileState *cs, const JsonValue *obj, void *arg);
extern List *parse_order_list(CompileState *cs, const JsonValue *orderBy, OrderItemFn item_fn,
							  void *arg);
extern void parse_sort_order(CompileState *cs, const PrismaField *field, const JsonValue *v,
							 OrderItem *item);
extern List *parse_order(CompileState *cs, const PrismaModel *model, const JsonValue *orderBy,
						 int alias, bool order_by_default);
extern void append_order(StringInfo buf, List *items, bool reverse, const char *hidden_prefix);
extern void append_cursor_condition(CompileState *cs, StringInfo buf, const PrismaModel *model,
									int alias, const JsonValue *cursor, const JsonValue *where,
									const JsonValue *orderBy, List *order, bool reverse,
									const PrismaField *via, int parent_alias);

/* compile_count.c */
extern void append_relation_count(CompileState *cs, StringInfo buf, const PrismaField *rel,
								  const JsonValue *where, int parent_alias);
extern void append_grouped_count(CompileState *cs, StringInfo buf, StringInfo joins,
								 const PrismaField *rel, const JsonValue *where,
								 const char *parents, int parent_alias, bool key_order);
extern void append_order_count(CompileState *cs, StringInfo buf, const PrismaField *rel,
							   int alias);

/* compile_where.c */
extern void compile_where(CompileState *cs, StringInfo buf, StringInfo joins,
						  const PrismaModel *model, int alias, const JsonValue *where);

/* How the rows of a relation are tested against a where. */
typedef enum RelatedTest
{
	RELATED_WHERE,				/* where is true */
	RELATED_WHERE_NOT_FALSE,	/* where is true or unknown */
	RELATED_NOT_WHERE			/* NOT where is true (every) */
} RelatedTest;
extern void append_related_subquery(CompileState *cs, StringInfo buf, const char *what,
									const PrismaField *rel, int parent_alias,
									const JsonValue *where, RelatedTest test);
extern int	append_related_keys(CompileState *cs, StringInfo buf, const char *what,
								const PrismaField *rel, const char *parents, int parent_alias,
								const JsonValue *where, RelatedTest test);
extern bool where_has_unique(const PrismaModel *model, const JsonValue *where);
extern void append_text_search(CompileState *cs, StringInfo buf, const char *cols,
							   const JsonValue *query, bool rank);

/* compile_relation.c: names */
extern void append_table(StringInfo buf, const PrismaModel *model);
extern void append_column(StringInfo buf, int alias, const char *column);

/* compile_relation.c: the columns a set-based level's CTE selects */
extern void record_columns(int alias);
extern List *recorded_columns(int alias);
extern void reset_recorded_columns(void);
extern void append_parent_keys(StringInfo buf, const char *parents, int parent_alias,
							   const char *column);

/* compile_relation.c: the WITH items of the statement */
extern int	reserve_cte(CompileState *cs);
extern void set_cte(CompileState *cs, int slot, const char *name, const char *body,
					bool materialized);

/* compile_relation.c: the rows of a relation */
extern void append_relation_source(CompileState *cs, StringInfo buf, const PrismaField *rel,
								   int parent_alias, int alias);
extern void append_relation_source_joins(CompileState *cs, StringInfo buf,
										 const PrismaField *rel, int parent_alias, int alias,
										 const char *joins);
extern void append_join_table(StringInfo buf, const PrismaField *rel);
extern void append_relation_key(StringInfo buf, const PrismaField *rel, int alias, int i);
extern void append_relation_keys(StringInfo buf, const PrismaField *rel, int alias, bool local);
extern void append_relation_key_value(StringInfo buf, const PrismaField *rel, int alias,
									  bool local);
extern void append_relation_source_set(CompileState *cs, StringInfo buf, const PrismaField *rel,
									   int alias, const char *joins, const char *parents,
									   int parent_alias);
extern void append_links_set(CompileState *cs, StringInfo buf, const PrismaField *rel,
							 int alias, const char *joins, const char *parents,
							 int parent_alias, int links_slot);
extern int	link_order(const PrismaField *via, List *order, bool reverse, int alias);
extern void append_links_in_order(CompileState *cs, StringInfo buf, const PrismaField *rel,
								  int parent_alias, int alias, int direction);

/* compile_value.c */
extern int	add_param(CompileState *cs, Oid type, Datum value, bool isnull);
extern int	add_value_param(CompileState *cs, const PrismaField *field, Oid type,
							const JsonValue *value);
extern int	add_list_param(CompileState *cs, const PrismaField *field, Oid elemtype,
						   const JsonValue *list);
extern int64 json_integer(CompileState *cs, const JsonValue *value);
extern bool is_field_reference(const JsonValue *value);
extern void append_distinct_cast(StringInfo buf, const PrismaField *field);
extern const PrismaField *field_reference(CompileState *cs, const PrismaModel *model,
										  const PrismaField *field, const JsonValue *value,
										  bool list);

/* compile_state.c: paths, errors, checks */
extern int	path_push(CompileState *cs, const char *key);
extern int	path_push_index(CompileState *cs, int index);
extern void path_pop(CompileState *cs, int mark);
pg_noreturn extern void compile_error(CompileState *cs, int sqlstate, const char *hint,
									  const char *fmt,...) pg_attribute_printf(4, 5);
extern void expect_kind(CompileState *cs, const JsonValue *value, JsonKind kind);
extern void check_arg_names(CompileState *cs, const JsonValue *args,
							const char *const *allowed, const char *what);
extern int	field_name_list(CompileState *cs, const PrismaModel *model, const JsonValue *value,
							const char *empty, const char *relation_hint, int **fields);

#endif							/* PRISMA_COMPILE_H */
