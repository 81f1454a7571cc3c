// Edge benchmark (bench/edge.sh, docs/edge.md): per-request latency and
// statements per request of the example Worker (examples/edge-worker/) in
// workerd, prisma_query through each driver against Prisma Client
// (@prisma/adapter-neon, both relation load strategies) in the same Worker,
// on include workloads of the movies dataset; directly and with a round trip
// made 2 x EDGE_DELAY_MS longer by bench/proxy.mjs between the Worker's proxy
// and PostgreSQL. Each request opens its own connection, as a Worker must.
//   node bench/edge.mjs <database>    (EDGE_MOVIE, EDGE_ACTOR: the findUnique ids)
// Knobs: EDGE_RUNS (rounds, default 9), EDGE_DELAY_MS (2.5), EDGE_RESULTS (bench/EDGE.md).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEdge } from '../examples/edge-worker/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const env = process.env;
const database = process.argv[2] || env.PGDATABASE || 'postgres';
const RUNS = Number(env.EDGE_RUNS || 9);
const WARMUP = 2;
const DELAY_MS = Number(env.EDGE_DELAY_MS || 2.5);
const RESULTS = env.EDGE_RESULTS || path.join(here, 'EDGE.md');
const movie = Number(env.EDGE_MOVIE || 1), actor = Number(env.EDGE_ACTOR || 1);

const workloads = [
  { name: 'findUnique include cast take 3', model: 'Movie', operation: 'findUnique',
    args: { where: { id: movie }, include: { cast: { take: 3 } } } },
  { name: 'findUnique include reviews take 3', model: 'Movie', operation: 'findUnique',
    args: { where: { id: movie }, include: { reviews: { take: 3 } } } },
  { name: 'actor.findUnique deep', model: 'Actor', operation: 'findUnique',
    args: { where: { id: actor }, include: {
      movies: { include: { cast: { take: 15, orderBy: { name: 'asc' }, include: { person: true } } }, take: 25, orderBy: { year: 'desc' } },
      person: true } } },
  { name: 'cyan take 100 cast+person', model: 'Movie', operation: 'findMany',
    args: { where: { title: { contains: 'cyan' } }, take: 100, orderBy: { id: 'asc' }, include: { cast: { include: { person: true } } } } },
];

const builtClient = JSON.parse(fs.readFileSync(path.join(here, '../examples/edge-worker/dist/build.json'), 'utf8')).client;
const hasClient = builtClient !== null;
const contenders = [
  { name: 'prisma_query, neon Pool', driver: 'neon-pool' },
  { name: 'prisma_query, neon Client', driver: 'neon-client' },
  { name: 'prisma_query, pg (TCP socket)', driver: 'pg' },
  ...(hasClient ? [{ name: 'Prisma + prismaCompile()', driver: 'prisma-compile' }] : []),
  { name: 'Prisma (query), adapter-neon', driver: 'prisma', strategy: 'query' },
  { name: 'Prisma (join), adapter-neon', driver: 'prisma', strategy: 'join' },
];

async function request(edge, c, w) {
  const args = c.strategy ? { ...w.args, relationLoadStrategy: c.strategy } : w.args;
  const start = performance.now();
  const res = await fetch(`${edge.url}/query?driver=${c.driver}`, {
    method: 'POST', body: JSON.stringify({ model: w.model, operation: w.operation, args }) });
  const body = await res.text();
  const ms = performance.now() - start;
  const { texts } = await edge.stats();
  if (res.status !== 200) throw new Error(`${c.name}, ${w.name}: HTTP ${res.status} ${body.slice(0, 300)}`);
  return { ms, statements: texts.length, body };
}

// JSON text with object keys sorted (records compared, not key order)
const canonical = (v) => JSON.stringify(v, (k, x) => (x && typeof x === 'object' && !Array.isArray(x)
  ? Object.fromEntries(Object.keys(x).sort().map((key) => [key, x[key]])) : x));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const fmt = (x) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));

