#!/usr/bin/env node
// prisma-compile push: loads the Prisma schema into the database through
// prisma_load_schema(), so that prisma_query answers the reads of a client
// generated from it. Finds the schema and the database as Prisma's CLI does:
// --schema, else prisma.config.ts (--config, else found from the current
// directory: its `schema` and `datasource.url`), else ./prisma/schema.prisma
// or ./schema.prisma; the URL from --url, the config, or DATABASE_URL.
// A schema directory (multi-file schema) is loaded as its .prisma files
// joined in name order. Connects with `pg` (or @neondatabase/serverless).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const USAGE = `usage: prisma-compile push [--schema PATH] [--config PATH] [--url URL]

Loads the Prisma schema into the database (SELECT prisma_load_schema(...)).
Run it after \`prisma migrate\` / \`prisma db push\`, whenever the schema changes.`;

function parseArgs(argv) {
  const o = { command: argv[0] };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--schema') o.schema = value();
    else if (flag === '--config') o.config = value();
    else if (flag === '--url') o.url = value();
    else throw new Error(`unknown option ${a}\n\n${USAGE}`);
  }
  return o;
}

// A module of the user's project (resolved from the current directory).
async function importFromProject(name) {
  const require = createRequire(path.join(process.cwd(), 'package.json'));
  return import(pathToFileURL(require.resolve(name)).href);
}

// prisma.config.ts through Prisma's own loader; null when there is none.
async function loadPrismaConfig(configFile) {
  let mod;
  try {
    mod = await importFromProject('@prisma/config');
  } catch {
    if (configFile) throw new Error('--config needs the prisma package (npm install -D prisma)');
    return null;
  }
  const { config, error, resolvedPath } = await mod.loadConfigFromFile({ configFile, configRoot: process.cwd() });
  if (error) {
    if (error._tag === 'ConfigFileNotFound' && !configFile) return null;
    throw new Error(`cannot load the Prisma config${resolvedPath ? ` ${resolvedPath}` : ''}: ${error.error?.message ?? error._tag}`);
  }
  return resolvedPath ? { config, dir: path.dirname(resolvedPath) } : null;
}

// The schema text: a file, or the .prisma files of a directory.
function readSchema(p) {
  if (fs.statSync(p).isDirectory()) {
    const files = fs.readdirSync(p, { recursive: true }).filter((f) => String(f).endsWith('.prisma')).sort();
    return files.map((f) => fs.readFileSync(path.join(p, String(f)), 'utf8')).join('\n');
  }
  return fs.readFileSync(p, 'utf8');
}

async function connect(url) {
  let Client;
  try {
    Client = (await importFromProject('pg')).default.Client;
  } catch {
    Client = (await importFromProject('@neondatabase/serverless')).Client;
  }
  const c = new Client(url ? { connectionString: url } : {});
  await c.connect();
  return c;
}

async function push(o) {
  const loaded = o.schema ? null : await loadPrismaConfig(o.config);
  let schemaPath = o.schema;
  if (!schemaPath && loaded?.config.schema) schemaPath = path.resolve(loaded.dir, loaded.config.schema);
  schemaPath ??= ['prisma/schema.prisma', 'schema.prisma'].find((p) => fs.existsSync(p));
  if (!schemaPath) throw new Error('no schema found: pass --schema, or set `schema` in prisma.config.ts');
  let url = o.url ?? loaded?.config.datasource?.url ?? process.env.DATABASE_URL;
  if (!url && !process.env.PGHOST && !process.env.PGDATABASE) throw new Error('no database URL: pass --url, set datasource.url in prisma.config.ts, or DATABASE_URL');
  const source = readSchema(schemaPath);
  const c = await connect(url);
  try {
    const { rows } = await c.query('SELECT prisma_load_schema($1)::text AS r', [source]);
    console.log(`prisma-compile: loaded ${path.relative(process.cwd(), schemaPath) || schemaPath}: ${rows[0].r}`);
  } finally {
    await c.end();
  }
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.command !== 'push') {
    console.log(USAGE);
    process.exitCode = o.command === undefined || o.command === '--help' || o.command === 'help' ? 0 : 1;
    return;
  }
  await push(o);
}

main().catch((e) => {
  console.error(`prisma-compile: ${e.message}`);
  process.exitCode = 1;
});
