/*
 * key_set.c
 *	  prisma_key_in(key, keys): the parent-key test of set-based relation
 *	  reads, and the planner support that makes it cheap.
 *
 * The set-based form of a to-many read fetches the children of all parent
 * rows at once: WHERE <join table key> = ANY(ARRAY(<parent keys>)), one
 * bitmap scan of the key's index.  Written that way the planner cannot
 * know how many keys the array will hold (it guesses 10), estimates a few
 * hundred children where there are tens of thousands, and picks plans for
 * a few hundred: nested loops of index probes, sorts, no parallel workers.
 *
 * prisma_key_in(key, ARRAY(...)) means the same, and its support function
 * tells the planner two things: the selectivity, from the estimated row
 * count of the subquery that builds the array (it is planned before the
 * clause is estimated), and the index condition key = ANY(keys), so the
 * index is still used exactly as before.  Evaluated as a plain filter (no
 * usable index) it looks keys up in a hash table built on the first call.
 * That table is kept for the call site, so keys must not change from row
 * to row: any other keys than a constant or an uncorrelated ARRAY(subquery)
 * (computed once per execution) are simplified to key = ANY(keys) before
 * planning.  The SQL declares it twice: prisma_key_in, PARALLEL RESTRICTED
 * (the scan it filters stays in one process), and prisma_key_in_parallel,
 * PARALLEL SAFE, for prisma_compile.parallel = on (compile_relation.c).
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_am.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/pathnodes.h"
#include "nodes/supportnodes.h"
#include "optimizer/optimizer.h"
#include "optimizer/clauses.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/selfuncs.h"
#include "utils/fmgroids.h"
#include "utils/memutils.h"
#include "utils/typcache.h"

#include "key_type.h"

PG_FUNCTION_INFO_V1(prisma_key_in);
PG_FUNCTION_INFO_V1(prisma_key_in_support);

/* Number of keys assumed when the array's size cannot be estimated. */
#define DEFAULT_KEY_COUNT 10

/*
 * The distinct keys of one array value, in an open-addressing hash table
 * of its own memory context: the table holds copies of keys passed by
 * reference, so it does not point into the array.
 */
typedef struct KeySet
{
	MemoryContext cxt;			/* holds the set, its table and its keys */
	Datum		array;			/* the array value the table was built from */
	KeyType		key;
	bool		has_nulls;		/* keys has null elements */
	int			nkeys;			/* distinct non-null keys */
	int			mask;			/* slots - 1, slots a power of two */
	Datum	   *slots;
	bool	   *used;
} KeySet;

/*
 * Fill kt for keys of type typid: hashing and equality from the type
 * cache, integers compared as such (key_type.h).
 */
void
key_type_init(KeyType *kt, Oid typid, Oid collation, const char *caller)
{
	TypeCacheEntry *tc;

	if (typid == RECORDOID)
	{
		/*
		 * ROW(k1, k2, ...), the key of a relation with a compound key: the
		 * type cache knows no hashing for an anonymous record type (it
		 * cannot see the fields), but hash_record and record_eq hash and
		 * compare field by field, each field's type failing at run time if
		 * it cannot (relation keys hash).  One FmgrInfo each per process:
		 * both functions cache the record type per call and re-check it.
		 */
		static FmgrInfo record_hash;
		static FmgrInfo record_eq;

		if (record_hash.fn_oid == InvalidOid)
		{
			fmgr_info_cxt(F_RECORD_EQ, &record_eq, TopMemoryContext);
			fmgr_info_cxt(F_HASH_RECORD, &record_hash, TopMemoryContext);
		}
		kt->type = typid;
		kt->collation = collation;
		kt->len = -1;
		kt->byval = false;
		kt->integer = false;
		kt->hash = &record_hash;
		kt->eq = &record_eq;
		return;
	}
	tc = lookup_type_cache(typid, TYPECACHE_HASH_PROC_FINFO | TYPECACHE_EQ_OPR_FINFO);

	if (!OidIsValid(tc->hash_proc) || !OidIsValid(tc->eq_opr))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_FUNCTION),
				 errmsg("%s: type %s has no hash function",
						caller, format_type_be(typid)),
				 errhint("Relation keys are matched by hashing; use a key type with a hash operator class.")));
	kt->type = typid;
	kt->collation = collation;
	get_typlenbyval(typid, &kt->len, &kt->byval);
	kt->integer = typid == INT2OID || typid == INT4OID || typid == INT8OID;
	kt->hash = &tc->hash_proc_finfo;
	kt->eq = &tc->eq_opr_finfo;
}

/*
 * A key set's table starts with room for as many keys as the array has, up
 * to this many (1.2 MB of slots); it doubles from there if they are distinct.
 */
#define KEY_SET_PRESIZE 65536

/* The slot of key in ks's table: where it is, or the empty one where it goes. */
static inline uint32
key_set_slot(const KeySet *ks, Datum key)
{
	uint32		h = key_hash(&ks->key, key) & ks->mask;

	while (ks->used[h] && !key_equal(&ks->key, ks->slots[h], key))
		h = (h + 1) & ks->mask;
	return h;
}

