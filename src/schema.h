/*
 * schema.h
 *		The stored Prisma schema as the rest of the extension sees it.
 *
 * schema_psl.c parses Prisma schema language into these structures,
 * schema_catalog.c resolves them against the catalog (table and column
 * types), schema_store.c keeps the stored text and hands each backend a
 * parsed, resolved copy.  Everything here lives in one memory context
 * owned by schema_store.c; callers never modify it.
 */
#ifndef PRISMA_SCHEMA_H
#define PRISMA_SCHEMA_H

#include "postgres.h"

/* The Prisma type of a field. */
typedef enum PrismaType
{
	PT_STRING,
	PT_INT,
	PT_BIGINT,
	PT_FLOAT,
	PT_DECIMAL,
	PT_BOOLEAN,
	PT_DATETIME,
	PT_JSON,
	PT_BYTES,
	PT_ENUM,					/* type_name names a PrismaEnum */
	PT_RELATION					/* type_name names a PrismaModel */
} PrismaType;

/* How a relation field reaches its target model. */
typedef enum RelationKind
{
	REL_NONE,					/* not a relation field */
	REL_TO_ONE_OWNER,			/* to-one, this model holds the foreign key */
	REL_TO_ONE_BACK,			/* to-one, the target holds the foreign key */
	REL_TO_MANY,				/* to-many, the target holds the foreign key */
	REL_MANY_TO_MANY			/* implicit many-to-many through a join table */
} RelationKind;

typedef struct PrismaField
{
	char	   *name;			/* Prisma field name */
	char	   *column;			/* database column (after @map); NULL for
								 * relation fields */
	PrismaType	type;
	char	   *type_name;		/* the type as written: "String", an enum or
								 * model name */
	bool		is_list;		/* Type[] */
	bool		is_optional;	/* Type? */
	bool		is_id;			/* @id */
	bool		is_unique;		/* @unique */
	bool		is_updated_at;	/* @updatedAt */
	bool		has_default;	/* @default(..) */
	char	   *native_type;	/* "VarChar(200)" from @db.VarChar(200), or
								 * NULL */
	int			line;			/* line in the schema text, 1-based */
	int			col;			/* column of its name, 1-based */
	const struct PrismaField *ref_type;	/* a field reference compared with
										 * this field must have the type of
										 * ref_type (having's _avg stand-in:
										 * the averaged field), NULL: its own */

	/* catalog facts, filled by schema_catalog.c for scalar fields */
	Oid			col_type;		/* pg_attribute.atttypid (array type for
								 * lists) */
	int32		col_typmod;

	/* relation fields (type == PT_RELATION) */
	RelationKind rel_kind;
	char	   *relation_name;	/* @relation("Name") or the default name */
	int			target;			/* index of the target in schema->models */
	int			back_field;		/* index of the opposite field in the target
								 * model, or -1 */

	/*
	 * Join condition for the FK kinds: target.remote_cols[i] =
	 * this.local_cols[i].  For REL_MANY_TO_MANY: local_cols[0] is this
	 * model's id column, remote_cols[0] the target's id column, and the
	 * join table row links them: join_local = this id, join_remote = target
	 * id.
	 */
	int			nkeys;
	char	  **local_cols;
	char	  **remote_cols;
	char	   *join_table;		/* "_ActorToMovie" (REL_MANY_TO_MANY) */
	char	   *join_schema;	/* PostgreSQL schema of the join table, or
								 * NULL for the search_path */
	char	   *join_rel_schema;	/* the schema the join table was found in */
	char	   *join_local;		/* "A" or "B" */
	char	   *join_remote;	/* the other one */

	/*
	 * Filled by schema_catalog.c for relation fields: the side probed for a
	 * parent's rows (the target's remote_cols, or the join table's
	 * join_local column) has a valid, non-partial index whose leading
	 * columns are exactly those key columns.  Decides per-row or set-based
	 * reads (docs/set-based.md); kept with the schema, which is rebuilt
	 * after DDL on any table, so an index created later is seen.
	 */
	bool		key_indexed;

	/*
	 * REL_MANY_TO_MANY, filled with key_indexed: every link names an
	 * existing target row that every reader sees (a validated, not
	 * deferrable foreign key from the join_remote column to the target's
	 * id; no row-level security on the target), so a count of the links
	 * needs no join with the target.
	 */
	bool		links_complete;
} PrismaField;

