/*
 * backend_memory.c
 *	  prisma_compile.retained_memory: freed memory a backend keeps for its
 *	  next queries instead of handing it back to the operating system.
 *
 * A large read touches tens of megabytes in one call: the aggregate's
 * buffers, the hash table of the join, the result and its copies on the
 * way out.  glibc's malloc serves blocks from 128 kB up with mmap (or
 * raises that limit as they are freed) and trims the heap as soon as more
 * than twice that is free at its top, so every call of a repeated large
 * read maps fresh pages and the kernel zeroes each one on its first touch:
 * 7.6k page faults per call of findMany({take: 2000, include: {cast:
 * true}}), about a fifth of its server time (bench/TARGETS.md).
 *
 * With a value N the heap keeps up to N of free memory at its top, and
 * blocks under N/2 (at most 32 MB, glibc's upper limit, and at least its
 * initial 128 kB) come from the heap.  glibc itself raises the two to at
 * most 32 and 64 MB, and only after a large block is freed; 64 MB was too
 * little for the 11 MB result of the largest benchmark read, hence the
 * default of 128 MB.  0 leaves glibc's behaviour alone; setting 0 after a
 * value restores glibc's initial thresholds and returns what is free at
 * once.  Other C libraries are left alone whatever the value.
 */
#include "postgres.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "prisma_compile.h"

/* glibc refuses mmap thresholds above half its largest heap (32 MB on 64-bit). */
#define MAX_MMAP_THRESHOLD (32 * 1024 * 1024)
/* glibc's initial thresholds (both 128 kB) */
#define GLIBC_DEFAULT_THRESHOLD (128 * 1024)

int			prisma_retained_memory = 131072;

#ifdef __GLIBC__
static bool thresholds_set = false;
#endif

/* Assign hook of prisma_compile.retained_memory (kB): set malloc's thresholds. */
void
retained_memory_assign(int newval, void *extra)
{
#ifdef __GLIBC__
	if (newval > 0)
	{
		size_t		bytes = Max((size_t) newval * 1024, GLIBC_DEFAULT_THRESHOLD);

		(void) mallopt(M_TRIM_THRESHOLD, (int) bytes);
		(void) mallopt(M_MMAP_THRESHOLD,
					   (int) Max(Min(bytes / 2, MAX_MMAP_THRESHOLD), GLIBC_DEFAULT_THRESHOLD));
		thresholds_set = true;
	}
	else if (thresholds_set)
	{
		(void) mallopt(M_TRIM_THRESHOLD, GLIBC_DEFAULT_THRESHOLD);
		(void) mallopt(M_MMAP_THRESHOLD, GLIBC_DEFAULT_THRESHOLD);
		(void) malloc_trim(0);
		thresholds_set = false;
	}
#endif
}