/* Give ks a table of slots slots (a power of two) holding its keys. */
static void
key_set_resize(KeySet *ks, int slots)
{
	Datum	   *old_slots = ks->slots;
	bool	   *old_used = ks->used;
	int			old_count = old_slots ? ks->mask + 1 : 0;

	ks->mask = slots - 1;
	ks->slots = MemoryContextAlloc(ks->cxt, sizeof(Datum) * slots);
	ks->used = MemoryContextAllocZero(ks->cxt, sizeof(bool) * slots);
	for (int i = 0; i < old_count; i++)
		if (old_used[i])
		{
			uint32		h = key_set_slot(ks, old_slots[i]);

			ks->used[h] = true;
			ks->slots[h] = old_slots[i];
		}
	if (old_slots)
	{
		pfree(old_slots);
		pfree(old_used);
	}
}

/*
 * Build the hash table of the distinct non-null elements of array, in a
 * new context under the call site's (the set it replaces, if any, is
 * freed).  Keys repeat (the parents of a level below a to-one or
 * many-to-many level share keys); each is stored once, and the table
 * grows with the distinct keys, not with the array: 4.2M links' keys of
 * 200k actors take a table of 512k slots (it was 16M slots, 150 MB).  Neither the array nor its
 * elements are kept.
 */
static KeySet *
key_set_build(FunctionCallInfo fcinfo, KeySet *old, Datum array, Oid elemtype)
{
	MemoryContext cxt = AllocSetContextCreate(fcinfo->flinfo->fn_mcxt,
											  "prisma_key_in keys",
											  ALLOCSET_DEFAULT_SIZES);
	MemoryContext oldcxt = MemoryContextSwitchTo(cxt);
	ArrayType  *arr = DatumGetArrayTypeP(array);
	KeySet	   *ks = palloc0(sizeof(KeySet));
	int			n = Min(ArrayGetNItems(ARR_NDIM(arr), ARR_DIMS(arr)), KEY_SET_PRESIZE);
	int			slots = 16;
	ArrayIterator it;
	Datum		value;
	bool		isnull;

	if (old)
		MemoryContextDelete(old->cxt);
	ks->cxt = cxt;
	key_type_init(&ks->key, elemtype, PG_GET_COLLATION(), "prisma_key_in");
	while (slots < 2 * n)
		slots <<= 1;
	key_set_resize(ks, slots);
	it = array_create_iterator(arr, 0, NULL);
	while (array_iterate(it, &value, &isnull))
	{
		uint32		h;

		CHECK_FOR_INTERRUPTS();
		if (isnull)
		{
			ks->has_nulls = true;
			continue;
		}
		h = key_set_slot(ks, value);
		if (ks->used[h])
			continue;
		if (2 * (ks->nkeys + 1) > ks->mask + 1)
		{
			key_set_resize(ks, 2 * (ks->mask + 1));
			h = key_set_slot(ks, value);
		}
		ks->used[h] = true;
		ks->slots[h] = ks->key.byval ? value : datumCopy(value, false, ks->key.len);
		ks->nkeys++;
	}
	array_free_iterator(it);
	if ((Pointer) arr != DatumGetPointer(array))
		pfree(arr);
	ks->array = array;
	MemoryContextSwitchTo(oldcxt);
	return ks;
}

/*
 * prisma_key_in(key, keys): key = ANY(keys) for a non-null key (strict),
 * null where that is null (not found among keys with null elements).
 * The table is built once per call site and array value: the compiler
 * passes an uncorrelated ARRAY(subquery), computed once per execution.
 */
Datum
prisma_key_in(PG_FUNCTION_ARGS)
{
	Datum		key = PG_GETARG_DATUM(0);
	Datum		array = PG_GETARG_DATUM(1);
	KeySet	   *ks = (KeySet *) fcinfo->flinfo->fn_extra;

	if (ks == NULL || ks->array != array)
	{
		ks = key_set_build(fcinfo, ks, array, get_fn_expr_argtype(fcinfo->flinfo, 0));
		fcinfo->flinfo->fn_extra = ks;
	}
	if (ks->used[key_set_slot(ks, key)])
		PG_RETURN_BOOL(true);
	if (ks->has_nulls)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(false);
}

/*
 * The estimated number of elements of an array argument: a constant's
 * length, or the row estimate of the initplan (ARRAY(subquery)) that sets
 * the parameter, searched in this query level and the ones above it.
 */
static double
estimate_key_count(PlannerInfo *root, Node *arg)
{
	if (IsA(arg, Const))
	{
		Const	   *c = (Const *) arg;
		ArrayType  *arr;

		if (c->constisnull)
			return 0;
		arr = DatumGetArrayTypeP(c->constvalue);
		return ArrayGetNItems(ARR_NDIM(arr), ARR_DIMS(arr));
	}
	if (IsA(arg, Param) && ((Param *) arg)->paramkind == PARAM_EXEC)
	{
		int			paramid = ((Param *) arg)->paramid;

		for (PlannerInfo *r = root; r != NULL; r = r->parent_root)
		{
			ListCell   *lc;

			foreach(lc, r->init_plans)
			{
				SubPlan    *sp = lfirst_node(SubPlan, lc);

				if (list_member_int(sp->setParam, paramid))
				{
					Plan	   *plan = planner_subplan_get_plan(r, sp);

					return Max(plan->plan_rows, 1);
				}
			}
		}
	}
	return DEFAULT_KEY_COUNT;
}

