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
 *	compile_query.c		operations, the rows of a read (source, filter, cursor,
 *						distinct, order, paging), set-based reads; paths and errors
 *	compile_select.c	select, include, omit, _count; relation reads per row
 *						and set-based
 *	compile_order.c		orderBy and cursor conditions
 *	compile_where.c		filters
 *	compile_value.c		document values to typed parameters
 *	compile_aggregate.c	count, aggregate, groupBy
 */
#ifndef PRISMA_COMPILE_H
#define PRISMA_COMPILE_H

#include "postgres.h"

#include "lib/stringinfo.h"
#include "nodes/pg_list.h"

#include "json_input.h"
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
	bool		plan_per_values;	/* a set-based read: planned for its values */
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
	StringInfo	order_joins;	/* where an orderBy on a relation's _count
								 * adds its grouped join; NULL: a correlated
								 * count (compile_order.c) */
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
	READ_AGGREGATE				/* count, aggregate, groupBy */
} ReadKind;

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
} SelectJoins;

/* compile_query.c */
extern void compile_rows(CompileState *cs, StringInfo buf, const PrismaModel *model,
						 const JsonValue *args, ReadKind kind, const PrismaField *via,
						 int parent_alias, SelectListFn select_fn, void *arg);
extern void append_distinct_keys(CompileState *cs, StringInfo buf, const PrismaModel *model,
								 const JsonValue *distinct, int alias);
extern int	add_paging_params(CompileState *cs, const JsonValue *take, const JsonValue *skip,
							  ReadKind kind, bool *reverse, int *skip_param);
extern void check_arg_names(CompileState *cs, const JsonValue *args,
							const char *const *allowed, const char *what);

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
extern void append_grouped_count(CompileState *cs, StringInfo buf, StringInfo joins,
								 const PrismaField *rel, const JsonValue *where,
								 const char *parents, int parent_alias);

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
									const PrismaField *via);
extern CompiledQuery *compile_query(const PrismaSchema *schema, const JsonValue *doc);
extern CompiledQuery *compile_operation(const PrismaSchema *schema, const char *model,
										const char *operation, const JsonValue *args);
extern void append_table(StringInfo buf, const PrismaModel *model);
extern void append_column(StringInfo buf, int alias, const char *column);
extern void record_columns(int alias);
extern List *recorded_columns(int alias);
extern void append_parent_keys(StringInfo buf, const char *parents, int parent_alias,
							   const char *column);
extern int	reserve_cte(CompileState *cs);
extern void set_cte(CompileState *cs, int slot, const char *name, const char *body,
					bool materialized);
extern void append_relation_source(CompileState *cs, StringInfo buf, const PrismaField *rel,
								   int parent_alias, int alias);
extern void append_join_table(StringInfo buf, const PrismaField *rel);
extern void append_relation_key(StringInfo buf, const PrismaField *rel, int alias, int i);
extern void append_relation_source_set(CompileState *cs, StringInfo buf, const PrismaField *rel,
									   int alias, const char *joins, const char *parents,
									   int parent_alias);

/* compile_where.c */
extern void compile_where(CompileState *cs, StringInfo buf, const PrismaModel *model,
						  int alias, const JsonValue *where);
extern bool where_has_unique(const PrismaModel *model, const JsonValue *where);

/* compile_aggregate.c: count, aggregate, groupBy; appends the statement */
extern ResultShape compile_aggregate(CompileState *cs, StringInfo sql, const PrismaModel *model,
									 const char *operation, const JsonValue *args);

/* compile_value.c */
extern int	add_param(CompileState *cs, Oid type, Datum value, bool isnull);
extern int	add_value_param(CompileState *cs, const PrismaField *field, Oid type,
							const JsonValue *value);
extern int	add_list_param(CompileState *cs, const PrismaField *field, Oid elemtype,
						   const JsonValue *list);
extern int64 json_integer(CompileState *cs, const JsonValue *value);

/* paths and errors (compile_query.c) */
extern int	path_push(CompileState *cs, const char *key);
extern int	path_push_index(CompileState *cs, int index);
extern void path_pop(CompileState *cs, int mark);
pg_noreturn extern void compile_error(CompileState *cs, int sqlstate, const char *hint,
									  const char *fmt,...) pg_attribute_printf(4, 5);
extern void expect_kind(CompileState *cs, const JsonValue *value, JsonKind kind);

#endif							/* PRISMA_COMPILE_H */
