// Shapes of the generated benchmark (docs/shape-bench.md): the relations of a
// Prisma schema, the query shapes of each relation, and for every shape a
// hand-written set-based SQL statement returning the same JSON.
//
//   parseSchema(text)        models and fields of a schema (single-column keys)
//   relations(models)        every relation field, both directions, with how
//                            its target rows are read for a set of parent keys
//   generateShapes(models, rels, params)   [{name, group, model, op, args, sql}]
//
// The SQL reads each level set-based, as one would write it by hand: a level's
// rows in a CTE (the children of all parents at once, per-parent paging with
// row_number() OVER (PARTITION BY parent key)), counts as one grouped
// aggregate joined back, relation filters as EXISTS (semi-joins), JSON built
// bottom up with json_agg ... GROUP BY parent key.

const q = (id) => `"${id}"`;
const lit = (v) => (typeof v === "number" ? String(v) : `'${String(v).replace(/'/g, "''")}'`);

// models: {Name: {name, fields: [{name, type, list, optional, id, fk, isRel}]}}
export function parseSchema(text) {
  const models = {};
  for (const m of text.matchAll(/^model\s+(\w+)\s*\{([^}]*)\}/gm)) {
    const fields = [];
    for (const line of m[2].split("\n")) {
      const t = line.replace(/\/\/.*/, "").trim();
      if (!t || t.startsWith("@@")) continue;
      const [name, type] = t.split(/\s+/);
      const rel = t.match(/@relation\(([^)]*)\)/);
      fields.push({
        name, type: type.replace(/[?[\]]/g, ""), list: type.endsWith("[]"), optional: type.endsWith("?"),
        id: /@id\b/.test(t), fk: rel ? (rel[1].match(/fields:\s*\[(\w+)\]/) || [])[1] ?? null : null,
      });
    }
    models[m[1]] = { name: m[1], fields };
  }
  for (const M of Object.values(models)) for (const f of M.fields) f.isRel = Boolean(models[f.type]);
  return models;
}

export const scalars = (M) => M.fields.filter((f) => !f.isRel);

// one entry per relation field: kind "many" or "one"; from(a) is a FROM item
// whose alias a is the target's rows, key(a) the value matched against the
// parent row's column parentCol
export function relations(models) {
  const out = [];
  for (const P of Object.values(models)) {
    for (const f of P.fields.filter((x) => x.isRel)) {
      const T = models[f.type];
      const back = T.fields.find((g) => g.isRel && g.type === P.name && g !== f);
      let r;
      if (f.fk) {
        r = { kind: "one", parentCol: f.fk, from: (a) => `${q(T.name)} ${a}`, key: (a) => `${a}."id"` };
      } else if (f.list && back.list) {
        // implicit many-to-many: _AToB, column A for the model first in name order
        const [A, B] = [P.name, T.name].sort();
        const mine = P.name === A ? "A" : "B", other = mine === "A" ? "B" : "A";
        r = { kind: "many", parentCol: "id", m2m: true,
          from: (a) => `${q(`_${A}To${B}`)} ${a}_l JOIN ${q(T.name)} ${a} ON ${a}."id" = ${a}_l.${q(other)}`,
          key: (a) => `${a}_l.${q(mine)}` };
      } else {
        r = { kind: "many", parentCol: "id", from: (a) => `${q(T.name)} ${a}`, key: (a) => `${a}.${q(back.fk)}` };
      }
      out.push({ ...r, name: `${P.name}.${f.name}`, model: P.name, field: f.name, target: T.name, inverse: back.name });
    }
  }
  return out;
}

// ------------------------------------------------------------ SQL writing

class Sql {
  constructor(models, rels) { this.models = models; this.rels = rels; this.ctes = []; this.n = 0; }
  rel(model, field) { return this.rels.find((r) => r.model === model && r.field === field); }
  fresh(p) { return `${p}${++this.n}`; }
  cte(prefix, body) { const name = this.fresh(prefix); this.ctes.push(`${name} AS MATERIALIZED (${body})`); return name; }

