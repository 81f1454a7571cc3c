// Seeded random generator of valid Prisma queries for a schema. Each query
// is built by feature rules (the tags of features.json); only enabled rules
// are used, and every tag a query uses is recorded on it. Query i of a
// fixture depends only on (seed, fixture, i) and the enabled features, so
// `--seed S --filter fixture:gen-i` replays it. Literals come from the
// fixture's own rows, so filters select something most of the time.

import { scalarFields, relationFields } from './psl.mjs';
import { literal, ref } from './values.mjs';

// mulberry32: small, fast, good enough for test generation.
function rng32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(...parts) {
  let h = 2166136261;
  for (const c of parts.join('\u0000')) {
    h ^= c.codePointAt(0);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

// Distinct literal values of every scalar field, read through Prisma.
export async function sampleValues(client, schema) {
  const out = {};
  for (const model of Object.values(schema.models)) {
    const delegate = model.name[0].toLowerCase() + model.name.slice(1);
    const rows = await client[delegate].findMany();
    out[model.name] = { rows: rows.length, fields: {} };
    for (const f of scalarFields(model)) {
      const seen = new Map();
      for (const row of rows) {
        const v = row[f.name];
        if (typeof v === 'number' && !Number.isFinite(v)) continue;
        const lit = literal(v);
        const key = JSON.stringify(lit);
        if (!seen.has(key)) seen.set(key, lit);
      }
      out[model.name].fields[f.name] = [...seen.values()];
    }
    out[model.name].ids = rows.map((r) => Object.fromEntries(model.id.map((k) => [k, literal(r[k])])));
  }
  return out;
}

// Field references, search, _relevance and Json mode draw from their own
// stream (side), so that the queries of the main stream stay as they were.
class Gen {
  constructor(schema, values, enabled, rand, side) {
    Object.assign(this, { schema, values, enabled, rand, side });
    this.tags = new Set();
  }

  sidePick(list) { return list[Math.floor(this.side() * list.length)]; }

  // Fields another field of the model can be compared with: the same type
  // and native type; list: list fields (in, notIn, hasSome, hasEvery).
  refTargets(model, f, list) {
    return scalarFields(model).filter((g) => g.type === f.type && g.native === f.native
      && g.isList === list && g.type !== 'Json');
  }

  // A filter comparing f with another field of its row, or undefined.
  refCondition(model, f) {
    const scalar = this.refTargets(model, f, false);
    const lists = this.refTargets(model, f, true);
    const R = (g) => ref(model.name, g.name);
    if (f.isList) {
      const ops = [...(scalar.length ? ['has'] : []), ...(lists.length ? ['hasSome', 'hasEvery'] : [])];
      if (!ops.length) return undefined;
      const op = this.sidePick(ops);
      return { [op]: R(this.sidePick(op === 'has' ? scalar : lists)) };
    }
    if (!scalar.length || f.type === 'Json') return undefined;
    const ops = ['equals'];
    if (!['Boolean', 'Bytes'].includes(f.type) && f.kind !== 'enum') ops.push('lt', 'lte', 'gt', 'gte');
    if (f.type !== 'Boolean' && lists.length) ops.push('in', 'notIn');
    const op = this.sidePick(ops);
    const cond = { [op]: R(this.sidePick(op === 'in' || op === 'notIn' ? lists : scalar)) };
    // insensitive: Prisma's lower() on both sides for lt/gt (equals is ILIKE, wildcards)
    if (f.type === 'String' && ['lt', 'lte', 'gt', 'gte'].includes(op) && this.on('mode') && this.side() < 0.3) {
      this.use('mode');
      cond.mode = 'insensitive';
    }
    return this.side() < 0.2 && op !== 'in' && op !== 'notIn' ? { not: cond.mode ? { [op]: cond[op] } : cond, ...(cond.mode ? { mode: cond.mode } : {}) } : cond;
  }

  // A word of a value of a String field for to_tsquery, or undefined.
  searchWord(model, f) {
    const words = (this.values[model.name].fields[f.name] || [])
      .filter((v) => typeof v === 'string').flatMap((v) => v.match(/[A-Za-z]{2,}/g) || []);
    return words.length ? this.sidePick(words) : undefined;
  }

  chance(p) { return this.rand() < p; }
  int(lo, hi) { return lo + Math.floor(this.rand() * (hi - lo + 1)); }
  pick(list) { return list[Math.floor(this.rand() * list.length)]; }
  some(list, lo, hi) {
    const copy = [...list];
    const n = Math.min(copy.length, this.int(lo, hi));
    const out = [];
    for (let i = 0; i < n; i++) out.push(copy.splice(Math.floor(this.rand() * copy.length), 1)[0]);
    return out;
  }
  on(tag) { return this.enabled.has(tag); }
  use(tag) { this.tags.add(tag); }

  // A non-null literal of a field, or undefined when the field has none.
  value(model, f) {
    const vs = (this.values[model.name].fields[f.name] || []).filter((v) => v !== null);
    return vs.length ? this.pick(vs) : undefined;
  }

  // The tag that filtering on a field needs, or null when not filterable here.
  filterTag(f) {
    if (f.isList) return 'list-filter';
    if (f.type === 'Json') return 'json-filter';
    if (['BigInt', 'Decimal', 'Float', 'DateTime', 'Bytes'].includes(f.type)) return 'where-types';
    return 'where';
  }

  // One condition on a scalar field; sometimes (side stream) one that
  // references another field or searches.
  scalarCondition(model, f) {
    const cond = this.valueCondition(model, f);
    if (cond === undefined) return cond;
    const r = this.side();
    if (r < 0.1 && this.on('field-ref')) {
      const c = this.refCondition(model, f);
      if (c !== undefined) { this.use('field-ref'); return c; }
    } else if (r < 0.15 && this.on('search') && this.schema.fullTextSearch && f.type === 'String' && !f.isList) {
      const w = this.searchWord(model, f);
      if (w !== undefined) { this.use('search'); return { search: w }; }
    }
    return cond;
  }

  // One condition comparing a scalar field with values.
  valueCondition(model, f) {
    const tag = this.filterTag(f);
    if (!this.on(tag)) return undefined;
    // (a Json null needs Prisma.DbNull/JsonNull: not generated)
    if (!f.isRequired && f.type !== 'Json' && this.chance(0.15)) {
      this.use(tag);
      return this.chance(0.5) ? null : { not: null };
    }
    if (f.isList) return this.listCondition(model, f);
    if (f.type === 'Json') return this.jsonCondition(model, f);
    const v = this.value(model, f);
    if (v === undefined) return undefined;
    this.use(tag);
    // Prisma's filter types: Boolean has no in/notIn, enums and Bytes no lt/gt
    const ops = f.native === 'Xml' ? [] : f.type === 'Boolean' ? ['eq', 'equals', 'not']
      : f.kind === 'enum' || f.type === 'Bytes' ? ['eq', 'equals', 'not', 'in', 'notIn']
        : ['eq', 'equals', 'not', 'in', 'notIn', 'lt', 'lte', 'gt', 'gte'];
    if (f.type === 'String' && this.on('where-string')) ops.push('contains', 'startsWith', 'endsWith', 'notContains');
    if (!ops.length) return undefined;
    const op = this.pick(ops);
    if (op === 'eq') return v;
    if (op === 'in' || op === 'notIn') {
      const vs = [v];
      for (let i = this.int(0, 3); i > 0; i--) {
        const w = this.value(model, f);
        if (w !== undefined) vs.push(w);
      }
      return { [op]: vs };
    }
    if (['contains', 'startsWith', 'endsWith', 'notContains'].includes(op)) {
      this.use('where-string');
      const chars = [...v];
      const len = Math.max(0, Math.min(chars.length, this.int(1, 4)));
      const from = op === 'startsWith' ? 0 : op === 'endsWith' ? chars.length - len : this.int(0, chars.length - len);
      // % _ \ are LIKE wildcards in Prisma and literal in prisma_query (a
      // deliberate difference, README): keep them out of generated patterns
      let part = chars.slice(from, from + len).join('').replace(/[%_\\]/g, '');
      const cond = op === 'notContains' ? { not: { contains: part } } : { [op]: part };
      if (this.on('mode') && this.chance(0.4)) {
        this.use('mode');
        if (this.chance(0.5)) part = part.toUpperCase();
        if (op === 'notContains') cond.not.contains = part; else cond[op] = part;
        cond.mode = 'insensitive';
      }
      return cond;
    }
    if (op === 'not' && this.chance(0.3) && ops.includes('gt')) return { not: { gt: v } };
    const cond = { [op]: v };
    if (f.type === 'String' && this.on('mode') && op === 'equals' && !/[%_\\]/.test(v) && this.chance(0.3)) {
      this.use('mode');
      cond.mode = 'insensitive';
    }
    return cond;
  }

  listCondition(model, f) {
    this.use('list-filter');
    const items = [...new Set(this.values[model.name].fields[f.name].filter(Array.isArray).flat())];
    const op = items.length ? this.pick(['has', 'hasSome', 'hasEvery', 'isEmpty', 'equals']) : 'isEmpty';
    if (op === 'isEmpty') return { isEmpty: this.chance(0.5) };
    if (op === 'has') return { has: this.pick(items) };
    if (op === 'equals') return { equals: this.pick(this.values[model.name].fields[f.name].filter(Array.isArray)) };
    return { [op]: this.some(items, 1, 3) };
  }

  // A Json filter: equals or not of a whole value, or at a path into an
  // object value the operators its value takes (string_, array_, lt/gt);
  // sometimes (side stream) mode: "insensitive" where Prisma applies it, or
  // a field reference (a Json field, or a String field for string_).
  jsonCondition(model, f) {
    const docs = this.values[model.name].fields[f.name].filter((d) => d !== null);
    if (!docs.length) return undefined;
    this.use('json-filter');
    const isObject = (d) => d !== null && typeof d === 'object' && !Array.isArray(d) && Object.keys(d).length;
    let v = this.pick(docs);
    const path = [];
    while (isObject(v) && path.length < 2 && this.chance(0.7)) {
      const k = this.pick(Object.keys(v));
      path.push(k);
      v = v[k];
    }
    const ops = ['equals', 'equals', 'not'];
    const like = typeof v === 'string' && !/[%_\\]/.test(v);
    if (like) ops.push('string_contains', 'string_starts_with', 'string_ends_with');
    if (Array.isArray(v)) ops.push('array_contains', 'array_starts_with', 'array_ends_with');
    if (typeof v === 'number' || typeof v === 'string') ops.push('lt', 'lte', 'gt', 'gte');
    const op = this.pick(ops);
    const cond = path.length ? { path } : {};
    const elems = Array.isArray(v) ? v.filter((x) => x !== null) : [];
    if (op.startsWith('string_')) {
      const chars = [...v];
      const len = Math.min(chars.length, this.int(1, 3));
      const from = op === 'string_starts_with' ? 0 : op === 'string_ends_with' ? chars.length - len : this.int(0, chars.length - len);
      cond[op] = chars.slice(from, from + len).join('');
    } else if (op === 'array_contains') cond[op] = elems.length && this.chance(0.7) ? this.some(elems, 1, 2) : v;
    else if (op === 'array_starts_with') cond[op] = elems.length ? v[0] ?? elems[0] : v;
    else if (op === 'array_ends_with') cond[op] = elems.length ? v[v.length - 1] ?? elems[0] : v;
    else cond[op] = v;
    if (typeof cond[op] === 'string' && cond[op] === '' && op.startsWith('string_')) cond[op] = v;
    // mode: insensitive (equals, not, and the string_ filters at a path:
    // without one Prisma's lower() of a jsonb fails); LIKE characters out
    const s = cond[op];
    const modeOk = ['equals', 'not'].includes(op) || (op.startsWith('string_') && path.length);
    if (modeOk && this.on('json-mode') && this.side() < 0.5 && !/[%_\\]/.test(JSON.stringify(s))) {
      this.use('json-mode');
      cond.mode = 'insensitive';
      if (typeof s === 'string' && this.side() < 0.5) cond[op] = s.toUpperCase();
      return cond;
    }
    if (this.on('field-ref') && this.side() < 0.15) {
      // Prisma compares jsonb with jsonb only: the same native type
      const targets = op.startsWith('string_')
        ? scalarFields(model).filter((g) => g.type === 'String' && !g.isList && (!g.native || /^(VarChar|Char|Citext)/.test(g.native)))
        : scalarFields(model).filter((g) => g.type === 'Json' && !g.isList && g.native === f.native);
      if (targets.length) {
        this.use('field-ref');
        this.use('json-ref');
        cond[op] = ref(model.name, this.sidePick(targets).name);
      }
    }
    return cond;
  }

  // A having for a groupBy over by (side stream): conditions on by fields
  // and on aggregates of any field, values from the rows or (field-ref) a
  // by field of the aggregate's type.
  having(model, by) {
    const out = {};
    const byFields = by.map((b) => model.fields.find((x) => x.name === b));
    for (let i = this.side() < 0.7 ? 1 : 2; i > 0; i--) {
      const r = this.side();
      if (r < 0.3) {
        const f = this.sidePick(byFields);
        const c = this.valueCondition(model, f);
        if (c !== undefined && c !== null) out[f.name] = c;
        continue;
      }
      const f = this.sidePick(this.orderable(model));
      const aggs = ['_count', ...(this.minMaxable(model).includes(f) ? ['_min', '_max'] : []),
        ...(this.numeric(model).includes(f) ? ['_sum', '_avg'] : [])];
      const agg = this.sidePick(aggs);
      // the type Prisma wants of a referenced field: Int for _count, else the field's own
      const type = agg === '_count' ? 'Int' : f.type;
      const op = this.sidePick(agg === '_avg' ? ['gt', 'lt'] : ['equals', 'gt', 'gte', 'lt', 'lte', 'not']);
      let v;
      const refs = byFields.filter((g) => g.type === type && (agg !== '_min' && agg !== '_max' || g.native === f.native));
      if (this.on('field-ref') && refs.length && op !== 'not' && this.side() < 0.5) {
        this.use('field-ref');
        this.use('having-ref');
        v = ref(model.name, this.sidePick(refs).name);
      } else if (agg === '_count') v = this.int(0, 3);
      else v = this.value(model, f);
      // (enums: _min/_max take equals and not only)
      if (v === undefined || (f.kind === 'enum' && agg !== '_count' && !['equals', 'not'].includes(op))) continue;
      out[f.name] = { ...(out[f.name] || {}), [agg]: { [op]: v } };
    }
    if (Object.keys(out).length) this.use('having');
    return out;
  }

  // A where object for a model; depth limits nesting.
  where(model, depth = 0) {
    const out = {};
    const n = this.int(1, 2);
    for (let i = 0; i < n; i++) {
      const r = this.rand();
      if (r < 0.2 && depth < 2 && this.on('logic')) {
        this.use('logic');
        const kind = this.pick(['AND', 'OR', 'NOT']);
        const list = [];
        for (let j = this.int(1, 3); j > 0; j--) list.push(this.where(model, depth + 1));
        out[kind] = kind === 'NOT' && list.length === 1 && this.chance(0.5) ? list[0] : list;
      } else if (r < 0.35 && depth < 2 && this.on('relation-filter') && relationFields(model).length) {
        const f = this.pick(relationFields(model));
        const target = this.schema.models[f.type];
        this.use('relation-filter');
        const inner = this.chance(0.2) ? {} : this.where(target, depth + 1);
        if (f.isList) out[f.name] = { [this.pick(['some', 'every', 'none'])]: inner };
        else if (!f.isRequired && this.chance(0.2)) out[f.name] = this.chance(0.5) ? null : { isNot: null };
        else out[f.name] = { [this.pick(['is', 'isNot'])]: inner };
      } else {
        const f = this.pick(scalarFields(model));
        const c = this.scalarCondition(model, f);
        if (c !== undefined) out[f.name] = c;
      }
    }
    return out;
  }

  // (not Xml: no ordering or equality for it, Prisma's SQL fails on them)
  orderable(model) {
    return scalarFields(model).filter((f) => !f.isList && f.type !== 'Json' && f.native !== 'Xml');
  }

  // An orderBy for findMany.
  orderBy(model) {
    const out = [];
    for (let i = this.int(1, 2); i > 0; i--) {
      const r = this.rand();
      const toOne = relationFields(model).filter((f) => !f.isList);
      const toMany = relationFields(model).filter((f) => f.isList);
      const dir = this.pick(['asc', 'desc']);
      if (r < 0.15 && toOne.length && this.on('orderBy-relation')) {
        this.use('orderBy-relation');
        const f = this.pick(toOne);
        out.push({ [f.name]: { [this.pick(this.orderable(this.schema.models[f.type])).name]: dir } });
      } else if (r < 0.25 && toMany.length && this.on('orderBy-count')) {
        this.use('orderBy-count');
        out.push({ [this.pick(toMany).name]: { _count: dir } });
      } else {
        const f = this.pick(this.orderable(model));
        if (!f.isRequired && this.on('orderBy-nulls') && this.chance(0.4)) {
          this.use('orderBy-nulls');
          out.push({ [f.name]: { sort: dir, nulls: this.pick(['first', 'last']) } });
        } else {
          out.push({ [f.name]: dir });
        }
      }
    }
    this.use('orderBy');
    const single = out.length === 1 && this.chance(0.5);
    // _relevance first, the drawn terms after it (side stream)
    const texts = scalarFields(model).filter((f) => f.type === 'String');
    if (this.schema.fullTextSearch && this.on('search') && texts.length && this.side() < 0.1) {
      const fields = texts.filter(() => this.side() < 0.5);
      const f = fields[0] ?? texts[0];
      const w = this.searchWord(model, f);
      if (w !== undefined) {
        this.use('search');
        return [{ _relevance: { fields: fields.length ? fields.map((g) => g.name) : f.name, search: w, sort: this.sidePick(['asc', 'desc']) } }, ...out];
      }
    }
    return single ? out[0] : out;
  }

  // where/orderBy/take/skip/cursor/distinct on a list (top level or nested).
  listArgs(model, args, nested) {
    if (this.on('where') && this.chance(nested ? 0.3 : 0.6)) {
      const w = this.where(model);
      if (Object.keys(w).length) args.where = w;
    }
    if (this.on('orderBy') && this.chance(0.5)) args.orderBy = this.orderBy(model);
    if (this.on('take') && this.chance(0.4)) {
      this.use('take');
      args.take = this.int(0, 8);
      if (this.on('take-negative') && this.chance(0.3)) {
        this.use('take-negative');
        args.take = -this.int(1, 5);
      }
    }
    if (this.on('skip') && this.chance(0.2)) {
      this.use('skip');
      args.skip = this.int(0, 6);
    }
    if (!nested && this.on('cursor') && this.chance(0.15) && this.values[model.name].ids.length) {
      this.use('cursor');
      const id = this.pick(this.values[model.name].ids);
      args.cursor = model.id.length === 1 ? id : { [model.id.join('_')]: id };
      if (args.take === undefined) args.take = this.int(1, 5);
    }
    if (this.on('distinct') && this.chance(0.1)) {
      this.use('distinct');
      // not on Float: Prisma merges NaN and ±Infinity keys (README, deliberate differences)
      // Xml too: Prisma's distinct is in memory
      const xml = scalarFields(model).filter((f) => !f.isList && f.native === 'Xml');
      args.distinct = this.some([...this.orderable(model), ...xml].filter((f) => f.type !== 'Float').map((f) => f.name), 1, 2);
    }
    if (nested && Object.keys(args).some((k) => ['where', 'orderBy', 'take', 'skip', 'distinct'].includes(k))) this.use('nested');
  }

  // Arguments of a relation field inside include/select.
  relationArgs(f, depth) {
    const target = this.schema.models[f.type];
    const args = {};
    if (f.isList && this.on('nested') && this.chance(0.5)) this.listArgs(target, args, true);
    if (depth < 2 && this.chance(0.35)) Object.assign(args, this.selection(target, depth + 1));
    return Object.keys(args).length ? args : true;
  }

  // A select, include or omit for a model.
  selection(model, depth = 0) {
    const kinds = ['select', 'include', 'omit'].filter((k) => this.on(k));
    if (!relationFields(model).length) kinds.splice(kinds.indexOf('include'), kinds.includes('include') ? 1 : 0);
    if (!kinds.length) return {};
    const kind = this.pick(kinds);
    this.use(kind);
    const rels = relationFields(model);
    if (kind === 'omit') {
      // Prisma refuses to omit every field
      const names = this.some(scalarFields(model).map((f) => f.name), 1, Math.min(2, scalarFields(model).length - 1));
      return { omit: Object.fromEntries(names.map((n) => [n, true])) };
    }
    const sel = {};
    if (kind === 'select') {
      for (const f of this.some(scalarFields(model), 1, 3)) sel[f.name] = true;
    }
    for (const f of this.some(rels, kind === 'include' ? 1 : 0, 2)) sel[f.name] = this.relationArgs(f, depth);
    if (this.on('count-select') && rels.some((f) => f.isList) && this.chance(0.15)) {
      this.use('count-select');
      sel._count = this.chance(0.4) ? true
        : { select: Object.fromEntries(this.some(rels.filter((f) => f.isList), 1, 2).map((f) => [f.name, true])) };
    }
    return { [kind]: sel };
  }

  // A unique where for findUnique, from an existing row (or a missing one).
  uniqueWhere(model) {
    const singles = model.fields.filter((f) => (f.isId || f.isUnique) && f.kind !== 'object');
    const compounds = [...(model.id.length > 1 ? [{ fields: model.id, name: model.id.join('_') }] : []), ...model.uniques];
    if (compounds.length && (this.chance(0.5) || !singles.length) && this.on('compound-unique')) {
      this.use('compound-unique');
      const u = this.pick(compounds);
      const row = this.values[model.name].ids.length ? this.pick(this.values[model.name].ids) : null;
      const val = {};
      for (const k of u.fields) val[k] = row && k in row ? row[k] : this.value(model, model.fields.find((x) => x.name === k));
      return { [u.name]: val };
    }
    if (!singles.length) return null;
    const f = this.pick(singles);
    return { [f.name]: this.value(model, f) };
  }

  // Fields _min/_max take (Prisma accepts Boolean and Bytes, PostgreSQL has no max for them).
  minMaxable(model) {
    return this.orderable(model).filter((f) => !['Boolean', 'Bytes'].includes(f.type));
  }

  numeric(model) {
    return scalarFields(model).filter((f) => !f.isList && ['Int', 'BigInt', 'Float', 'Decimal'].includes(f.type));
  }

  // Arguments for one operation on one model.
  args(model, op) {
    const args = {};
    if (op === 'findUnique' || op === 'findUniqueOrThrow') {
      const w = this.uniqueWhere(model);
      if (!w) return null;
      args.where = w;
      if (this.chance(0.6)) Object.assign(args, this.selection(model));
      return args;
    }
    if (op === 'count') {
      if (this.chance(0.7)) args.where = this.where(model);
      if (this.chance(0.3)) args.select = { _all: true, [this.pick(scalarFields(model)).name]: true };
      return args;
    }
    if (op === 'aggregate') {
      const num = this.numeric(model);
      if (this.chance(0.6)) args.where = this.where(model);
      args._count = this.chance(0.5) ? true : { _all: true, [this.pick(scalarFields(model)).name]: true };
      for (const agg of ['_min', '_max']) {
        if (this.chance(0.5)) args[agg] = { [this.pick(this.minMaxable(model)).name]: true };
      }
      if (num.length) {
        for (const agg of ['_avg', '_sum']) {
          if (this.chance(0.5)) args[agg] = { [this.pick(num).name]: true };
        }
      }
      return args;
    }
    if (op === 'groupBy') {
      const by = this.some(this.orderable(model).map((f) => f.name), 1, 2);
      args.by = by;
      if (this.chance(0.5)) args.where = this.where(model);
      args._count = { _all: true };
      const num = this.numeric(model);
      if (num.length && this.chance(0.5)) args._sum = { [this.pick(num).name]: true };
      if (this.chance(0.5)) args._max = { [this.pick(this.minMaxable(model)).name]: true };
      args.orderBy = by.map((b) => ({ [b]: this.pick(['asc', 'desc']) }));
      if (this.on('having') && this.side() < 0.6) {
        const h = this.having(model, by);
        if (Object.keys(h).length) args.having = h;
      }
      return args;
    }
    this.listArgs(model, args, false);
    // findFirst takes only take 1 or -1 (Prisma: P2019 otherwise)
    if (op.startsWith('findFirst') && args.take !== undefined) args.take = args.take < 0 ? -1 : 1;
    if (this.chance(0.6)) Object.assign(args, this.selection(model));
    return args;
  }
}

const OPS = [
  ['findMany', 8], ['findFirst', 2], ['findUnique', 2], ['findFirstOrThrow', 1],
  ['findUniqueOrThrow', 1], ['count', 1], ['aggregate', 1], ['groupBy', 1],
];

// Query number i of a fixture for a seed: { model, op, args, tags }.
export function generateQuery(schema, values, enabled, seed, fixture, i) {
  const rand = rng32(hash(seed, fixture, i));
  const side = rng32(hash(seed, fixture, i, 'side'));
  const ops = OPS.filter(([op]) => enabled.has(op));
  if (!ops.length) throw new Error('no operation enabled in features.json');
  for (let attempt = 0; ; attempt++) {
    const g = new Gen(schema, values, enabled, rand, side);
    const totalW = ops.reduce((s, [, w]) => s + w, 0);
    let r = rand() * totalW;
    let op = ops[0][0];
    for (const [o, w] of ops) { if ((r -= w) < 0) { op = o; break; } }
    const model = g.pick(Object.values(schema.models));
    const args = g.args(model, op);
    if (!args) continue;
    if ((op === 'findUnique' || op === 'findUniqueOrThrow') && Object.values(args.where)[0] === undefined) continue;
    g.use(op);
    return { model: model.name, op, args, tags: [...g.tags] };
  }
}
