// Generated shapes benchmark (docs/shape-bench.md): every shape of
// shapes_gen.mjs through prisma_query (node-postgres), Prisma 7 Client with
// relationLoadStrategy "query" and "join" (@prisma/adapter-pg) and the
// shape's hand-written set-based SQL (node-postgres), in each index mode of
// SHAPES_INDEX ("none": tables as prisma db push creates them; "fk": an index
// on every foreign key column).  Per shape and mode:
//   1. one call of each contender; results compared (compare.mjs) with
//      Prisma's (query strategy); a contender that differs, fails or runs
//      over SHAPES_TIMEOUT_MS is reported as such and not timed;
//   2. one warm-up call, then SHAPES_ROUNDS interleaved rounds (rotating
//      order; a call under 20 ms repeated back to back), medians; shapes
//      with a call over a second get SHAPES_LONG_ROUNDS (default 1);
//      Prisma's time is the faster strategy's median, or where both
//      strategies' statements in step 1 have the same plans (planShapes)
//      the median of both strategies' rounds together (row.prisma); where
//      they do, whether prisma_query's statement ran the same plan as the
//      query strategy's (auto_explain on a connection of its own:
//      row.prismaPlan); a shape above 1.0 then gets SHAPES_RECHECK_ROUNDS
//      (default 6) more rounds at once, pooled with the first (row.rechecked);
//   3. server-side time of prisma_query and of the hand-written statement
//      (EXPLAIN (ANALYZE, TIMING OFF)).
// Writes shapes-results/s<scale>.json (SHAPES_RESULTS: the directory).
// SHAPES_CHECK_ONLY=1: step 1 only; the exit status is non-zero when a
// contender differs or fails (timeouts are not failures).
// Connection: PGHOST/PGPORT/PGUSER/PGDATABASE.  Run: node --import tsx shapes.mjs
import pg from "pg";
import os from "node:os";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.ts";
import { median, fmt, normalize, firstDiff } from "./compare.mjs";
import { parseSchema, relations, generateShapes } from "./shapes_gen.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const env = process.env;
const ROUNDS = Number(env.SHAPES_ROUNDS || 3);
const LONG_ROUNDS = Number(env.SHAPES_LONG_ROUNDS || 1);
const RECHECK = Number(env.SHAPES_RECHECK_ROUNDS ?? 6);
const TIMEOUT_MS = Number(env.SHAPES_TIMEOUT_MS || 5000);
const CHECK_ONLY = env.SHAPES_CHECK_ONLY === "1";
const ONLY = env.SHAPES_ONLY ? new RegExp(env.SHAPES_ONLY) : null;
// shapes where prisma_query is known to differ from Prisma (docs/shape-bench.md)
const KNOWN = env.SHAPES_KNOWN ? new RegExp(env.SHAPES_KNOWN) : null;
const MODES = (env.SHAPES_INDEX || "none fk").split(/\s+/).filter(Boolean);
const SCALE = env.SHAPES_SCALE || "?";
const BATCH_MS = 20;
const PRISMA = ["Prisma (query)", "Prisma (join)"];
const FK_INDEXES = [["Review", "movie_id"], ["Review", "author_id"], ["Actor", "person_id"]];

const conn = {
  host: env.PGHOST || "localhost", port: Number(env.PGPORT || 5432),
  user: env.PGUSER, password: env.PGPASSWORD, database: env.PGDATABASE,
  options: `-c statement_timeout=${TIMEOUT_MS}`,
};
const cap = (s) => s[0].toUpperCase() + s.slice(1);
const low = (s) => s[0].toLowerCase() + s.slice(1);
const doc = (s) => JSON.stringify({ model: s.model, operation: s.op, args: s.args });
const TIMED_OUT = Symbol("timeout");

