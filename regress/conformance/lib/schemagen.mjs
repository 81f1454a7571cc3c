// Random Prisma schemas for the differential test (schemas.mjs): models of
// scalar and native types, lists, optional fields, enums with and without
// @map/@@map, every relation kind (one-to-many, one-to-one on either side,
// through a compound unique, self relations, implicit and named
// many-to-many, several relations between two models), @map/@@map with
// SQL keywords and names that need quoting, Unsupported and @ignore fields,
// @@ignore models, views (a model's id as @unique), models of more than 100
// fields, multi-schema and relationMode = "prisma". For each schema: its text, the
// tables as `prisma db push` creates them (SQL), and rows with NULLs,
// extremes and awkward text. Schema n depends only on n.

// mulberry32
function rng32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MODEL_NAMES = ['order', 'user', 'select', 'Group', 'Item', 'Tag', 'Account', 'table', 'Node', 'Event'];
const FIELD_NAMES = ['name', 'order', 'select', 'group', 'desc', 'limit', 'title', 'score', 'amount', 'at',
  'flag', 'note', 'code', 'data', 'blob', 'level', 'kind', 'label', 'size', 'count2', 'when2', 'value'];
const MAPPED = ['group name', 'select', 'Order', 'user id', 'from', 'x-y'];

// Prisma type, native attribute, SQL column type; list: may be a list.
const TYPES = [
  { t: 'String', sql: 'TEXT', list: true },
  { t: 'String', db: '@db.VarChar(24)', sql: 'VARCHAR(24)', list: true },
  { t: 'String', db: '@db.Char(6)', sql: 'CHAR(6)', list: true, char: 6 },
  { t: 'String', db: '@db.Uuid', sql: 'UUID', list: true, uuid: true },
  { t: 'String', db: '@db.Citext', sql: 'CITEXT' },
  { t: 'String', db: '@db.Inet', sql: 'INET', list: true, inet: true },
  { t: 'String', db: '@db.Bit(4)', sql: 'BIT(4)', list: true, bit: 4 },
  { t: 'String', db: '@db.VarBit(6)', sql: 'VARBIT(6)', list: true, varbit: 6 },
  { t: 'String', db: '@db.Xml', sql: 'XML', xml: true },
  { t: 'String', db: '@db.Text', sql: 'TEXT' },
  { t: 'Int', sql: 'INTEGER', list: true },
  { t: 'Int', db: '@db.SmallInt', sql: 'SMALLINT', list: true, small: true },
  { t: 'Int', db: '@db.Oid', sql: 'OID', list: true, oid: true },
  { t: 'Int', db: '@db.Integer', sql: 'INTEGER' },
  { t: 'BigInt', sql: 'BIGINT', list: true },
  { t: 'Float', sql: 'DOUBLE PRECISION', list: true },
  { t: 'Float', db: '@db.Real', sql: 'REAL', list: true, real: true },
  { t: 'Float', db: '@db.DoublePrecision', sql: 'DOUBLE PRECISION', list: true },
  { t: 'Decimal', sql: 'DECIMAL(65,30)', list: true },
  { t: 'Decimal', db: '@db.Decimal(12,3)', sql: 'DECIMAL(12,3)', list: true, scale: 3 },
  { t: 'Decimal', db: '@db.Money', sql: 'MONEY', list: true, money: true },
  { t: 'Boolean', sql: 'BOOLEAN', list: true },
  { t: 'DateTime', sql: 'TIMESTAMP(3)', list: true },
  { t: 'DateTime', db: '@db.Timestamptz(3)', sql: 'TIMESTAMPTZ(3)', list: true },
  { t: 'DateTime', db: '@db.Timestamp(6)', sql: 'TIMESTAMP(6)' },
  { t: 'DateTime', db: '@db.Date', sql: 'DATE', list: true, date: true },
  { t: 'DateTime', db: '@db.Time(3)', sql: 'TIME(3)', list: true, time: true },
  { t: 'DateTime', db: '@db.Timetz(3)', sql: 'TIMETZ(3)', time: true },
  { t: 'Json', sql: 'JSONB', list: true },
  { t: 'Json', db: '@db.Json', sql: 'JSON' },
  { t: 'Json', db: '@db.JsonB', sql: 'JSONB' },
  // (Bytes lists: Prisma's hasEvery/hasSome on them match nothing)
  { t: 'Bytes', sql: 'BYTEA' },
];

