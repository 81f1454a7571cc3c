// Movies benchmark harness: prisma_query against Prisma 7 (relationLoadStrategy
// "query" and "join", through @prisma/adapter-pg), Drizzle relational queries
// and hand-written single SQL statements, all through node-postgres, results
// turned into JavaScript objects.
//
// 1. every contender runs every workload once; results are normalized and
//    compared with Prisma's ("query" strategy); a contender that differs or
//    fails is reported and not timed on that workload;
// 2. warm-up, then BENCH_RUNS (>= 7) interleaved runs, medians, directly and
//    through a delaying TCP proxy (5 ms round trip), in the same rounds;
// 3. server-side time of prisma_query's statement and of the hand-written
//    statements (EXPLAIN (ANALYZE, TIMING OFF) of the prepared statement);
// 4. peak backend memory for the largest result (VmHWM of the backend).
// Connection: the usual PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE.
// Run: node --import tsx run.mjs   (bench/run.sh sets everything up)
// Contenders are in contenders.mjs, the memory probes in memory.mjs, the
// report (RESULTS.md) in report.mjs.
import pg from "pg";
import os from "node:os";
import fs from "node:fs";
import path from "node:path";
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { workloads, pickIds } from "./workloads.mjs";
import { median, fmt, normalize, firstDiff } from "./compare.mjs";
import { makeContenders, entriesFor, documentOf } from "./contenders.mjs";
import { measureMemory, measureReuse } from "./memory.mjs";
import { table, serverTable, renderReport } from "./report.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const env = process.env;
const RUNS = Math.max(7, Number(env.BENCH_RUNS || 9));
const WARMUP = Number(env.BENCH_WARMUP || 3);
const SERVER_RUNS = Number(env.BENCH_SERVER_RUNS || 7);
const RTT_DELAY_MS = Number(env.BENCH_RTT_DELAY_MS || 2.5);
const DO_RTT = env.BENCH_RTT !== "0";
const ONLY = env.BENCH_ONLY ? new RegExp(env.BENCH_ONLY) : null;
const PG_OPTIONS = env.BENCH_PGOPTIONS || undefined;   // e.g. "-c jit=off"
// a statement running longer than this (ms) fails; its contender is reported
// as too slow on that workload and not timed
const TIMEOUT_MS = Number(env.BENCH_TIMEOUT_MS || 30000);
const SLOW_MS = Number(env.BENCH_SLOW_MS || 10000);

const direct = {
  host: env.PGHOST || "localhost",
  port: Number(env.PGPORT || 5432),
  user: env.PGUSER, password: env.PGPASSWORD, database: env.PGDATABASE,
  options: `-c statement_timeout=${TIMEOUT_MS}${PG_OPTIONS ? " " + PG_OPTIONS : ""}`,
};

// ------------------------------------------------------------- equality check

// runs every entry once; returns {entry name: null | "differs: ..." | "fails: ..."} and the result size
async function checkWorkload(w, entries) {
  const status = {};
  let reference = null, refName = null, size = 0;
  const results = [];
  for (const e of entries) {
    try {
      const t0 = performance.now();
      const r = normalize(await e.run(), w.args);
      const ms = performance.now() - t0;
      if (ms > SLOW_MS) { status[e.name] = `too slow: one call took ${(ms / 1000).toFixed(1)} s`; continue; }
      results.push([e, r]);
      if (e.name === "Prisma (query)") { reference = r; refName = e.name; }
    } catch (err) {
      const msg = String(err.message || err).split("\n").filter(Boolean).pop().slice(0, 160);
      status[e.name] = /statement timeout/.test(msg) ? `too slow: over ${TIMEOUT_MS / 1000} s (statement_timeout)` : `fails: ${msg}`;
    }
  }
  if (!reference && results.length) { refName = results[0][0].name; reference = results[0][1]; }
  if (reference) size = JSON.stringify(reference).length;
  for (const [e, r] of results) {
    const d = firstDiff(reference, r);
    status[e.name] = d ? `differs from ${refName}: ${d}` : null;
  }
  return { status, size, records: Array.isArray(reference) ? reference.length : reference ? 1 : 0 };
}

// ------------------------------------------------------------------- timing

