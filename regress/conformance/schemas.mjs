// Differential test on generated schemas: for each schema of
// lib/schemagen.mjs, its tables and rows in a database of their own, the
// schema loaded into prisma_compile, and seeded random queries
// (lib/generator.mjs) through Prisma 7 Client and prisma_query, compared as
// harness.mjs compares them. Run by run-schemas.sh, which generates the
// clients. Last line: `schemas: N schemas, Q queries, K differ`.
// Options: --schemas N (schemas 0..N-1) --seed S (schema S alone)
// --queries Q (per schema) --filter TEXT --verbose

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { parseSchema, delegateName } from './lib/psl.mjs';
import { toPrisma, toJson, useClient } from './lib/values.mjs';
import { normalize, firstDifference } from './lib/compare.mjs';
import { pinArgs } from './lib/pin.mjs';
import { generateQuery, sampleValues } from './lib/generator.mjs';
import { generateSchema } from './lib/schemagen.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

function parseOptions(argv) {
  const o = { schemas: 20, seed: null, queries: 100, filter: null, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--schemas') o.schemas = Number(argv[++i]);
    else if (a === '--seed') o.seed = Number(argv[++i]);
    else if (a === '--queries') o.queries = Number(argv[++i]);
    else if (a === '--filter') o.filter = argv[++i];
    else if (a === '--verbose') o.verbose = true;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

// The schema numbers a run covers.
export function schemaNumbers(o) {
  return o.seed !== null ? [o.seed] : [...Array(o.schemas).keys()];
}

function errorText(e) {
  const msg = String(e.message || e).trim().split('\n').filter(Boolean);
  return (e.code ? `[${e.code}] ` : '') + msg.slice(-4).join(' | ').slice(0, 400);
}

// Prisma failing on a valid query in its own conversions (P2020) or in the
// SQL it wrote (P2039, P2010: e.g. no equality for xml, no min(uuid)):
// nothing to compare.
const PRISMA_FAILS = new Set(['P2020', 'P2039', 'P2010']);

// One query on both sides: { ok, skip, why, ... }.
async function runOne(ctx, item) {
  const { client, pgc, schema } = ctx;
  const args = pinArgs(schema, item.model, item.op, item.args);
  const query = { model: item.model, operation: item.op, args: toJson(args) };
  if (args && args.cursor && args.where) {
    // a cursor row that the where leaves out: a deliberate difference (README)
    const cursorWhere = {};
    for (const [k, v] of Object.entries(args.cursor)) {
      if (isCompound(v)) Object.assign(cursorWhere, v);
      else cursorWhere[k] = v;
    }
    try {
      const row = await client[delegateName(item.model)].findFirst(toPrisma({ where: { AND: [args.where, cursorWhere] } }));
      if (row === null) return { ok: true, skip: 'cursor-outside-where' };
    } catch {
      // Prisma's error comes again below
    }
  }
  if (args && args.cursor && await cursorHasNullOrder(client, item.model, args)) {
    // Prisma compares the cursor row's order values in SQL, where a null
    // one matches nothing (not even the cursor row): a deliberate difference
    return { ok: true, skip: 'cursor-null-order' };
  }
  let pres, perr, qres, qerr;
  try {
    pres = normalize(await client[delegateName(item.model)][item.op](toPrisma(args)));
  } catch (e) {
    perr = e;
  }
  try {
    const r = await pgc.query('SELECT prisma_query($1::json)::text AS r', [JSON.stringify(query)]);
    qres = JSON.parse(r.rows[0].r);
  } catch (e) {
    qerr = e;
  }
  const fail = (why, diff) => ({ ok: false, why, diff, query, pres, perr, qres, qerr });
  if (perr && perr.code === 'P2025' && item.op.endsWith('OrThrow')) {
    if (!qerr || qerr.code !== 'P0002') return fail('prisma_query did not raise P0002 where Prisma raises P2025');
    return { ok: true };
  }
  if (perr && PRISMA_FAILS.has(perr.code)) return { ok: true, skip: `prisma-fails-${perr.code}` };
  // Prisma reads money aggregates and money groupBy keys as "$1,234.56"
  // text and fails in decimal.js
  if (perr && /\[DecimalError\]/.test(perr.message)) return { ok: true, skip: 'prisma-fails-money' };
  if (perr && qerr) return { ok: true };	// both reject
  if (perr) return fail('Prisma raised an error, prisma_query did not');
  if (qerr) return fail('prisma_query raised an error');
  const d = firstDifference(pres, qres);
  return d ? fail('results differ', d) : { ok: true };
}

// Is a cursor value a compound unique's object (not a BigInt or Bytes marker)?
function isCompound(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !('$conformance' in v);
}

// Has the cursor row a null value in one of the orderBy fields (scalar, or
// a to-one relation's field, or no related row)?
async function cursorHasNullOrder(client, model, args) {
  const where = {};
  for (const [k, v] of Object.entries(args.cursor)) {
    if (isCompound(v)) Object.assign(where, v);
    else where[k] = v;
  }
  const select = {};
  const order = Array.isArray(args.orderBy) ? args.orderBy : args.orderBy ? [args.orderBy] : [];
  for (const o of order) {
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'string' || (v && 'sort' in v)) select[k] = true;
      else if (v && !('_count' in v)) select[k] = { select: Object.fromEntries(Object.keys(v).map((f) => [f, true])) };
    }
  }
  if (!Object.keys(select).length) return false;
  try {
    const row = await client[delegateName(model)].findFirst(toPrisma({ where, select }));
    if (!row) return false;
    return Object.entries(select).some(([k, v]) => row[k] === null
      || (v !== true && Object.keys(v.select).some((f) => row[k][f] === null)));
  } catch {
    return false;
  }
}

