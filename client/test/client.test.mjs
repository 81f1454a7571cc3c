// prisma-compile against plain Prisma Client on the kitchen-sink fixture:
// inputs and results of every type, errors, fallbacks, transactions,
// result extensions, the omit option, fluent calls. Run by
// scripts/suites/45-dropin.sh (after regress/conformance/run.sh --dropin).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { clients, counted, Prisma, pc, kitchen, adapter, PrismaPg, pg } from './setup.mjs';

const { plain, ext, stats, close } = clients();
after(close);

// The call on both clients: equal results, and the extension used prisma_query.
async function same(delegate, op, args) {
  const want = await plain[delegate][op](args);
  const got = await counted(stats, () => ext[delegate][op](args));
  assert.equal(got.fellBack, 0, 'fell back');
  assert.equal(got.routed, 1, 'not routed');
  assert.equal(got.direct, 1, 'not sent to the pool');
  assert.deepStrictEqual(got.value, want);
  return got.value;
}

test('results have Prisma types', async () => {
  const s = await same('sample', 'findFirst', { orderBy: { id: 'asc' }, where: { binOpt: { not: null }, atOpt: { not: null } } });
  assert.ok(s.at instanceof Date);
  assert.ok(s.amount instanceof Prisma.Decimal);
  assert.equal(typeof s.big, 'bigint');
  assert.ok(s.bin instanceof Uint8Array);
  assert.equal(typeof s.doc, 'object');
  assert.ok(['DRAFT', 'PUBLISHED', 'ARCHIVED'].includes(s.status));
  await same('sample', 'findMany', { orderBy: { id: 'asc' } });
  await same('post', 'findMany', { include: { author: true, categories: true, _count: true }, orderBy: { id: 'asc' } });
});

test('inputs of every type, in any position', async () => {
  const s = await plain.sample.findFirst({ orderBy: { id: 'asc' } });
  await same('sample', 'findMany', {
    where: {
      at: { lte: s.at }, big: { in: [s.big, 1n] }, amount: { gte: new Prisma.Decimal(s.amount).minus(1) },
      bin: { equals: s.bin }, status: { in: [s.status] }, OR: [{ count: s.count }, { atOpt: { gt: new Date(0) } }],
    },
    orderBy: { id: 'asc' },
  });
  await same('sample', 'findMany', { where: { bin: Buffer.from(s.bin) }, select: { id: true, bin: true } });
  await same('sample', 'count', { where: { docOpt: { equals: Prisma.DbNull } } });
  await same('sample', 'count', { where: { docOpt: { equals: Prisma.JsonNull } } });
  await same('sample', 'count', { where: { docOpt: { equals: Prisma.AnyNull } } });
  await same('post', 'findMany', { where: { metadata: { path: ['a'], equals: 1 } } });
  await same('post', 'findMany', { where: { title: { startsWith: 'P' }, views: { gt: 10n }, price: { not: null } }, take: 3, orderBy: { id: 'asc' } });
  await same('post', 'findMany', { cursor: { id: 5 }, take: 3, orderBy: { id: 'asc' } });
  await same('post', 'findMany', { where: { title: Prisma.skip, id: { lt: 4 } }, orderBy: { id: 'asc' } });
});

test('count, aggregate and groupBy shapes', async () => {
  await same('post', 'count', {});
  await same('post', 'count', { select: { _all: true, price: true } });
  await same('sample', 'aggregate', { _sum: { big: true, amount: true, count: true }, _avg: { amount: true, count: true, big: true }, _min: { at: true, amount: true }, _max: { big: true }, _count: { _all: true, docOpt: true } });
  await same('post', 'groupBy', { by: ['status', 'published'], _count: { _all: true }, _sum: { views: true }, _max: { createdAt: true }, orderBy: [{ status: 'asc' }, { published: 'asc' }] });
});

