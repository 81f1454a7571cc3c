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
import pg from "pg";
import os from "node:os";
import fs from "node:fs";
import path from "node:path";
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { PrismaClient } from "./generated/client.ts";
import { prismaCompile } from "prisma-compile";
import * as schema from "./drizzle_schema.mjs";
import { workloads, pickIds } from "./workloads.mjs";
import { median, fmt, normalize, firstDiff } from "./compare.mjs";

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

// ---------------------------------------------------------------- contenders

// a contender: name, kind, run(workload) -> JS value, close()
async function makeContenders(conn, appPrefix = "bench") {
  const list = [];

  const pq = new pg.Client({ ...conn, application_name: `${appPrefix}-prisma_query` });
  await pq.connect();
  list.push({
    name: "prisma_query", kind: "pq",
    run: async (w) => (await pq.query({
      name: `pq`, text: `SELECT prisma_query($1::json) AS r`,
      values: [JSON.stringify({ model: cap(w.model), operation: w.op, args: w.args })],
    })).rows[0].r,
    close: () => pq.end(),
  });

  // Prisma's pools keep their connections between rounds: a round of the
  // large workloads lasts longer than pg.Pool's default idleTimeoutMillis
  // (10 s), after which every Prisma contender would time each call on a
  // fresh connection and a cold backend (the other contenders hold theirs)
  const keep = { idleTimeoutMillis: 0 };
  for (const strategy of ["query", "join"]) {
    const prisma = new PrismaClient({
      adapter: new PrismaPg({ ...conn, ...keep, application_name: `${appPrefix}-prisma-${strategy}` }),
    });
    await prisma.$connect();
    list.push({
      name: `Prisma (${strategy})`, kind: "prisma",
      run: (w) => prisma[w.model][w.op]({ ...w.args, relationLoadStrategy: strategy }),
      close: () => prisma.$disconnect(),
    });
  }

  // a Prisma app with the prisma-compile extension (client/, installed by run.sh)
  const extended = new PrismaClient({
    adapter: new PrismaPg({ ...conn, ...keep, application_name: `${appPrefix}-prisma-compile` }),
  }).$extends(prismaCompile());
  await extended.$connect();
  list.push({ name: "Prisma + prisma_compile", kind: "prisma", run: (w) => extended[w.model][w.op](w.args), close: () => extended.$disconnect() });

  const pool = new pg.Pool({ ...conn, max: 1, application_name: `${appPrefix}-drizzle` });
  const db = drizzle({ client: pool, schema });
  list.push({ name: "Drizzle", kind: "drizzle", run: (w) => w.drizzle(db), close: () => pool.end() });

  const hand = new pg.Client({ ...conn, application_name: `${appPrefix}-sql` });
  await hand.connect();
  list.push({
    name: "SQL", kind: "sql", client: hand,
    // runs one hand-written variant of the workload
    runVariant: async (w, v) => {
      const q = w.sql[v];
      const res = await hand.query({ name: `${w.idx}-${v}`, text: q.text, values: w.values });
      if (q.shape === "rows") return res.rows;
      if (q.shape === "one") return res.rows[0] ?? null;
      return res.rows[0].r;
    },
    close: () => hand.end(),
  });
  return list;
}

const cap = (s) => s[0].toUpperCase() + s.slice(1);

// the timed entries of one workload: every contender, SQL split per variant
function entriesFor(w, contenders) {
  const out = [];
  for (const c of contenders) {
    if (c.kind === "sql") {
      for (const v of Object.keys(w.sql)) out.push({ name: `SQL ${v}`, kind: "sql", variant: v, run: () => c.runVariant(w, v) });
    } else out.push({ name: c.name, kind: c.kind, run: () => c.run(w) });
  }
  return out;
}

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

// ------------------------------------------------------------------- memory

// VmHWM (peak resident), VmRSS and RssShmem (kB), and minor page faults so
// far of a backend, from /proc
function backendMemory(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const get = (k) => Number((s.match(new RegExp(`^${k}:\\s+(\\d+)`, "m")) || [])[1]);
    return { hwm: get("VmHWM"), rss: get("VmRSS"), shmem: get("RssShmem"),
      minflt: Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[7]) };
  } catch { return null; }
}