function show(v, verbose) {
  const s = JSON.stringify(v);
  return s === undefined ? 'undefined' : !verbose && s.length > 1500 ? `${s.slice(0, 1500)}… (${s.length} chars)` : s;
}

async function main() {
  const opts = parseOptions(process.argv.slice(2));
  const features = JSON.parse(fs.readFileSync(path.join(here, 'features.json'), 'utf8')).features;
  const enabled = new Set(Object.entries(features).filter(([, v]) => v).map(([k]) => k));
  let total = 0;
  let differ = 0;
  let skipped = 0;
  const tagCounts = new Map();	// feature tag -> compared queries that use it
  const nums = schemaNumbers(opts);
  for (const n of nums) {
    const gen = generateSchema(n);
    const dir = path.join(here, 'generated', 'schemas', `s${n}`);
    const db = `conform_schema_${n}`;
    const admin = new pg.Client({ database: 'postgres' });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${db}`);
    await admin.query(`CREATE DATABASE ${db}`);
    await admin.end();
    const pgc = new pg.Client({ database: db, statement_timeout: 20000 });
    await pgc.connect();
    await pgc.query('SET client_min_messages = warning');
    for (const stmt of gen.sql) {
      try {
        await pgc.query(stmt);
      } catch (e) {
        throw new Error(`schema ${n}: ${e.message} in ${stmt}`);
      }
    }
    await pgc.query('CREATE EXTENSION prisma_compile');
    try {
      await pgc.query('SELECT prisma_load_schema($1)', [gen.prisma]);
    } catch (e) {
      // a schema that does not load: every query of it differs
      console.log(`\nDIFF schema ${n}: prisma_load_schema failed: ${errorText(e)} ${e.detail || ''}\n${gen.prisma}`);
      total += opts.queries;
      differ += opts.queries;
      await pgc.end();
      continue;
    }
    const schema = parseSchema(gen.readable);
    const { PrismaClient } = await import(path.join(dir, 'client', 'client.ts'));
    const client = new PrismaClient({ adapter: new PrismaPg({ database: db, options: '-c statement_timeout=20000' }) });
    useClient(client);
    const values = await sampleValues(client, schema);
    const ctx = { client, pgc, schema };
    let sTotal = 0;
    let sDiffer = 0;
    for (let i = 0; i < opts.queries; i++) {
      const item = generateQuery(schema, values, enabled, n, `s${n}`, i);
      const id = `s${n}:${i}`;
      if (opts.filter && id !== opts.filter && !JSON.stringify(item).includes(opts.filter)) continue;
      const r = await runOne(ctx, item);
      if (r.skip) {
        skipped++;
        continue;
      }
      sTotal++;
      for (const t of item.tags) tagCounts.set(t, (tagCounts.get(t) || 0) + 1);
      if (!r.ok) {
        sDiffer++;
        console.log(`\nDIFF ${id}: ${r.why}`);
        console.log(`  query:        ${JSON.stringify(r.query)}`);
        console.log(`  prisma:       ${r.perr ? `ERROR ${errorText(r.perr)}` : show(r.pres, opts.verbose)}`);
        console.log(`  prisma_query: ${r.qerr ? `ERROR ${errorText(r.qerr)}` : show(r.qres, opts.verbose)}`);
        if (r.diff) console.log(`  first difference: ${r.diff}`);
        console.log(`  replay: regress/conformance/run-schemas.sh --seed ${n} --filter '${id}'`);
      }
    }
    if (opts.verbose || sDiffer) console.log(`schema ${n}: ${sTotal} queries, ${sDiffer} differ`);
    total += sTotal;
    differ += sDiffer;
    await client.$disconnect();
    await pgc.end();
  }
  console.log(`tags: ${[...tagCounts].sort((a, b) => a[0].localeCompare(b[0])).map(([t, c]) => `${t} ${c}`).join(', ')}`);
  console.log(`skipped: ${skipped} queries (Prisma fails on them, or a cursor outside the where)`);
  console.log(`schemas: ${nums.length} schemas, ${total} queries, ${differ} differ`);
  process.exitCode = differ === 0 && total > 0 ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((e) => {
    console.error(e);
    console.log('schemas: 0 schemas, 0 queries, 1 differ');
    process.exit(1);
  });
}
