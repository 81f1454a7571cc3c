// @prisma/adapter-neon (PrismaNeon: @neondatabase/serverless over
// WebSocket) with the extension, against the local cluster through a small
// WebSocket-to-PostgreSQL relay (what Neon's proxy does, without TLS).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import path from 'node:path';
import { conformance, pc, kitchen, Prisma, adapter, counted } from './setup.mjs';

const nm = (p) => path.join(conformance, 'node_modules', p);
const { PrismaNeon } = await import(nm('@prisma/adapter-neon/dist/index.mjs'));
const { neonConfig } = await import(nm('@neondatabase/serverless/index.mjs'));
const { WebSocketServer, WebSocket } = (await import(nm('ws/index.js'))).default;

let relay;
let ext;
let plain;
let stats;

// each WebSocket carries one PostgreSQL connection, bytes as they are
function startRelay() {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  wss.on('connection', (ws) => {
    const host = process.env.PGHOST || 'localhost';
    const port = Number(process.env.PGPORT || 5432);
    const sock = host.startsWith('/') ? net.connect(path.join(host, `.s.PGSQL.${port}`)) : net.connect(port, host);
    sock.on('data', (d) => ws.send(d));
    ws.on('message', (d) => sock.write(d));
    sock.on('close', () => ws.close());
    ws.on('close', () => sock.destroy());
    sock.on('error', () => ws.close());
  });
  return new Promise((resolve) => wss.on('listening', () => resolve(wss)));
}

before(async () => {
  relay = await startRelay();
  neonConfig.webSocketConstructor = WebSocket;
  neonConfig.wsProxy = () => `127.0.0.1:${relay.address().port}/v1`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineConnect = false;
  neonConfig.pipelineTLS = false;
  const user = encodeURIComponent(process.env.PGUSER || 'postgres');
  const password = encodeURIComponent(process.env.PGPASSWORD || 'unused');
  const extension = pc.prismaCompile();
  stats = extension.stats;
  ext = new kitchen.PrismaClient({ adapter: new PrismaNeon({ connectionString: `postgresql://${user}:${password}@neon.local/conform_kitchen` }) }).$extends(extension);
  plain = new kitchen.PrismaClient({ adapter: adapter() });
});
after(async () => {
  await ext?.$disconnect();
  await plain?.$disconnect();
  relay?.close();
});

test('adapter-neon: reads routed, Prisma types', async () => {
  const args = { include: { author: true, categories: true }, orderBy: { id: 'asc' } };
  const got = await counted(stats, () => ext.post.findMany(args));
  assert.equal(got.routed, 1);
  assert.equal(got.direct, 1, 'not sent to the neon Pool');
  assert.equal(got.fellBack, 0);
  assert.deepStrictEqual(got.value, await plain.post.findMany(args));
  assert.ok(got.value[0].price instanceof Prisma.Decimal);
});

test('adapter-neon: interactive and batch transactions', async () => {
  const email = `neon-${process.pid}@example.com`;
  const rollback = new Error('rollback');
  await assert.rejects(ext.$transaction(async (tx) => {
    await tx.user.create({ data: { email } });
    const got = await counted(stats, () => tx.user.findUnique({ where: { email }, select: { email: true } }));
    assert.equal(got.routed, 1);
    assert.equal(got.direct, 0);
    assert.deepStrictEqual(got.value, { email });
    throw rollback;
  }), (e) => e === rollback);
  const [before, , seen] = await ext.$transaction([
    ext.user.count({ where: { email } }),
    ext.user.create({ data: { email } }),
    ext.user.count({ where: { email } }),
  ]);
  await plain.user.deleteMany({ where: { email } });
  assert.deepStrictEqual([before, seen], [0, 1]);
});
