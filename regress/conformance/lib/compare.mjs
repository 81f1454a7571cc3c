// Normalizing Prisma Client results to the JSON form of docs/design.md,
// "Output encoding", and a deep comparison that reports the first
// difference: object keys compared as sets (order ignored), arrays element
// by element (order significant).

import { isDecimal } from './values.mjs';

// Prisma's value in the JSON form that prisma_query returns.
export function normalize(v) {
  if (v === undefined) return undefined;
  if (v === null) return null;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN';
    if (v === Infinity) return 'Infinity';
    if (v === -Infinity) return '-Infinity';
    return v;
  }
  if (typeof v !== 'object') return v;
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  // Decimal's own string (what JSON.stringify gives): exact digits, no
  // trailing zeros, exponent form below 1e-7 and from 1e21 (decimal.js)
  if (isDecimal(v)) return v.toString();
  if (Array.isArray(v)) return v.map(normalize);
  const out = {};
  for (const [k, x] of Object.entries(v)) out[k] = normalize(x);
  return out;
}

function kind(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function pathKey(path, k) {
  return /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`;
}

function show(v) {
  const s = JSON.stringify(v);
  return s === undefined ? 'undefined' : (s.length > 200 ? s.slice(0, 200) + '…' : s);
}

// The first difference between a (Prisma) and b (prisma_query), or null.
export function firstDifference(a, b, path = '$') {
  const ka = kind(a);
  const kb = kind(b);
  if (ka !== kb) return `${path}: prisma ${show(a)} (${ka}) vs prisma_query ${show(b)} (${kb})`;
  if (ka === 'array') {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    if (a.length !== b.length) {
      return `${path}: prisma has ${a.length} elements, prisma_query ${b.length}`
        + (a.length > n ? `; first extra in prisma: ${show(a[n])}` : `; first extra in prisma_query: ${show(b[n])}`);
    }
    return null;
  }
  if (ka === 'object') {
    const keysA = Object.keys(a).sort();
    const keysB = Object.keys(b).sort();
    const onlyA = keysA.filter((k) => !(k in b));
    const onlyB = keysB.filter((k) => !(k in a));
    if (onlyA.length || onlyB.length) {
      return `${path}: keys only in prisma ${show(onlyA)}, only in prisma_query ${show(onlyB)}`;
    }
    for (const k of keysA) {
      const d = firstDifference(a[k], b[k], pathKey(path, k));
      if (d) return d;
    }
    return null;
  }
  if (a !== b) return `${path}: prisma ${show(a)} vs prisma_query ${show(b)}`;
  return null;
}