test('*OrThrow without a row raises P2025 as Prisma does', async () => {
  const got = await counted(stats, () => ext.user.findUniqueOrThrow({ where: { id: -1 } }).catch((e) => e));
  assert.equal(got.routed, 1);
  assert.ok(got.value instanceof Prisma.PrismaClientKnownRequestError);
  assert.equal(got.value.code, 'P2025');
  await assert.rejects(ext.post.findFirstOrThrow({ where: { title: 'no such post' } }), (e) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2025');
});

test('invalid arguments carry prisma_query\'s message and JSON path', async () => {
  await assert.rejects(ext.user.findMany({ where: { createdAt: { gt: 'yesterday' } } }),
    (e) => e instanceof Prisma.PrismaClientValidationError && /args\.where\.createdAt/.test(e.message) && /invalid DateTime/.test(e.message));
  await assert.rejects(ext.user.findMany({ where: { nme: 'x' } }), (e) => /args\.where\.nme: unknown field "nme" on model User/.test(e.message));
});

test('field references are routed (Prisma\'s {_ref, _container} form), in Json filters too', async () => {
  // (Json references were 0A000 and fell back; prisma_query answers them now.
  // No read shape is 0A000 any more: fallback is left to NotRoutable shapes)
  const fieldRef = { where: { title: { equals: plain.post.fields.body } } };
  const jsonRef = { where: { metadata: { equals: plain.post.fields.metadata } } };
  for (const args of [fieldRef, jsonRef]) {
    const want = await plain.post.findMany(args);
    const got = await counted(stats, () => ext.post.findMany(args));
    assert.equal(got.routed, 1);
    assert.equal(got.fellBack, 0);
    assert.deepStrictEqual(got.value, want);
  }
});

test('interactive transaction: reads see its uncommitted writes', async () => {
  const email = `itx-${process.pid}@example.com`;
  const rollback = new Error('rollback');
  await assert.rejects(ext.$transaction(async (tx) => {
    const u = await tx.user.create({ data: { email, name: 'In Tx', karma: 7, posts: { create: { title: 'tx post', views: 5n, price: new Prisma.Decimal('1.5') } } } });
    const got = await counted(stats, async () => ({
      one: await tx.user.findUnique({ where: { email }, include: { posts: true } }),
      many: await tx.user.findMany({ where: { karma: 7, email: { startsWith: 'itx-' } } }),
      n: await tx.post.count({ where: { authorId: u.id } }),
      agg: await tx.post.aggregate({ where: { authorId: u.id }, _sum: { views: true } }),
    }));
    assert.equal(got.routed, 4);
    assert.equal(got.direct, 0, 'read outside the transaction');
    assert.equal(got.value.one.id, u.id);
    assert.equal(got.value.one.posts[0].title, 'tx post');
    assert.ok(got.value.one.posts[0].price instanceof Prisma.Decimal);
    assert.equal(got.value.many.length, 1);
    assert.equal(got.value.n, 1);
    assert.equal(got.value.agg._sum.views, 5n);
    // outside the transaction the row is not there
    assert.equal(await ext.user.findUnique({ where: { email } }), null);
    // a Json field reference inside the transaction is read in it
    const fb = await counted(stats, () => tx.post.findMany({ where: { authorId: u.id, metadata: { equals: plain.post.fields.metadata } } }));
    assert.equal(fb.fellBack, 0);
    assert.deepStrictEqual(fb.value, []);
    // and the transaction is still usable
    assert.equal((await tx.user.findUniqueOrThrow({ where: { email } })).id, u.id);
    throw rollback;
  }), (e) => e === rollback);
  assert.equal(await plain.user.findUnique({ where: { email } }), null);
});

test('batch transaction: reads run in the batch, in order', async () => {
  const email = `batch-${process.pid}@example.com`;
  try {
    const got = await counted(stats, () => ext.$transaction([
      ext.user.count({ where: { email } }),
      ext.user.create({ data: { email, name: 'Batch' } }),
      ext.user.findUnique({ where: { email }, select: { email: true, name: true } }),
      ext.user.count({ where: { email } }),
    ]));
    assert.deepStrictEqual(got.value[0], 0);
    assert.deepStrictEqual(got.value[2], { email, name: 'Batch' });
    assert.deepStrictEqual(got.value[3], 1);
    assert.equal(got.routed, 3);
    assert.equal(got.direct, 0, 'read outside the batch');
  } finally {
    await plain.user.deleteMany({ where: { email } });
  }
});

// A result with computed fields (Prisma's proxies) as plain objects.
function plainValue(v) {
  if (Array.isArray(v)) return v.map(plainValue);
  if (v === null || typeof v !== 'object' || v instanceof Date || v instanceof Uint8Array || Prisma.Decimal.isDecimal(v)) return v;
  return Object.fromEntries(Object.keys(v).map((k) => [k, plainValue(v[k])]));
}

test('result extensions still apply', async () => {
  const resultExt = { result: { user: { display: { needs: { name: true, email: true }, compute: (u) => `${u.name ?? '?'} <${u.email}>` } } } };
  const p2 = plain.$extends(resultExt);
  const after = pc.prismaCompile();
  const before = pc.prismaCompile();
  const cases = [
    // prismaCompile() first: a select of the computed field falls back
    [new kitchen.PrismaClient({ adapter: adapter() }).$extends(after).$extends(resultExt), after.stats, 0],
    // prismaCompile() last: it sees the computed field's needs
    [new kitchen.PrismaClient({ adapter: adapter() }).$extends(resultExt).$extends(before), before.stats, 1],
  ];
  try {
    for (const [client, s, selectRouted] of cases) {
      const args = { include: { posts: { take: 1 } }, orderBy: { id: 'asc' }, take: 5 };
      const want = await p2.user.findMany(args);
      const got = await counted(s, () => client.user.findMany(args));
      assert.equal(got.routed, 1);
      assert.ok(got.value[0].display.includes('<'));
      assert.deepStrictEqual(got.value.map((u) => u.display), want.map((u) => u.display));
      assert.deepStrictEqual(plainValue(got.value), plainValue(want));
      const sargs = { select: { display: true, id: true }, orderBy: { id: 'asc' }, take: 3 };
      const sel = await counted(s, () => client.user.findMany(sargs));
      assert.deepStrictEqual(plainValue(sel.value), plainValue(await p2.user.findMany(sargs)));
      assert.equal(sel.routed, selectRouted, 'select of a computed field');
      assert.equal(sel.fellBack, 1 - selectRouted);
    }
  } finally {
    await Promise.all(cases.map(([c]) => c.$disconnect()));
  }
});

test('the client option omit is honoured', async () => {
  const o = clients({}, { clientOptions: { omit: { user: { email: true }, post: { body: true, metadata: true } } } });
  try {
    for (const [d, args] of [
      ['user', { orderBy: { id: 'asc' }, take: 3 }],
      ['user', { include: { posts: true }, orderBy: { id: 'asc' }, take: 3 }],
      ['user', { omit: { email: false, name: true }, orderBy: { id: 'asc' }, take: 3 }],
      ['post', { select: { id: true, body: true, author: true }, orderBy: { id: 'asc' }, take: 3 }],
      ['post', { include: { author: { include: { posts: true } } }, orderBy: { id: 'asc' }, take: 2 }],
    ]) {
      const want = await o.plain[d].findMany(args);
      const got = await counted(o.stats, () => o.ext[d].findMany(args));
      assert.equal(got.routed, 1);
      assert.deepStrictEqual(got.value, want);
    }
  } finally {
    await o.close();
  }
});

test('fluent calls', async () => {
  const args = { where: { id: 1 } };
  const want = await plain.user.findUnique(args).posts({ orderBy: { id: 'asc' } });
  const got = await counted(stats, () => ext.user.findUnique(args).posts({ orderBy: { id: 'asc' } }));
  assert.equal(got.routed, 1);
  assert.deepStrictEqual(got.value, want);
  assert.deepStrictEqual(await ext.post.findFirst({ where: { id: 1 } }).author(), await plain.post.findFirst({ where: { id: 1 } }).author());
  assert.deepStrictEqual(await ext.user.findUnique({ where: { id: 1 } }).profile(), await plain.user.findUnique({ where: { id: 1 } }).profile());
  assert.equal(await ext.user.findUnique({ where: { id: -1 } }).posts(), await plain.user.findUnique({ where: { id: -1 } }).posts());
});

test('the pool: straight to the adapter\'s pool outside transactions, or through Prisma', async () => {
  const args = { include: { author: true }, orderBy: { id: 'asc' }, take: 5 };
  const want = await plain.post.findMany(args);
  // an adapter made with an existing pg.Pool; one failure of that pool that is
  // not prisma_query's (a dropped connection) runs the call through Prisma
  const pool = new pg.Pool({ database: 'conform_kitchen' });
  const external = pc.prismaCompile();
  const viaPool = new kitchen.PrismaClient({ adapter: new PrismaPg(pool) }).$extends(external);
  // direct: false keeps every statement on Prisma's raw-query path
  const raw = pc.prismaCompile({ direct: false });
  const viaRaw = new kitchen.PrismaClient({ adapter: adapter() }).$extends(raw);
  // a client connected before $extends: its adapter was made already
  const early = new kitchen.PrismaClient({ adapter: adapter() });
  await early.$connect();
  const late = pc.prismaCompile();
  const viaLate = early.$extends(late);
  try {
    let got = await counted(external.stats, () => viaPool.post.findMany(args));
    assert.deepStrictEqual([got.routed, got.direct, got.value], [1, 1, want]);
    const query = pool.query;
    pool.query = function failOnce() {
      pool.query = query;
      return Promise.reject(new Error('Connection terminated unexpectedly'));
    };
    got = await counted(external.stats, () => viaPool.post.findMany(args));
    assert.deepStrictEqual([got.routed, got.fellBack, got.value], [0, 1, want]);
    assert.equal(external.stats.reasons['error of the pool: Error'], 1);
    got = await counted(raw.stats, () => viaRaw.post.findMany(args));
    assert.deepStrictEqual([got.routed, got.direct, got.value], [1, 0, want]);
    got = await counted(late.stats, () => viaLate.post.findMany(args));
    assert.deepStrictEqual([got.routed, got.direct, got.value], [1, 0, want]);
  } finally {
    await Promise.all([viaPool.$disconnect(), viaRaw.$disconnect(), viaLate.$disconnect()]);
    await pool.end();
  }
});
