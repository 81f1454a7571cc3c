// Reviving prisma_query's JSON in JavaScript (src/revive.js) against a
// tagged output mode ({"$type": "DateTime", "value": …}, Prisma's own
// encoding) decoded by the runtime's deserializeJsonObject: bytes on the
// wire, and JSON.parse plus decoding, per result. The tagged text is made
// here from prisma_query's output (what a C output mode would write).
//   regress/conformance/node_modules/.bin/tsx client/bench/reviver.mjs
// after regress/conformance/run.sh (conform_kitchen) and, for the movies
// rows, with PGDATABASE naming a database of bench/run.sh's data (optional).
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const conf = path.join(repo, 'regress/conformance');
const { deserializeJsonObject } = await import(path.join(conf, 'node_modules/@prisma/client/runtime/client.mjs'));
const { buildModels, reviveResult } = await import(path.join(conf, 'node_modules/prisma-compile/src/revive.js'));
const pg = (await import(path.join(conf, 'node_modules/pg/lib/index.js'))).default;

// prisma_query's result tagged as Prisma's protocol writes values
function tag(models, model, v) {
  if (Array.isArray(v)) return v.map((x) => tag(models, model, x));
  if (v === null || typeof v !== 'object') return v;
  const out = {};
  for (const [k, x] of Object.entries(v)) {
    const f = models[model].fields.get(k);
    if (!f || x === null) out[k] = x;
    else if (f.relation) out[k] = tag(models, f.model, x);
    else if (['DateTime', 'BigInt', 'Decimal', 'Bytes'].includes(f.type)) out[k] = Array.isArray(x) ? x.map((y) => ({ $type: f.type, value: y })) : { $type: f.type, value: x };
    else if (f.type === 'Json') out[k] = { $type: 'Json', value: JSON.stringify(x) };
    else out[k] = x;
  }
  return out;
}

function time(f, n = 15) {
  for (let i = 0; i < 3; i++) f();
  const t = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    f();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[n >> 1];
}

async function measure(database, schemaModule, model, args, copies) {
  const { PrismaClient } = await import(path.join(conf, 'generated', schemaModule, 'client/client.ts'));
  const { PrismaPg } = await import(path.join(conf, 'node_modules/@prisma/adapter-pg/dist/index.mjs'));
  const prisma = new PrismaClient({ adapter: new PrismaPg({ database }) });
  const models = buildModels(prisma._runtimeDataModel);
  await prisma.$disconnect();
  const c = new pg.Client({ database });
  await c.connect();
  const { rows } = await c.query('SELECT prisma_query($1::json)::text AS r', [JSON.stringify({ model, operation: 'findMany', args })]);
  await c.end();
  let value = JSON.parse(rows[0].r);
  value = Array.from({ length: copies }, () => value).flat();
  const plain = JSON.stringify(value);
  const tagged = JSON.stringify(tag(models, model, value));
  const parse = time(() => JSON.parse(plain));
  const revive = time(() => reviveResult(models, model, 'findMany', args, JSON.parse(plain)));
  const parseTagged = time(() => JSON.parse(tagged));
  const deser = time(() => deserializeJsonObject(JSON.parse(tagged)));
  const f = (x) => x.toFixed(2);
  console.log(`| ${model} ${JSON.stringify(args)} ×${copies} (${value.length} records) | ${(plain.length / 1e6).toFixed(2)} | ${(tagged.length / 1e6).toFixed(2)} | ${f(parse)} | ${f(revive)} | ${f(parseTagged)} | ${f(deser)} |`);
}

console.log('| result | plain MB | tagged MB | JSON.parse plain ms | parse + reviver ms | JSON.parse tagged ms | parse + deserializeJsonObject ms |');
console.log('|---|--:|--:|--:|--:|--:|--:|');
await measure('conform_kitchen', 'kitchen', 'Sample', {}, 100);
await measure('conform_kitchen', 'kitchen', 'Post', { include: { author: true, comments: true, categories: true } }, 50);
if (process.env.PGDATABASE) await measure(process.env.PGDATABASE, 'movies', 'Movie', { take: 2000, include: { cast: true } }, 1);
