/*
 * schema_catalog.c
 *		Check a parsed Prisma schema against the catalog.
 *
 * Every model's table, every scalar field's column, every enum's type and
 * every implicit many-to-many join table is looked up in the @@schema
 * given, or else in the schemas of the stored search_path (the loader's,
 * never the caller's: see docs/safety.md).  Column types must be compatible
 * with the Prisma type.  All the problems found are collected and raised
 * in one error, so that a user sees every mismatch at once.  On success the
 * catalog facts (relid, column type and typmod, enum type oid, the schema
 * each table was found in) are filled in.  When a stored schema is
 * rebuilt in a backend, the problems are kept per model instead (each
 * model's first one), so that only the models they concern fail.  Only
 * catalog lookups are made: no privilege on the tables is needed.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/genam.h"
#include "access/relation.h"
#include "access/table.h"
#include "catalog/namespace.h"
#include "catalog/pg_class.h"
#include "catalog/pg_constraint.h"
#include "catalog/pg_index.h"
#include "catalog/pg_type.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/syscache.h"

#include "format.h"
#include "schema.h"

/* the problems found so far */
typedef struct Problems
{
	StringInfoData buf;
	int			count;
	PrismaModel *model;			/* the model(s) being checked, which a */
	PrismaModel *model2;		/* problem found now concerns, or NULL */
} Problems;

/* Record one problem (a line of the error detail, and the problem of the
 * models being checked unless they have one). */
static void
pg_attribute_printf(2, 3)
add_problem(Problems *pr, const char *fmt,...)
{
	va_list		args;

	if (pr->count > 0)
		appendStringInfoChar(&pr->buf, '\n');
	va_start(args, fmt);
	append_vformat(&pr->buf, fmt, args);
	va_end(args);
	pr->count++;
	if (pr->model && pr->model->problem == NULL)
		pr->model->problem = pstrdup(strrchr(pr->buf.data, '\n') ?
									 strrchr(pr->buf.data, '\n') + 1 : pr->buf.data);
	if (pr->model2 && pr->model2->problem == NULL)
		pr->model2->problem = pr->model ? pr->model->problem :
			pstrdup(strrchr(pr->buf.data, '\n') ? strrchr(pr->buf.data, '\n') + 1 : pr->buf.data);
}

/* The oid of an object by name in the stored search_path (a relation, or
 * with is_type a type); *nspname is set to the schema it is in. */
static Oid
lookup_in_path(PrismaSchema *schema, const char *name, bool is_type, char **nspname)
{
	for (int i = 0; i < schema->nsearch_path; i++)
	{
		Oid			nsp = get_namespace_oid(schema->search_path[i], true);
		Oid			oid;

		if (!OidIsValid(nsp))
			continue;
		oid = is_type ? GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
										CStringGetDatum(name), ObjectIdGetDatum(nsp))
			: get_relname_relid(name, nsp);
		if (OidIsValid(oid))
		{
			*nspname = schema->search_path[i];
			return oid;
		}
	}
	return InvalidOid;
}

/* The oid of a relation in a named schema or in the stored search_path;
 * *found_in is set to the schema it is in. */
static Oid
lookup_relation(PrismaSchema *schema, const char *nspname, const char *relname,
				bool *nsp_missing, char **found_in)
{
	*nsp_missing = false;
	*found_in = (char *) nspname;
	if (nspname != NULL)
	{
		Oid			nsp = get_namespace_oid(nspname, true);

		if (!OidIsValid(nsp))
		{
			*nsp_missing = true;
			return InvalidOid;
		}
		return get_relname_relid(relname, nsp);
	}
	return lookup_in_path(schema, relname, false, found_in);
}

/* Is the relation kind one whose rows can be read? */
static bool
readable_relkind(char relkind)
{
	return relkind == RELKIND_RELATION || relkind == RELKIND_PARTITIONED_TABLE ||
		relkind == RELKIND_VIEW || relkind == RELKIND_MATVIEW ||
		relkind == RELKIND_FOREIGN_TABLE;
}

/* Is a type citext (an extension's type, in any schema)? */
static bool
is_citext(Oid typid)
{
	HeapTuple	tup = SearchSysCache1(TYPEOID, ObjectIdGetDatum(typid));
	bool		ok = false;

	if (HeapTupleIsValid(tup))
	{
		ok = strcmp(NameStr(((Form_pg_type) GETSTRUCT(tup))->typname), "citext") == 0;
		ReleaseSysCache(tup);
	}
	return ok;
}