// page faults per call of prisma_query on workload w (warm, one backend), and
// the private memory the backend keeps afterwards, for each setting of
// prisma_compile.retained_memory given
async function measureReuse(w, settings) {
  const out = {};
  const doc = JSON.stringify({ model: cap(w.model), operation: w.op, args: w.args });
  for (const v of settings) {
    const c = new pg.Client({ ...direct, application_name: "benchmem-reuse", options: v === null ? undefined : `-c prisma_compile.retained_memory=${v}` });
    await c.connect();
    try {
      const call = () => c.query({ name: "pq", text: `SELECT prisma_query($1::json) AS r`, values: [doc] });
      const pid = (await c.query(`SELECT pg_backend_pid() AS p`)).rows[0].p;
      for (let i = 0; i < 3; i++) await call();
      const before = backendMemory(pid);
      const N = 5;
      for (let i = 0; i < N; i++) await call();
      const after = backendMemory(pid);
      const shown = Object.values((await c.query("SHOW prisma_compile.retained_memory")).rows[0])[0];
      out[`${shown}${v === null ? " (default)" : ""}`] = before && after ? { faults: Math.round((after.minflt - before.minflt) / N), kept: after.rss - after.shmem } : null;
    } finally {
      await c.end();
    }
  }
  return out;
}

// peak memory of each contender's backend(s) after one run of workload w on fresh connections
async function measureMemory(admin, w, status) {
  const out = {};
  const contenders = await makeContenders(direct, "benchmem");
  try {
    const idle = new pg.Client({ ...direct, application_name: "benchmem-idle" });
    await idle.connect();
    const base = backendMemory((await idle.query(`SELECT pg_backend_pid() AS p`)).rows[0].p);
    await idle.end();
    out["(fresh backend after SELECT 1, for reference)"] = base ? { ...base, private: base.hwm - base.shmem } : null;
    for (const e of entriesFor(w, contenders)) {
      if (status[e.name]) continue;
      await e.run();
      const app = e.kind === "pq" ? "benchmem-prisma_query" : e.kind === "sql" ? "benchmem-sql"
        : e.kind === "drizzle" ? "benchmem-drizzle" : `benchmem-prisma-${e.name.includes("join") ? "join" : "query"}`;
      const pids = (await admin.query(`SELECT pid FROM pg_stat_activity WHERE application_name = $1`, [app])).rows.map((r) => r.pid);
      const mems = pids.map(backendMemory).filter(Boolean);
      if (!mems.length) { out[e.name] = null; continue; }
      const m = mems.reduce((a, b) => (b.hwm - b.shmem > a.hwm - a.shmem ? b : a));
      out[e.name] = { ...m, private: m.hwm - m.shmem };
      // SQL variants share one backend: later variants see earlier peaks, so reconnect
      if (e.kind === "sql") {
        await contenders.find((c) => c.kind === "sql").close();
        const fresh = await makeSqlOnly();
        contenders.find((c) => c.kind === "sql").runVariant = fresh.runVariant;
        contenders.find((c) => c.kind === "sql").close = fresh.close;
      }
    }
  } finally {
    for (const c of contenders) await c.close().catch(() => {});
  }
  // parallel workers are processes of their own, not counted above: the same
  // prisma_query call without them shows the peak when one backend does it all
  if (!status.prisma_query) {
    const app = "benchmem-prisma_query-serial";
    const serial = new pg.Client({ ...direct, application_name: app, options: "-c prisma_compile.parallel=off" });
    await serial.connect();
    try {
      await serial.query({ text: `SELECT prisma_query($1::json) AS r`,
        values: [JSON.stringify({ model: cap(w.model), operation: w.op, args: w.args })] });
      const pid = (await admin.query(`SELECT pid FROM pg_stat_activity WHERE application_name = $1`, [app])).rows[0]?.pid;
      const m = pid && backendMemory(pid);
      out["prisma_query, prisma_compile.parallel = off (no workers)"] = m ? { ...m, private: m.hwm - m.shmem } : null;
    } finally {
      await serial.end();
    }
  }
  return out;
}

