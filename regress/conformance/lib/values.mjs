import { delegateName } from './psl.mjs';

// Values in corpus and generated queries. Queries are written in the JSON
// form that prisma_query receives (docs/design.md, "Output encoding":
// BigInt and Decimal as digit strings, DateTime as ISO strings, Bytes as
// base64). Prisma Client needs a JS bigint for BigInt and a Uint8Array for
// Bytes, so those two are written as markers and turned into the right
// value for each side.

const MARK = '$conformance';

// A BigInt argument: bigint for Prisma, digit string for prisma_query.
export function big(digits) {
  return { [MARK]: 'BigInt', value: String(digits) };
}

// A Bytes argument: Uint8Array for Prisma, base64 for prisma_query.
export function bytes(base64) {
  return { [MARK]: 'Bytes', value: base64 };
}

// A field reference (prisma.<model>.fields.<field>): the client's FieldRef
// for Prisma, {_ref, _container} for prisma_query (Prisma's JSON form).
export function ref(model, field) {
  return { [MARK]: 'FieldRef', model, field };
}

// The client whose field references toPrisma hands out (set per fixture).
let refClient = null;
export function useClient(client) {
  refClient = client;
}

function isMarker(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && MARK in v;
}

// The arguments as Prisma Client takes them.
export function toPrisma(v) {
  if (isMarker(v)) {
    if (v[MARK] === 'BigInt') return BigInt(v.value);
    if (v[MARK] === 'FieldRef') return refClient[delegateName(v.model)].fields[v.field];
    return new Uint8Array(Buffer.from(v.value, 'base64'));
  }
  if (Array.isArray(v)) return v.map(toPrisma);
  if (v !== null && typeof v === 'object') {
    const out = {};
    for (const [k, x] of Object.entries(v)) out[k] = toPrisma(x);
    return out;
  }
  return v;
}

// The arguments as prisma_query takes them (plain JSON).
export function toJson(v) {
  if (isMarker(v) && v[MARK] === 'FieldRef') return { _ref: v.field, _container: v.model };
  if (isMarker(v)) return v.value;
  if (Array.isArray(v)) return v.map(toJson);
  if (v !== null && typeof v === 'object') {
    const out = {};
    for (const [k, x] of Object.entries(v)) out[k] = toJson(x);
    return out;
  }
  return v;
}

// A value read from a Prisma result, back into a query literal.
export function literal(v) {
  if (Array.isArray(v)) return v.map(literal);
  if (typeof v === 'bigint') return big(v.toString());
  if (v instanceof Uint8Array) return bytes(Buffer.from(v).toString('base64'));
  if (v instanceof Date) return v.toISOString();
  if (v !== null && typeof v === 'object' && isDecimal(v)) return v.toFixed();
  return v;
}

// Whether v is a Prisma Decimal (decimal.js instance).
export function isDecimal(v) {
  return v !== null && typeof v === 'object' && typeof v.toFixed === 'function'
    && Array.isArray(v.d) && typeof v.e === 'number' && typeof v.s === 'number';
}
