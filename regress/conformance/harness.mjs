// Conformance harness: runs every query of the written corpus and of the
// seeded random generator through Prisma 7 Client (prisma-client generator,
// @prisma/adapter-pg) and through SELECT prisma_query($1) on the same
// database, and compares the results deeply (the JSON form of docs/design.md,
// "Output encoding"; object keys as sets, arrays in order). Run by run.sh, which sets up the databases.
// Options: --seed N --random N --filter TEXT --verbose --prisma-only
// --all-features (ignore features.json: to check pending parts of the corpus
// and generator on Prisma alone, with --prisma-only)

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

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');

const FIXTURES = [
  { name: 'movies', schema: path.join(repo, 'bench/movies.prisma'), db: 'conform_movies', corpus: './corpus/movies.mjs' },
  { name: 'kitchen', schema: path.join(repo, 'regress/fixtures/kitchen_sink.prisma'), db: 'conform_kitchen', corpus: './corpus/kitchen.mjs' },
];

// Command-line options.
function parseOptions(argv) {
  const o = { seed: null, random: 300, filter: null, verbose: false, prismaOnly: false, maxShow: 3000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--seed') o.seed = Number(argv[++i]);
    else if (a === '--random') o.random = Number(argv[++i]);
    else if (a === '--filter') o.filter = argv[++i];
    else if (a === '--verbose') o.verbose = true;
    else if (a === '--prisma-only') o.prismaOnly = true;
    else if (a === '--all-features') o.allFeatures = true;
    else throw new Error(`unknown option ${a}`);
  }
  if (o.seed === null || Number.isNaN(o.seed)) o.seed = Math.floor(Math.random() * 2 ** 31);
  return o;
}

function show(v, max) {
  const s = v === undefined ? 'undefined' : JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max)}… (${s.length} chars)` : s;
}

function errorText(e) {
  if (!e) return '';
  const msg = String(e.message || e).trim().split('\n').filter(Boolean);
  const head = e.code ? `[${e.code}] ` : '';
  return head + msg.slice(-6).join(' | ').slice(0, 600);
}

// Run one query on both sides; returns { ok, detail }.
async function runOne(ctx, item, opts) {
  const { client, pgc, schema } = ctx;
  const args = item.expect === 'ok' || item.expect === 'notFound'
    ? pinArgs(schema, item.model, item.op, item.args) : item.args;
  const query = { model: item.model, operation: item.op, args: toJson(args) };
  // A cursor row that the where leaves out: Prisma answers [] when it
  // paginates in memory and the rows after the cursor position when it
  // paginates in SQL, depending on the query's shape; prisma_query always
  // answers []. A deliberate difference (README): not compared.
  if (item.expect === 'ok' && args && args.cursor && args.where && !opts.prismaOnly) {
    const cursorWhere = {};
    for (const [k, v] of Object.entries(args.cursor)) {
      if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) Object.assign(cursorWhere, v);
      else cursorWhere[k] = v;
    }
    const row = await client[delegateName(item.model)].findFirst(
      toPrisma({ where: { AND: [args.where, cursorWhere] }, select: Object.fromEntries(schema.models[item.model].id.map((f) => [f, true])) }));
    if (row === null) return { ok: true, skip: 'cursor-outside-where', query };
  }
  let pres, perr;
  try {
    pres = normalize(await client[delegateName(item.model)][item.op](toPrisma(args)));
  } catch (e) {
    perr = e;
  }
  let qres, qerr;
  if (!opts.prismaOnly) {
    try {
      const r = await pgc.query('SELECT prisma_query($1::json)::text AS r', [JSON.stringify(query)]);
      qres = r.rows[0].r === null ? undefined : JSON.parse(r.rows[0].r);
      if (r.rows[0].r === null) qerr = new Error('prisma_query returned SQL NULL');
    } catch (e) {
      qerr = e;
    }
  }
  const fail = (why) => ({ ok: false, query, why, pres, perr, qres, qerr });

  // what Prisma did must match what the corpus says it does
  if (item.expect === 'error') {
    if (!perr) return fail('corpus: Prisma accepted a query marked as an error');
    if (!opts.prismaOnly && !qerr) return fail(`prisma_query accepted a query Prisma rejects (${perr.name})`);
    return { ok: true, query };
  }
  // *OrThrow without a row (written or generated): both must raise
  if (item.expect === 'notFound' || (perr && perr.code === 'P2025' && item.op.endsWith('OrThrow'))) {
    if (!perr || perr.code !== 'P2025') return fail('corpus: Prisma did not raise P2025 (record not found)');
    if (opts.prismaOnly) return { ok: true, query };
    if (!qerr) return fail('prisma_query returned a result where Prisma raises P2025');
    if (qerr.code !== 'P0002') return fail(`prisma_query raised SQLSTATE ${qerr.code}, not P0002`);
    const want = `No ${item.model} found`;
    if (!String(qerr.message).includes(want)) return fail(`prisma_query's message is not "${want}"`);
    return { ok: true, query };
  }
  // Prisma failing inside its own engine or in PostgreSQL on a valid query
  // (P2020 value out of range, P2039 a database error in the SQL it wrote)
  // leaves nothing to compare: counted as skipped, never as passed.
  if (perr && !opts.prismaOnly && (perr.code === 'P2020' || perr.code === 'P2039')) {
    return { ok: true, skip: `prisma-fails-${perr.code}`, query };
  }
  if (perr) return fail(opts.prismaOnly ? 'corpus: Prisma rejected the query' : 'Prisma raised an error');
  if (opts.prismaOnly) return { ok: true, query, pres };
  if (qerr) return fail('prisma_query raised an error');
  const d = firstDifference(pres, qres);
  if (d) return { ...fail('results differ'), diff: d };
  return { ok: true, query, pres };
}

