/*
 * plan_cache.c
 *		Per-backend cache of kept SPI plans, one per query shape.
 *
 * Modelled on ri_triggers.c: a hash table in its own memory context, each
 * entry holding a plan kept with SPI_keepplan.  The key is the compiled SQL
 * text (values are all parameters, aliases deterministic, so the text is
 * the shape) with the parameter types, the current role and search_path.
 * A plan is checked with SPI_plan_is_valid on lookup and prepared again if
 * DDL invalidated it; the whole cache is dropped when a new schema is
 * loaded.  The cache holds at most prisma_compile.plan_cache_size plans and
 * evicts the least recently used.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "common/hashfn.h"
#include "lib/ilist.h"
#include "miscadmin.h"
#include "utils/hsearch.h"
#include "utils/memutils.h"

#include "prisma_compile.h"

typedef struct PlanEntry
{
	uint64		hash;			/* hash key: of the key text */
	char	   *key;			/* the full key text, in the cache context */
	SPIPlanPtr	plan;
	dlist_node	lru;			/* most recently used at the head */
} PlanEntry;

static HTAB *plan_hash = NULL;
static MemoryContext plan_cxt = NULL;
static dlist_head plan_lru = DLIST_STATIC_INIT(plan_lru);
static int64 plan_schema_version = 0;
static int	plan_count = 0;

static int64 stat_hits = 0;
static int64 stat_misses = 0;
static int64 stat_replans = 0;
static int64 stat_evictions = 0;

/* Drop every kept plan. */
static void
plan_cache_flush(void)
{
	dlist_mutable_iter iter;

	dlist_foreach_modify(iter, &plan_lru)
	{
		PlanEntry  *entry = dlist_container(PlanEntry, lru, iter.cur);

		dlist_delete(&entry->lru);
		SPI_freeplan(entry->plan);
	}
	if (plan_cxt)
		MemoryContextDelete(plan_cxt);
	plan_cxt = NULL;
	plan_hash = NULL;
	plan_count = 0;
}

/* Drop every kept plan now (a new schema was loaded in this backend). */
void
plan_cache_reset(void)
{
	plan_cache_flush();
}

/* Create the hash table and its context. */
static void
plan_cache_init(void)
{
	HASHCTL		ctl;

	plan_cxt = AllocSetContextCreate(CacheMemoryContext, "prisma_compile plan cache",
									 ALLOCSET_DEFAULT_SIZES);
	ctl.keysize = sizeof(uint64);
	ctl.entrysize = sizeof(PlanEntry);
	ctl.hcxt = plan_cxt;
	plan_hash = hash_create("prisma_compile plans", 64, &ctl,
							HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
	dlist_init(&plan_lru);
}

/* The cache key of a compiled query in this session's state. */
static char *
plan_key(const CompiledQuery *q, int *len)
{
	StringInfoData key;
	int			i;

	initStringInfo(&key);
	appendStringInfo(&key, "%u|%s|%d|", GetUserId(), namespace_search_path,
					 prisma_generic_plans);
	for (i = 0; i < q->nparams; i++)
		appendStringInfo(&key, "%u,", q->param_types[i]);
	appendStringInfo(&key, "|%s", q->sql);
	*len = key.len;
	return key.data;
}

/* Remove one entry and free its plan. */
static void
plan_cache_remove(PlanEntry *entry)
{
	dlist_delete(&entry->lru);
	SPI_freeplan(entry->plan);
	pfree(entry->key);
	hash_search(plan_hash, &entry->hash, HASH_REMOVE, NULL);
	plan_count--;
}

/* Prepare and keep a plan for q. */
static SPIPlanPtr
plan_prepare(const CompiledQuery *q)
{
	SPIPlanPtr	plan;

	/*
	 * Compiled statements only read: parallel plans are allowed.  A generic
	 * plan fits one-row reads whatever the values; a set-based read's best
	 * plan depends on how many parent rows its take and filter leave (a
	 * generic plan guesses a few and probes an index per child row), so it
	 * is planned for the values of each execution.
	 */
	plan = SPI_prepare_cursor(q->sql, q->nparams, q->param_types,
							  CURSOR_OPT_PARALLEL_OK |
							  (q->plan_per_values ? CURSOR_OPT_CUSTOM_PLAN :
							   prisma_generic_plans ? CURSOR_OPT_GENERIC_PLAN : 0));
	if (plan == NULL)
		elog(ERROR, "SPI_prepare failed for compiled query: %s",
			 SPI_result_code_string(SPI_result));
	if (SPI_keepplan(plan) != 0)
		elog(ERROR, "SPI_keepplan failed");
	return plan;
}

/*
 * The kept plan for q, prepared on first use.  Must be called inside an
 * SPI connection.
 */
SPIPlanPtr
plan_cache_get(const CompiledQuery *q, int64 schema_version)
{
	char	   *key;
	int			keylen;
	uint64		hash;
	PlanEntry  *entry;
	bool		found;
	MemoryContext old;

	if (plan_hash != NULL && schema_version != plan_schema_version)
		plan_cache_flush();
	plan_schema_version = schema_version;
	if (plan_hash == NULL)
		plan_cache_init();

	key = plan_key(q, &keylen);
	hash = hash_bytes_extended((const unsigned char *) key, keylen, 0);
	entry = hash_search(plan_hash, &hash, HASH_FIND, &found);
	if (found && strcmp(entry->key, key) != 0)
	{
		/* a hash collision: the newer shape takes the slot */
		plan_cache_remove(entry);
		found = false;
	}
	if (found)
	{
		if (SPI_plan_is_valid(entry->plan))
		{
			dlist_move_head(&plan_lru, &entry->lru);
			stat_hits++;
			return entry->plan;
		}
		/* DDL touched a table of the plan: prepare it again */
		plan_cache_remove(entry);
		stat_replans++;
	}
	else
		stat_misses++;
	while (plan_count >= prisma_plan_cache_size && !dlist_is_empty(&plan_lru))
	{
		plan_cache_remove(dlist_container(PlanEntry, lru, dlist_tail_node(&plan_lru)));
		stat_evictions++;
	}
	{
		SPIPlanPtr	plan = plan_prepare(q);

		entry = hash_search(plan_hash, &hash, HASH_ENTER, NULL);
		old = MemoryContextSwitchTo(plan_cxt);
		entry->key = pstrdup(key);
		MemoryContextSwitchTo(old);
		entry->plan = plan;
		dlist_push_head(&plan_lru, &entry->lru);
		plan_count++;
	}
	return entry->plan;
}

/* The cache's counters as a JSON object. */
char *
plan_cache_stats_json(void)
{
	return psprintf("{\"entries\": %d, \"hits\": " INT64_FORMAT ", \"misses\": " INT64_FORMAT
					", \"replans\": " INT64_FORMAT ", \"evictions\": " INT64_FORMAT "}",
					plan_count, stat_hits, stat_misses, stat_replans, stat_evictions);
}