async function main() {
  const setups = [{ name: 'direct', delayMs: 0 }, { name: `+${2 * DELAY_MS} ms round trip`, delayMs: DELAY_MS }];
  for (const s of setups) s.edge = await startEdge({ database, delayMs: s.delayMs });
  const cells = new Map();   // setup|contender|workload -> { times, statements, body }
  try {
    for (const s of setups) await s.edge.stats();
    for (let round = -WARMUP; round < RUNS; round++) {
      for (const w of workloads) {
        for (const s of setups) {
          // a rotating order: no contender always first or last
          for (let k = 0; k < contenders.length; k++) {
            const c = contenders[(k + round + WARMUP) % contenders.length];
            const r = await request(s.edge, c, w);
            const key = `${s.name}|${c.name}|${w.name}`;
            if (!cells.has(key)) cells.set(key, { times: [], statements: r.statements, body: r.body });
            if (round >= 0) cells.get(key).times.push(r.ms);
          }
        }
      }
    }
  } finally {
    for (const s of setups) s.edge.stop();
  }
  // every contender must have answered the same records
  for (const w of workloads) {
    const want = canonical(JSON.parse(cells.get(`direct|${contenders[0].name}|${w.name}`).body));
    for (const s of setups) for (const c of contenders) {
      const got = canonical(JSON.parse(cells.get(`${s.name}|${c.name}|${w.name}`).body));
      if (got !== want) throw new Error(`${c.name} (${s.name}) answers ${w.name} differently`);
    }
  }

  const md = ['# Edge benchmark', '',
    'prisma_query from the example Worker (`examples/edge-worker/`) in workerd against Prisma Client with `@prisma/adapter-neon` in the same Worker (docs/edge.md).',
    'Median milliseconds per request, end to end (HTTP request to the Worker, a new database connection, the query, the JSON response), and statements per request as the proxy counted them (Parse and Query messages).',
    `"+${2 * DELAY_MS} ms round trip": bench/proxy.mjs between the Worker's WebSocket/TCP proxy and PostgreSQL holds every chunk ${DELAY_MS} ms each way.`,
    '', 'Reproduce: `bash bench/edge.sh` (after `make install`; PG* of a cluster, e.g. under `pg_virtualenv`).', ''];
  const dataLine = env.EDGE_DATA ? `Data: ${env.EDGE_DATA}; findUnique ids: movie ${movie}, actor ${actor}. ` : '';
  md.push(hasClient ? `"Prisma + prismaCompile()": the client/ extension (${env.EDGE_CLIENT_NOTE || path.relative(path.join(here, '..'), builtClient)}), same adapter.` : 'client/ was not built in: no "Prisma + prismaCompile()" column.', '');
  md.push(`${dataLine}${WARMUP} warm-up rounds, then the median of ${RUNS} rounds; every round runs every contender in both setups, in a rotating order. ${new Date().toISOString().slice(0, 10)}, ${env.EDGE_MACHINE || 'one machine, client, Worker and PostgreSQL together'}.`, '');
  for (const s of setups) {
    md.push(`## ${s.name}`, '', `| workload | ${contenders.map((c) => c.name).join(' | ')} |`, `|---|${contenders.map(() => '--:').join('|')}|`);
    for (const w of workloads) {
      const row = contenders.map((c) => {
        const cell = cells.get(`${s.name}|${c.name}|${w.name}`);
        return `${fmt(median(cell.times))} ms, ${cell.statements} st`;
      });
      md.push(`| ${w.name} | ${row.join(' | ')} |`);
    }
    // prisma_query's fastest driver against Prisma's faster strategy
    md.push('', '| workload | best prisma_query | best Prisma | vs Prisma |', '|---|--:|--:|--:|');
    for (const w of workloads) {
      const t = (c) => median(cells.get(`${s.name}|${c.name}|${w.name}`).times);
      const ours = Math.min(...contenders.filter((c) => c.driver !== 'prisma').map(t));
      const theirs = Math.min(...contenders.filter((c) => c.driver === 'prisma').map(t));
      md.push(`| ${w.name} | ${fmt(ours)} | ${fmt(theirs)} | ${(theirs / ours).toFixed(2)}x |`);
    }
    md.push('');
  }
  fs.writeFileSync(RESULTS, md.join('\n'));
  console.log(md.join('\n'));
}

main().catch((e) => { console.error(e); process.exitCode = 1; });
