/*
 * fixture.c
 *		The catalog facts of a parsed schema, as schema_catalog.c would fill
 *		them from tables created by prisma migrate: each scalar field's
 *		column type from its Prisma type and @db attribute (lists as arrays),
 *		enums as fake types (shim.h).  No catalog is read.
 */
#include "postgres.h"

#include "catalog/pg_type_d.h"
#include "utils/lsyscache.h"

#include "shim.h"

/* The column type of a scalar Prisma type and its @db type, or 0. */
static Oid
column_type(const PrismaSchema *schema, const PrismaField *f)
{
	const char *db = f->native_type ? f->native_type : "";
	size_t		n = strcspn(db, "(");

#define DB(name) (n == strlen(name) && strncmp(db, name, n) == 0)
	switch (f->type)
	{
		case PT_STRING:
			return DB("VarChar") ? VARCHAROID : DB("Char") ? BPCHAROID :
				DB("Uuid") ? UUIDOID : TEXTOID;
		case PT_INT:
			return DB("SmallInt") ? INT2OID : INT4OID;
		case PT_BIGINT:
			return INT8OID;
		case PT_FLOAT:
			return DB("Real") ? FLOAT4OID : FLOAT8OID;
		case PT_DECIMAL:
			return NUMERICOID;
		case PT_BOOLEAN:
			return BOOLOID;
		case PT_DATETIME:
			return DB("Date") ? DATEOID : DB("Time") ? TIMEOID :
				DB("Timetz") ? TIMETZOID : DB("Timestamptz") ? TIMESTAMPTZOID :
				TIMESTAMPOID;
		case PT_JSON:
			return DB("Json") ? JSONOID : JSONBOID;
		case PT_BYTES:
			return BYTEAOID;
		case PT_ENUM:
			for (int i = 0; i < schema->nenums && i < SHIM_MAX_ENUMS; i++)
				if (strcmp(schema->enums[i].name, f->type_name) == 0)
					return schema->enums[i].type_oid;
			return InvalidOid;
		default:
			return InvalidOid;
	}
#undef DB
}

void
shim_resolve_schema(PrismaSchema *schema)
{
	for (int i = 0; i < schema->nenums; i++)
		schema->enums[i].type_oid = i < SHIM_MAX_ENUMS ? SHIM_ENUM_OID + i : InvalidOid;
	for (int m = 0; m < schema->nmodels; m++)
	{
		PrismaModel *model = &schema->models[m];

		model->relid = 16384 + m;
		/* the schemas the loader's search_path would have found them in */
		model->rel_schema = model->db_schema ? model->db_schema : "public";
		for (int i = 0; i < model->nfields; i++)
		{
			PrismaField *f = &model->fields[i];

			if (f->type == PT_RELATION)
			{
				if (f->rel_kind == REL_MANY_TO_MANY)
					f->join_rel_schema = f->join_schema ? f->join_schema : "public";
				continue;
			}
			f->col_type = column_type(schema, f);
			if (f->is_list && OidIsValid(f->col_type))
				f->col_type = get_array_type(f->col_type);
			if (!OidIsValid(f->col_type))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_OBJECT_DEFINITION),
						 errmsg("model %s, field %s: no column type", model->name, f->name)));
			f->col_typmod = -1;
		}
	}
}