/* Is a (base, non-array) column type compatible with a Prisma scalar type? */
static bool
type_compatible(PrismaType t, Oid typid, Oid enum_oid)
{
	switch (t)
	{
		case PT_STRING:
			return typid == TEXTOID || typid == VARCHAROID || typid == BPCHAROID ||
				typid == UUIDOID || typid == XMLOID || typid == INETOID ||
				typid == CIDROID || typid == NAMEOID || typid == BITOID ||
				typid == VARBITOID || is_citext(typid);
		case PT_INT:
			return typid == INT4OID || typid == INT2OID || typid == OIDOID;
		case PT_BIGINT:
			return typid == INT8OID;
		case PT_FLOAT:
			return typid == FLOAT8OID || typid == FLOAT4OID;
		case PT_DECIMAL:
			return typid == NUMERICOID || typid == CASHOID;
		case PT_BOOLEAN:
			return typid == BOOLOID;
		case PT_DATETIME:
			return typid == TIMESTAMPOID || typid == TIMESTAMPTZOID ||
				typid == DATEOID || typid == TIMEOID || typid == TIMETZOID;
		case PT_JSON:
			return typid == JSONOID || typid == JSONBOID;
		case PT_BYTES:
			return typid == BYTEAOID;
		case PT_ENUM:
			return OidIsValid(enum_oid) && typid == enum_oid;
		case PT_RELATION:
			break;
	}
	return false;
}

/* Is a (base, non-array) column type the one a native type attribute names? */
static bool
native_type_matches(const char *native, Oid typid)
{
	const PrismaNativeType *nt = native_type_lookup(native);

	if (nt == NULL)
		return true;
	if (OidIsValid(nt->type_oid))
		return typid == nt->type_oid;
	return is_citext(typid);
}

/* Find an enum of the schema by Prisma name. */
static PrismaEnum *
find_enum(PrismaSchema *schema, const char *name)
{
	for (int i = 0; i < schema->nenums; i++)
		if (strcmp(schema->enums[i].name, name) == 0)
			return &schema->enums[i];
	return NULL;
}

/* Resolve every enum's type. */
static void
resolve_enums(PrismaSchema *schema, Problems *pr)
{
	for (int i = 0; i < schema->nenums; i++)
	{
		PrismaEnum *e = &schema->enums[i];
		Oid			typoid;

		if (e->db_schema != NULL)
		{
			Oid			nsp = get_namespace_oid(e->db_schema, true);

			if (!OidIsValid(nsp))
			{
				add_problem(pr, "enum %s (line %d, column %d): schema \"%s\" does not exist",
							e->name, e->line, e->col, e->db_schema);
				continue;
			}
			typoid = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
									 CStringGetDatum(e->db_name),
									 ObjectIdGetDatum(nsp));
		}
		else
		{
			char	   *nspname;

			typoid = lookup_in_path(schema, e->db_name, true, &nspname);
		}

		if (!OidIsValid(typoid))
		{
			add_problem(pr, "enum %s (line %d, column %d): type \"%s\" does not exist",
						e->name, e->line, e->col, e->db_name);
			continue;
		}
		if (get_typtype(typoid) != TYPTYPE_ENUM)
		{
			add_problem(pr, "enum %s (line %d, column %d): type \"%s\" is not an enum type",
						e->name, e->line, e->col, e->db_name);
			continue;
		}
		for (int v = 0; v < e->nvalues; v++)
			if (!SearchSysCacheExists2(ENUMTYPOIDNAME, ObjectIdGetDatum(typoid),
									   CStringGetDatum(e->db_values[v])))
			{
				if (strcmp(e->values[v], e->db_values[v]) != 0)
					add_problem(pr, "enum %s (line %d, column %d): value %s is mapped to \"%s\", which is not a label of type \"%s\"",
								e->name, e->line, e->col, e->values[v], e->db_values[v], e->db_name);
				else
					add_problem(pr, "enum %s (line %d, column %d): value \"%s\" is not a label of type \"%s\"",
								e->name, e->line, e->col, e->values[v], e->db_name);
			}
		e->type_oid = typoid;
	}
}

