/*
 * plan_cache.c
 *		Per-backend cache of kept SPI plans, one per query shape.
 *
 * Modelled on ri_triggers.c: a hash table in its own memory context, each
 * entry holding a plan kept with SPI_keepplan.  The key is the compiled SQL
 * text (values are all parameters, aliases deterministic, so the text is
 * the shape) with the parameter types and the current role.  Statements
 * are prepared and run under one fixed search_path (safe_path.c), so the
 * caller's search_path is not part of the key.
 * A plan is checked with SPI_plan_is_valid on lookup and prepared again if
 * DDL invalidated it; the whole cache is dropped when a new schema is
 * loaded.  The cache holds at most prisma_compile.plan_cache_size plans and
 * evicts the least recently used.
 *
 * How a statement is planned (once, generic, or for each execution's
 * values) is decided by the caller's prepare function, plan_prepare in
 * execute.c; the cache keeps that decision with the plan (per_values).
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
	bool		per_values;		/* planned for each execution's values */
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
static int	stat_per_values = 0;	/* entries planned per execution */

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
	stat_per_values = 0;
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
	appendStringInfo(&key, "%u|%d%d%d|", GetUserId(),
					 prisma_generic_plans, prisma_parallel, prisma_memoize);
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
	if (entry->per_values)
		stat_per_values--;
	pfree(entry->key);
	hash_search(plan_hash, &entry->hash, HASH_REMOVE, NULL);
	plan_count--;
}

/*
 * The kept plan for q, prepared by prepare on first use; *per_values says
 * whether it is planned for each execution's values.  Must be called inside an SPI
 * connection.
 */
SPIPlanPtr
plan_cache_get(const CompiledQuery *q, int64 schema_version, PlanPrepareFn prepare,
			   bool *per_values)
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
			*per_values = entry->per_values;
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
		SPIPlanPtr	plan = prepare(q, per_values);

		entry = hash_search(plan_hash, &hash, HASH_ENTER, NULL);
		old = MemoryContextSwitchTo(plan_cxt);
		entry->key = pstrdup(key);
		MemoryContextSwitchTo(old);
		entry->plan = plan;
		entry->per_values = *per_values;
		stat_per_values += *per_values;
		dlist_push_head(&plan_lru, &entry->lru);
		plan_count++;
	}
	return entry->plan;
}

/* The cache's counters as a JSON object. */
char *
plan_cache_stats_json(void)
{
	return psprintf("{\"entries\": %d, \"per_values\": %d, \"hits\": " INT64_FORMAT
					", \"misses\": " INT64_FORMAT ", \"replans\": " INT64_FORMAT
					", \"evictions\": " INT64_FORMAT "}",
					plan_count, stat_per_values, stat_hits, stat_misses, stat_replans,
					stat_evictions);
}