// the plain types of ids and keys
const plain = (t) => TYPES.find((x) => x.t === t && !x.db);
const INT = plain('Int');
const TEXT = plain('String');
const BIGINT = plain('BigInt');
const UUID = TYPES.find((x) => x.uuid);

const TEXTS = ['', ' ', 'plain', "O'Reilly", 'a"b\\c', 'naïve café', '日本語', 'emoji 😀', 'tab\there', 'line\nbreak',
  'MiXeD', 'mixed', 'zz', 'A', 'trailing  ', '%_\\'];

function q(name) {
  return `"${name.replace(/"/g, '""')}"`;
}

function lit(s) {
  return `'${String(s).replace(/'/g, "''")}'`;
}

class SchemaGen {
  constructor(n) {
    this.rand = rng32(0x5eed + n * 7919);
    this.n = n;
  }

  chance(p) { return this.rand() < p; }
  int(lo, hi) { return lo + Math.floor(this.rand() * (hi - lo + 1)); }
  pick(list) { return list[Math.floor(this.rand() * list.length)]; }

  build() {
    this.multi = this.chance(0.3);
    this.relationMode = this.chance(0.25) ? 'prisma' : null;
    this.schemas = this.multi ? ['public', `s${this.n}b`] : [];
    this.enums = [];
    for (let e = this.int(0, 2); e > 0; e--) this.enums.push(this.makeEnum(this.enums.length));
    const names = [...MODEL_NAMES].sort(() => this.rand() - 0.5).slice(0, this.int(2, 4));
    this.models = names.map((name) => this.makeModel(name));
    this.relations = [];
    this.makeRelations();
    if (this.chance(0.15)) this.widen(this.pick(this.models));
    this.views = this.models.filter((m) => m.id.length === 1 && this.chance(0.2)).map((m) => this.makeView(m));
    this.ignoredModel = this.chance(0.2) ? { name: 'Legacy', table: 'Legacy', schema: this.multi ? this.pick(this.schemas) : null } : null;
    return this;
  }

  // More than 100 fields: objects written by the record form.
  widen(m) {
    for (let i = 0; i < 100; i++) {
      const type = this.pick(TYPES);
      const list = type.list && this.chance(0.1);
      m.fields.push({ name: `w${i}`, type, list, required: list || this.chance(0.3) });
    }
  }

  // A view over a model's table: its id as @unique, some of its fields.
  makeView(m) {
    const base = m.fields.filter((f) => !f.fk && !f.isId);
    const fields = [{ ...m.fields.find((f) => f.isId), isId: false, unique: true },
      ...base.filter(() => this.chance(0.5)).slice(0, 4)];
    const name = `${m.name[0].toUpperCase()}${m.name.slice(1)}View`;
    return { name, table: this.chance(0.3) ? `${m.table} view` : name, base: m, fields,
      schema: this.multi ? this.pick(this.schemas) : null };
  }

  makeEnum(i) {
    const name = `Kind${i}`;
    const values = [];
    for (let v = 0, nv = this.int(2, 4); v < nv; v++) {
      const vname = ['ALPHA', 'BETA', 'GAMMA', 'DELTA'][v];
      values.push({ name: vname, db: this.chance(0.4) ? ['alpha one', 'b', 'Gamma!', 'delta'][v] : vname });
    }
    return { name, db: this.chance(0.4) ? `kind_${i}_t` : name, values, schema: this.multi ? this.pick(this.schemas) : null };
  }

