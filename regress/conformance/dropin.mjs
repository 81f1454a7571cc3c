// Drop-in test: every query of the conformance corpus (written and seeded
// random) through Prisma 7 Client with the prisma-compile extension
// (client/) and through plain Prisma Client on the same database; results
// compared as typed values (lib/typed_compare.mjs). A call counts as agreeing
// only when the extension answered it through prisma_query (its stats);
// calls it handed to Prisma are counted as fallbacks. Run by run.sh
// (CONFORMANCE_HARNESS=dropin.mjs); last line
//   dropin: <n> queries, <k> differ, <f> fell back
// Options: --seed N --random N --filter TEXT --verbose
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import { prismaCompile } from 'prisma-compile';
import { parseSchema, delegateName } from './lib/psl.mjs';
import { toPrisma, useClient } from './lib/values.mjs';
import { pinArgs } from './lib/pin.mjs';
import { generateQuery, sampleValues } from './lib/generator.mjs';
import { typedDifference } from './lib/typed_compare.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const FIXTURES = [
  { name: 'movies', schema: path.join(repo, 'bench/movies.prisma'), db: 'conform_movies', corpus: './corpus/movies.mjs' },
  { name: 'kitchen', schema: path.join(repo, 'regress/fixtures/kitchen_sink.prisma'), db: 'conform_kitchen', corpus: './corpus/kitchen.mjs' },
];

