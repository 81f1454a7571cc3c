// Writes bench/SHAPES.md from every shapes-results/s<scale>.json present
// (docs/shape-bench.md): per scale and index mode a summary against the
// targets, then every shape, the worst ratio to Prisma's time first.
// Run: node shapes-report.mjs [results dir] [output file]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { fmt } from "./compare.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = process.argv[2] || process.env.SHAPES_RESULTS || path.join(here, "shapes-results");
const outFile = process.argv[3] || path.join(here, "SHAPES.md");
const runs = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^s.*\.json$/.test(f)).sort()
  .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"))) : [];

const MODE_TEXT = { none: "tables as `prisma db push` creates them (no index on Review.movie_id, Review.author_id, Actor.person_id)",
  fk: "an index on every foreign key column" };
const PRISMA = ["Prisma (query)", "Prisma (join)"];
const short = (st) => (st ? st.split(":")[0] : null);

// ratio of prisma_query to Prisma's time (below 1: faster): the faster
// strategy's median, or where both strategies' statements have the same
// plans the median of their rounds pooled (shapes.mjs, row.prisma);
// Infinity when prisma_query timed out, NaN when it cannot be compared
// (both Prisma strategies timed out: prisma_query's time over the
// timeout, an upper bound, flagged "bound")
function ratio(r, timeoutMs) {
  const best = r.prisma ? r.prisma.ms : Math.min(...PRISMA.filter((n) => !r.status[n]).map((n) => r.t[n]));
  if (short(r.status.prisma_query) === "timeout") return Infinity;
  if (r.status.prisma_query) return NaN;
  if (!Number.isFinite(best)) {
    if (!PRISMA.every((n) => short(r.status[n]) === "timeout")) return NaN;
    return Object.assign(new Number(r.t.prisma_query / timeoutMs), { bound: true });
  }
  return r.t.prisma_query / best;
}
const serverRatio = (r) => (Number.isFinite(r.server?.prisma_query) && Number.isFinite(r.server?.SQL) ? r.server.prisma_query / r.server.SQL : NaN);
const x = (v) => (v === Infinity ? "timeout" : Number.isFinite(+v) ? `${v.bound ? "<" : ""}${(+v).toFixed(2)}` : "-");
const cell = (r, n) => (r.status[n] ? short(r.status[n]) : fmt(r.t[n]));