  // a filter of model M on alias a
  where(M, w, a) {
    if (!w) return "true";
    const parts = [];
    for (const [k, v] of Object.entries(w)) {
      // Prisma's combinators: NOT of an object negates its conjunction, of a
      // list each element
      if (k === "AND") { parts.push(...[v].flat().map((x) => `(${this.where(M, x, a)})`)); continue; }
      if (k === "OR") { parts.push(`(${v.map((x) => `(${this.where(M, x, a)})`).join(" OR ") || "false"})`); continue; }
      if (k === "NOT") { parts.push(...[v].flat().map((x) => `NOT (${this.where(M, x, a)})`)); continue; }
      const rel = this.rel(M, k);
      if (rel) {
        const b = this.fresh("w");
        const T = rel.target;
        const sub = (cond) => `EXISTS (SELECT 1 FROM ${rel.from(b)} WHERE ${rel.key(b)} = ${a}.${q(rel.parentCol)} AND ${cond})`;
        for (const [op, c] of Object.entries(v)) {
          if (op === "some" || op === "is") parts.push(sub(this.where(T, c, b)));
          else if (op === "none" || op === "isNot") parts.push(`NOT ${sub(this.where(T, c, b))}`);
          else if (op === "every") parts.push(`NOT ${sub(`NOT (${this.where(T, c, b)})`)}`);
          else throw new Error(`filter ${op}`);
        }
        continue;
      }
      const col = `${a}.${q(k)}`;
      const ops = v !== null && typeof v === "object" ? v : { equals: v };
      for (const [op, x] of Object.entries(ops)) {
        const sym = { equals: "=", gt: ">", gte: ">=", lt: "<", lte: "<=" }[op];
        if (sym) parts.push(`${col} ${sym} ${lit(x)}`);
        else if (op === "startsWith") parts.push(`${col} LIKE ${lit(x + "%")}`);
        else if (op === "contains") parts.push(`${col} LIKE ${lit("%" + x + "%")}`);
        else throw new Error(`scalar filter ${op}`);
      }
    }
    return parts.length ? parts.join(" AND ") : "true";
  }

  // ORDER BY terms of scalar fields on alias a, the id last; {rel: {_count}}
  // terms join a grouped count (joins receives the join)
  order(M, orderBy, a, joins) {
    const terms = [];
    for (const o of [orderBy ?? []].flat()) {
      for (const [k, v] of Object.entries(o)) {
        const rel = this.rel(M, k);
        if (rel) {
          const c = this.fresh("oc"), b = this.fresh("w");
          joins.push(`LEFT JOIN (SELECT ${rel.key(b)} AS __k, count(*) AS n FROM ${rel.from(b)} GROUP BY 1) ${c} ON ${c}.__k = ${a}.${q(rel.parentCol)}`);
          terms.push(`coalesce(${c}.n, 0) ${v._count.toUpperCase()}`);
        } else terms.push(`${a}.${q(k)} ${String(v).toUpperCase()}`);
      }
    }
    if (!terms.some((t) => t.startsWith(`${a}."id" `))) terms.push(`${a}."id" ASC`);
    return terms.join(", ");
  }