// a fresh hand-written-SQL connection for the memory probe
async function makeSqlOnly() {
  const hand = new pg.Client({ ...direct, application_name: "benchmem-sql" });
  await hand.connect();
  return {
    runVariant: async (w, v) => {
      const q = w.sql[v];
      const res = await hand.query({ text: q.text, values: w.values });
      return q.shape === "rows" ? res.rows : q.shape === "one" ? res.rows[0] ?? null : res.rows[0].r;
    },
    close: () => hand.end(),
  };
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

// ------------------------------------------------------------------- report

const COLS = ["prisma_query", "Prisma + prisma_compile", "Prisma (query)", "Prisma (join)", "Drizzle", "SQL"];

// one table: per workload the median of each contender, SQL = fastest variant,
// and speed-ups of prisma_query over the faster Prisma strategy and the best rival
function table(rows, title) {
  const lines = [`### ${title}`, "", `| workload | ${COLS.join(" | ")} | best SQL variant | vs Prisma | vs best rival | extension vs Prisma |`,
    `|---|${COLS.map(() => "--:").join("|")}|---|--:|--:|--:|`];
  for (const r of rows) {
    const cell = (n) => r.status[n] ? r.status[n].split(/[: ]/)[0].replace("too", "too slow") : fmt(r.t[n]);
    const sqlNames = Object.keys(r.t).filter((n) => n.startsWith("SQL ") && !r.status[n]);
    const bestSql = sqlNames.sort((a, b) => r.t[a] - r.t[b])[0];
    const t = { ...r.t, SQL: bestSql ? r.t[bestSql] : NaN };
    const st = { ...r.status, SQL: bestSql ? null : "fails" };
    const pqt = st.prisma_query ? NaN : t.prisma_query;
    const prismaBest = Math.min(...["Prisma (query)", "Prisma (join)"].filter((n) => !st[n]).map((n) => t[n]));
    const rival = Math.min(...["Prisma (query)", "Prisma (join)", "Drizzle", "SQL"].filter((n) => !st[n]).map((n) => t[n]));
    const x = (v) => (Number.isFinite(v) ? `${v.toFixed(2)}x` : "-");
    const extt = st["Prisma + prisma_compile"] ? NaN : t["Prisma + prisma_compile"];
    lines.push(`| ${r.name} | ${COLS.map((n) => (n === "SQL" ? fmt(t.SQL) : cell(n))).join(" | ")} | ${bestSql ? bestSql.slice(4) : "-"} | ${x(prismaBest / pqt)} | ${x(rival / pqt)} | ${x(prismaBest / extt)} |`);
  }
  lines.push("", "Median milliseconds per call, end to end in Node.js (results as JavaScript objects). \"vs\" columns: how many times faster prisma_query is (above 1 = faster); \"extension vs Prisma\": Prisma + prisma_compile (Prisma Client 7 with the prisma-compile extension, results revived to Prisma's types) against the faster Prisma strategy.", "");
  return lines.join("\n");
}

function variantsTable(rows, title) {
  const lines = [`### ${title}`, "", "| workload | variant | median ms (end to end) | server ms |", "|---|---|--:|--:|"];
  for (const r of rows) for (const n of Object.keys(r.t).filter((n) => n.startsWith("SQL "))) {
    lines.push(`| ${r.name} | ${n.slice(4)} | ${r.status[n] ? "differs" : fmt(r.t[n])} | ${fmt(+r.server?.[n])}${r.server?.[n]?.jit ? " (JIT)" : ""} |`);
  }
  return lines.join("\n") + "\n";
}

function serverTable(rows) {
  const lines = ["### Server-side time: prisma_query's statement against the best hand-written statement", "",
    "| workload | prisma_query ms | best SQL returning one json value, ms (variant) | ratio | best SQL of any shape, ms (variant) |", "|---|--:|--:|--:|--:|"];
  for (const r of rows) {
    if (!r.server) continue;
    const sqlNames = Object.keys(r.server).filter((n) => n.startsWith("SQL ") && Number.isFinite(+r.server[n]))
      .sort((a, b) => r.server[a] - r.server[b]);
    const best = sqlNames[0];
    const bestJson = sqlNames.find((n) => r.w.sql[n.slice(4)].shape === "json");
    const pqt = r.server.prisma_query;
    const cell = (n) => (n ? `${fmt(+r.server[n])}${r.server[n].jit ? " (JIT)" : ""} (${n.slice(4)})` : "-");
    lines.push(`| ${r.name} | ${fmt(+pqt)}${pqt?.jit ? " (JIT)" : ""} | ${cell(bestJson)} | ${Number.isFinite(+pqt) && bestJson ? (pqt / +r.server[bestJson]).toFixed(2) + "x" : "-"} | ${cell(best)} |`);
  }
  lines.push("", "Median of Planning Time + Execution Time from EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) of the prepared statement (`SELECT prisma_query($1::json)` for prisma_query), warm; \"(JIT)\" marks a statement whose outer plan was JIT-compiled (prisma_query's inner statement is not visible to EXPLAIN). The ratio compares like with like: statements that build the whole result as one json value in the server (EXPLAIN does not run the output functions of returned rows, so row-returning statements look cheaper than they are).", "");
  return lines.join("\n");
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
    const doc = JSON.stringify({ model: cap(r.w.model), operation: r.w.op, args: r.w.args });
    if (!r.status.prisma_query) r.server.prisma_query = await serverTime(admin, "pq", "SELECT prisma_query($1::json)", [doc]).catch(() => NaN);
    for (const v of Object.keys(r.w.sql)) {
      r.server[`SQL ${v}`] = r.status[`SQL ${v}`] ? NaN : await serverTime(admin, "h", r.w.sql[v].text, r.w.values).catch((e) => (console.log(e.message), NaN));
    }
  }
  const compiled = {};
  for (const r of rows) {
    const doc = JSON.stringify({ model: cap(r.w.model), operation: r.w.op, args: r.w.args });
    compiled[r.name] = await admin.query(`SELECT prisma_compile($1::json) AS s`, [doc]).then((x) => x.rows[0].s, (e) => `-- fails: ${e.message}`);
  }

  // 5. memory for the largest result
  const largest = rows.reduce((a, b) => (b.size > a.size ? b : a), rows[0]);
  const mem = largest ? await measureMemory(admin, largest.w, largest.status) : {};
  const reuse = largest && !largest.status.prisma_query ? await measureReuse(largest.w, [null, "0"]) : {};

  await admin.end();

  // report
  const pkg = (n) => { try { return JSON.parse(fs.readFileSync(path.join(here, "node_modules", n, "package.json"))).version; } catch { return "?"; } };
  const cmd = env.BENCH_COMMAND || `node --import tsx bench/run.mjs`;
  const md = [];
  md.push("# Benchmark results", "");
  md.push(`Generated by \`${cmd}\` on ${new Date().toISOString()}.`, "");
  md.push("## Setup", "");
  md.push(`- Machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${os.type()} ${os.release()}; client and server on the same machine.`);
  md.push(`- Load average (1 min) before and after the run: ${loadBefore[0].toFixed(2)}, ${os.loadavg()[0].toFixed(2)}. The machine may be shared with other jobs: compare figures within one table, not across runs.`);
  md.push(`- PostgreSQL: ${version}; prisma_compile ${ext}.`);
  md.push(`- Settings: ${settings.filter((s) => s.name !== "server_version").map((s) => `${s.name}=${s.setting}${s.unit ? " " + s.unit : ""}`).join(", ")}${PG_OPTIONS ? `; connection options \`${PG_OPTIONS}\`` : " (server defaults)"}.`);
  md.push(`- Node.js ${process.version}; prisma ${pkg("prisma")}, @prisma/client ${pkg("@prisma/client")}, @prisma/adapter-pg ${pkg("@prisma/adapter-pg")}, drizzle-orm ${pkg("drizzle-orm")}, pg ${pkg("pg")}.`);
  md.push(`- Data (scale ${env.BENCH_SCALE || "?"}): ${counts.movies} movies, ${counts.actors} actors, ${counts.people} people, ${counts.users} users, ${counts.reviews} reviews, ${counts.links} actor-movie links; generated by bench/generate.sql. Tables as \`prisma db push\` creates them (bench/movies_schema.sql): \`Review.movie_id\` and \`Review.author_id\` have no index, because prisma db push creates none for relation scalars.`);
  md.push(`- findUnique ids: movie ${ids.movie}, actor ${ids.actor}. Runs: ${WARMUP} warm-up calls, then the median of ${RUNS} rounds; every round runs every contender (direct and through the proxy) in a rotating order; a contender faster than ${BATCH_MS} ms per call makes several calls back to back per round and counts their mean.`);
  md.push("- Contenders: prisma_query (`SELECT prisma_query($1::json)`, node-postgres, named prepared statement); Prisma Client 7 with @prisma/adapter-pg, `relationLoadStrategy` \"query\" and \"join\"; Drizzle relational queries (node-postgres; many-to-many through the junction table, reshaped in JS; for actor.findUnique deep, Drizzle cannot order or limit the many-to-many lists by the far table, so it loads them whole and sorts and cuts in JS); hand-written single SQL statements through node-postgres (named prepared statements), several variants, the fastest counts; Prisma + prisma_compile: Prisma Client 7 (@prisma/adapter-pg) with `$extends(prismaCompile())` (client/), each read one `SELECT prisma_query($1::json)` through the client's raw-query path, results revived to Prisma's types.");
  md.push("- Every contender's result is checked against Prisma's (query strategy) before timing: same records, same fields, same nesting (lists compared in orderBy order, ties and unordered lists by id). A contender that differs or fails is reported and not timed.", "");
  md.push("## Results", "");
  md.push(table(rows, "Direct connection (loopback)"));
  if (rttRows) md.push(table(rttRows, `With a ${fmt(rtt.proxy)} ms round trip (delaying TCP proxy on loopback, ${RTT_DELAY_MS} ms each way; direct SELECT 1 round trip ${fmt(rtt.direct)} ms)`));
  md.push(serverTable(rows));
  md.push(variantsTable(rows, "Hand-written SQL variants (direct connection)"));
  md.push(`### Peak backend memory, largest result (${largest?.name}: ${largest?.records} records, ${largest?.size} bytes of JSON)`, "",
    "| contender | VmHWM kB | RssShmem kB | private peak kB (VmHWM - RssShmem) |", "|---|--:|--:|--:|");
  for (const [n, m] of Object.entries(mem)) md.push(`| ${n} | ${m ? m.hwm : "-"} | ${m ? m.shmem : "-"} | ${m ? m.private : "-"} |`);
  md.push("", "Each contender on fresh connections, one run; the backend's /proc/<pid>/status after the run. Shared memory only grows in a backend, so VmHWM - RssShmem approximates its private peak. Parallel workers are processes of their own and are not counted; the prisma_query row with `prisma_compile.parallel = off` is the same call done by the backend alone.", "");
  if (Object.keys(reuse).length) {
    md.push(`### Memory reuse between calls (${largest?.name})`, "",
      "| prisma_compile.retained_memory | minor page faults per call | private memory kept after the calls, kB (VmRSS - RssShmem) |", "|---|--:|--:|");
    for (const [n, m] of Object.entries(reuse)) md.push(`| ${n} | ${m ? m.faults : "-"} | ${m ? m.kept : "-"} |`);
    md.push("", "One backend, 3 warm-up calls, then 5 calls; the faults are the backend's minor page faults over those 5 (/proc/<pid>/stat), divided by 5. A fault is a fresh page the kernel zeroes on first touch: freed memory handed back to the operating system after each call is faulted in again by the next. `0` leaves glibc's malloc thresholds alone.", "");
  }
  const problems = rows.flatMap((r) => Object.entries(r.status).filter(([, s]) => s).map(([n, s]) => `- ${r.name}: ${n} ${s}`));
  md.push("### Contenders not timed", "", problems.length ? problems.join("\n") : "None: every contender returned the same records on every workload.", "");
  const targets = path.join(here, "TARGETS.md");
  if (fs.existsSync(targets)) md.push(fs.readFileSync(targets, "utf8"));
  md.push("### SQL compiled by prisma_compile", "");
  for (const [n, s] of Object.entries(compiled)) md.push(`${n}:`, "", "```sql", String(s), "```", "");
  const text = md.join("\n");
  fs.writeFileSync(env.BENCH_RESULTS || path.join(here, "RESULTS.md"), text);

  console.log("\n" + table(rows, "Direct connection"));
  if (rttRows) console.log(table(rttRows, `With ${fmt(rtt.proxy)} ms round trip`));
  console.log(serverTable(rows));
  console.log(`results written to ${env.BENCH_RESULTS || path.join(here, "RESULTS.md")}`);
}

main().catch((e) => { console.error(e); process.exit(1); });
