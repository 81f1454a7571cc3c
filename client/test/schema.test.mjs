// Schema sync: `prisma-compile push` (--schema, prisma.config.ts) and the
// client's check of the loaded schema on its first query. Uses a scratch
// database with the movies tables (bench/movies_schema.sql).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { repo, conformance, pc, movies, adapter } from './setup.mjs';

const db = 'prisma_compile_client_schema';
const psql = (sql, database = 'postgres') => execFileSync('psql', ['-X', '--set=client_min_messages=warning', '-q', '-v', 'ON_ERROR_STOP=1', '-At', '-d', database, '-c', sql], { encoding: 'utf8', env: { ...process.env, PGOPTIONS: '-c client_min_messages=warning' } });
const cli = path.join(conformance, 'node_modules/.bin/prisma-compile');
const schemaFile = path.join(repo, 'bench/movies.prisma');
const work = path.join(conformance, 'generated/schema-test');

function push(args, cwd = work) {
  return execFileSync(cli, ['push', ...args], { cwd, encoding: 'utf8', env: { ...process.env, PGDATABASE: db } });
}

before(() => {
  psql('DROP DATABASE IF EXISTS ' + db);
  psql('CREATE DATABASE ' + db);
  execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', db, '-f', path.join(repo, 'bench/movies_schema.sql')]);
  psql('CREATE EXTENSION prisma_compile', db);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
});
after(() => psql('DROP DATABASE IF EXISTS ' + db));

async function firstQuery() {
  const client = new movies.PrismaClient({ adapter: adapter(db) }).$extends(pc.prismaCompile());
  try {
    return await client.movie.findMany({ take: 1 });
  } finally {
    await client.$disconnect();
  }
}

test('no schema loaded: a clear error naming the command', async () => {
  await assert.rejects(firstQuery(), (e) => e instanceof pc.SchemaMismatchError && /no schema is loaded/.test(e.message) && e.message.includes('npx prisma-compile push'));
});

test('push --schema loads it; the client then answers', async () => {
  const out = push(['--schema', schemaFile]);
  assert.match(out, /loaded/);
  assert.equal(psql('SELECT count(*) FROM prisma_compile.loaded_schema', db).trim(), '1');
  assert.deepStrictEqual(await firstQuery(), []);
});

test('push reads prisma.config.ts', async () => {
  // a schema that differs from the client's: the check fails
  const changed = fs.readFileSync(schemaFile, 'utf8').replace('  description String?\n', '');
  fs.writeFileSync(path.join(work, 'changed.prisma'), changed);
  fs.writeFileSync(path.join(work, 'prisma.config.ts'), 'import { defineConfig } from "prisma/config";\nexport default defineConfig({ schema: "changed.prisma" });\n');
  assert.match(push([]), /loaded changed\.prisma/);
  assert.equal(psql('SELECT position(\'description\' in source) FROM prisma_compile.loaded_schema', db).trim(), '0');
  await assert.rejects(firstQuery(), (e) => e instanceof pc.SchemaMismatchError && /is not the one this Prisma Client was generated from/.test(e.message) && e.message.includes('npx prisma-compile push'));
  // comments, blank lines and another generator block do not matter
  const same = fs.readFileSync(schemaFile, 'utf8').replace('model Movie {', '// a comment\n\nmodel   Movie {').replace('"prisma-client"', '"prisma-client-js"');
  fs.writeFileSync(path.join(work, 'changed.prisma'), same);
  push(['--config', path.join(work, 'prisma.config.ts')]);
  assert.deepStrictEqual(await firstQuery(), []);
});

test('normalizeSchema keeps strings and drops comments', () => {
  assert.equal(pc.normalizeSchema('model A {\n  id Int @id // key\n  u String @default("a // b")\n}\n'), 'model A { id Int @id u String @default("a // b") }');
  assert.equal(pc.schemaHash('generator x {\n a = 1\n}\nmodel A { id Int @id }'), pc.schemaHash('model A {\n  id Int @id\n}'));
});