  // the rows CTE of one level: top level (rel null) or the children of the
  // rows of CTE parent through rel; columns __k (parent key), __o (order)
  rows(M, args, rel, parent) {
    const where = this.where(M, args.where, "t");
    if (!rel) {
      const joins = [];
      const order = this.order(M, args.orderBy, "t", joins);
      const page = `${args.take !== undefined ? ` LIMIT ${args.take}` : ""}${args.skip ? ` OFFSET ${args.skip}` : ""}`;
      return this.cte("l", `SELECT s.*, row_number() OVER () AS __o FROM (SELECT t.* FROM ${q(M)} t ${joins.join(" ")} WHERE ${where} ORDER BY ${order}${page}) s`);
    }
    const restrict = `${rel.key("t")} IN (SELECT ${q(rel.parentCol)} FROM ${parent})`;
    if (rel.kind === "one") return this.cte("l", `SELECT t."id" AS __k, t.*, 1 AS __o FROM ${rel.from("t")} WHERE ${restrict} AND ${where}`);
    // a cursor pages each parent's list from the cursor row on, and gives
    // the parents whose list lacks that row nothing (as Prisma does)
    let cursor = "";
    if (args.cursor) {
      const c = this.fresh("w");
      cursor = ` AND t."id" >= ${lit(args.cursor.id)} AND ${rel.key("t")} IN (SELECT ${rel.key(c)} FROM ${rel.from(c)} WHERE ${c}."id" = ${lit(args.cursor.id)})`;
    }
    let src = `SELECT ${rel.key("t")} AS __k, t.* FROM ${rel.from("t")} WHERE ${restrict} AND ${where}${cursor}`;
    if (args.distinct) {
      const d = args.distinct.map((f) => `s.${q(f)}`).join(", ");
      src = `SELECT DISTINCT ON (s.__k, ${d}) s.* FROM (${src}) s ORDER BY s.__k, ${d}, ${this.order(M, args.orderBy, "s", [])}`;
    }
    const lo = args.skip ?? 0, hi = args.take !== undefined ? lo + args.take : null;
    return this.cte("l", `SELECT * FROM (SELECT x.*, row_number() OVER (PARTITION BY x.__k ORDER BY ${this.order(M, args.orderBy, "x", [])}) AS __o FROM (${src}) x) y WHERE __o > ${lo}${hi !== null ? ` AND __o <= ${hi}` : ""}`);
  }

  // the JSON object of a row r of CTE rowsCte (model M, args): its fields,
  // included relations (their aggregates joined by key) and _count
  object(M, args, rowsCte) {
    const sel = args.select ?? null, inc = args.include ?? {};
    const pairs = [], joins = [];
    for (const f of scalars(this.models[M])) if (!sel || sel[f.name]) pairs.push(`'${f.name}', r.${q(f.name)}`);
    for (const [k, v] of Object.entries({ ...inc, ...(sel ?? {}) })) {
      if (!v) continue;
      if (k === "_count") {
        const wanted = v === true ? this.rels.filter((x) => x.model === M && x.kind === "many").map((x) => [x.field, true]) : Object.entries(v.select);
        const cs = wanted.map(([field, spec]) => {
          const rel = this.rel(M, field), b = this.fresh("w");
          const c = this.cte("c", `SELECT ${rel.key(b)} AS __k, count(*) AS n FROM ${rel.from(b)} WHERE ${rel.key(b)} IN (SELECT ${q(rel.parentCol)} FROM ${rowsCte}) AND ${this.where(rel.target, spec === true ? null : spec.where, b)} GROUP BY 1`);
          joins.push(`LEFT JOIN ${c} ON ${c}.__k = r.${q(rel.parentCol)}`);
          return `'${field}', coalesce(${c}.n, 0)`;
        });
        pairs.push(`'_count', json_build_object(${cs.join(", ")})`);
        continue;
      }
      const rel = this.rel(M, k);
      if (!rel) continue;
      const a = this.level(rel.target, v === true ? {} : v, rel, rowsCte);
      joins.push(`LEFT JOIN ${a} ON ${a}.__k = r.${q(rel.parentCol)}`);
      pairs.push(`'${k}', ${rel.kind === "many" ? `coalesce(${a}.j, '[]'::json)` : `${a}.j`}`);
    }
    return { expr: `json_build_object(${pairs.join(", ")})`, joins: joins.join(" ") };
  }