  makeModel(name) {
    const m = { name, table: name, fields: [], uniques: [], schema: this.multi ? this.pick(this.schemas) : null };
    if (this.chance(0.3)) m.table = this.pick(['group name', `${name}s`, 'Select', `t_${name}`]);
    // (Prisma: one table name per model, whatever the case)
    if ((this.tables ||= new Set()).has(m.table.toLowerCase())) m.table = name;
    this.tables.add(m.table.toLowerCase());
    const idKind = this.pick(['int', 'int', 'uuid', 'text', 'bigint', 'compound']);
    m.idKind = idKind;
    if (idKind === 'compound') {
      m.fields.push({ name: 'ka', type: INT, required: true });
      m.fields.push({ name: 'kb', type: TEXT, required: true });
      m.id = ['ka', 'kb'];
    } else {
      const type = { int: INT, uuid: UUID, text: TEXT, bigint: BIGINT }[idKind];
      m.fields.push({ name: 'id', type, required: true, isId: true });
      m.id = ['id'];
    }
    const used = new Set(m.fields.map((f) => f.name));
    for (let i = this.int(3, 8); i > 0; i--) {
      const fname = this.pick(FIELD_NAMES);
      if (used.has(fname)) continue;
      used.add(fname);
      const f = { name: fname, required: this.chance(0.5) };
      if (this.enums.length && this.chance(0.15)) f.enum = this.pick(this.enums);
      else f.type = this.pick(TYPES);
      f.list = (f.enum || f.type.list) && this.chance(0.2);
      if (f.list) f.required = true;
      if (this.chance(0.2)) f.map = this.pick(MAPPED);
      // uniques of every type with a btree equality (not Json, Xml, bits)
      if (!f.list && f.type && !['Json', 'Boolean'].includes(f.type.t) && !f.type.bit && !f.type.varbit
        && !f.type.xml && this.chance(0.15)) f.unique = true;
      // one column name per field, whatever the case (Prisma compares them so)
      const col = (g) => (g.map || g.name).toLowerCase();
      if (f.map && m.fields.some((g) => col(g) === f.map.toLowerCase())) delete f.map;
      if (m.fields.some((g) => col(g) === col(f))) continue;
      m.fields.push(f);
    }
    // a compound unique over two required non-list scalar fields
    const cand = m.fields.filter((f) => f.required && !f.list && !m.id.includes(f.name) && f.type && ['Int', 'String'].includes(f.type.t)
      && !f.type.bit && !f.type.varbit && !f.type.inet && !f.type.xml);
    if (cand.length >= 2 && this.chance(0.6)) {
      m.uniques.push({ fields: [cand[0].name, cand[1].name], name: this.chance(0.5) ? `${cand[0].name}_${cand[1].name}` : 'pair' });
    }
    m.unsupported = this.chance(0.2);
    m.ignored = this.chance(0.2);
    return m;
  }

  // Relation fields and the foreign key columns they need.
  makeRelations() {
    const ms = this.models;
    for (let r = this.int(1, 4); r > 0; r--) {
      const parent = this.pick(ms);
      const child = this.chance(0.2) ? parent : this.pick(ms);
      const kind = this.pick(['many', 'many', 'one', 'm2m', 'compound', 'compound']);
      const name = `R${this.relations.length}`;
      if (kind === 'm2m') {
        if (parent.id.length !== 1 || child.id.length !== 1) continue;
        this.relations.push({ kind, name, a: parent, b: child, named: this.chance(0.5) || parent === child
          || this.relations.some((x) => x.kind === 'm2m') });
        continue;
      }
      let refs = parent.id;
      if (kind === 'compound') {
        if (!parent.uniques.length) continue;
        refs = parent.uniques[0].fields;
      }
      const optional = parent === child || kind === 'one' || this.chance(0.5);
      const fk = refs.map((ref) => {
        const rf = parent.fields.find((f) => f.name === ref);
        return { name: `${name.toLowerCase()}${ref[0].toUpperCase()}${ref.slice(1)}`, type: rf.type, required: !optional, fk: true };
      });
      child.fields.push(...fk);
      this.relations.push({ kind: kind === 'one' ? 'one' : 'many', name, parent, child, fk, refs, optional });
    }
  }

  fieldLine(f) {
    const type = f.enum ? f.enum.name : f.type.t;
    const mod = f.list ? '[]' : f.required ? '' : '?';
    const attrs = [];
    if (f.isId) attrs.push('@id');
    if (f.unique) attrs.push('@unique');
    if (f.map) attrs.push(`@map(${JSON.stringify(f.map)})`);
    if (f.type && f.type.db) attrs.push(f.type.db);
    return `  ${f.name} ${type}${mod} ${attrs.join(' ')}`.trimEnd();
  }

