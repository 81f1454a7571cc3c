// prisma_query under two session settings, side by side (docs/design.md,
// "Parallel workers").  For each generated shape (bench/shapes_gen.mjs) or,
// with SETCMP_WORKLOADS=1, each workload of make bench (bench/workloads.mjs):
// one warm-up call per side, then SETCMP_ROUNDS (3) rounds of one call per
// side in alternating order; prints the medians (ms, end to end through
// node-postgres) and B/A, marking ratios beyond 1.2 either way.
// Runs against the database of PGHOST/PGPORT/PGDATABASE, loaded as by
// bench/shapes.sh.  Example:
//   SETCMP_A="SET prisma_compile.parallel = on" SETCMP_B="SET prisma_compile.parallel = off" \
//     PGDATABASE=shapes_s4 node bench/setcmp.mjs
import fs from "fs";
import path from "path";
import { fileURLToPath } from "url";
import pg from "pg";
import { parseSchema, relations, generateShapes } from "./shapes_gen.mjs";
import { workloads, pickIds } from "./workloads.mjs";

const env = process.env;
const here = path.dirname(fileURLToPath(import.meta.url));
const A = env.SETCMP_A || "RESET ALL", B = env.SETCMP_B || "RESET ALL";
const ONLY = env.SETCMP_ONLY ? new RegExp(env.SETCMP_ONLY) : null;
const ROUNDS = Number(env.SETCMP_ROUNDS || 3), TIMEOUT_MS = Number(env.SETCMP_TIMEOUT_MS || 10000);
const cap = (s) => s[0].toUpperCase() + s.slice(1);
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];

// the timeout as a connection option, so that a RESET in SETCMP_A/B keeps it
const client = new pg.Client({ options: `-c statement_timeout=${TIMEOUT_MS}` });
await client.connect();

async function calls() {
  if (env.SETCMP_WORKLOADS === "1")
    return workloads(await pickIds(client)).map((w) => ({ name: w.name, model: cap(w.model), op: w.op, args: w.args }));
  const models = parseSchema(fs.readFileSync(path.join(here, "movies.prisma"), "utf8"));
  const ids = {};
  for (const M of Object.keys(models)) ids[M] = Number((await client.query(`SELECT max(id) / 2 AS m FROM "${M}"`)).rows[0].m);
  return generateShapes(models, relations(models), { cursor: (M) => ids[M] });
}

// one call under the settings `set`; a timeout counts as TIMEOUT_MS, other errors stop the run
async function timed(set, doc) {
  await client.query(set);
  const t0 = process.hrtime.bigint();
  try {
    await client.query({ text: "SELECT prisma_query($1::json)", values: [doc] });
  } catch (e) {
    if (e.code !== "57014") throw e;
    return TIMEOUT_MS;
  }
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

console.log(`A: ${A}\nB: ${B}\n${ROUNDS} rounds, ${env.PGDATABASE}`);
for (const s of (await calls()).filter((c) => !ONLY || ONLY.test(c.name))) {
  const doc = JSON.stringify({ model: s.model, operation: s.op, args: s.args });
  const ta = [], tb = [];
  await timed(A, doc);
  await timed(B, doc);
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 ? [[A, ta], [B, tb]] : [[B, tb], [A, ta]];
    for (const [set, t] of order) t.push(await timed(set, doc));
  }
  const a = median(ta), b = median(tb), ratio = b / a;
  console.log(`${s.name.padEnd(44)} A ${a.toFixed(2).padStart(9)}  B ${b.toFixed(2).padStart(9)}  B/A ${ratio.toFixed(2)}${ratio > 1.2 || ratio < 1 / 1.2 ? "  <<" : ""}`);
}
await client.end();