/* Check one scalar field's column and record its type. */
static void
resolve_column(PrismaSchema *schema, PrismaModel *m, PrismaField *f, Problems *pr)
{
	AttrNumber	attnum = get_attnum(m->relid, f->column);
	Oid			typid;
	int32		typmod;
	Oid			collid;
	Oid			base;
	Oid			enum_oid = InvalidOid;

	if (attnum == InvalidAttrNumber)
	{
		add_problem(pr, "field %s.%s (line %d, column %d): column \"%s\" does not exist in table \"%s\"",
					m->name, f->name, f->line, f->col, f->column, m->table);
		return;
	}
	get_atttypetypmodcoll(m->relid, attnum, &typid, &typmod, &collid);

	if (f->type == PT_ENUM)
	{
		PrismaEnum *e = find_enum(schema, f->type_name);

		Assert(e != NULL);
		enum_oid = e->type_oid;
		if (!OidIsValid(enum_oid))
		{
			/* the missing type is already reported; the model cannot work */
			if (pr->model->problem == NULL)
				pr->model->problem = psprintf("field %s.%s (line %d, column %d): enum type \"%s\" is missing",
											  m->name, f->name, f->line, f->col, e->db_name);
			return;
		}
	}

	base = typid;
	if (f->is_list)
		base = get_element_type(getBaseType(typid));
	if (OidIsValid(base))
		base = getBaseType(base);

	if (!OidIsValid(base) || !type_compatible(f->type, base, enum_oid))
	{
		add_problem(pr, "field %s.%s (line %d, column %d): type %s%s does not match column type %s",
					m->name, f->name, f->line, f->col, f->type_name, f->is_list ? "[]" : "",
					format_type_with_typemod(typid, typmod));
		return;
	}
	if (f->native_type != NULL && !native_type_matches(f->native_type, base))
	{
		add_problem(pr, "field %s.%s (line %d, column %d): @db.%s does not match column type %s",
					m->name, f->name, f->line, f->col, f->native_type,
					format_type_with_typemod(typid, typmod));
		return;
	}
	f->col_type = typid;
	f->col_typmod = typmod;
}

/* Check the join table of an implicit many-to-many relation. */
static void
resolve_join_table(PrismaSchema *schema, PrismaModel *m, PrismaField *f, Problems *pr)
{
	bool		nsp_missing;
	Oid			relid = lookup_relation(schema, f->join_schema, f->join_table, &nsp_missing,
										&f->join_rel_schema);
	const char *cols[2] = {"A", "B"};

	if (nsp_missing)
	{
		add_problem(pr, "relation %s.%s (line %d, column %d): schema \"%s\" does not exist",
					m->name, f->name, f->line, f->col, f->join_schema);
		return;
	}
	if (!OidIsValid(relid) || !readable_relkind(get_rel_relkind(relid)))
	{
		add_problem(pr, "relation %s.%s (line %d, column %d): join table \"%s\" does not exist",
					m->name, f->name, f->line, f->col, f->join_table);
		return;
	}
	for (int i = 0; i < 2; i++)
	{
		/* column A holds ids of the model on the join_local side when it is "A" */
		bool		is_local = strcmp(cols[i], f->join_local) == 0;
		PrismaModel *owner = is_local ? m : &schema->models[f->target];
		PrismaField *id = &owner->fields[owner->id_fields[0]];
		AttrNumber	attnum = get_attnum(relid, cols[i]);
		Oid			typid;

		if (attnum == InvalidAttrNumber)
		{
			add_problem(pr, "relation %s.%s (line %d, column %d): join table \"%s\" has no column \"%s\"",
						m->name, f->name, f->line, f->col, f->join_table, cols[i]);
			continue;
		}
		typid = get_atttype(relid, attnum);
		if (OidIsValid(id->col_type) && getBaseType(typid) != getBaseType(id->col_type))
			add_problem(pr, "relation %s.%s (line %d, column %d): column \"%s\" of join table \"%s\" has type %s but the id of model %s has type %s",
						m->name, f->name, f->line, f->col, cols[i], f->join_table,
						format_type_be(typid), owner->name, format_type_be(id->col_type));
	}
}

