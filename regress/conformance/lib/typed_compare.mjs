// The typed comparison of the drop-in test: two Prisma Client results as
// JavaScript values, Decimal by value, Date by time, bigint, bytes, and the
// key order of objects. Returns the first difference, or null.
import { isDecimal } from './values.mjs';

function kind(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Date) return 'Date';
  if (v instanceof Uint8Array) return 'Uint8Array';
  if (isDecimal(v)) return 'Decimal';
  return typeof v;
}

function show(v) {
  const s = JSON.stringify(v, (k, x) => (typeof x === 'bigint' ? `${x}n` : x));
  return s === undefined ? String(v) : (s.length > 200 ? s.slice(0, 200) + '…' : s);
}

export function typedDifference(a, b, path = '$') {
  const ka = kind(a);
  const kb = kind(b);
  if (ka !== kb) return `${path}: prisma ${show(a)} (${ka}) vs extension ${show(b)} (${kb})`;
  switch (ka) {
    case 'Date':
      return a.getTime() === b.getTime() || (Number.isNaN(a.getTime()) && Number.isNaN(b.getTime())) ? null : `${path}: ${a.toISOString()} vs ${b.toISOString()}`;
    case 'Decimal':
      return a.equals(b) ? null : `${path}: Decimal ${a} vs ${b}`;
    case 'Uint8Array':
      return Buffer.from(a).equals(Buffer.from(b)) ? null : `${path}: bytes differ`;
    case 'array': {
      if (a.length !== b.length) return `${path}: ${a.length} elements vs ${b.length}`;
      for (let i = 0; i < a.length; i++) {
        const d = typedDifference(a[i], b[i], `${path}[${i}]`);
        if (d) return d;
      }
      return null;
    }
    case 'object': {
      const ka2 = Object.keys(a);
      const kb2 = Object.keys(b);
      if (ka2.join('\u0000') !== kb2.join('\u0000')) return `${path}: keys ${ka2.join(',')} vs ${kb2.join(',')}`;
      for (const k of ka2) {
        const d = typedDifference(a[k], b[k], `${path}.${k}`);
        if (d) return d;
      }
      return null;
    }
    default:
      return Object.is(a, b) ? null : `${path}: ${show(a)} vs ${show(b)}`;
  }
}