// Report one failure.
function report(fixture, id, item, r, opts) {
  const max = opts.verbose ? Infinity : opts.maxShow;
  console.log(`\nDIFF ${id} (${fixture}, tags: ${item.tags.join(' ')}): ${r.why}`);
  console.log(`  query:        ${JSON.stringify(r.query)}`);
  console.log(`  prisma:       ${r.perr ? 'ERROR ' + errorText(r.perr) : show(r.pres, max)}`);
  if (!opts.prismaOnly) {
    console.log(`  prisma_query: ${r.qerr ? 'ERROR ' + errorText(r.qerr) : show(r.qres, max)}`);
  }
  if (r.diff) console.log(`  first difference: ${r.diff}`);
  console.log(`  replay: pg_virtualenv -t regress/conformance/run.sh --seed ${opts.seed} --filter '${id}'`);
}

async function main() {
  const opts = parseOptions(process.argv.slice(2));
  const features = JSON.parse(fs.readFileSync(path.join(here, 'features.json'), 'utf8')).features;
  const enabled = new Set(Object.entries(features).filter(([, v]) => v || opts.allFeatures).map(([k]) => k));
  console.log(`conformance: seed ${opts.seed}, ${opts.random} random queries per fixture`
    + `${opts.prismaOnly ? ', Prisma only (no comparison)' : ''}`);
  let total = 0;
  let differ = 0;
  let skipped = 0;
  const skippedTags = {};

  for (const fx of FIXTURES) {
    const schema = parseSchema(fs.readFileSync(fx.schema, 'utf8'));
    const { PrismaClient } = await import(path.join(here, 'generated', fx.name, 'client', 'client.ts'));
    const adapter = new PrismaPg({ database: fx.db, options: '-c statement_timeout=20000' });
    const client = new PrismaClient({ adapter });
    useClient(client);
    const pgc = new pg.Client({ database: fx.db, statement_timeout: 20000 });
    await pgc.connect();
    const ctx = { client, pgc, schema };

    const corpus = (await import(fx.corpus)).default;
    const items = corpus.map((it, i) => ({ ...it, id: `${fx.name}:${String(i + 1).padStart(3, '0')}` }));
    for (const it of items) {
      it.tags = [...new Set([it.op, ...it.tags])];
      for (const t of it.tags) {
        if (!(t in features)) throw new Error(`${it.id}: unknown feature tag "${t}" (features.json)`);
      }
    }
    const values = await sampleValues(client, schema);
    for (let i = 0; i < opts.random; i++) {
      const g = generateQuery(schema, values, enabled, opts.seed, fx.name, i);
      items.push({ ...g, id: `${fx.name}:gen-${i}`, expect: 'ok' });
    }

    let fxTotal = 0;
    let fxDiffer = 0;
    let fxSkipped = 0;
    // --filter: one query when it names an id exactly, else a substring of ids and queries
    const exact = items.some((it) => it.id === opts.filter);
    for (const it of items) {
      if (opts.filter && (exact ? it.id !== opts.filter
        : !it.id.includes(opts.filter) && !JSON.stringify(it).includes(opts.filter))) continue;
      const pending = it.tags.filter((t) => !enabled.has(t));
      if (pending.length) {
        fxSkipped++;
        for (const t of pending) skippedTags[t] = (skippedTags[t] || 0) + 1;
        continue;
      }
      const r = await runOne(ctx, it, opts);
      if (r.skip) {
        fxSkipped++;
        skippedTags[r.skip] = (skippedTags[r.skip] || 0) + 1;
        continue;
      }
      fxTotal++;
      if (!r.ok) {
        fxDiffer++;
        report(fx.name, it.id, it, r, opts);
      } else if (opts.verbose) {
        console.log(`ok ${it.id} ${JSON.stringify(r.query)}`);
      }
    }
    console.log(`${fx.name}: ${fxTotal} queries, ${fxDiffer} differ, ${fxSkipped} skipped`);
    total += fxTotal;
    differ += fxDiffer;
    skipped += fxSkipped;
    await client.$disconnect();
    await pgc.end();
  }
  const pendingList = Object.entries(skippedTags).map(([t, n]) => `${t} ${n}`).join(', ');
  console.log(`skipped: ${skipped} queries (pending features, deliberate differences)${pendingList ? ` (${pendingList})` : ''}`);
  if (differ) console.log(`replay with: pg_virtualenv -t regress/conformance/run.sh --seed ${opts.seed} (same features.json)`);
  console.log(`conformance: ${total} queries, ${differ} differ`);
  process.exitCode = differ === 0 && total > 0 ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  console.log('conformance: 0 queries, 1 differ');
  // open connections would keep the process alive
  process.exit(1);
});
