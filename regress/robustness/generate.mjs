// Generates the hostile inputs of the robustness suite (docs/reliability.md)
// from the kitchen-sink documents of the fuzz seed corpus (fuzz/corpus/
// compile, itself made from the conformance corpus and the pg_regress
// inputs) and the kitchen-sink schema.  Deterministic for a seed.
//
//   node regress/robustness/generate.mjs --seed 1 --docs 20000 --schemas 2000 > inputs.tsv
//
// Each line: kind <TAB> expect <TAB> mutation <TAB> base64(text).
//   kind    doc (for prisma_query), schema (for prisma_load_schema), or
//           base: an unmutated document, run before and after the others
//           (its result must not change)
//   expect  fail: the input must be refused; any: it may also succeed
//           (a value of the right kind in a value position)
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const seed = arg('seed', 1);
const ndocs = arg('docs', 20000);
const nschemas = arg('schemas', 2000);

// mulberry32: a small seeded generator
let state = seed >>> 0;
function rand() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rand() * a.length)];

const KITCHEN = new Set(['Sample', 'User', 'Post', 'Profile', 'Team', 'Membership', 'Comment', 'Category']);
const dir = path.join(root, 'fuzz/corpus/compile');
const bases = [];
for (const f of fs.readdirSync(dir).sort()) {
  try {
    const d = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    if (d && typeof d === 'object' && KITCHEN.has(d.model)) bases.push(d);
  } catch { /* seeds that are not JSON */ }
}

const INJECT = [
  `"; DROP TABLE "users"; --`, `' OR 1=1 --`, `'); SELECT pg_sleep(10); --`, `$1`, `$2::text`,
  `\\`, `"`, `'`, `%`, `_`, `*/ SELECT 1 /*`, `-- comment`, `users" WHERE 1=1 --`,
  `t1.*`, `prisma_row`, `public.users`, `" || pg_read_file('/etc/passwd') || "`, `E'\\x00'`,
  `\u202e`, `😀`, ' '.repeat(3), '', 'a'.repeat(70),
];
const INJECT_NAME = INJECT.filter((s) => s !== '');	// a name that changes
const HUGE = ['1e400', '-1e400', '1e-400', '99999999999999999999', '-99999999999999999999',
  '-9223372036854775808', '9223372036854775808', '2147483648', '-2147483649', '1.5', '-0',
  '1E+2', '123456789012345678901234567890.123456789'];
// keys under which values (not arguments) live: a key added there may be valid
const VALUE_KEYS = new Set(['equals', 'not', 'has', 'hasSome', 'hasEvery', 'array_contains',
  'array_starts_with', 'array_ends_with', 'in', 'notIn', 'path', 'lt', 'lte', 'gt', 'gte',
  'string_contains', 'string_starts_with', 'string_ends_with', 'json', 'meta', 'data']);

// every node of a document: [parent, key, value, underValue]
function nodes(v, parent = null, key = null, underValue = false, out = []) {
  out.push([parent, key, v, underValue]);
  if (Array.isArray(v)) v.forEach((x, i) => nodes(x, v, i, underValue, out));
  else if (v && typeof v === 'object')
    for (const k of Object.keys(v)) nodes(v[k], v, k, underValue || VALUE_KEYS.has(k), out);
  return out;
}
const clone = (x) => JSON.parse(JSON.stringify(x));
const RAW = '\u0001RAW';		// a raw number token spliced into the text
const raw = (s) => `${RAW}${s}${RAW}`;
const text = (d) => JSON.stringify(d).replace(new RegExp(`"${RAW}(.*?)${RAW}"`, 'g'), '$1');

