// Per-call overhead of the prisma-compile Client extension, side by side:
// the same read through plain node-postgres (`SELECT prisma_query($1::json)`,
// named prepared statement), Prisma's raw-query path alone
// ($queryRawUnsafe of that statement), Prisma Client with the extension,
// plain Prisma Client with both relation load strategies, and the
// extension with `direct: false` (every statement through Prisma's
// raw-query path, as before the pool was used). Every round
// runs every contender CALLS times back to back (rotating order); the
// figures are medians over ROUNDS of the mean per call, in microseconds:
// wall-clock time, and CPU time (this process's, from process.cpuUsage(),
// plus that of the contender's backends, from /proc/<pid>/schedstat), which
// a loaded machine disturbs much less than the wall clock.
// Run (against a database with the movies tables, data and schema loaded,
// the usual PG* variables):
//   cd bench && node --import tsx client-overhead.mjs
// Knobs: OVERHEAD_ONLY (regexp on workload names; default: the small
// reads), OVERHEAD_ROUNDS (15), OVERHEAD_CALLS (50).
import pg from "pg";
import os from "node:os";
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.ts";
import { prismaCompile } from "prisma-compile";
import { workloads, pickIds } from "./workloads.mjs";
import { median, normalize, firstDiff } from "./compare.mjs";

const env = process.env;
const ROUNDS = Number(env.OVERHEAD_ROUNDS || 15);
const CALLS = Number(env.OVERHEAD_CALLS || 50);
const ONLY = new RegExp(env.OVERHEAD_ONLY || "^(findMany take 2000|orderBy year,title take 50|findUnique include cast take 3|cast.some.person OR take 100|findUnique by id)$");
const conn = {
  host: env.PGHOST || "localhost", port: Number(env.PGPORT || 5432),
  user: env.PGUSER, password: env.PGPASSWORD, database: env.PGDATABASE,
};
const cap = (s) => s[0].toUpperCase() + s.slice(1);
const SQL = "SELECT prisma_query($1::json)::text AS r";

// the backends of each application_name
async function backendPids(admin, apps) {
  const res = await admin.query("SELECT application_name AS a, pid FROM pg_stat_activity WHERE application_name = ANY ($1)", [apps]);
  const out = Object.fromEntries(apps.map((a) => [a, []]));
  for (const { a, pid } of res.rows) out[a].push(pid);
  return out;
}

// nanoseconds on CPU so far of these backends (/proc/<pid>/schedstat)
function serverCpu(pids) {
  let ns = 0;
  for (const pid of pids) {
    try { ns += Number(fs.readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[0]); } catch { /* gone */ }
  }
  return ns;
}

