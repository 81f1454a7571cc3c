// Arguments: the `args` of a Prisma Client call written as prisma_query's
// JSON document (README, "Deliberate differences": values as JSON). Date ->
// ISO string, bigint -> digit string, Decimal -> fixed-point string,
// Uint8Array/Buffer -> base64, Prisma.DbNull/JsonNull/AnyNull -> their
// names, Prisma.skip -> key left out; in any position. The client option
// `omit` and computed fields (`$extends({ result })`) in `select` are
// applied here, since Prisma applies them after the query extension runs.
// A field reference (prisma.model.fields.x) is written as Prisma's own
// JSON form, {"_ref": name, "_container": model}. Other class instances
// throw NotRoutable, which makes the caller fall back to Prisma.
import { Decimal, isDbNull, isJsonNull, isAnyNull, skip } from '@prisma/client/runtime/client';

// A call that prisma_query cannot answer: run it through Prisma.
export class NotRoutable extends Error {}

const lowerFirst = (s) => s[0].toLowerCase() + s.slice(1);

// Prisma's field reference class is not exported; it is known by its shape.
function isFieldRef(v) {
  return typeof v._toGraphQLInputType === 'function' &&
    typeof v.modelName === 'string' && typeof v.name === 'string' && typeof v.typeName === 'string';
}

// One value of the arguments, as JSON.
function jsonValue(v) {
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'bigint') return v.toString();
    return v;
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  if (Decimal.isDecimal(v)) return v.toFixed();
  if (ArrayBuffer.isView(v)) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
  if (Array.isArray(v)) return v.map(jsonValue);
  if (isDbNull(v)) return 'DbNull';
  if (isJsonNull(v)) return 'JsonNull';
  if (isAnyNull(v)) return 'AnyNull';
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) {
    if (isFieldRef(v)) return { _ref: v.name, _container: v.modelName };
    throw new NotRoutable(`argument of type ${v.constructor?.name ?? 'object'}`);
  }
  const out = {};
  for (const k in v) {
    const x = v[k];
    if (x === skip || x === undefined) continue;
    out[k] = jsonValue(x);
  }
  return out;
}

// The relation fields of each model: name -> target model.
export function relationMap(runtimeDataModel) {
  const rel = {};
  for (const [name, m] of Object.entries(runtimeDataModel.models)) {
    rel[name] = {
      relations: new Map(m.fields.filter((f) => f.kind === 'object').map((f) => [f.name, f.type])),
      fields: new Set(m.fields.map((f) => f.name)),
    };
  }
  return rel;
}

// `omit` of the client and computed fields, applied to one level of a
// selection (`a` is already JSON) and below; returns the new level.
function shapeLevel(ctx, model, a) {
  if (a === null || typeof a !== 'object') {
    // `include: {rel: true}`: the global omit of the target still applies
    if (a === true && ctx.globalOmit?.[lowerFirst(model)]) return { omit: { ...ctx.globalOmit[lowerFirst(model)] } };
    return a;
  }
  const info = ctx.models[model];
  const out = { ...a };
  if (a.select) {
    const sel = {};
    for (const [k, v] of Object.entries(a.select)) {
      const target = info.relations.get(k);
      if (target) sel[k] = shapeLevel(ctx, target, v);
      else if (info.fields.has(k) || k === '_count') sel[k] = v;
      else {
        const computed = ctx.computed(model)?.[k];
        if (!computed) throw new NotRoutable(`select of "${k}", not a field of ${model} (a computed field of a later $extends?)`);
        if (v) for (const n of computed.needs) sel[n] ??= true;
      }
    }
    out.select = sel;
  } else {
    const go = ctx.globalOmit?.[lowerFirst(model)];
    if (go || a.omit) {
      const omit = { ...go, ...a.omit };
      const computed = ctx.computed(model);
      for (const k of Object.keys(omit)) if (!info.fields.has(k) && computed?.[k]) delete omit[k];
      out.omit = omit;
    }
    if (a.include) {
      const inc = {};
      for (const [k, v] of Object.entries(a.include)) {
        const target = info.relations.get(k);
        inc[k] = target ? shapeLevel(ctx, target, v) : v;
      }
      out.include = inc;
    }
  }
  return out;
}

const SELECTING = new Set(['findMany', 'findFirst', 'findFirstOrThrow', 'findUnique', 'findUniqueOrThrow']);

// The prisma_query args (JSON) of one call.
export function queryArgs(ctx, model, operation, args) {
  const a = jsonValue(args ?? {});
  return SELECTING.has(operation) ? shapeLevel(ctx, model, a) : a;
}