/* A set of fields that identifies one row: @id, @@id, @unique, @@unique. */
typedef struct PrismaUnique
{
	char	   *name;			/* the key in a unique where: the field name,
								 * "a_b", or the name: given */
	int			nfields;
	int		   *fields;			/* indexes into model->fields */
	bool		is_id;
} PrismaUnique;

typedef struct PrismaModel
{
	char	   *name;			/* Prisma model name */
	char	   *table;			/* table name (after @@map) */
	char	   *db_schema;		/* @@schema, or NULL for the search_path */
	bool		is_view;		/* a view block */
	int			line;			/* where its block starts */
	int			col;
	int			nfields;
	PrismaField *fields;		/* in declaration order; @ignore'd fields are
								 * left out */
	int			nid;
	int		   *id_fields;		/* primary key, indexes into fields */
	int			nuniques;
	PrismaUnique *uniques;		/* the id first, then the unique criteria */
	Oid			relid;			/* filled by schema_catalog.c */
	char	   *rel_schema;		/* the schema the table was found in */
	char	   *problem;		/* why the catalog no longer fits the model
								 * (it cannot be queried), or NULL */
	bool		needs_check;	/* its table changed since it was checked */
	bool		index_check;	/* ... since the relations probing it were */
} PrismaModel;

typedef struct PrismaEnum
{
	char	   *name;			/* Prisma enum name */
	char	   *db_name;		/* PostgreSQL type name (after @@map) */
	char	   *db_schema;		/* @@schema, or NULL */
	int			nvalues;
	char	  **values;			/* Prisma value names */
	char	  **db_values;		/* the enum labels in PostgreSQL (after
								 * @map; the name itself without one) */
	int			line;			/* where its block starts */
	int			col;
	Oid			type_oid;		/* filled by schema_catalog.c */
} PrismaEnum;

typedef struct PrismaSchema
{
	int			nmodels;
	PrismaModel *models;		/* @@ignore'd models are left out */
	int			nenums;
	PrismaEnum *enums;
	bool		full_text_search;	/* the generator's previewFeatures has
									 * fullTextSearchPostgres: search and
									 * _relevance */
	int64		version;		/* changes whenever a schema is loaded */
	int			nsearch_path;
	char	  **search_path;	/* where tables and enums without @@schema
								 * are looked up: the loader's search_path */
} PrismaSchema;

/* schema_psl.c: parse schema text; syntax and semantic errors are raised
 * with line and column.  Allocates in CurrentMemoryContext. */
extern PrismaSchema *psl_parse(const char *text);

/*
 * A native type attribute of PostgreSQL (@db.Money): the Prisma scalar type
 * it is for, how many optional arguments it takes (0: none), and the column
 * type it names (InvalidOid for citext, an extension's type).
 */
typedef struct PrismaNativeType
{
	const char *name;
	PrismaType	type;
	int			max_args;
	Oid			type_oid;
} PrismaNativeType;

extern const PrismaNativeType *native_type_lookup(const char *name);

/* schema_catalog.c: resolve tables, columns and types against the catalog
 * in schema->search_path.  Every mismatch is reported in one error, or,
 * with per_model, kept in the models' problem (a model that no longer
 * fits the catalog breaks only the queries that use it). */
extern void schema_resolve_catalog(PrismaSchema *schema, bool per_model);
extern void schema_recheck_model(PrismaSchema *schema, PrismaModel *model);
extern bool schema_refresh_indexes(PrismaSchema *schema);

/* schema_store.c: the schema for this backend (parsed, resolved), reloaded
 * when another backend stores a new one or a table it uses changes.
 * Raises an error when no schema has been loaded. */
extern const PrismaSchema *schema_get(void);
extern void schema_check_model(const PrismaModel *model);

/* schema_store.c: the copy schema_get() last returned, or NULL; never
 * rebuilds and never raises */
extern const PrismaSchema *schema_cached(void);

/* lookups; NULL or -1 when absent */
extern const PrismaModel *schema_find_model(const PrismaSchema *schema, const char *name);
extern int	model_find_field(const PrismaModel *model, const char *name);

#endif							/* PRISMA_SCHEMA_H */
