// Builds the committed seed corpus of the fuzz targets (fuzz/corpus/) and
// their dictionaries (fuzz/dict/) from what the project already tests:
//   compile, json  the conformance corpus (regress/conformance/corpus/*.mjs)
//                  as prisma_query documents, and every document of the
//                  pg_regress inputs (sql/*.sql: prisma_query and
//                  prisma_compile calls)
//   schema         the fixtures (regress/fixtures/*.prisma,
//                  bench/movies.prisma) and every schema the pg_regress
//                  inputs load (prisma_load_schema calls)
// Each seed is a file named by the SHA-1 of its content.  Run from the
// repository root: node fuzz/make-seeds.mjs
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { toJson } from '../regress/conformance/lib/values.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = (t) => path.join(root, 'fuzz/corpus', t);
const seeds = { compile: new Set(), json: new Set(), schema: new Set() };

// the SQL string literals passed to fn( ... ) in a pg_regress input
function literals(sql, fn) {
  const re = new RegExp(`${fn}\\(\\s*((?:'(?:[^']|'')*'\\s*,?\\s*)+)`, 'g');
  const found = [];
  for (const m of sql.matchAll(re)) {
    const args = [...m[1].matchAll(/'((?:[^']|'')*)'/g)].map((a) => a[1].replace(/''/g, "'"));
    found.push(args);
  }
  return found;
}

for (const file of fs.readdirSync(path.join(root, 'regress/conformance/corpus'))) {
  const items = (await import(path.join(root, 'regress/conformance/corpus', file))).default;
  for (const it of items) {
    const doc = JSON.stringify({ model: it.model, operation: it.op, args: toJson(it.args) });
    seeds.compile.add(doc);
  }
}
for (const file of fs.readdirSync(path.join(root, 'sql')).filter((f) => !f.startsWith('prisma_compile--'))) {
  const sql = fs.readFileSync(path.join(root, 'sql', file), 'utf8');
  for (const fn of ['prisma_query', 'prisma_compile']) {
    for (const args of literals(sql, fn)) {
      if (args.length === 1) seeds.compile.add(args[0]);
      else if (args.length >= 2) {
        let a = args[2] ?? '{}';
        try { a = JSON.parse(a); } catch { continue; }
        seeds.compile.add(JSON.stringify({ model: args[0], operation: args[1], args: a }));
      }
    }
  }
  for (const args of literals(sql, 'prisma_load_schema')) seeds.schema.add(args[0]);
}
for (const f of ['regress/fixtures/kitchen_sink.prisma', 'bench/movies.prisma'])
  seeds.schema.add(fs.readFileSync(path.join(root, f), 'utf8'));
for (const d of seeds.compile) seeds.json.add(d);

const keys = new Set();
const collect = (v) => {
  if (Array.isArray(v)) v.forEach(collect);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { keys.add(k); collect(x); }
  else if (typeof v === 'string' && v.length < 24) keys.add(v);
};
for (const d of seeds.compile) { try { collect(JSON.parse(d)); } catch { /* an invalid seed */ } }

for (const [t, set] of Object.entries(seeds)) {
  fs.rmSync(out(t), { recursive: true, force: true });
  fs.mkdirSync(out(t), { recursive: true });
  for (const s of set) fs.writeFileSync(path.join(out(t), crypto.createHash('sha1').update(s).digest('hex')), s);
  console.log(`${t}: ${set.size} seeds`);
}

// dictionaries: the documents' keys and short strings; JSON's tokens;
// the schema language's keywords and attributes
const q = (s) => '"' + [...Buffer.from(s, 'utf8')].map((b) => (b === 0x22 || b === 0x5c ? '\\' + String.fromCharCode(b)
  : b < 0x20 || b >= 0x7f ? '\\x' + b.toString(16).padStart(2, '0') : String.fromCharCode(b))).join('') + '"';
const jsonTokens = ['{', '}', '[', ']', ':', ',', 'true', 'false', 'null', '\\u0000', '\\ud800',
  '1e400', '-0', '99999999999999999999', '-9223372036854775808', '"'];
const compileDict = [...[...keys].map((k) => `"${k}"`), ...jsonTokens];
fs.mkdirSync(path.join(root, 'fuzz/dict'), { recursive: true });
fs.writeFileSync(path.join(root, 'fuzz/dict/compile.dict'), compileDict.map(q).join('\n') + '\n');
fs.writeFileSync(path.join(root, 'fuzz/dict/json.dict'), jsonTokens.map(q).join('\n') + '\n');
const psl = ['model', 'enum', 'datasource', 'generator', 'type', 'view', '{', '}', '(', ')', '[', ']',
  '?', '[]', '@id', '@@id', '@unique', '@@unique', '@default', '@map', '@@map', '@@schema',
  '@relation', 'fields:', 'references:', 'name:', '@updatedAt', '@ignore', '@@ignore', '@@index',
  '@db.VarChar', '@db.Date', '@db.Timestamptz', '@db.Uuid', '@db.SmallInt', 'autoincrement()',
  'now()', 'String', 'Int', 'BigInt', 'Float', 'Decimal', 'Boolean', 'DateTime', 'Json', 'Bytes',
  '//', '///', '/*', '*/', '"', '\n', '='];
fs.writeFileSync(path.join(root, 'fuzz/dict/schema.dict'), psl.map(q).join('\n') + '\n');