/* Resolve one model's table and columns (its problems are recorded). */
static void
resolve_model(PrismaSchema *schema, PrismaModel *m, Problems *pr)
{
	bool		nsp_missing;
	Oid			relid = lookup_relation(schema, m->db_schema, m->table, &nsp_missing,
										&m->rel_schema);

	CHECK_FOR_INTERRUPTS();
	pr->model = m;
	m->relid = InvalidOid;
	/* field names are output names: longer ones would be cut */
	for (int j = 0; j < m->nfields; j++)
		if (strlen(m->fields[j].name) >= NAMEDATALEN)
			add_problem(pr, "field %s.%s (line %d, column %d): a field name may have at most %d bytes",
						m->name, m->fields[j].name, m->fields[j].line, m->fields[j].col, NAMEDATALEN - 1);
	if (nsp_missing)
	{
		add_problem(pr, "%s %s (line %d, column %d): schema \"%s\" does not exist",
					m->is_view ? "view" : "model", m->name, m->line, m->col, m->db_schema);
		return;
	}
	if (!OidIsValid(relid))
	{
		add_problem(pr, "%s %s (line %d, column %d): %s \"%s\" does not exist",
					m->is_view ? "view" : "model", m->name, m->line, m->col,
					m->is_view ? "view" : "table", m->table);
		return;
	}
	if (!readable_relkind(get_rel_relkind(relid)))
	{
		add_problem(pr, "model %s (line %d, column %d): \"%s\" is not a table or view",
					m->name, m->line, m->col, m->table);
		return;
	}
	m->relid = relid;
	for (int j = 0; j < m->nfields; j++)
	{
		m->fields[j].col_type = InvalidOid;
		if (m->fields[j].type != PT_RELATION)
			resolve_column(schema, m, &m->fields[j], pr);
	}
}

/*
 * Does table relid have a valid, non-partial index whose first ncols key
 * columns are exactly the named columns (in any order)?  Such an index
 * answers "the rows of this parent" with one probe.
 */
static bool
has_leading_index(Oid relid, int ncols, char **cols)
{
	Relation	rel;
	List	   *indexes;
	ListCell   *lc;
	bool		found = false;
	AttrNumber	attnums[INDEX_MAX_KEYS];

	if (!OidIsValid(relid) || ncols > INDEX_MAX_KEYS)
		return false;
	for (int i = 0; i < ncols; i++)
		if ((attnums[i] = get_attnum(relid, cols[i])) == InvalidAttrNumber)
			return false;
	/* the table may have been dropped since its oid was looked up */
	rel = try_relation_open(relid, AccessShareLock);
	if (rel == NULL)
		return false;
	indexes = RelationGetIndexList(rel);
	foreach(lc, indexes)
	{
		HeapTuple	tup = SearchSysCache1(INDEXRELID, ObjectIdGetDatum(lfirst_oid(lc)));
		Form_pg_index idx;
		int			matched = 0;

		if (!HeapTupleIsValid(tup))
			continue;
		idx = (Form_pg_index) GETSTRUCT(tup);
		if (idx->indisvalid && idx->indnkeyatts >= ncols &&
			heap_attisnull(tup, Anum_pg_index_indpred, NULL))
			for (int k = 0; k < ncols; k++)
				for (int i = 0; i < ncols; i++)
					matched += idx->indkey.values[k] == attnums[i];
		ReleaseSysCache(tup);
		if (matched == ncols)
		{
			found = true;
			break;
		}
	}
	list_free(indexes);
	relation_close(rel, AccessShareLock);
	return found;
}

/*
 * Does every row of join table relid name, in column "col", an existing row
 * of table target by its id column target_col, as every reader sees it?
 * True when a validated, not deferrable foreign key says so and the target
 * has no row-level security (a count of the links then equals a count of
 * the links joined with their targets).
 */
static bool
join_links_complete(Oid relid, const char *col, Oid target, const char *target_col)
{
	AttrNumber	attnum = get_attnum(relid, col);
	AttrNumber	target_attnum = get_attnum(target, target_col);
	Relation	rel;
	ListCell   *lc;
	bool		found = false;

	if (attnum == InvalidAttrNumber || target_attnum == InvalidAttrNumber ||
		get_rel_relkind(target) != RELKIND_RELATION)
		return false;
	rel = try_relation_open(target, AccessShareLock);
	if (rel == NULL)
		return false;
	found = !rel->rd_rel->relrowsecurity;
	relation_close(rel, AccessShareLock);
	if (!found || (rel = try_relation_open(relid, AccessShareLock)) == NULL)
		return false;
	found = false;
	foreach(lc, RelationGetFKeyList(rel))
	{
		ForeignKeyCacheInfo *fk = lfirst(lc);
		HeapTuple	tup;

		if (fk->confrelid != target || fk->nkeys != 1 || fk->conkey[0] != attnum ||
			fk->confkey[0] != target_attnum)
			continue;
		tup = SearchSysCache1(CONSTROID, ObjectIdGetDatum(fk->conoid));
		if (!HeapTupleIsValid(tup))
			continue;
		found = ((Form_pg_constraint) GETSTRUCT(tup))->convalidated &&
			!((Form_pg_constraint) GETSTRUCT(tup))->condeferrable;
		ReleaseSysCache(tup);
		if (found)
			break;
	}
	relation_close(rel, AccessShareLock);
	return found;
}