  // The schema text; readable: without what Prisma Client cannot read
  // (Unsupported and @ignore fields, @@ignore models), for lib/psl.mjs.
  prisma(readable = false) {
    const features = ['fullTextSearchPostgres', ...(this.views.length ? ['views'] : [])];
    const out = [
      'generator client {', '  provider        = "prisma-client"', '  output          = "./client"',
      `  previewFeatures = [${features.map((x) => JSON.stringify(x)).join(', ')}]`, '}',
      'datasource db {', '  provider = "postgresql"',
      ...(this.multi ? [`  schemas  = [${this.schemas.map((s) => JSON.stringify(s)).join(', ')}]`] : []),
      ...(this.relationMode ? ['  relationMode = "prisma"'] : []), '}'];
    for (const e of this.enums) {
      out.push(`enum ${e.name} {`);
      for (const v of e.values) out.push(`  ${v.name}${v.db !== v.name ? ` @map(${JSON.stringify(v.db)})` : ''}`);
      if (e.db !== e.name) out.push(`  @@map(${JSON.stringify(e.db)})`);
      if (e.schema) out.push(`  @@schema(${JSON.stringify(e.schema)})`);
      out.push('}');
    }
    for (const m of this.models) {
      out.push(`model ${m.name} {`);
      for (const f of m.fields) out.push(this.fieldLine(f));
      for (const r of this.relations) {
        if (r.kind === 'm2m') {
          const attr = r.named ? ` @relation(${JSON.stringify(r.name)})` : '';
          if (r.a === m) out.push(`  ${r.name.toLowerCase()}B ${r.b.name}[]${attr}`);
          if (r.b === m) out.push(`  ${r.name.toLowerCase()}A ${r.a.name}[]${attr}`);
          continue;
        }
        if (r.child === m) {
          out.push(`  ${r.name.toLowerCase()}Parent ${r.parent.name}${r.optional ? '?' : ''} @relation(${JSON.stringify(r.name)}, `
            + `fields: [${r.fk.map((f) => f.name).join(', ')}], references: [${r.refs.join(', ')}]`
            + `${this.relationMode ? ', onDelete: Restrict, onUpdate: Restrict' : ''})`);
        }
        if (r.parent === m) {
          out.push(`  ${r.name.toLowerCase()}Kids ${r.child.name}${r.kind === 'one' ? '?' : '[]'} @relation(${JSON.stringify(r.name)})`);
        }
      }
      if (m.unsupported && !readable) out.push('  spot Unsupported("point")?');
      if (m.ignored && !readable) out.push('  legacy Int? @ignore');
      if (m.id.length > 1) out.push(`  @@id([${m.id.join(', ')}])`);
      for (const u of m.uniques) out.push(`  @@unique([${u.fields.join(', ')}], name: ${JSON.stringify(u.name)})`);
      for (const r of this.relations) {
        if (r.kind === 'one' && r.child === m) out.push(`  @@unique([${r.fk.map((f) => f.name).join(', ')}])`);
      }
      if (m.table !== m.name) out.push(`  @@map(${JSON.stringify(m.table)})`);
      if (m.schema) out.push(`  @@schema(${JSON.stringify(m.schema)})`);
      out.push('}');
    }
    for (const v of this.views) {
      out.push(`view ${v.name} {`);
      for (const f of v.fields) out.push(this.fieldLine(f));
      if (v.table !== v.name) out.push(`  @@map(${JSON.stringify(v.table)})`);
      if (v.schema) out.push(`  @@schema(${JSON.stringify(v.schema)})`);
      out.push('}');
    }
    const g = this.ignoredModel;
    if (g && !readable) {
      out.push(`model ${g.name} {`, '  id   Int     @id', '  note String?', '  @@ignore');
      if (g.schema) out.push(`  @@schema(${JSON.stringify(g.schema)})`);
      out.push('}');
    }
    return `${out.join('\n')}\n`;
  }

  tableName(m) {
    return m.schema ? `${q(m.schema)}.${q(m.table)}` : q(m.table);
  }

  colType(f) {
    if (f.enum) return (f.enum.schema ? `${q(f.enum.schema)}.` : '') + q(f.enum.db) + (f.list ? '[]' : '');
    return f.type.sql + (f.list ? '[]' : '');
  }