  // a nested level: its rows, then its JSON per parent key (CTE name)
  level(M, args, rel, parent) {
    const rows = this.rows(M, args, rel, parent);
    const o = this.object(M, args, rows);
    if (rel.kind === "one") return this.cte("a", `SELECT r.__k, ${o.expr} AS j FROM ${rows} r ${o.joins}`);
    return this.cte("a", `SELECT r.__k, json_agg(${o.expr} ORDER BY r.__o) AS j FROM ${rows} r ${o.joins} GROUP BY r.__k`);
  }

  statement(body) { return `${this.ctes.length ? `WITH ${this.ctes.join(",\n  ")}\n` : ""}${body}`; }
}

// hand-written SQL of one operation: a statement returning one json column r
export function handSql(models, rels, model, op, args) {
  const s = new Sql(models, rels);
  if (op === "findMany") {
    const rows = s.rows(model, args, null, null);
    const o = s.object(model, args, rows);
    return s.statement(`SELECT coalesce(json_agg(${o.expr} ORDER BY r.__o), '[]'::json) AS r FROM ${rows} r ${o.joins}`);
  }
  const where = s.where(model, args.where, "t");
  if (op === "count") return s.statement(`SELECT to_json(count(*)) AS r FROM ${q(model)} t WHERE ${where}`);
  if (op === "aggregate") {
    return s.statement(`SELECT json_build_object('_count', json_build_object('_all', count(*)), '_max', json_build_object('id', max(t."id"))) AS r FROM ${q(model)} t WHERE ${where}`);
  }
  if (op === "groupBy") {
    const g = q(args.by[0]);
    return s.statement(`SELECT coalesce(json_agg(json_build_object('${args.by[0]}', g.${g}, '_count', json_build_object('_all', g.n)) ORDER BY g.${g}), '[]'::json) AS r
      FROM (SELECT t.${g}, count(*) AS n FROM ${q(model)} t WHERE ${where} GROUP BY t.${g} ORDER BY t.${g} LIMIT ${args.take}) g`);
  }
  throw new Error(`operation ${op}`);
}

// --------------------------------------------------------------- shapes

// per model: a filter, a field to order, distinct and group by
export const MODEL_INFO = {
  Movie: { filter: { year: { gte: 2000 } }, order: "year", distinct: "year", group: "year" },
  Actor: { filter: { name: { startsWith: "a" } }, order: "name", distinct: "person_id", group: "person_id" },
  Person: { filter: { first_name: { startsWith: "a" } }, order: "last_name", distinct: "first_name", group: "first_name" },
  User: { filter: { name: { startsWith: "a" } }, order: "name", distinct: "name", group: "name" },
  Review: { filter: { rating: { gte: 4 } }, order: "rating", distinct: "rating", group: "rating" },
};