/*
 * Record for every relation field whether its probed side is indexed; with
 * flagged_only, only for the relations that probe a model whose table
 * changed (index_check: an index may have been created or dropped).
 * Returns whether any field's answer changed.
 */
static bool
resolve_relation_indexes(PrismaSchema *schema, bool flagged_only)
{
	bool		changed = false;

	for (int i = 0; i < schema->nmodels; i++)
	{
		PrismaModel *m = &schema->models[i];

		for (int j = 0; j < m->nfields; j++)
		{
			PrismaField *f = &m->fields[j];
			bool		nsp_missing;
			char	   *found_in;
			bool		indexed;

			if (f->type != PT_RELATION || f->rel_kind == REL_NONE)
				continue;
			if (flagged_only && !schema->models[f->target].index_check)
				continue;
			CHECK_FOR_INTERRUPTS();
			if (f->rel_kind == REL_MANY_TO_MANY)
			{
				Oid			join = lookup_relation(schema, f->join_schema, f->join_table,
												   &nsp_missing, &found_in);
				bool		complete = join_links_complete(join, f->join_remote,
														   schema->models[f->target].relid,
														   f->remote_cols[0]);

				/* the target's table changed: row-level security, say */
				changed |= complete != f->links_complete;
				f->links_complete = complete;
				indexed = has_leading_index(join, 1, &f->join_local);
			}
			else
				indexed = has_leading_index(schema->models[f->target].relid,
											f->nkeys, f->remote_cols);
			changed |= indexed != f->key_indexed;
			f->key_indexed = indexed;
		}
	}
	for (int i = 0; i < schema->nmodels; i++)
		schema->models[i].index_check = false;
	return changed;
}

/*
 * After tables of the schema changed: does any relation's choice between
 * per-row and set-based reads change (docs/set-based.md)?  Compiled
 * statements that chose by the old answer must then be dropped.
 */
bool
schema_refresh_indexes(PrismaSchema *schema)
{
	return resolve_relation_indexes(schema, true);
}


/*
 * Check one model of a resolved schema against the catalog again (after
 * its table changed): its relid, column types and problem are set anew.
 * Join tables are not checked again.
 */
void
schema_recheck_model(PrismaSchema *schema, PrismaModel *m)
{
	Problems	pr;

	initStringInfo(&pr.buf);
	pr.count = 0;
	pr.model2 = NULL;
	m->problem = NULL;
	resolve_model(schema, m, &pr);
}

/* Resolve the schema against the catalog; raise every mismatch at once,
 * or with per_model keep them in the models' problem. */
void
schema_resolve_catalog(PrismaSchema *schema, bool per_model)
{
	Problems	pr;

	initStringInfo(&pr.buf);
	pr.count = 0;
	pr.model = pr.model2 = NULL;

	resolve_enums(schema, &pr);

	for (int i = 0; i < schema->nmodels; i++)
		resolve_model(schema, &schema->models[i], &pr);

	/* join tables last: their id column types are known by now */
	for (int i = 0; i < schema->nmodels; i++)
	{
		PrismaModel *m = &schema->models[i];

		for (int j = 0; j < m->nfields; j++)
		{
			PrismaField *f = &m->fields[j];

			/* each relation once: from the field whose rows are in column A */
			if (f->rel_kind == REL_MANY_TO_MANY && strcmp(f->join_local, "A") == 0)
			{
				pr.model = m;
				pr.model2 = &schema->models[f->target];
				resolve_join_table(schema, m, f, &pr);
				/* the other side reads the same join table */
				if (f->back_field >= 0)
					schema->models[f->target].fields[f->back_field].join_rel_schema = f->join_rel_schema;
			}
		}
	}

	if (pr.count > 0 && !per_model)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_OBJECT_DEFINITION),
				 errmsg_plural("schema does not match the database: %d problem",
							   "schema does not match the database: %d problems",
							   pr.count, pr.count),
				 errdetail("%s", pr.buf.data),
				 errhint("Create the tables as prisma db push would, or correct the schema.")));
	resolve_relation_indexes(schema, false);
}
