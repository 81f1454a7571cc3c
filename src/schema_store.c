/* placeholder, replaced by the schema store */
#include "postgres.h"
#include "fmgr.h"
#include "schema.h"
PG_FUNCTION_INFO_V1(prisma_load_schema);
Datum prisma_load_schema(PG_FUNCTION_ARGS) { elog(ERROR, "not implemented"); PG_RETURN_NULL(); }
const PrismaSchema *schema_get(void) { elog(ERROR, "not implemented"); return NULL; }
const PrismaModel *schema_find_model(const PrismaSchema *schema, const char *name) { return NULL; }
int model_find_field(const PrismaModel *model, const char *name) { return -1; }
