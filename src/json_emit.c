/* placeholder, replaced by the JSON writer */
#include "postgres.h"
#include "fmgr.h"
PG_FUNCTION_INFO_V1(prisma_row);
PG_FUNCTION_INFO_V1(prisma_agg_transfn);
PG_FUNCTION_INFO_V1(prisma_agg_finalfn);
Datum prisma_row(PG_FUNCTION_ARGS) { elog(ERROR, "not implemented"); PG_RETURN_NULL(); }
Datum prisma_agg_transfn(PG_FUNCTION_ARGS) { elog(ERROR, "not implemented"); PG_RETURN_NULL(); }
Datum prisma_agg_finalfn(PG_FUNCTION_ARGS) { elog(ERROR, "not implemented"); PG_RETURN_NULL(); }