// every shape of every relation; params: take (parents, one level), take2
// (parents, two levels), cursor(model) (an id of the model for cursors)
export function generateShapes(models, rels, params) {
  const { take = 50, take2 = 20, cursor } = params;
  const out = [];
  const add = (name, group, model, op, args) => out.push({ name, group, model, op, args, sql: handSql(models, rels, model, op, args) });
  const top = (t, extra) => ({ orderBy: { id: "asc" }, take: t, ...extra });
  const relFilter = (r, cond) => ({ [r.field]: r.kind === "many" ? { some: cond } : { is: cond } });

  for (const r of rels) {
    const P = r.model, T = r.target, ti = MODEL_INFO[T];
    const n = r.name;
    // includes, one level
    add(`${n} include`, "include", P, "findMany", top(take, { include: { [r.field]: true } }));
    if (r.kind === "many") {
      add(`${n} include take`, "include", P, "findMany", top(take, { include: { [r.field]: { take: 3, orderBy: { id: "desc" } } } }));
      add(`${n} include skip take`, "include", P, "findMany", top(take, { include: { [r.field]: { skip: 1, take: 2, orderBy: { id: "asc" } } } }));
      add(`${n} include orderBy`, "include", P, "findMany", top(take, { include: { [r.field]: { orderBy: [{ [ti.order]: "asc" }, { id: "asc" }] } } }));
      add(`${n} include cursor`, "include", P, "findMany", top(take, { include: { [r.field]: { cursor: { id: cursor(T) }, take: 3, orderBy: { id: "asc" } } } }));
      add(`${n} include distinct`, "include", P, "findMany", top(take, { include: { [r.field]: { distinct: [ti.distinct], orderBy: { id: "asc" } } } }));
      add(`${n} include where`, "include", P, "findMany", top(take, { include: { [r.field]: { where: ti.filter } } }));
      // counts
      add(`${n} _count`, "count", P, "findMany", top(take * 10, { select: { id: true, _count: { select: { [r.field]: true } } } }));
      add(`${n} _count where`, "count", P, "findMany", top(take * 10, { select: { id: true, _count: { select: { [r.field]: { where: ti.filter } } } } }));
      add(`${n} orderBy _count`, "orderBy", P, "findMany", { take: 5, orderBy: [{ [r.field]: { _count: "desc" } }, { id: "asc" }], select: { id: true } });
      // relation filters
      for (const f of ["some", "every", "none"]) add(`${n} ${f}`, "filter", P, "findMany", top(take, { where: { [r.field]: { [f]: ti.filter } } }));
    } else {
      for (const f of ["is", "isNot"]) add(`${n} ${f}`, "filter", P, "findMany", top(take, { where: { [r.field]: { [f]: ti.filter } } }));
    }
    // the filter under NOT and OR (with a filter of the parent), where it
    // cannot become a join: a read and a count of each
    const fname = r.kind === "many" ? "some" : "is";
    for (const [label, where] of [[`NOT(${fname})`, { NOT: relFilter(r, ti.filter) }], [`OR(${fname})`, { OR: [relFilter(r, ti.filter), MODEL_INFO[P].filter] }]]) {
      add(`${n} ${label}`, "filter", P, "findMany", top(take, { where }));
      add(`${n} count(${label})`, "aggregate", P, "count", { where });
    }
    // the same filter inside count, aggregate, groupBy
    const w = relFilter(r, ti.filter);
    add(`${n} count(filter)`, "aggregate", P, "count", { where: w });
    add(`${n} aggregate(filter)`, "aggregate", P, "aggregate", { where: w, _count: { _all: true }, _max: { id: true } });
    add(`${n} groupBy(filter)`, "aggregate", P, "groupBy", { by: [MODEL_INFO[P].group], where: w, _count: { _all: true }, orderBy: { [MODEL_INFO[P].group]: "asc" }, take: 20 });

    // two levels: each relation of the target but the way back
    for (const r2 of rels.filter((x) => x.model === T && x.field !== r.inverse)) {
      const n2 = `${n}.${r2.field}`, T2i = MODEL_INFO[r2.target];
      add(`${n2} include`, "include", P, "findMany", top(take2, { include: { [r.field]: { include: { [r2.field]: true } } } }));
      if (r2.kind === "many") {
        add(`${n2} include take`, "include", P, "findMany", top(take2, { include: { [r.field]: { include: { [r2.field]: { take: 2, orderBy: { id: "desc" } } } } } }));
        add(`${n2} include _count`, "count", P, "findMany", top(take2, { include: { [r.field]: { include: { _count: { select: { [r2.field]: true } } } } } }));
      }
      const inner = relFilter(r2, T2i.filter);
      add(`${n2} ${r.kind === "many" ? "some" : "is"}(${r2.kind === "many" ? "some" : "is"})`, "filter", P, "findMany", top(take, { where: relFilter(r, inner) }));
      add(`${n2} count(filter)`, "aggregate", P, "count", { where: relFilter(r, inner) });
    }
  }
  // _count: true per model with to-many relations
  for (const M of Object.keys(models)) {
    if (rels.some((x) => x.model === M && x.kind === "many")) add(`${M} include _count`, "count", M, "findMany", top(take, { include: { _count: true } }));
  }
  return out;
}