// a call bounded by the timeout: statement_timeout bounds each statement on
// the server; a client (Prisma runs several statements) over twice the
// timeout is abandoned, its backends cancelled
async function bounded(admin, app, fn) {
  let timer;
  const guard = new Promise((resolve) => { timer = setTimeout(() => resolve(TIMED_OUT), 2 * TIMEOUT_MS); });
  try {
    const r = await Promise.race([fn(), guard]);
    if (r === TIMED_OUT) await admin.query(`SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [app]);
    return r;
  } finally { clearTimeout(timer); }
}

async function makeContenders() {
  const list = [];
  const pq = new pg.Client({ ...conn, application_name: "shapes-prisma_query" });
  await pq.connect();
  list.push({ name: "prisma_query", app: "shapes-prisma_query", close: () => pq.end(),
    run: async (s) => (await pq.query({ name: "pq", text: "SELECT prisma_query($1::json) AS r", values: [doc(s)] })).rows[0].r });
  for (const strategy of ["query", "join"]) {
    const app = `shapes-prisma-${strategy}`;
    const prisma = new PrismaClient({ adapter: new PrismaPg({ ...conn, application_name: app }), log: [{ emit: "event", level: "query" }] });
    await prisma.$connect();
    const c = { name: `Prisma (${strategy})`, app, close: () => prisma.$disconnect(), statements: null,
      run: (s) => prisma[low(s.model)][s.op](s.op.startsWith("find") ? { ...s.args, relationLoadStrategy: strategy } : s.args) };
    // the statements of the check call, to tell whether both strategies send the same
    prisma.$on("query", (e) => c.statements?.push([e.query, e.params]));
    list.push(c);
  }
  const hand = new pg.Client({ ...conn, application_name: "shapes-sql" });
  await hand.connect();
  let k = 0;
  const names = new Map();
  list.push({ name: "SQL", app: "shapes-sql", close: () => hand.end(),
    run: async (s) => {
      if (!names.has(s.sql)) names.set(s.sql, `h${++k}`);
      return (await hand.query({ name: names.get(s.sql), text: s.sql })).rows[0].r;
    } });
  return list;
}

const errText = (e) => String(e?.message || e).split("\n").filter(Boolean).pop().slice(0, 160);
const isTimeout = (m) => /statement timeout|canceling statement/.test(m);

// step 1: one call each, compared with Prisma (query)
async function check(admin, explainer, s, contenders) {
  const status = {}, first = {}, results = [];
  let size = 0, records = 0;
  for (const c of contenders) {
    if (c.statements !== undefined) c.statements = [];
    const t0 = performance.now();
    try {
      const r = await bounded(admin, c.app, () => c.run(s));
      const ms = performance.now() - t0;
      if (r === TIMED_OUT || ms > TIMEOUT_MS) { status[c.name] = `timeout: over ${TIMEOUT_MS / 1000} s`; continue; }
      first[c.name] = ms;
      results.push([c.name, normalize(r, s.args), r]);
    } catch (e) {
      const m = errText(e);
      status[c.name] = isTimeout(m) ? `timeout: over ${TIMEOUT_MS / 1000} s` : `fails: ${m}`;
    }
  }
  const ref = results.find(([n]) => n === "Prisma (query)") ?? results[0];
  if (ref) { size = JSON.stringify(ref[2]).length; records = Array.isArray(ref[2]) ? ref[2].length : 1; }
  for (const [n, r] of results) {
    const d = firstDiff(ref[1], r);
    status[n] = d ? `differs from ${ref[0]}: ${d}` : null;
  }
  // both Prisma strategies sent statements of the same plans: one
  // contender timed twice
  const lists = contenders.filter((c) => c.statements).map((c) => c.statements);
  for (const c of contenders) if (c.statements) c.statements = null;
  const plans = await Promise.all(lists.map((l) => planShapes(admin, l).catch(() => null)));
  const samePlans = plans.length === 2 && plans[0] !== null && plans[0] === plans[1];
  // prisma_query ran the plan of Prisma's statement, alone or under one
  // plain Aggregate that builds the JSON array of its rows (checked where
  // both strategies agree: counts, aggregates, groupBy, relation filters)
  const ours = explainer && samePlans && !status.prisma_query && !status["Prisma (query)"]
    ? await queryPlans(explainer, s).catch(() => null) : null;
  const theirs = samePlans && JSON.parse(plans[0]);
  const prismaPlan = Boolean(ours) && (ours === plans[0] || (theirs.length === 1
    && ours === JSON.stringify([[["Aggregate", "Plain", null, null, null, theirs[0]]]])));
  return { status, first, size, records, samePlans, prismaPlan };
}

// a plan as node types, tables, indexes and join types (no aliases, costs or
// parameter values); Result and Subquery Scan nodes, which only compute
// output expressions, are left out, and so are subplans that read no table
const reads = (n) => Boolean(n["Relation Name"]) || (n.Plans || []).some(reads);
function planShape(n) {
  const kids = (n.Plans || []).filter(reads).flatMap(planShape);
  if (n["Node Type"] === "Result" || n["Node Type"] === "Subquery Scan") return kids;
  return [[n["Node Type"], n["Strategy"], n["Join Type"], n["Relation Name"], n["Index Name"], kids]];
}

// the plans of a client's statements
async function planShapes(admin, statements) {
  const out = [];
  for (const [text, params] of statements) {
    const plan = (await admin.query(`EXPLAIN (COSTS OFF, FORMAT JSON) ${text}`, JSON.parse(params))).rows[0]["QUERY PLAN"][0].Plan;
    out.push(planShape(plan));
  }
  return JSON.stringify(out);
}

// the plans prisma_query's statements ran with, from auto_explain on a
// connection of its own (the timed one is left as it is)
async function queryPlans(explainer, s) {
  const notes = [];
  const listen = (n) => notes.push(n.message);
  explainer.on("notice", listen);
  try {
    await explainer.query({ text: "SELECT prisma_query($1::json) AS r", values: [doc(s)] });
  } finally {
    explainer.off("notice", listen);
  }
  const out = [];
  for (const m of notes) {
    const json = m.slice(m.indexOf("{"));
    if (!m.startsWith("duration:") || json[0] !== "{") continue;
    const e = JSON.parse(json);
    if (/^SELECT prisma_query\(|prisma_compile\./.test(e["Query Text"])) continue;
    out.push(planShape(e.Plan));
  }
  return JSON.stringify(out);
}

// step 2: samples of interleaved rounds (one warm-up call where the check
// call took under 300 ms, one round where a call took over a second); an entry that fails or times out here is marked
// in status and dropped
async function time(admin, s, entries, first, status, roundsOverride) {
  const reps = new Map(), ts = new Map();
  const call = async (c) => {
    try {
      const r = await bounded(admin, c.app, () => c.run(s));
      if (r === TIMED_OUT) throw new Error("statement timeout");
      return true;
    } catch (e) {
      const m = errText(e);
      status[c.name] = isTimeout(m) ? `timeout: over ${TIMEOUT_MS / 1000} s` : `fails: ${m}`;
      return false;
    }
  };
  let live = [];
  for (const c of entries) {
    let ms = first[c.name];
    if (ms < 300) {
      const t0 = performance.now();
      if (!(await call(c))) continue;
      ms = Math.min(ms, performance.now() - t0);
    }
    reps.set(c.name, Math.max(1, Math.min(20, Math.ceil(BATCH_MS / Math.max(ms, 0.05)))));
    ts.set(c.name, []);
    live.push(c);
  }
  // a shape with a call over a second gets SHAPES_LONG_ROUNDS rounds (default
  // 1): its check call was the warm-up
  const rounds = roundsOverride ?? (Math.max(...entries.map((c) => first[c.name])) > 1000 ? LONG_ROUNDS : ROUNDS);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < live.length; k++) {
      const c = live[(k + r) % live.length], n = reps.get(c.name);
      if (status[c.name]) continue;
      const t0 = performance.now();
      let ok = true;
      for (let i = 0; i < n && ok; i++) ok = await call(c);
      if (ok) ts.get(c.name).push((performance.now() - t0) / n);
    }
  }
  const kept = [...ts].filter(([n]) => !status[n]);
  return { samples: Object.fromEntries(kept) };
}

// a row's medians, and Prisma's time: the faster strategy's median, or where
// both sent statements of the same plans the median of both strategies'
// rounds together (the faster of two medians of one contender is biased low)
function setTimes(row, samples, samePlans) {
  row.t = Object.fromEntries(Object.entries(samples).map(([n, xs]) => [n, median(xs)]));
  const both = PRISMA.filter((n) => samples[n]);
  row.prisma = samePlans && both.length === 2
    ? { ms: median(both.flatMap((n) => samples[n])), basis: "pooled" }
    : both.length ? { ms: Math.min(...both.map((n) => row.t[n])), basis: "faster" } : null;
}

// step 3: planning + execution time, median of EXPLAIN (ANALYZE, TIMING OFF)
async function serverTime(admin, text, runs) {
  const xs = [];
  for (let i = 0; i < runs; i++) {
    const plan = (await admin.query(`EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${text}`)).rows[0]["QUERY PLAN"][0];
    xs.push(plan["Planning Time"] + plan["Execution Time"]);
  }
  return median(xs);
}

async function setIndexes(admin, mode) {
  for (const [t, c] of FK_INDEXES) {
    const name = `shapes_${t}_${c}_idx`;
    await admin.query(mode === "fk" ? `CREATE INDEX IF NOT EXISTS "${name}" ON "${t}" ("${c}")` : `DROP INDEX IF EXISTS "${name}"`);
  }
  await admin.query("ANALYZE");
}

async function main() {
  const t0 = Date.now(), loadBefore = os.loadavg()[0];
  const admin = new pg.Client({ ...conn, application_name: "shapes-admin", options: `-c statement_timeout=${4 * TIMEOUT_MS}` });
  await admin.connect();
  const models = parseSchema(fs.readFileSync(path.join(here, "movies.prisma"), "utf8"));
  const rels = relations(models);
  const counts = (await admin.query(`SELECT (SELECT count(*) FROM "Movie") movies, (SELECT count(*) FROM "Actor") actors,
    (SELECT count(*) FROM "Person") people, (SELECT count(*) FROM "User") users, (SELECT count(*) FROM "Review") reviews,
    (SELECT count(*) FROM "_ActorToMovie") links`)).rows[0];
  const ids = {};
  for (const M of Object.keys(models)) ids[M] = Number((await admin.query(`SELECT max(id) / 2 AS m FROM "${M}"`)).rows[0].m);
  const shapes = generateShapes(models, rels, { cursor: (M) => ids[M] }).filter((s) => !ONLY || ONLY.test(s.name));
  console.log(`scale ${SCALE}: ${JSON.stringify(counts)}; ${shapes.length} shapes, modes ${MODES.join(", ")}`);

  const out = { scale: SCALE, counts, date: new Date().toISOString(), rounds: ROUNDS, longRounds: LONG_ROUNDS, timeoutMs: TIMEOUT_MS,
    machine: `${os.cpus().length} CPUs (${os.cpus()[0]?.model})`,
    version: (await admin.query("SELECT version()")).rows[0].version,
    ext: (await admin.query(`SELECT extversion FROM pg_extension WHERE extname = 'prisma_compile'`)).rows[0]?.extversion,
    command: env.SHAPES_COMMAND || "make bench-shapes", modes: {} };
  let bad = 0, knownDiffs = 0;
  for (const mode of MODES) {
    await setIndexes(admin, mode);
    const contenders = await makeContenders();
    // auto_explain needs a superuser (LOAD); without it no shape is marked
    let explainer = CHECK_ONLY ? null : new pg.Client({ ...conn, application_name: "shapes-explain" });
    if (explainer) {
      await explainer.connect();
      await explainer.query(`LOAD 'auto_explain'; SET auto_explain.log_min_duration = 0;
        SET auto_explain.log_nested_statements = on; SET auto_explain.log_format = json;
        SET client_min_messages = log`)
        .catch(async (e) => { console.log(`no plan check: ${errText(e)}`); await explainer.end(); explainer = null; });
    }
    const rows = [];
    for (const s of shapes) {
      const { status, first, size, records, samePlans, prismaPlan } = await check(admin, explainer, s, contenders);
      const row = { name: s.name, group: s.group, model: s.model, op: s.op, args: s.args, status, size, records, prismaPlan, t: {}, server: {} };
      rows.push(row);
      for (const [n, st] of Object.entries(status)) {
        if (!st || st.startsWith("timeout")) continue;
        const known = n === "prisma_query" && KNOWN?.test(s.name);
        if (known) knownDiffs++; else bad++;
        console.log(`  ${mode} ${s.name}: ${n} ${st}${known ? " (known)" : ""}`);
      }
      if (CHECK_ONLY) {
        console.log(`${mode} ${s.name}: ${Object.entries(status).map(([n, st]) => `${n} ${st ? st.split(":")[0] : fmt(first[n])}`).join(", ")}`);
        continue;
      }
      const ok = contenders.filter((c) => !status[c.name]);
      const { samples } = await time(admin, s, ok, first, status);
      setTimes(row, samples, samePlans);
      // above 1.0: SHAPES_RECHECK_ROUNDS more interleaved rounds, pooled
      // with the first (a ratio near 1.0 from 3 rounds is mostly noise)
      if (RECHECK && !status.prisma_query && row.prisma && row.t.prisma_query > row.prisma.ms) {
        const before = row.t.prisma_query / row.prisma.ms;
        const more = (await time(admin, s, ok.filter((c) => !status[c.name]), first, status, RECHECK)).samples;
        for (const n of Object.keys(samples)) samples[n] = status[n] ? undefined : [...samples[n], ...(more[n] || [])];
        setTimes(row, Object.fromEntries(Object.entries(samples).filter(([, xs]) => xs)), samePlans);
        row.rechecked = RECHECK;
        console.log(`${mode} ${s.name}: recheck, ratio ${before.toFixed(2)} -> ${(row.t.prisma_query / row.prisma?.ms).toFixed(2)}`);
      }
      const slow = Math.max(...Object.values(row.t)) > 300;
      if (!status.prisma_query) row.server.prisma_query = await serverTime(admin, `SELECT prisma_query(${admin.escapeLiteral(doc(s))}::json)`, slow ? 1 : 3).catch(() => NaN);
      if (!status.SQL) row.server.SQL = await serverTime(admin, s.sql, slow ? 1 : 3).catch(() => NaN);
      console.log(`${mode} ${s.name}: ${Object.entries(status).map(([n, st]) => `${n} ${st ? st.split(":")[0] : fmt(row.t[n])}`).join(", ")}; server pq ${fmt(row.server.prisma_query)} sql ${fmt(row.server.SQL)}`);
    }
    await explainer?.end();
    for (const c of contenders) await c.close().catch(() => {});
    out.modes[mode] = rows;
    out.seconds = Math.round((Date.now() - t0) / 1000);
    out.load = [loadBefore, os.loadavg()[0]];
    const dir = env.SHAPES_RESULTS || path.join(here, "shapes-results");
    fs.mkdirSync(dir, { recursive: true });
    // one shape per line
    const text = JSON.stringify({ ...out, modes: {} }).replace(/"modes":\{\}/, `"modes": {\n${Object.entries(out.modes)
      .map(([m, rows]) => `${JSON.stringify(m)}: [\n${rows.map((r) => JSON.stringify(r)).join(",\n")}\n]`).join(",\n")}\n}`);
    fs.writeFileSync(path.join(dir, `s${SCALE}.json`), text + "\n");
  }
  await admin.end();
  console.log(`shapes: ${shapes.length * MODES.length} checked, ${bad} differ or fail, ${knownDiffs} known differences (${out.seconds} s)`);
  process.exit(bad && CHECK_ONLY ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(1); });
