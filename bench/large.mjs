// Large results (docs/large-results.md): prisma_query (one json value)
// against prisma_query_rows (one row per record) on the movies data.
//   node large.mjs time     end to end, node-postgres and psql, several sizes
//   node large.mjs memory   peak private memory of a fresh backend per form
//   node large.mjs cancel   cancel latency: pg_cancel_backend and
//                           statement_timeout late in a large read
// Connection: PGHOST/PGPORT/PGUSER/PGDATABASE (a movies database with the
// schema loaded, as bench/shapes.sh makes).  LARGE_ROUNDS (5), LARGE_REPS
// (cancel: calls per case, 3), LARGE_TAKES
// (comma-separated takes), LARGE_FORMS (single,rows; "single" only against
// an older build without prisma_query_rows).
import pg from "pg";
import fs from "node:fs";
import { execFileSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { median, fmt } from "./compare.mjs";

const env = process.env;
const ROUNDS = Number(env.LARGE_ROUNDS || 5);
const FORMS = (env.LARGE_FORMS || "single,rows").split(",");
const REPS = Number(env.LARGE_REPS || 3);
const conn = { host: env.PGHOST, port: Number(env.PGPORT || 5432), user: env.PGUSER, database: env.PGDATABASE };
const SQL = {
  single: "SELECT prisma_query($1::json) AS r",
  rows: "SELECT r FROM prisma_query_rows($1::json) r",
};
const doc = (args, model = "Movie") => JSON.stringify({ model, operation: "findMany", args });
// the large read of memory and cancel: LARGE_MODEL, LARGE_ARGS
const bigDoc = () => doc(JSON.parse(env.LARGE_ARGS || '{"include": {"cast": {"include": {"person": true}}}}'), env.LARGE_MODEL || "Movie");
const lit = (s) => `'${s.replace(/'/g, "''")}'`;

// end to end through node-postgres: the parsed records
async function viaNode(client, form, d) {
  const res = await client.query({ text: SQL[form], values: [d] });
  return form === "single" ? res.rows[0].r : res.rows.map((x) => x.r);
}

// end to end through psql, output discarded (aligned-off, tuples only)
function viaPsql(form, d) {
  const t0 = performance.now();
  execFileSync("psql", ["-X", "-At", "-o", "/dev/null", "-c", SQL[form].replace("$1", lit(d))], { stdio: ["ignore", "ignore", "inherit"] });
  return performance.now() - t0;
}

async function time() {
  const client = new pg.Client(conn);
  await client.connect();
  const movies = Number((await client.query(`SELECT count(*) AS n FROM "Movie"`)).rows[0].n);
  const takes = (env.LARGE_TAKES || `100,1000,10000,${movies}`).split(",").map(Number);
  const shapes = [];
  for (const take of takes) shapes.push({ name: `findMany take ${take}`, args: { take, orderBy: { id: "asc" } } });
  for (const take of takes.filter((t) => t <= 10000)) shapes.push({ name: `take ${take} include cast`, args: { take, orderBy: { id: "asc" }, include: { cast: true } } });
  const out = [];
  const psqlBase = median([0, 1, 2, 3, 4].map(() => { const t0 = performance.now(); execFileSync("psql", ["-X", "-At", "-o", "/dev/null", "-c", "SELECT 1"]); return performance.now() - t0; }));
  for (const s of shapes) {
    const d = doc(s.args);
    const a = await viaNode(client, "single", d);
    const size = JSON.stringify(a).length;
    if (FORMS.includes("rows")) {
      const b = await viaNode(client, "rows", d);
      if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${s.name}: the forms differ`);
    }
    const entries = FORMS.flatMap((f) => [
      [`node ${f}`, async () => { const t0 = performance.now(); await viaNode(client, f, d); return performance.now() - t0; }],
      [`psql ${f}`, async () => viaPsql(f, d) - psqlBase],
    ]);
    const ts = Object.fromEntries(entries.map(([n]) => [n, []]));
    for (let r = 0; r < ROUNDS + 1; r++) {
      for (let k = 0; k < entries.length; k++) {
        const [n, fn] = entries[(k + r) % entries.length];
        const ms = await fn();
        if (r > 0) ts[n].push(ms);
      }
    }
    const row = { name: s.name, size, records: a.length, t: Object.fromEntries(Object.entries(ts).map(([n, xs]) => [n, median(xs)])) };
    out.push(row);
    console.log(`${row.name}: ${(size / 1e6).toFixed(2)} MB, ${Object.entries(row.t).map(([n, v]) => `${n} ${fmt(v)}`).join(", ")}`);
  }
  await client.end();
  console.log(`\n| read | records | MB | ${FORMS.map((f) => `node-postgres ${f}`).join(" | ")} | ${FORMS.map((f) => `psql ${f}`).join(" | ")} |`);
  console.log(`|---|--:|--:|${FORMS.map(() => "--:").join("|")}|${FORMS.map(() => "--:").join("|")}|`);
  for (const r of out) console.log(`| ${r.name} | ${r.records} | ${(r.size / 1e6).toFixed(2)} | ${FORMS.map((f) => fmt(r.t[`node ${f}`])).join(" | ")} | ${FORMS.map((f) => fmt(r.t[`psql ${f}`])).join(" | ")} |`);
  console.log(`(median ms of ${ROUNDS} interleaved rounds after one warm-up; psql: wall time minus that of psql -c 'SELECT 1', ${fmt(psqlBase)} ms)`);
}

// VmHWM - RssShmem of a backend, kB
function privatePeak(pid) {
  const s = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const get = (k) => Number((s.match(new RegExp(`^${k}:\\s+(\\d+)`, "m")) || [])[1]);
  return get("VmHWM") - get("RssShmem");
}

// peak memory of one call on a fresh backend (serial: parallel workers are
// processes of their own), against a fresh backend's baseline; "counted in
// the server" takes pg_column_size of the value (json::text would convert it
// through json's output and text's input functions, two copies)
async function memory() {
  const d = bigDoc();
  const cases = [];
  for (const f of FORMS) {
    cases.push([`${f}, to the client`, `${SQL[f].replace("$1", lit(d))}`]);
    cases.push([`${f}, counted in the server`, f === "single" ? `SELECT pg_column_size(prisma_query(${lit(d)}::json))` : `SELECT sum(pg_column_size(r)) FROM prisma_query_rows(${lit(d)}::json) r`]);
  }
  const sizer = new pg.Client(conn);
  await sizer.connect();
  // the text's length: pg_column_size would count a value from 32 MB
  // compressed (docs/large-results.md)
  const size = Number((await sizer.query(`SELECT octet_length(prisma_query($1::json)::text) AS n`, [d])).rows[0].n);
  await sizer.end();
  console.log(`${d}: ${(size / 1e6).toFixed(1)} MB of JSON`);
  for (const [name, text] of cases) {
    const c = new pg.Client({ ...conn, options: "-c max_parallel_workers_per_gather=0" });
    await c.connect();
    const pid = (await c.query("SELECT pg_backend_pid() AS p")).rows[0].p;
    const base = privatePeak(pid);
    await c.query(text);
    const peak = privatePeak(pid);
    await c.end();
    console.log(`${name}: peak private ${(peak / 1024).toFixed(0)} MB, ${((peak - base) / 1024).toFixed(0)} MB over a fresh backend, ${((peak - base) * 1024 / size).toFixed(2)}x the result`);
  }
}

// cancel latency: the call started, cancelled (or timed out) at a fraction of
// its normal duration; server: until the backend is no longer active; client:
// until the call returns
async function cancel() {
  const d = bigDoc();
  const admin = new pg.Client(conn);
  await admin.connect();
  for (const f of FORMS) {
    const c = new pg.Client(conn);
    await c.connect();
    const pid = (await c.query("SELECT pg_backend_pid() AS p")).rows[0].p;
    const durs = [];
    for (let i = 0; i < REPS + 1; i++) { const t0 = performance.now(); await viaNode(c, f, d); if (i > 0) durs.push(performance.now() - t0); }
    // the server's part: until the backend goes idle after a full run
    const full = median(durs);
    for (const how of ["pg_cancel_backend", "statement_timeout"]) {
      for (const frac of [0.5, 0.9]) {
        const at = Math.round(full * frac);
        const xs = [], ys = [];
        for (let i = 0; i < REPS; i++) {
          if (how === "statement_timeout") await c.query(`SET statement_timeout = ${at}`);
          const t0 = performance.now();
          let done = null;
          const p = viaNode(c, f, d).then(() => "finished", (e) => (/cancel/.test(e.message) ? "cancelled" : e.message)).then((r) => { done = performance.now(); return r; });
          await new Promise((r) => setTimeout(r, at));
          const tc = performance.now();
          if (how === "pg_cancel_backend") await admin.query("SELECT pg_cancel_backend($1)", [pid]);
          let idle = null;
          while (idle === null) {
            const st = (await admin.query("SELECT state FROM pg_stat_activity WHERE pid = $1", [pid])).rows[0]?.state;
            if (st !== "active") idle = performance.now();
            else await new Promise((r) => setTimeout(r, 2));
          }
          const outcome = await p;
          const from = how === "pg_cancel_backend" ? tc : t0 + at;
          xs.push(idle - from); ys.push(done - from);
          if (how === "statement_timeout") await c.query("SET statement_timeout = 0");
          if (i === REPS - 1) console.log(`${f} ${how} at ${Math.round(frac * 100)}% (${at} ms of ${fmt(full)}): ${outcome === "finished" && median(ys) < 0 ? "finished before" : `server ${fmt(median(xs))} ms, client ${fmt(median(ys))} ms`} (median of ${REPS}; last: ${outcome})`);
        }
      }
    }
    await c.end();
  }
  await admin.end();
}

const what = process.argv[2] || "time";
({ time, memory, cancel })[what]().catch((e) => { console.error(e); process.exit(1); });
