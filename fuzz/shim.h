/*
 * shim.h
 *		What the fuzz targets share: the shimmed backend (pg_shim.c), the
 *		fixed catalog of the schema fixtures (fixture.c) and the run of one
 *		input under the error machinery (harness.c).
 */
#ifndef PRISMA_FUZZ_SHIM_H
#define PRISMA_FUZZ_SHIM_H

#include "postgres.h"

#include "schema.h"

/* fake enum types: SHIM_ENUM_OID + i, their arrays SHIM_MAX_ENUMS above */
#define SHIM_ENUM_OID 900000
#define SHIM_MAX_ENUMS 10000

/* the last error raised (ERROR and above) */
typedef struct ShimError
{
	int			sqlstate;
	char		message[1024];
	const char *filename;
	int			lineno;
} ShimError;

extern ShimError shim_error;

/* pg_shim.c */
extern void shim_reset(void);
extern void shim_keep(void);
extern Size shim_live_bytes(void);

/* fixture.c: fill the catalog facts schema_catalog.c would */
extern void shim_resolve_schema(PrismaSchema *schema);

/* harness.c */
typedef void (*ShimBody) (const char *text, size_t len, void *arg);
extern bool shim_text_ok(const uint8_t *data, size_t size);
extern bool shim_run(ShimBody body, const char *text, size_t len, void *arg);

#endif							/* PRISMA_FUZZ_SHIM_H */