// one mutation of a document: [name, expect, document or text]
const docMutations = [
  ['wrong-kind', 'any', (d) => {
    const [p, k] = pick(nodes(d).filter((n) => n[0]));
    p[k] = pick([0, -1, 1.5, 'x', true, false, null, [], {}, [null], { _ref: 'id' }]);
    return d;
  }],
  ['huge-number', 'any', (d) => {
    const [p, k] = pick(nodes(d).filter((n) => n[0]));
    p[k] = raw(pick(HUGE));
    return d;
  }],
  ['nul-in-key', 'fail', (d) => {
    const objs = nodes(d).filter((n) => n[2] && typeof n[2] === 'object' && !Array.isArray(n[2])
      && Object.keys(n[2]).length && !n[3]);
    const [, , o] = pick(objs);
    const k = pick(Object.keys(o));
    const v = o[k];
    delete o[k];
    o[k + '\u0000' + pick(['x', '', 'id'])] = v;
    return d;
  }],
  ['nul-in-model', 'fail', (d) => { d.model = d.model + '\u0000x'; return d; }],
  ['nul-in-string', 'fail', (d) => {
    const strs = nodes(d).filter((n) => n[0] && typeof n[2] === 'string');
    if (!strs.length) return null;
    const [p, k, s] = pick(strs);
    p[k] = s.slice(0, 1) + '\u0000' + s.slice(1);
    return d;
  }],
  ['deep-nesting', 'fail', (d) => {
    const depth = pick([20, 200, 2000]);
    let v = pick([1, 'x', {}]);
    for (let i = 0; i < depth; i++) v = pick([[v], { a: v }]);
    d.args = { ...(d.args || {}), where: { AND: v } };
    return d;
  }],
  ['deep-relations', 'fail', (d) => {
    let inc = true;
    for (let i = 0; i < pick([17, 40, 150]); i++) inc = { include: { [i % 2 ? 'author' : 'posts']: inc } };
    return { model: 'User', operation: 'findMany', args: { include: { posts: inc } } };
  }],
  ['huge-array', 'any', (d) => {
    const n = pick([1000, 10000, 60000]);
    const item = pick([1, 'x', null, 1.5]);
    return { model: 'User', operation: 'findMany',
      args: { where: { [pick(['id', 'email', 'karma', 'role'])]: { in: Array(n).fill(item) } } } };
  }],
  ['oversized', 'fail', () => ({ model: 'User', operation: 'findMany',
    args: { where: { email: 'x'.repeat(1100000) } } })],
  ['unknown-key', 'fail', (d) => {
    const objs = nodes(d).filter((n) => n[2] && typeof n[2] === 'object' && !Array.isArray(n[2]) && !n[3]);
    const [, , o] = pick(objs);
    o[pick(['bogus', 'whereX', '__proto__x', 'Where', 'select ', '_count_', '$where'])] = pick([true, {}, 1]);
    return d;
  }],
  ['inject-key', 'fail', (d) => {
    const objs = nodes(d).filter((n) => n[2] && typeof n[2] === 'object' && !Array.isArray(n[2])
      && Object.keys(n[2]).length && !n[3]);
    const [, , o] = pick(objs);
    const k = pick(Object.keys(o));
    const v = o[k];
    delete o[k];
    o[pick([k + pick(INJECT_NAME), pick(INJECT_NAME)])] = v;
    return d;
  }],
  ['inject-model', 'fail', (d) => { d.model = pick([d.model + pick(INJECT_NAME), pick(INJECT_NAME)]); return d; }],
  ['inject-operation', 'fail', (d) => { d.operation = pick(INJECT_NAME); return d; }],
  ['inject-value', 'any', (d) => {
    const strs = nodes(d).filter((n) => n[0] && typeof n[2] === 'string' && !['model', 'operation'].includes(n[1]));
    const [p, k] = strs.length ? pick(strs) : pick(nodes(d).filter((n) => n[0]));
    p[k] = pick(INJECT);
    return d;
  }],
  ['top-level', 'fail', () => raw(pick(['null', '123', '"x"', '[]', 'true', '[{"model":"User"}]']))],
  ['missing-member', 'fail', (d) => { delete d[pick(['model', 'operation'])]; return d; }],
];

// large inputs (about 100 kB and more) are a few per run, not a share of it
const HEAVY = new Set(['huge-array', 'oversized', 'deep-nesting', 'deep-relations', 'huge-name', 'many-models', 'deep-parens']);
const pickMutation = (list) => {
  for (;;) {
    const m = pick(list);
    if (!HEAVY.has(m[0]) || rand() < (m[0] === 'oversized' ? 0.004 : 0.03)) return m;
  }
};

function mutateDoc() {
  const base = clone(pick(bases));
  const [name, expect, fn] = pickMutation(docMutations);
  const d = fn(base);
  if (d === null) return null;
  return ['doc', expect, name, typeof d === 'string' ? d.slice(RAW.length, -RAW.length) : text(d)];
}

// schemas: line and token mutations of the kitchen-sink schema
const schema = fs.readFileSync(path.join(root, 'regress/fixtures/kitchen_sink.prisma'), 'utf8');
const lines = schema.split('\n');
const schemaMutations = [
  ['truncate', (s) => s.slice(0, Math.floor(rand() * s.length))],
  ['drop-line', () => { const l = [...lines]; l.splice(Math.floor(rand() * l.length), 1); return l.join('\n'); }],
  ['dup-line', () => { const l = [...lines]; const i = Math.floor(rand() * l.length); l.splice(i, 0, l[i]); return l.join('\n'); }],
  ['swap-chars', (s) => { const i = Math.floor(rand() * s.length); return s.slice(0, i) + pick(['{', '}', '(', ')', '"', '@', '@@', '[', ']', '?', '\\', ',', ':', '/*', '//']) + s.slice(i + 1); }],
  ['inject-name', (s) => s.replace(/model (\w+)|@map\("(\w+)"\)|@@map\("(\w+)"\)/, (m) => m.replace(/\w+(?="?\)?$)/, (w) => w + pick(INJECT).replace(/\n/g, '')))],
  ['unknown-type', (s) => s.replace(/ (String|Int|DateTime|Json)(\??) /, ` ${pick(['Strng', 'Unsupported("x")', 'Int[][]', 'Users', 'Role?[]'])} `)],
  ['deep-parens', (s) => s.replace('@default(0)', '@default(' + '('.repeat(pick([50, 5000])) + ')')],
  ['huge-name', (s) => s.replace('model Profile', 'model P' + 'r'.repeat(pick([64, 100, 100000])))],
  ['many-models', () => Array.from({ length: pick([200, 2000]) }, (_, i) => `model M${i} {\n  id Int @id\n}`).join('\n')],
  ['bad-relation', (s) => s.replace(/references: \[id\]/, `references: [${pick(['nope', '', 'id, id', 'email'])}]`)],
];
function mutateSchema() {
  const [name, fn] = pickMutation(schemaMutations);
  return ['schema', 'any', name, fn(schema)];
}

const out = bases.map((b) => ['base', 'any', 'base', JSON.stringify(b)]);
for (let i = 0; i < ndocs; i++) { const m = mutateDoc(); if (m) out.push(m); }
for (let i = 0; i < nschemas; i++) out.push(mutateSchema());
for (const [kind, expect, name, t] of out)
  process.stdout.write(`${kind}\t${expect}\t${name}\t${Buffer.from(t, 'utf8').toString('base64')}\n`);
process.stderr.write(`generated ${out.length} inputs (seed ${seed}) from ${bases.length} documents\n`);