function parseOptions(argv) {
  const o = { seed: 1, random: 300, filter: null, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--seed') o.seed = Number(argv[++i]);
    else if (a === '--random') o.random = Number(argv[++i]);
    else if (a === '--filter') o.filter = argv[++i];
    else if (a === '--verbose') o.verbose = true;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

async function attempt(f) {
  try {
    return { value: await f() };
  } catch (error) {
    return { error };
  }
}

const show = (v) => JSON.stringify(v, (k, x) => (typeof x === 'bigint' ? `${x}n` : x))?.slice(0, 1500);

// One query on both clients: { skip } | { fell } | { ok } | { why }.
async function runOne(ctx, item) {
  const { plain, ext, stats, schema } = ctx;
  const pinned = item.expect === 'ok' || item.expect === 'notFound'
    ? pinArgs(schema, item.model, item.op, item.args) : item.args;
  const args = toPrisma(pinned);
  const delegate = delegateName(item.model);
  // a cursor row outside the where: a deliberate difference of prisma_query
  if (item.expect === 'ok' && args && args.cursor && args.where) {
    const cursorWhere = {};
    for (const [k, v] of Object.entries(args.cursor)) {
      if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) Object.assign(cursorWhere, v);
      else cursorWhere[k] = v;
    }
    const row = await plain[delegate].findFirst({ where: { AND: [args.where, cursorWhere] } });
    if (row === null) return { skip: 'cursor-outside-where' };
  }
  const p = await attempt(() => plain[delegate][item.op](toPrisma(pinned)));
  if (p.error && (p.error.code === 'P2020' || p.error.code === 'P2039')) return { skip: `prisma-fails-${p.error.code}` };
  const before = { routed: stats.routed, fallbacks: stats.fallbacks };
  const e = await attempt(() => ext[delegate][item.op](toPrisma(pinned)));
  const fell = stats.fallbacks > before.fallbacks;
  const routed = stats.routed === before.routed + 1;
  const base = { p, e };
  if (fell) return { fell: true, ...base };
  if (p.error) {
    if (!e.error) return { why: `the extension accepted a call Prisma rejects (${p.error.name})`, ...base };
    if (p.error.code === 'P2025' && (e.error.code !== 'P2025' || e.error.name !== 'PrismaClientKnownRequestError')) {
      return { why: `Prisma raised P2025, the extension ${e.error.name} ${e.error.code ?? ''}`, ...base };
    }
    if (p.error.code === 'P2025' && !routed) return { why: 'P2025 not raised through prisma_query', ...base };
    return { ok: true };
  }
  if (e.error) return { why: `the extension raised ${e.error.name}: ${String(e.error.message).trim().split('\n').pop()}`, ...base };
  if (!routed) return { why: 'the extension did not call prisma_query', ...base };
  const d = typedDifference(p.value, e.value);
  return d ? { why: `results differ: ${d}`, ...base } : { ok: true };
}

async function main() {
  const opts = parseOptions(process.argv.slice(2));
  const features = JSON.parse(fs.readFileSync(path.join(here, 'features.json'), 'utf8')).features;
  const enabled = new Set(Object.entries(features).filter(([, v]) => v).map(([k]) => k));
  console.log(`dropin: seed ${opts.seed}, ${opts.random} random queries per fixture`);
  let total = 0;
  let differ = 0;
  let fell = 0;
  let skipped = 0;
  const reasons = {};
  for (const fx of FIXTURES) {
    const schema = parseSchema(fs.readFileSync(fx.schema, 'utf8'));
    const { PrismaClient } = await import(path.join(here, 'generated', fx.name, 'client', 'client.ts'));
    const adapter = () => new PrismaPg({ database: fx.db, options: '-c statement_timeout=20000' });
    const plain = new PrismaClient({ adapter: adapter() });
    useClient(plain);
    const extension = prismaCompile();
    const ext = new PrismaClient({ adapter: adapter() }).$extends(extension);
    const ctx = { plain, ext, stats: extension.stats, schema };
    const corpus = (await import(fx.corpus)).default;
    const items = corpus.map((it, i) => ({ ...it, id: `${fx.name}:${String(i + 1).padStart(3, '0')}`, tags: [...new Set([it.op, ...it.tags])] }));
    const values = await sampleValues(plain, schema);
    for (let i = 0; i < opts.random; i++) {
      items.push({ ...generateQuery(schema, values, enabled, opts.seed, fx.name, i), id: `${fx.name}:gen-${i}`, expect: 'ok' });
    }
    const exact = items.some((it) => it.id === opts.filter);
    let n = 0;
    let k = 0;
    let f = 0;
    for (const it of items) {
      if (opts.filter && (exact ? it.id !== opts.filter
        : !it.id.includes(opts.filter) && !JSON.stringify(it).includes(opts.filter))) continue;
      if (it.tags.some((t) => !enabled.has(t))) { skipped++; continue; }
      const r = await runOne(ctx, it);
      if (r.skip) { skipped++; continue; }
      n++;
      if (r.fell) {
        f++;
        if (opts.verbose) console.log(`fell back ${it.id} ${show(it.args)}`);
      } else if (!r.ok) {
        k++;
        console.log(`\nDIFF ${it.id} (${fx.name}): ${r.why}\n  query: ${it.model}.${it.op}(${show(it.args)})`);
        console.log(`  prisma:    ${r.p.error ? 'ERROR ' + r.p.error.name + ' ' + (r.p.error.code ?? '') : show(r.p.value)}`);
        console.log(`  extension: ${r.e.error ? 'ERROR ' + String(r.e.error.message).trim().split('\n').pop() : show(r.e.value)}`);
        console.log(`  replay: regress/conformance/run.sh --dropin --seed ${opts.seed} --filter '${it.id}'`);
      } else if (opts.verbose) console.log(`ok ${it.id}`);
    }
    for (const [why, c] of Object.entries(extension.stats.reasons)) reasons[why] = (reasons[why] ?? 0) + c;
    console.log(`${fx.name}: ${n} queries, ${k} differ, ${f} fell back`);
    total += n;
    differ += k;
    fell += f;
    await plain.$disconnect();
    await ext.$disconnect();
  }
  console.log(`skipped: ${skipped} (pending features, deliberate differences of prisma_query)`);
  if (fell) console.log(`fallback reasons: ${Object.entries(reasons).map(([r, c]) => `${c}× ${r}`).join('; ')}`);
  console.log(`dropin: ${total} queries, ${differ} differ, ${fell} fell back`);
  process.exitCode = differ === 0 && total > 0 ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  console.log('dropin: 0 queries, 1 differ, 0 fell back');
  process.exit(1);
});