// warm-up, then RUNS rounds, each running every entry once, rotating the
// order; an entry faster than BATCH_MS runs several calls back to back per
// round (time divided by the count), so that sub-millisecond figures are not
// dominated by timer resolution and by the caches the other entries evict
const BATCH_MS = Number(env.BENCH_BATCH_MS || 20);
async function timeWorkload(entries) {
  const reps = new Map();
  for (const e of entries) {
    const ts = [];
    for (let i = 0; i < WARMUP; i++) { const t0 = performance.now(); await e.run(); ts.push(performance.now() - t0); }
    reps.set(e.name, Math.max(1, Math.min(200, Math.ceil(BATCH_MS / Math.max(median(ts), 0.01)))));
  }
  const times = new Map(entries.map((e) => [e.name, []]));
  for (let r = 0; r < RUNS; r++) {
    for (let k = 0; k < entries.length; k++) {
      const e = entries[(k + r) % entries.length];
      const n = reps.get(e.name);
      const t0 = performance.now();
      for (let i = 0; i < n; i++) await e.run();
      times.get(e.name).push((performance.now() - t0) / n);
    }
  }
  return Object.fromEntries([...times].map(([n, ts]) => [n, median(ts)]));
}

// server-side time of one statement: median of EXPLAIN (ANALYZE, TIMING OFF)
// planning + execution time of the prepared statement with literal arguments
async function serverTime(admin, name, text, values) {
  await admin.query(`DEALLOCATE ALL`);
  await admin.query(`PREPARE ${name} AS ${text}`);
  const args = values.length ? `(${values.map((v) => admin.escapeLiteral(String(v))).join(", ")})` : "";
  const ts = [];
  let jit = false;
  for (let i = 0; i < SERVER_RUNS + 1; i++) {
    const res = await admin.query(`EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) EXECUTE ${name}${args}`);
    const plan = res.rows[0]["QUERY PLAN"][0];
    if (i > 0) ts.push(plan["Planning Time"] + plan["Execution Time"]);
    if (plan.JIT && plan.JIT.Functions > 0) jit = true;
  }
  await admin.query(`DEALLOCATE ${name}`);
  const ms = median(ts);
  return jit ? Object.assign(new Number(ms), { jit: true }) : ms;
}

// ------------------------------------------------------------------- proxy

// starts proxy.mjs as a child process; resolves to {port, child}
function startProxy() {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, "proxy.mjs"), [direct.host, String(direct.port), String(RTT_DELAY_MS)], { stdio: ["ignore", "ignore", "inherit", "ipc"] });
    child.once("message", (m) => resolve({ port: m.port, child }));
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`proxy exited with ${code}`)));
  });
}

// median round trip of SELECT 1 on a connection
async function roundTrip(conn) {
  const c = new pg.Client(conn);
  await c.connect();
  const ts = [];
  for (let i = 0; i < 41; i++) { const t0 = performance.now(); await c.query("SELECT 1"); ts.push(performance.now() - t0); }
  await c.end();
  return median(ts.slice(1));
}

// ------------------------------------------------------------------- main