const md = ["# Generated shapes benchmark", ""];
md.push("Every relation of `bench/movies.prisma` (both directions, many-to-many included) in every shape of `bench/shapes_gen.mjs`: includes at one and two levels (per-parent take/skip/orderBy/cursor/distinct/where), `_count` in select/include (filtered too), `orderBy` a relation's `_count`, relation filters, and the same filters inside count/aggregate/groupBy. Contenders: prisma_query through node-postgres, Prisma 7 Client with `relationLoadStrategy` \"query\" and \"join\" (@prisma/adapter-pg), and a hand-written set-based SQL statement generated from the shape. How it works: docs/shape-bench.md.", "");
md.push("**ratio** = prisma_query's median end-to-end time / Prisma's (below 1: prisma_query is faster; targets: none above 1.0, include shapes at 0.5 or below). **server ratio** = prisma_query's server-side time / the hand-written statement's (target: none over 10, marked ⚠). \"timeout\": over the per-call timeout; \"differs\": returned other records than Prisma (query strategy), not timed. **Prisma ms** = the faster strategy's median, or, marked =, where both strategies' statements have the same plans (node types, tables, indexes, join types: counts, aggregates, groupBy and reads that load no relation), the median of both strategies' rounds together: one contender timed twice, whose faster median would be biased low. **≡** after a ratio: prisma_query's statement ran the same plan as Prisma's (query strategy) statement (auto_explain; node types, tables, indexes, join types, leaving out Result and Subquery Scan nodes), so the two differ by what each sends and receives, not by the plan. A shape above 1.0 after the first rounds is timed again (SHAPES_RECHECK_ROUNDS more rounds, pooled with the first).", "");
for (const run of runs) {
  md.push(`## Scale ${run.scale}`, "");
  md.push(`Reproduce: \`${run.command}\`. Run of ${run.date} (${run.seconds} s); ${run.machine}, load average ${run.load.map((l) => l.toFixed(1)).join(" → ")}; ${run.version.split(" on ")[0]}; prisma_compile ${run.ext}. Data: ${run.counts.movies} movies, ${run.counts.actors} actors, ${run.counts.people} people, ${run.counts.users} users, ${run.counts.reviews} reviews, ${run.counts.links} actor–movie links. One check call per contender, one warm-up, median of ${run.rounds} interleaved rounds (${run.longRounds ?? 1} for a shape with a call over a second); timeout ${run.timeoutMs / 1000} s per call.`, "");
  for (const [mode, rows] of Object.entries(run.modes)) {
    const rs = rows.map((r) => ({ ...r, ratio: ratio(r, run.timeoutMs), sratio: serverRatio(r) }));
    const finite = rs.filter((r) => !Number.isNaN(r.ratio));
    const over1 = finite.filter((r) => r.ratio > 1), incOver = finite.filter((r) => r.group === "include" && r.ratio > 0.5);
    // include shapes over 0.5 where the hand-written statement is over 0.5 too
    const incBound = incOver.filter((r) => !r.status.SQL && r.t.SQL / (r.t.prisma_query / r.ratio) > 0.5);
    const srv10 = rs.filter((r) => r.sratio > 10), differs = rs.filter((r) => Object.values(r.status).some((s) => s && !s.startsWith("timeout")));
    const worst = [...finite].sort((a, b) => b.ratio - a.ratio);
    md.push(`### Scale ${run.scale}, ${MODE_TEXT[mode] ?? mode}`, "");
    const timeouts = worst.filter((r) => r.ratio === Infinity), measured = worst.filter((r) => r.ratio !== Infinity);
    md.push(`- ${rows.length} shapes; prisma_query timed out on ${timeouts.length}${timeouts.length ? ` (${timeouts.map((r) => r.name).join(", ")})` : ""}; worst measured ratios: ${measured.slice(0, 5).map((r) => `${x(r.ratio)} (${r.name})`).join(", ")}.`);
    const same = over1.filter((r) => r.prismaPlan).length, rechecked = rs.filter((r) => r.rechecked);
    md.push(`- Above 1.0: ${over1.length} (${finite.filter((r) => r.ratio === Infinity).length} timeouts${over1.length ? `; ${same} of them on Prisma's plan, ≡` : ""}${rechecked.length ? `; ${rechecked.length} shapes were above 1.0 after the first rounds and timed ${rechecked[0].rechecked} rounds more` : ""}); include shapes above 0.5: ${incOver.length} of ${rs.filter((r) => r.group === "include").length} (the hand-written statement is above 0.5 too on ${incBound.length} of them); server side over 10x the hand-written SQL: ${srv10.length}; contenders that differ or fail: ${differs.length} shapes.`, "");
    md.push("| shape | prisma_query ms | Prisma (query) | Prisma (join) | Prisma ms | SQL | ratio | server pq ms | server SQL ms | server ratio | records |", "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
    const order = [...rs].sort((a, b) => (Number.isNaN(b.ratio) ? -1 : Number.isNaN(a.ratio) ? 1 : b.ratio - a.ratio));
    for (const r of order) {
      md.push(`| ${r.name} | ${cell(r, "prisma_query")} | ${cell(r, "Prisma (query)")} | ${cell(r, "Prisma (join)")} | ${r.prisma ? `${fmt(r.prisma.ms)}${r.prisma.basis === "pooled" ? " =" : ""}` : "-"} | ${cell(r, "SQL")} | ${x(r.ratio)}${r.prismaPlan ? " ≡" : ""} | ${fmt(r.server?.prisma_query)} | ${fmt(r.server?.SQL)} | ${x(r.sratio)}${r.sratio > 10 ? " ⚠" : ""} | ${r.records} |`);
    }
    md.push("");
    if (differs.length) {
      md.push("Contenders that differ or fail:", "");
      for (const r of differs) for (const [n, s] of Object.entries(r.status)) if (s && !s.startsWith("timeout")) md.push(`- ${r.name}: ${n} ${s}`);
      md.push("");
    }
  }
}
fs.writeFileSync(outFile, md.join("\n"));
console.log(`written ${outFile} (${runs.length} scales)`);