  // The tables as prisma db push creates them (foreign keys: fks()).
  ddl() {
    const out = ['CREATE EXTENSION IF NOT EXISTS citext'];
    for (const s of this.schemas) if (s !== 'public') out.push(`CREATE SCHEMA ${q(s)}`);
    for (const e of this.enums) {
      out.push(`CREATE TYPE ${e.schema ? `${q(e.schema)}.` : ''}${q(e.db)} AS ENUM (${e.values.map((v) => lit(v.db)).join(', ')})`);
    }
    for (const m of this.models) {
      const cols = m.fields.map((f) => `${q(f.map || f.name)} ${this.colType(f)}${f.required && !f.list ? ' NOT NULL' : ''}`);
      if (m.unsupported) cols.push('"spot" point');
      if (m.ignored) cols.push('"legacy" INTEGER');
      cols.push(`CONSTRAINT ${q(`${m.table}_pkey`)} PRIMARY KEY (${m.id.map((k) => q(this.col(m, k))).join(', ')})`);
      out.push(`CREATE TABLE ${this.tableName(m)} (${cols.join(', ')})`);
      for (const f of m.fields) if (f.unique) out.push(`CREATE UNIQUE INDEX ON ${this.tableName(m)} (${q(f.map || f.name)})`);
      for (const u of m.uniques) out.push(`CREATE UNIQUE INDEX ON ${this.tableName(m)} (${u.fields.map((k) => q(this.col(m, k))).join(', ')})`);
    }
    for (const v of this.views) {
      out.push(`CREATE VIEW ${this.tableName(v)} AS SELECT ${v.fields.map((f) => q(f.map || f.name)).join(', ')} FROM ${this.tableName(v.base)}`);
    }
    const g = this.ignoredModel;
    if (g) {
      out.push(`CREATE TABLE ${this.tableName(g)} ("id" INTEGER NOT NULL, "note" TEXT, CONSTRAINT "Legacy_pkey" PRIMARY KEY ("id"))`);
      out.push(`INSERT INTO ${this.tableName(g)} VALUES (1, 'old')`);
    }
    for (const r of this.relations) {
      if (r.kind === 'm2m') {
        const [A, B] = this.m2mSides(r);
        const t = this.joinTable(r);
        const idType = (m) => m.fields.find((f) => f.name === m.id[0]).type.sql;
        out.push(`CREATE TABLE ${t} ("A" ${idType(A)} NOT NULL, "B" ${idType(B)} NOT NULL, PRIMARY KEY ("A", "B"))`);
        out.push(`CREATE INDEX ON ${t} ("B")`);
        continue;
      }
      if (r.kind === 'one') out.push(`CREATE UNIQUE INDEX ON ${this.tableName(r.child)} (${r.fk.map((f) => q(f.name)).join(', ')})`);
    }
    return out;
  }

  // The foreign keys (none with relationMode = "prisma"), made after the rows.
  fks() {
    const out = [];
    for (const r of this.relations) {
      if (this.relationMode) break;
      if (r.kind === 'm2m') {
        const [A, B] = this.m2mSides(r);
        const t = this.joinTable(r);
        out.push(`ALTER TABLE ${t} ADD FOREIGN KEY ("A") REFERENCES ${this.tableName(A)} (${q(this.col(A, A.id[0]))}) ON DELETE CASCADE`);
        out.push(`ALTER TABLE ${t} ADD FOREIGN KEY ("B") REFERENCES ${this.tableName(B)} (${q(this.col(B, B.id[0]))}) ON DELETE CASCADE`);
      } else {
        out.push(`ALTER TABLE ${this.tableName(r.child)} ADD FOREIGN KEY (${r.fk.map((f) => q(f.name)).join(', ')}) `
          + `REFERENCES ${this.tableName(r.parent)} (${r.refs.map((k) => q(this.col(r.parent, k))).join(', ')})`);
      }
    }
    return out;
  }

  col(m, name) {
    const f = m.fields.find((x) => x.name === name);
    return f.map || f.name;
  }

  // Model A and B of an implicit many-to-many (A sorts first by name).
  m2mSides(r) {
    return r.a.name <= r.b.name ? [r.a, r.b] : [r.b, r.a];
  }

  joinTable(r) {
    const [A, B] = this.m2mSides(r);
    const name = r.named ? `_${r.name}` : `_${A.name}To${B.name}`;
    return A.schema ? `${q(A.schema)}.${q(name)}` : q(name);
  }