async function main() {
  const loadBefore = os.loadavg();
  const admin = new pg.Client({ ...direct, application_name: "bench-admin" });
  await admin.connect();
  const ids = await pickIds(admin);
  const all = workloads(ids).map((w, idx) => ({ ...w, idx })).filter((w) => !ONLY || ONLY.test(w.name));

  const settings = (await admin.query(`SELECT name, setting, unit FROM pg_settings WHERE name IN
    ('jit', 'jit_above_cost', 'shared_buffers', 'work_mem', 'max_parallel_workers_per_gather',
     'random_page_cost', 'effective_cache_size', 'server_version')`)).rows;
  const version = (await admin.query(`SELECT version()`)).rows[0].version;
  const ext = (await admin.query(`SELECT extversion FROM pg_extension WHERE extname = 'prisma_compile'`)).rows[0]?.extversion ?? "not installed";
  const counts = (await admin.query(`SELECT (SELECT count(*) FROM "Movie") movies, (SELECT count(*) FROM "Actor") actors,
    (SELECT count(*) FROM "Person") people, (SELECT count(*) FROM "User") users, (SELECT count(*) FROM "Review") reviews,
    (SELECT count(*) FROM "_ActorToMovie") links`)).rows[0];
  console.log(`data: ${JSON.stringify(counts)}; findUnique ids: ${JSON.stringify(ids)}`);

  // 1. equality
  const contenders = await makeContenders(direct);
  const rows = [];
  for (const w of all) {
    const entries = entriesFor(w, contenders);
    const { status, size, records } = await checkWorkload(w, entries);
    rows.push({ name: w.name, w, entries, status, size, records, t: {} });
    for (const [n, s] of Object.entries(status)) if (s) console.log(`  ${w.name}: ${n} ${s}`);
    console.log(`checked ${w.name}: ${records} records, ${size} bytes of JSON`);
  }

  // 2. the proxy and a second set of contenders behind it
  let proxy = null, pc = null, rtt = null;
  if (DO_RTT) {
    proxy = await startProxy();
    const viaProxy = { ...direct, host: "127.0.0.1", port: proxy.port };
    rtt = { direct: await roundTrip(direct), proxy: await roundTrip(viaProxy) };
    console.log(`round trip SELECT 1: direct ${fmt(rtt.direct)} ms, through the proxy ${fmt(rtt.proxy)} ms`);
    pc = await makeContenders(viaProxy, "benchrtt");
  }

  // 3. timing: direct and round-trip entries interleaved in the same rounds,
  // so that both tables see the same machine load
  const rttRows = DO_RTT ? [] : null;
  for (const r of rows) {
    const ok = r.entries.filter((e) => !r.status[e.name]);
    const okRtt = DO_RTT ? entriesFor(r.w, pc).filter((e) => !r.status[e.name]).map((e) => ({ ...e, name: `${e.name}@rtt` })) : [];
    const t = await timeWorkload([...ok, ...okRtt]);
    r.t = {};
    const tr = {};
    for (const e of r.entries) { r.t[e.name] = t[e.name] ?? NaN; tr[e.name] = t[`${e.name}@rtt`] ?? NaN; }
    console.log(`timed ${r.name}: ${ok.map((e) => `${e.name} ${fmt(r.t[e.name])}`).join(", ")}`);
    if (DO_RTT) {
      rttRows.push({ ...r, t: tr });
      console.log(`  with round trip: ${ok.map((e) => `${e.name} ${fmt(tr[e.name])}`).join(", ")}`);
    }
  }
  for (const c of contenders) await c.close();
  if (pc) for (const c of pc) await c.close();
  if (proxy) proxy.child.kill();

  // 4. server-side times
  for (const r of rows) {
    r.server = {};
    if (!r.status.prisma_query) r.server.prisma_query = await serverTime(admin, "pq", "SELECT prisma_query($1::json)", [documentOf(r.w)]).catch(() => NaN);
    for (const v of Object.keys(r.w.sql)) {
      r.server[`SQL ${v}`] = r.status[`SQL ${v}`] ? NaN : await serverTime(admin, "h", r.w.sql[v].text, r.w.values).catch((e) => (console.log(e.message), NaN));
    }
  }
  const compiled = {};
  for (const r of rows) {
    compiled[r.name] = await admin.query(`SELECT prisma_compile($1::json) AS s`, [documentOf(r.w)]).then((x) => x.rows[0].s, (e) => `-- fails: ${e.message}`);
  }

  // 5. memory for the largest result
  const largest = rows.reduce((a, b) => (b.size > a.size ? b : a), rows[0]);
  const mem = largest ? await measureMemory(direct, admin, largest.w, largest.status) : {};
  const reuse = largest && !largest.status.prisma_query ? await measureReuse(direct, largest.w, [null, "0"]) : {};

  await admin.end();

  const text = renderReport({ here, cmd: env.BENCH_COMMAND || `node --import tsx bench/run.mjs`, loadBefore, version, ext, settings,
    pgOptions: PG_OPTIONS, counts, scale: env.BENCH_SCALE || "?", ids, runs: RUNS, warmup: WARMUP, batchMs: BATCH_MS,
    rows, rttRows, rtt, rttDelayMs: RTT_DELAY_MS, largest, mem, reuse, compiled });
  fs.writeFileSync(env.BENCH_RESULTS || path.join(here, "RESULTS.md"), text);

  console.log("\n" + table(rows, "Direct connection"));
  if (rttRows) console.log(table(rttRows, `With ${fmt(rtt.proxy)} ms round trip`));
  console.log(serverTable(rows));
  console.log(`results written to ${env.BENCH_RESULTS || path.join(here, "RESULTS.md")}`);
}

main().catch((e) => { console.error(e); process.exit(1); });
