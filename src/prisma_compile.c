/* placeholder, replaced by the entry points */
#include "postgres.h"
#include "fmgr.h"
PG_MODULE_MAGIC;
PG_FUNCTION_INFO_V1(prisma_query);
PG_FUNCTION_INFO_V1(prisma_query_unpacked);
PG_FUNCTION_INFO_V1(prisma_compile);
PG_FUNCTION_INFO_V1(prisma_plan_cache_stats);
Datum prisma_query(PG_FUNCTION_ARGS) { elog(ERROR, "not implemented"); PG_RETURN_NULL(); }
Datum prisma_query_unpacked(PG_FUNCTION_ARGS) { elog(ERROR, "not implemented"); PG_RETURN_NULL(); }
Datum prisma_compile(PG_FUNCTION_ARGS) { elog(ERROR, "not implemented"); PG_RETURN_NULL(); }
Datum prisma_plan_cache_stats(PG_FUNCTION_ARGS) { elog(ERROR, "not implemented"); PG_RETURN_NULL(); }