  // One random value of a field, as an SQL literal.
  value(f, rowIndex) {
    if (f.enum) return this.enumValue(f.enum);
    const t = f.type;
    switch (t.t) {
      case 'String':
        if (t.uuid) return lit(`${String(rowIndex).padStart(8, '0')}-0000-4000-8000-${String(this.int(0, 999999999999)).padStart(12, '0')}`);
        if (t.xml) return lit(this.pick(['<a>x</a>', '<b/>', 'plain text', '<c k="v">é</c>', '']));
        if (t.inet) return lit(this.pick(['10.0.0.1', '192.168.1.0/24', '::1', '127.0.0.1', '2001:db8::1']));
        if (t.bit) return `B'${[...Array(t.bit)].map(() => this.int(0, 1)).join('')}'`;
        if (t.varbit) return `B'${[...Array(this.int(0, t.varbit))].map(() => this.int(0, 1)).join('')}'`;
        if (t.char) return lit([...this.pick(TEXTS)].slice(0, t.char).join('').replace(/\s+$/, '') || 'c');
        if (t.sql.startsWith('VARCHAR')) return lit([...this.pick(TEXTS)].slice(0, 24).join(''));
        return lit(this.pick(TEXTS) + (this.chance(0.3) ? String(rowIndex) : ''));
      case 'Int':
        if (t.small) return String(this.pick([-32768, 32767, 0, 1, -1, this.int(-100, 100)]));
        if (t.oid) return String(this.pick([0, 1, 4294967295, this.int(2, 100000)]));
        return String(this.pick([-2147483648, 2147483647, 0, 1, -1, this.int(-1000, 1000), this.int(-1000, 1000)]));
      case 'BigInt':
        return `'${this.pick(['-9223372036854775808', '9223372036854775807', '0', '9007199254740993', String(this.int(-1e6, 1e6))])}'`;
      case 'Float':
        if (t.real) return String(this.pick([0, 1.5, -2.25, 3.4e38, 1e-30, this.int(-1000, 1000) / 8]));
        return this.pick(["'NaN'", "'Infinity'", "'-Infinity'", '0', '-0.5', '1.7976931348623157e308', '5e-324', '0.1', String(this.int(-1e6, 1e6) / 16)]);
      case 'Decimal':
        if (t.money) return `'${this.pick(['0', '-0.5', '1234.56', '92233720368547758.07', String(this.int(-1e5, 1e5) / 100)])}'::money`;
        if (t.scale) return this.pick(['0', '-0.001', '123456789.123', '0.5', String(this.int(-1e6, 1e6) / 1000)]);
        return this.pick(['0', '-0.000001', '12345678901234567890.123456789', '1e-20', '0.1', String(this.int(-1e6, 1e6) / 100)]);
      case 'Boolean':
        return this.pick(['true', 'false']);
      case 'DateTime':
        if (t.date) return lit(this.pick(['1970-01-01', '2024-02-29', '1999-12-31', `2020-0${this.int(1, 9)}-1${this.int(0, 9)}`]));
        if (t.time) return lit(this.pick(['00:00:00', '23:59:59.999', '12:30:00.5', `0${this.int(0, 9)}:1${this.int(0, 9)}:00`])
          + (t.sql.startsWith('TIMETZ') ? this.pick(['+00', '+02', '-05:30']) : ''));
        return lit(this.pick(['1970-01-01 00:00:00', '2024-02-29 23:59:59.999', '1900-01-01 00:00:00', `2021-0${this.int(1, 9)}-0${this.int(1, 9)} 1${this.int(0, 9)}:00:00.${this.int(100, 999)}`])
          + (t.sql.startsWith('TIMESTAMPTZ') ? '+00' : ''));
      case 'Json':
        return lit(JSON.stringify(this.pick([{ a: 1, b: 'x' }, [1, 2, 3], 'str', 42, null, { a: { b: [true, null] } }, { k: 'naïve' }, []])));
      case 'Bytes':
        return `'\\x${[...Array(this.int(0, 6))].map(() => this.int(0, 255).toString(16).padStart(2, '0')).join('')}'`;
      default:
        throw new Error(`no values for ${t.t}`);
    }
  }

  enumValue(e) {
    return `${lit(this.pick(e.values).db)}::${e.schema ? `${q(e.schema)}.` : ''}${q(e.db)}`;
  }

  listValue(f, rowIndex) {
    // (no NaN or Infinity in lists: the queries carry list values as JSON)
    const items = [...Array(this.int(0, 3))].map(() => this.value(f, rowIndex)).filter((v) => !/Infinity|NaN/.test(v));
    return `ARRAY[${items.join(', ')}]::${this.colType(f)}`;
  }