async function main() {
  const admin = new pg.Client(conn);
  await admin.connect();
  const ids = await pickIds(admin);
  const all = [
    { name: "findUnique by id", model: "movie", op: "findUnique", args: { where: { id: ids.movie } } },
    ...workloads(ids),
  ].filter((w) => ONLY.test(w.name));

  const pq = new pg.Client({ ...conn, application_name: "overhead-pg" });
  await pq.connect();
  const plain = {};
  for (const s of ["query", "join"]) {
    plain[s] = new PrismaClient({ adapter: new PrismaPg({ ...conn, application_name: `overhead-prisma-${s}` }) });
    await plain[s].$connect();
  }
  const extension = prismaCompile();
  const extended = new PrismaClient({ adapter: new PrismaPg({ ...conn, application_name: "overhead-ext" }) }).$extends(extension);
  await extended.$connect();
  // the extension with every statement on Prisma's raw-query path (before the pool)
  const viaRaw = new PrismaClient({ adapter: new PrismaPg({ ...conn, application_name: "overhead-ext-raw" }) }).$extends(prismaCompile({ direct: false }));
  await viaRaw.$connect();
  const doc = (w) => JSON.stringify({ model: cap(w.model), operation: w.op, args: w.args });

  const contenders = [
    ["pg prisma_query (json)", "overhead-pg", (w, d) => pq.query({ name: "pq", text: "SELECT prisma_query($1::json) AS r", values: [d] }).then((r) => r.rows[0].r)],
    ["pg prisma_query (text + JSON.parse)", "overhead-pg", (w, d) => pq.query({ name: "pqt", text: SQL, values: [d] }).then((r) => JSON.parse(r.rows[0].r))],
    ["Prisma $queryRawUnsafe (text + JSON.parse)", "overhead-prisma-query", (w, d) => plain.query.$queryRawUnsafe(SQL, d).then((r) => JSON.parse(r[0].r))],
    ["Prisma + prisma_compile", "overhead-ext", (w) => extended[w.model][w.op](w.args)],
    ["Prisma (query)", "overhead-prisma-query", (w) => plain.query[w.model][w.op]({ ...w.args, relationLoadStrategy: "query" })],
    ["Prisma (join)", "overhead-prisma-join", (w) => plain.join[w.model][w.op]({ ...w.args, relationLoadStrategy: "join" })],
    ["Prisma + prisma_compile, direct: false", "overhead-ext-raw", (w) => viaRaw[w.model][w.op](w.args)],
  ];

  console.log(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}; ${ROUNDS} rounds x ${CALLS} calls; median us per call`);
  const rows = [];
  for (const w of all) {
    const d = doc(w);
    // same records as Prisma's, and routed (not a fallback)
    const ref = normalize(await contenders[4][2](w, d), w.args);
    const before = extension.stats.routed;
    const got = normalize(await contenders[3][2](w, d), w.args);
    if (extension.stats.routed !== before + 1) throw new Error(`${w.name}: not routed (${JSON.stringify(extension.stats)})`);
    const diff = firstDiff(ref, got);
    if (diff) throw new Error(`${w.name}: extension differs: ${diff}`);
    for (let i = 0; i < 3; i++) for (const [, , f] of contenders) await f(w, d);
    const backends = await backendPids(admin, contenders.map(([, app]) => app));
    const wall = contenders.map(() => []);
    const cpu = contenders.map(() => []);
    for (let r = 0; r < ROUNDS; r++) {
      for (let k = 0; k < contenders.length; k++) {
        const j = (k + r) % contenders.length;
        const [, app, f] = contenders[j];
        const s0 = serverCpu(backends[app]);
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        for (let i = 0; i < CALLS; i++) await f(w, d);
        const t1 = performance.now();
        const c1 = process.cpuUsage(c0);
        const s1 = serverCpu(backends[app]);
        wall[j].push(((t1 - t0) / CALLS) * 1000);
        cpu[j].push((c1.user + c1.system + (s1 - s0) / 1000) / CALLS);
      }
    }
    rows.push([w.name, wall.map(median), cpu.map(median)]);
    console.log(`${w.name}: ${contenders.map(([n], j) => `${n} ${median(wall[j]).toFixed(0)} (cpu ${median(cpu[j]).toFixed(0)})`).join(", ")}`);
  }
  const names = contenders.map(([n]) => n);
  for (const [title, col] of [["wall-clock us per call", 1], ["CPU us per call (client + backend)", 2]]) {
    console.log(`\n${title}\n\n| workload | ${names.join(" | ")} | extension vs Prisma | direct: false vs Prisma |`);
    console.log(`|---|${names.map(() => "--:").join("|")}|--:|--:|`);
    for (const row of rows) {
      const t = row[col];
      console.log(`| ${row[0]} | ${t.map((x) => x.toFixed(0)).join(" | ")} | ${(Math.min(t[4], t[5]) / t[3]).toFixed(2)}x | ${(Math.min(t[4], t[5]) / t[6]).toFixed(2)}x |`);
    }
  }
  console.log(`\nload average after: ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}`);
  await pq.end();
  await admin.end();
  for (const c of [plain.query, plain.join, extended, viaRaw]) await c.$disconnect();
}

main().catch((e) => { console.error(e); process.exit(1); });
