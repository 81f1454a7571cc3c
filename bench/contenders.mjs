// The contenders of the movies benchmark (run.mjs): prisma_query through
// node-postgres, Prisma 7 Client with both relation load strategies, Prisma
// Client with the prisma-compile extension (client/), Drizzle relational
// queries and the hand-written SQL variants of each workload.
//
// A contender is {name, kind, app, run(workload) -> JS value, close()}; the
// SQL contender runs one variant at a time (runVariant). entriesFor splits a
// workload into the timed entries, one per contender and SQL variant.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { PrismaClient } from "./generated/client.ts";
import { prismaCompile } from "prisma-compile";
import * as schema from "./drizzle_schema.mjs";

export const cap = (s) => s[0].toUpperCase() + s.slice(1);

// the query document of a workload
export const documentOf = (w) => JSON.stringify({ model: cap(w.model), operation: w.op, args: w.args });

// one hand-written variant v of workload w on a node-postgres client
export async function runSqlVariant(client, w, v, name) {
  const q = w.sql[v];
  const res = await client.query({ name, text: q.text, values: w.values });
  if (q.shape === "rows") return res.rows;
  if (q.shape === "one") return res.rows[0] ?? null;
  return res.rows[0].r;
}

// the hand-written SQL contender on its own connection
export async function makeSqlContender(conn, app) {
  const hand = new pg.Client({ ...conn, application_name: app });
  await hand.connect();
  return {
    name: "SQL", kind: "sql", app,
    runVariant: (w, v) => runSqlVariant(hand, w, v, `${w.idx}-${v}`),
    close: () => hand.end(),
  };
}

// every contender, connected; application names start with appPrefix
export async function makeContenders(conn, appPrefix = "bench") {
  const list = [];

  const pqApp = `${appPrefix}-prisma_query`;
  const pq = new pg.Client({ ...conn, application_name: pqApp });
  await pq.connect();
  list.push({
    name: "prisma_query", kind: "pq", app: pqApp,
    run: async (w) => (await pq.query({ name: `pq`, text: `SELECT prisma_query($1::json) AS r`, values: [documentOf(w)] })).rows[0].r,
    close: () => pq.end(),
  });

  // Prisma's pools keep their connections between rounds: a round of the
  // large workloads lasts longer than pg.Pool's default idleTimeoutMillis
  // (10 s), after which every Prisma contender would time each call on a
  // fresh connection and a cold backend (the other contenders hold theirs)
  const keep = { idleTimeoutMillis: 0 };
  for (const strategy of ["query", "join"]) {
    const app = `${appPrefix}-prisma-${strategy}`;
    const prisma = new PrismaClient({ adapter: new PrismaPg({ ...conn, ...keep, application_name: app }) });
    await prisma.$connect();
    list.push({
      name: `Prisma (${strategy})`, kind: "prisma", app,
      run: (w) => prisma[w.model][w.op]({ ...w.args, relationLoadStrategy: strategy }),
      close: () => prisma.$disconnect(),
    });
  }

  // a Prisma app with the prisma-compile extension (client/, installed by run.sh)
  const extApp = `${appPrefix}-prisma-compile`;
  const extended = new PrismaClient({ adapter: new PrismaPg({ ...conn, ...keep, application_name: extApp }) }).$extends(prismaCompile());
  await extended.$connect();
  list.push({ name: "Prisma + prisma_compile", kind: "prisma", app: extApp, run: (w) => extended[w.model][w.op](w.args), close: () => extended.$disconnect() });

  const drizzleApp = `${appPrefix}-drizzle`;
  const pool = new pg.Pool({ ...conn, max: 1, application_name: drizzleApp });
  const db = drizzle({ client: pool, schema });
  list.push({ name: "Drizzle", kind: "drizzle", app: drizzleApp, run: (w) => w.drizzle(db), close: () => pool.end() });

  list.push(await makeSqlContender(conn, `${appPrefix}-sql`));
  return list;
}

// the timed entries of one workload: every contender, SQL split per variant
export function entriesFor(w, contenders) {
  const out = [];
  for (const c of contenders) {
    if (c.kind === "sql") {
      for (const v of Object.keys(w.sql)) out.push({ name: `SQL ${v}`, kind: "sql", variant: v, app: c.app, run: () => c.runVariant(w, v) });
    } else out.push({ name: c.name, kind: c.kind, app: c.app, run: () => c.run(w) });
  }
  return out;
}
