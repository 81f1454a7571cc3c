// prisma_query from a Cloudflare Worker (docs/edge.md).
//
//   POST /query?driver=<driver>   body {"model", "operation", "args"}
//
// answers with the JSON of exactly one `SELECT prisma_query($1::json)`, as
// PostgreSQL wrote it; an error is HTTP 400 with {"error": {"code", "message"}}
// (code: the SQLSTATE). Drivers (default: env.DRIVER, else neon-pool):
//   neon-pool, neon-client  @neondatabase/serverless Pool / Client over a WebSocket
//   pg                      node-postgres over the Workers TCP socket API (nodejs_compat)
//   prisma-compile          Prisma Client, @prisma/adapter-neon, the project's client/ extension
//   prisma                  Prisma Client, @prisma/adapter-neon, no extension (the comparison)
// The prisma drivers return Prisma's result as JSON (JSON.stringify: Date as
// its ISO string, as prisma_query writes it).
//
// Bindings: DATABASE_URL (postgresql://user:password@host:port/db, the host
// as the WebSocket proxy is asked to reach it), WS_PROXY (host:port of the
// WebSocket-to-TCP proxy, for the neon drivers), PG_URL (the database as the
// pg driver reaches it over TCP; default DATABASE_URL), DRIVER.
// Workers cannot share a socket between requests, so every request opens its
// own connection and closes it after the response (ctx.waitUntil).

import { Pool, Client, neonConfig } from '@neondatabase/serverless';
import pg from 'pg';
import { PrismaNeon } from '@prisma/adapter-neon';
import { PrismaClient } from '../generated/client/client.ts';
import { prismaCompile } from 'prisma-compile';

const QUERY = 'SELECT prisma_query($1::json)';
// the result column as text, exactly as the server sent it
const rawText = { getTypeParser: () => (text) => text };

// Neon's settings for a WebSocket proxy of one's own, without TLS (loopback)
function configureNeon(env) {
  neonConfig.wsProxy = (host, port) => `${env.WS_PROXY}/v2?address=${host}:${port}`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.forceDisablePgSSL = true;
  neonConfig.pipelineTLS = false;
  neonConfig.pipelineConnect = false;
}

// one statement on a node-postgres-shaped client; returns the JSON text
async function runOn(client, document) {
  const res = await client.query({ text: QUERY, values: [document], types: rawText, rowMode: 'array' });
  return res.rows[0][0];
}

const sqlDrivers = {
  'neon-pool': async (env, ctx, document) => {
    const pool = new Pool({ connectionString: env.DATABASE_URL, max: 1 });
    try { return await runOn(pool, document); }
    finally { ctx.waitUntil(pool.end()); }
  },
  'neon-client': async (env, ctx, document) => {
    const client = new Client(env.DATABASE_URL);
    await client.connect();
    try { return await runOn(client, document); }
    finally { ctx.waitUntil(client.end()); }
  },
  pg: async (env, ctx, document) => {
    const client = new pg.Client({ connectionString: env.PG_URL || env.DATABASE_URL });
    await client.connect();
    try { return await runOn(client, document); }
    finally { ctx.waitUntil(client.end()); }
  },
};

// Prisma Client over @prisma/adapter-neon, with or without the extension
function prismaClient(env, extended) {
  const prisma = new PrismaClient({ adapter: new PrismaNeon({ connectionString: env.DATABASE_URL, max: 1 }) });
  if (!extended) return { client: prisma, base: prisma };
  if (!prismaCompile) throw Object.assign(new Error('client/ is not in this checkout: build with it to use driver prisma-compile'), { status: 501, code: 'unavailable' });
  // no schema check per client: at the edge every request has a client of its
  // own, and the check would be a second statement in every request (the
  // schema is loaded at deploy time: npx prisma-compile push)
  return { client: prisma.$extends(prismaCompile({ checkSchema: false })), base: prisma };
}

async function viaPrisma(env, ctx, query, extended) {
  const { client, base } = prismaClient(env, extended);
  try {
    const delegate = client[query.model.charAt(0).toLowerCase() + query.model.slice(1)];
    if (!delegate || typeof delegate[query.operation] !== 'function')
      throw Object.assign(new Error(`unknown model or operation ${query.model}.${query.operation}`), { code: 'bad-request' });
    const result = await delegate[query.operation](query.args ?? {});
    return JSON.stringify(result === undefined ? null : result, (k, v) => (typeof v === 'bigint' ? v.toString() : v));
  } finally {
    ctx.waitUntil(base.$disconnect());
  }
}

function jsonResponse(status, body) {
  return new Response(body, { status, headers: { 'content-type': 'application/json' } });
}

// the error's SQLSTATE (database errors), Prisma's code, or a word of ours
function errorResponse(e) {
  const code = e.code ?? e.meta?.driverAdapterError?.cause?.originalCode ?? 'error';
  const message = e.meta?.driverAdapterError?.cause?.originalMessage ?? e.message ?? String(e);
  return jsonResponse(e.status ?? 400, JSON.stringify({ error: { code: String(code), message } }));
}

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (url.pathname !== '/query') return new Response('not found\n', { status: 404 });
    if (request.method !== 'POST') return new Response('POST a query document\n', { status: 405 });
    const driver = url.searchParams.get('driver') || env.DRIVER || 'neon-pool';
    let query;
    try {
      query = await request.json();
      if (typeof query !== 'object' || query === null || typeof query.model !== 'string' || typeof query.operation !== 'string')
        throw new Error('the body must be {"model", "operation", "args"}');
    } catch (e) {
      return errorResponse({ code: 'bad-request', message: e.message });
    }
    configureNeon(env);
    try {
      if (sqlDrivers[driver]) return jsonResponse(200, await sqlDrivers[driver](env, ctx, JSON.stringify(query)));
      if (driver === 'prisma' || driver === 'prisma-compile')
        return jsonResponse(200, await viaPrisma(env, ctx, query, driver === 'prisma-compile'));
      return errorResponse({ code: 'bad-request', message: `unknown driver "${driver}"` });
    } catch (e) {
      return errorResponse(e);
    }
  },
};
