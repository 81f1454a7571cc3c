// Backend memory probes of the movies benchmark (run.mjs), read from /proc
// (client and server on one machine): the peak memory of each contender's
// backend for one workload on fresh connections (measureMemory), and the
// page faults per call and memory kept between calls of prisma_query under
// each prisma_compile.retained_memory setting (measureReuse).
import pg from "pg";
import fs from "node:fs";
import { makeContenders, makeSqlContender, entriesFor, documentOf } from "./contenders.mjs";

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

// the peak of the backend of a one-connection client, with its private part
const withPrivate = (m) => (m ? { ...m, private: m.hwm - m.shmem } : null);

// page faults per call of prisma_query on workload w (warm, one backend), and
// the private memory the backend keeps afterwards, for each setting of
// prisma_compile.retained_memory given (null: the default)
export async function measureReuse(conn, w, settings) {
  const out = {};
  for (const v of settings) {
    const c = new pg.Client({ ...conn, application_name: "benchmem-reuse", options: v === null ? undefined : `-c prisma_compile.retained_memory=${v}` });
    await c.connect();
    try {
      const call = () => c.query({ name: "pq", text: `SELECT prisma_query($1::json) AS r`, values: [documentOf(w)] });
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

// peak memory of each contender's backend(s) after one run of workload w on
// fresh connections; status: the entries not to run (they differ or fail)
export async function measureMemory(conn, admin, w, status) {
  const out = {};
  const contenders = await makeContenders(conn, "benchmem");
  try {
    const idle = new pg.Client({ ...conn, application_name: "benchmem-idle" });
    await idle.connect();
    out["(fresh backend after SELECT 1, for reference)"] = withPrivate(backendMemory((await idle.query(`SELECT pg_backend_pid() AS p`)).rows[0].p));
    await idle.end();
    const sql = contenders.find((c) => c.kind === "sql");
    for (const e of entriesFor(w, contenders)) {
      if (status[e.name]) continue;
      await e.run();
      const pids = (await admin.query(`SELECT pid FROM pg_stat_activity WHERE application_name = $1`, [e.app])).rows.map((r) => r.pid);
      const mems = pids.map(backendMemory).filter(Boolean);
      out[e.name] = mems.length ? withPrivate(mems.reduce((a, b) => (b.hwm - b.shmem > a.hwm - a.shmem ? b : a))) : null;
      // SQL variants share one backend: later variants see earlier peaks, so reconnect
      if (e.kind === "sql") {
        await sql.close();
        Object.assign(sql, await makeSqlContender(conn, sql.app));
      }
    }
  } finally {
    for (const c of contenders) await c.close().catch(() => {});
  }
  // parallel workers are processes of their own, not counted above: the same
  // prisma_query call without them shows the peak when one backend does it all
  if (!status.prisma_query) {
    const app = "benchmem-prisma_query-serial";
    const serial = new pg.Client({ ...conn, application_name: app, options: "-c max_parallel_workers_per_gather=0" });
    await serial.connect();
    try {
      await serial.query({ text: `SELECT prisma_query($1::json) AS r`, values: [documentOf(w)] });
      const pid = (await admin.query(`SELECT pid FROM pg_stat_activity WHERE application_name = $1`, [app])).rows[0]?.pid;
      out["prisma_query, max_parallel_workers_per_gather = 0 (no workers)"] = pid ? withPrivate(backendMemory(pid)) : null;
    } finally {
      await serial.end();
    }
  }
  return out;
}