  // Rows of every model and join table, as INSERT statements.
  data() {
    const out = [];
    const keys = new Map();	// model -> rows of {field: literal} for key fields
    for (const m of this.models) {
      const rows = [];
      const nrows = this.int(3, 9);
      for (let i = 1; i <= nrows; i++) {
        const row = {};
        for (const f of m.fields) {
          if (f.fk) continue;
          if (m.id.includes(f.name)) row[f.name] = this.keyValue(f, i);
          else if (f.unique) row[f.name] = this.chance(0.2) && !f.required ? 'NULL' : this.uniqueValue(f, i);
          else if (f.list) row[f.name] = this.chance(0.15) ? "'{}'" : this.listValue(f, i);
          else if (!f.required && this.chance(0.3)) row[f.name] = 'NULL';
          else row[f.name] = this.value(f, i);
        }
        for (const u of m.uniques) for (const k of u.fields) {
          if (!m.id.includes(k)) row[k] = this.uniqueValue(m.fields.find((f) => f.name === k), i);
        }
        rows.push(row);
      }
      keys.set(m, rows);
    }
    for (const r of this.relations) {
      if (r.kind === 'm2m') continue;
      const parents = keys.get(r.parent);
      const used = new Set();
      for (const row of keys.get(r.child)) {
        let p = this.pick(parents);
        if (r.kind === 'one') {
          p = parents.find((x) => !used.has(x) && this.chance(0.7));
          if (p) used.add(p);
        }
        const dangling = this.relationMode && this.chance(0.1);
        // (a key of no row, another per dangling row: one-to-one keys are unique)
        if (dangling) this.dangled = (this.dangled || 0) + 1;
        r.fk.forEach((f, k) => {
          row[f.name] = !p || (r.optional && this.chance(0.25)) ? 'NULL'
            : dangling ? this.keyValue(f, 1000 + 10 * this.dangled + k) : p[r.refs[k]];
        });
        if (r.kind === 'one' && !p && !r.optional) throw new Error('required one-to-one without parent');
      }
    }
    for (const m of this.models) {
      for (const row of keys.get(m)) {
        const cols = Object.keys(row);
        out.push(`INSERT INTO ${this.tableName(m)} (${cols.map((c) => q(this.col(m, c))).join(', ')}) VALUES (${cols.map((c) => row[c]).join(', ')})`);
      }
    }
    for (const r of this.relations) {
      if (r.kind !== 'm2m') continue;
      const [A, B] = this.m2mSides(r);
      const seen = new Set();
      for (let i = this.int(0, 8); i > 0; i--) {
        const a = this.pick(keys.get(A))[A.id[0]];
        const b = this.pick(keys.get(B))[B.id[0]];
        if (seen.has(a + b)) continue;
        seen.add(a + b);
        out.push(`INSERT INTO ${this.joinTable(r)} ("A", "B") VALUES (${a}, ${b})`);
      }
    }
    return out;
  }

  keyValue(f, i) {
    const t = f.type;
    if (t.uuid) return lit(`${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`);
    if (t.t === 'String') return lit(i % 3 === 0 ? `key ${i} "q"` : `k${i}`);
    if (t.t === 'BigInt') return `'${i === 2 ? '9007199254740993' : i * 1000000007}'`;
    return String(i);
  }

  uniqueValue(f, i) {
    if (f.type.t === 'String' && !f.type.uuid && !f.type.inet && !f.type.char) return lit(`${this.pick(TEXTS).slice(0, 10)}#${i}`);
    if (f.type.char) return lit(`u${i}`);
    if (f.type.inet) return lit(`10.1.0.${i}`);
    if (f.type.small) return String(i - 5);
    const day = String(i).padStart(2, '0');
    if (f.type.date) return lit(`2020-01-${day}`);
    if (f.type.time) return lit(`${day}:30:00`) + (f.type.sql.startsWith('TIMETZ') ? "::timetz" : '');
    if (f.type.t === 'DateTime') return lit(`2020-01-${day} 10:00:00.5`);
    if (f.type.money) return `'${i}.25'::money`;
    if (f.type.t === 'Decimal' || f.type.t === 'Float') return `${i}.5`;
    if (f.type.t === 'Bytes') return `'\\x${day}'`;
    return this.keyValue(f, i);
  }
}

// Schema number n: { prisma (text), sql (statements: tables, rows, foreign
// keys), readable
// (the text for lib/psl.mjs: Unsupported and @ignore fields left out) }.
export function generateSchema(n) {
  const g = new SchemaGen(n).build();
  const prisma = g.prisma();
  return {
    prisma,
    sql: [...g.ddl(), ...g.data(), ...g.fks()],
    readable: g.prisma(true),
  };
}