/* Selectivity of key IN keys: keys estimated / distinct values of key. */
static Selectivity
key_in_selectivity(SupportRequestSelectivity *req)
{
	Node	   *key = linitial(req->args);
	Node	   *keys = lsecond(req->args);
	VariableStatData vardata;
	bool		isdefault;
	double		ndistinct;
	double		nkeys;

	examine_variable(req->root, key, req->varRelid, &vardata);
	ndistinct = get_variable_numdistinct(&vardata, &isdefault);
	ReleaseVariableStats(vardata);
	nkeys = estimate_key_count(req->root, keys);
	return Min(1.0, nkeys / Max(ndistinct, 1.0));
}

/*
 * The index condition key = ANY(keys) for a btree index on key, using the
 * equality operator of the index's operator family; exact, not lossy.
 *
 * None when the keys are estimated at more than a tenth of the table's
 * rows: the btree costs key = ANY(param) as if the array held 10 elements
 * (estimate_array_length), so for tens of thousands of keys it would pick
 * that many index descents over one scan of the table with the hashed
 * filter, several times slower (set-based many-to-many reads restrict the
 * target to the linked ids this way: docs/set-based.md).
 */
static List *
key_in_index_condition(SupportRequestIndexCondition *req)
{
	FuncExpr   *fexpr = (FuncExpr *) req->node;
	Node	   *key = linitial(fexpr->args);
	Node	   *keys = lsecond(fexpr->args);
	Oid			keytype = exprType(key);
	Oid			opno;
	ScalarArrayOpExpr *saop;

	if (req->indexarg != 0 || req->index->relam != BTREE_AM_OID)
		return NIL;
	if (estimate_key_count(req->root, keys) * 10 > req->index->rel->tuples &&
		req->index->rel->tuples > 0)
		return NIL;
	opno = get_opfamily_member(req->opfamily, keytype, keytype, BTEqualStrategyNumber);
	if (!OidIsValid(opno))
		return NIL;

	saop = makeNode(ScalarArrayOpExpr);
	saop->opno = opno;
	saop->opfuncid = get_opcode(opno);
	saop->hashfuncid = InvalidOid;
	saop->negfuncid = InvalidOid;
	saop->useOr = true;
	saop->inputcollid = fexpr->inputcollid;
	saop->args = list_make2(copyObject(key), copyObject(keys));
	saop->location = -1;
	req->lossy = false;
	return list_make1(saop);
}

/* Are keys computed once per execution: a constant, an uncorrelated ARRAY()? */
static bool
keys_are_stable(Node *keys)
{
	SubLink    *sublink;

	if (IsA(keys, Const))
		return true;
	if (!IsA(keys, SubLink))
		return false;
	sublink = (SubLink *) keys;
	return sublink->subLinkType == ARRAY_SUBLINK &&
		!contain_vars_of_level(sublink->subselect, 1);
}

/* key = ANY(keys) with the key type's equality operator, or NULL. */
static Node *
key_in_as_any(FuncExpr *fexpr)
{
	Node	   *key = linitial(fexpr->args);
	TypeCacheEntry *tc = lookup_type_cache(exprType(key), TYPECACHE_EQ_OPR);
	ScalarArrayOpExpr *saop;

	if (!OidIsValid(tc->eq_opr))
		return NULL;
	saop = makeNode(ScalarArrayOpExpr);
	saop->opno = tc->eq_opr;
	saop->opfuncid = get_opcode(tc->eq_opr);
	saop->useOr = true;
	saop->inputcollid = fexpr->inputcollid;
	saop->args = list_copy(fexpr->args);
	saop->location = fexpr->location;
	return (Node *) saop;
}

/* Planner support of prisma_key_in: simplification, selectivity, index condition. */
Datum
prisma_key_in_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);

	if (IsA(rawreq, SupportRequestSimplify))
	{
		FuncExpr   *fexpr = ((SupportRequestSimplify *) rawreq)->fcall;

		if (keys_are_stable(lsecond(fexpr->args)))
			PG_RETURN_POINTER(NULL);
		PG_RETURN_POINTER(key_in_as_any(fexpr));
	}
	if (IsA(rawreq, SupportRequestSelectivity))
	{
		SupportRequestSelectivity *req = (SupportRequestSelectivity *) rawreq;

		if (req->is_join)
			PG_RETURN_POINTER(NULL);
		req->selectivity = key_in_selectivity(req);
		PG_RETURN_POINTER(req);
	}
	if (IsA(rawreq, SupportRequestIndexCondition))
	{
		SupportRequestIndexCondition *req = (SupportRequestIndexCondition *) rawreq;

		PG_RETURN_POINTER(key_in_index_condition(req));
	}
	PG_RETURN_POINTER(NULL);
}
