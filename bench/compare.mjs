// Shared by the benchmark harnesses (run.mjs, shapes.mjs): medians, number
// formatting, and the canonical form of results in which contenders are
// compared.

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : NaN;
};
export const fmt = (ms) => (Number.isFinite(ms) ? (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)) : "-");

// a canonical form: Dates as ISO strings, bigints as strings, objects with
// sorted keys, lists without orderBy sorted by id, lists with orderBy sorted
// by their orderBy keys then id (ties may come back in any order)
export function normalize(value, args = {}) {
  if (Array.isArray(value)) {
    const items = value.map((v) => normalize(v, args));
    const keys = orderKeys(args.orderBy);
    items.sort((a, b) => {
      for (const [k, dir] of keys) {
        if (a[k] < b[k]) return dir === "desc" ? 1 : -1;
        if (a[k] > b[k]) return dir === "desc" ? -1 : 1;
      }
      return (a.id ?? 0) - (b.id ?? 0);
    });
    return items;
  }
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return String(value);
  if (value && typeof value === "object") {
    if (typeof value.toFixed === "function" && typeof value.d !== "undefined") return value.toString(); // Decimal
    const out = {};
    for (const k of Object.keys(value).sort()) {
      const sub = args.include?.[k] ?? args.select?.[k];
      out[k] = normalize(value[k], typeof sub === "object" ? sub : {});
    }
    return out;
  }
  return value;
}

// orderBy as [field, direction] pairs, compared with JavaScript's < on strings;
// lists are compared for membership only, so collation does not matter
function orderKeys(orderBy) {
  if (!orderBy) return [];
  return (Array.isArray(orderBy) ? orderBy : [orderBy]).flatMap((o) => Object.entries(o));
}

// the first path where two canonical values differ, or null
export function firstDiff(a, b, p = "$") {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null)) return `${p}: ${brief(a)} vs ${brief(b)}`;
  if (Array.isArray(a)) {
    if (a.length !== b.length) return `${p}: ${a.length} records vs ${b.length}`;
    for (let i = 0; i < a.length; i++) { const d = firstDiff(a[i], b[i], `${p}[${i}]`); if (d) return d; }
    return null;
  }
  if (a && typeof a === "object") {
    const ka = Object.keys(a).join(","), kb = Object.keys(b).join(",");
    if (ka !== kb) return `${p}: fields {${ka}} vs {${kb}}`;
    for (const k of Object.keys(a)) { const d = firstDiff(a[k], b[k], `${p}.${k}`); if (d) return d; }
    return null;
  }
  return a === b ? null : `${p}: ${brief(a)} vs ${brief(b)}`;
}
const brief = (v) => { const s = JSON.stringify(v); return s && s.length > 60 ? s.slice(0, 57) + "..." : s; };
