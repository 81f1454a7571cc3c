// Results: prisma_query's JSON (README, "Output encoding") turned into the
// JavaScript values Prisma Client returns, from the field types of the
// client's runtime data model: DateTime -> Date, Decimal -> Prisma.Decimal,
// BigInt -> bigint, Bytes -> Uint8Array, Float NaN/±Infinity -> numbers.
// Objects get Prisma's key order, which follows the call's arguments: the
// keys of `select` in their order; else the model's scalar fields (less
// `omit`) followed by the keys of `include`; groupBy rows their aggregates
// and then the `by` fields. Each level of the selection is planned once
// per call (which keys, in which order, converted how); a level whose
// order prisma_query already wrote is converted in place, another one
// rebuilt, and a level with nothing to change, down to its leaves, is not
// walked further. Design: docs/client.md.
import { Decimal } from '@prisma/client/runtime/client';

const toDate = (v) => (typeof v === 'string' ? new Date(v) : v);
const toDecimal = (v) => new Decimal(v);
const toBigInt = (v) => BigInt(v);
const toBytes = (v) => (typeof v === 'string' ? new Uint8Array(Buffer.from(v, 'base64')) : v);
const toFloat = (v) => (typeof v === 'string' ? Number(v) : v);

const SCALAR = { DateTime: toDate, Decimal: toDecimal, BigInt: toBigInt, Bytes: toBytes, Float: toFloat };

// The converter of one value of a scalar field, or null when it is kept as is.
function scalarConverter(type, isList) {
  const one = SCALAR[type];
  if (!one) return null;
  return isList ? (v) => (Array.isArray(v) ? v.map(one) : v) : one;
}

// Per model: its fields (kind, type, converter) and scalar fields in order.
export function buildModels(runtimeDataModel) {
  const models = {};
  for (const [name, m] of Object.entries(runtimeDataModel.models)) {
    const fields = new Map();
    const scalars = [];
    for (const f of m.fields) {
      const relation = f.kind === 'object';
      fields.set(f.name, { relation, model: relation ? f.type : null, type: f.type, convert: relation ? null : scalarConverter(f.type, f.isList) });
      if (!relation) scalars.push(f.name);
    }
    models[name] = { fields, scalars };
  }
  return models;
}

// The plan of one selection level `a` (true or { select | include, omit })
// of `model`: order (keys in Prisma's order), convert [[key, fn]],
// children [[key, plan]].
function planLevel(models, model, a) {
  const m = models[model];
  const order = [];
  const convert = [];
  const children = [];
  const add = (k, v) => {
    order.push(k);
    const f = m.fields.get(k);
    if (!f) return;
    if (f.relation) children.push([k, planLevel(models, f.model, v)]);
    else if (f.convert) convert.push([k, f.convert]);
  };
  const sel = a && typeof a === 'object' ? a : {};
  if (sel.select) {
    for (const [k, v] of Object.entries(sel.select)) if (v) add(k, v);
  } else {
    const omit = sel.omit ?? {};
    for (const k of m.scalars) if (!omit[k]) add(k, true);
    if (sel.include) for (const [k, v] of Object.entries(sel.include)) if (v) add(k, v);
  }
  return { order, convert, children, ordered: undefined, skip: false };
}

function sameOrder(order, rec) {
  let i = 0;
  for (const k in rec) if (order[i++] !== k) return false;
  return i === order.length;
}

// Every record of a level has the keys in the same order (one expression of
// the compiled statement writes them): the first one seen decides. A level
// in Prisma's order with nothing to convert in it or below is left alone.
function settle(plan, rec) {
  if (plan.ordered === undefined) plan.ordered = sameOrder(plan.order, rec);
}
function updateSkip(plan) {
  plan.skip = plan.ordered === true && plan.convert.length === 0 && plan.children.every(([, c]) => c.skip);
}

// One record by its plan: converted in place, or rebuilt in `order`.
function reviveRecord(plan, rec) {
  for (const [k, fn] of plan.convert) {
    const v = rec[k];
    if (v !== null && v !== undefined) rec[k] = fn(v);
  }
  for (const [k, child] of plan.children) {
    const v = rec[k];
    if (v !== null && v !== undefined && !child.skip) rec[k] = Array.isArray(v) ? reviveList(child, v) : reviveOne(child, v);
  }
  if (plan.ordered) return rec;
  const out = {};
  for (const k of plan.order) if (k in rec) out[k] = rec[k];
  for (const k in rec) if (!(k in out)) out[k] = rec[k];
  return out;
}

function reviveOne(plan, rec) {
  if (rec === null || typeof rec !== 'object') return rec;
  settle(plan, rec);
  if (plan.skip) return rec;
  const out = reviveRecord(plan, rec);
  updateSkip(plan);
  return out;
}

function reviveList(plan, list) {
  if (list.length === 0) return list;
  settle(plan, list[0]);
  for (let i = 0; i < list.length && !plan.skip; i++) {
    list[i] = reviveRecord(plan, list[i]);
    updateSkip(plan);
  }
  return list;
}

// An aggregate object (`_avg`, `_sum`, `_min`, `_max` of fields).
function reviveAggregate(m, key, obj) {
  for (const k in obj) {
    const v = obj[k];
    if (v === null) continue;
    const f = m.fields.get(k);
    if (!f) continue;
    if (f.type === 'Decimal') obj[k] = toDecimal(v);
    else if (f.type === 'Float' || key === '_avg') obj[k] = toFloat(v);
    else if (f.convert) obj[k] = f.convert(v);
  }
  return obj;
}

const AGGREGATES = ['_count', '_avg', '_sum', '_min', '_max'];

// An aggregate result, or a groupBy row with its `by` fields last.
function reviveAggregateRow(m, args, row, by) {
  for (const key in row) {
    const v = row[key];
    if (key === '_count' || v === null) continue;
    if (AGGREGATES.includes(key)) reviveAggregate(m, key, v);
    else {
      const f = m.fields.get(key);
      if (f && f.convert) row[key] = f.convert(v);
    }
  }
  if (!by) return row;
  const out = {};
  for (const k of Object.keys(args)) if (AGGREGATES.includes(k) && k in row) out[k] = row[k];
  for (const k of by) out[k] = row[k];
  return out;
}

// The result of one call: `args` is the document's (JSON) args.
export function reviveResult(models, model, operation, args, value) {
  switch (operation) {
    case 'count':
      return value;
    case 'aggregate':
      return reviveAggregateRow(models[model], args, value, null);
    case 'groupBy': {
      const by = Array.isArray(args.by) ? args.by : [args.by];
      for (let i = 0; i < value.length; i++) value[i] = reviveAggregateRow(models[model], args, value[i], by);
      return value;
    }
    default: {
      const plan = planLevel(models, model, args);
      return Array.isArray(value) ? reviveList(plan, value) : reviveOne(plan, value);
    }
  }
}
