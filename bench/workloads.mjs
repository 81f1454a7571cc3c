// The benchmark's workloads (those of Prisma's query-compiler benchmark).
// Each has the Prisma call (model, operation, args: also the prisma_query
// document), the Drizzle relational query that returns the same records, and
// hand-written single SQL statements (variants; the fastest counts as "SQL").
// SQL result shapes: "rows" (the rows are the records), "one" (first row or
// null), "json" (one row, column r holds the whole result).
import { sql, eq, and, or, gt, lt } from "drizzle-orm";
import * as t from "./drizzle_schema.mjs";

const MOVIE = `m.id, m.title, m.year, m.description`;

// movie.cast as Prisma returns it from Drizzle's junction rows
const castOf = (m) => ({ ...m, cast: m.cast.map((j) => j.actor) });

// Drizzle: the cast (with person) of every movie, through the junction table
const drizzleCast = (withPerson) => ({
  cast: { with: { actor: withPerson ? { with: { person: true } } : true } },
});

// the hand-written include-cast statements: per-parent correlated subquery
// ("lateral") and children of all parents at once, grouped, joined back ("set")
function castVariants(where, withPerson) {
  const params = where ? "$2" : "";
  const filter = where ? `WHERE m.title LIKE ${params}` : "";
  const person = withPerson ? `JOIN "Person" p ON p.id = a.person_id` : "";
  const child = withPerson
    ? `json_build_object('id', a.id, 'name', a.name, 'person_id', a.person_id, 'person', row_to_json(p))`
    : `a`;
  return {
    lateral: {
      shape: "rows",
      text: `SELECT ${MOVIE},
       (SELECT coalesce(json_agg(${child} ORDER BY a.id), '[]')
          FROM "_ActorToMovie" j JOIN "Actor" a ON a.id = j."A" ${person}
         WHERE j."B" = m.id) AS "cast"
  FROM (SELECT * FROM "Movie" m ${filter} ORDER BY m.id LIMIT $1) m
 ORDER BY m.id`,
    },
    set: {
      shape: "rows",
      text: `WITH m AS (SELECT * FROM "Movie" m ${filter} ORDER BY m.id LIMIT $1),
     c AS (SELECT j."B" AS mid, json_agg(${child} ORDER BY a.id) AS "cast"
             FROM "_ActorToMovie" j JOIN "Actor" a ON a.id = j."A" ${person}
            WHERE j."B" = ANY (ARRAY(SELECT id FROM m))
            GROUP BY j."B")
SELECT ${MOVIE}, coalesce(c."cast", '[]') AS "cast"
  FROM m LEFT JOIN c ON c.mid = m.id
 ORDER BY m.id`,
    },
    "set-json": {
      shape: "json",
      text: `WITH m AS (SELECT * FROM "Movie" m ${filter} ORDER BY m.id LIMIT $1),
     c AS (SELECT j."B" AS mid, json_agg(${child} ORDER BY a.id) AS "cast"
             FROM "_ActorToMovie" j JOIN "Actor" a ON a.id = j."A" ${person}
            WHERE j."B" = ANY (ARRAY(SELECT id FROM m))
            GROUP BY j."B")
SELECT coalesce(json_agg(json_build_object('id', m.id, 'title', m.title, 'year', m.year,
         'description', m.description, 'cast', coalesce(c."cast", '[]')) ORDER BY m.id), '[]') AS r
  FROM m LEFT JOIN c ON c.mid = m.id`,
    },
  };
}

// adds to every row-returning variant a "-json" twin that builds the whole
// result as one json value in the server, like prisma_query does (for a
// like-for-like server-side comparison: EXPLAIN ANALYZE does not run the
// output functions of returned rows)
function withJsonTwins(w) {
  for (const [v, q] of Object.entries({ ...w.sql })) {
    if (q.shape === "json" || w.sql[`${v}-json`]) continue;
    w.sql[`${v}-json`] = q.shape === "one"
      ? { shape: "json", text: `SELECT (SELECT row_to_json(x) FROM (${q.text}) x) AS r` }
      : { shape: "json", text: `SELECT coalesce(json_agg(x ORDER BY ${w.jsonOrder || "x.id"}), '[]') AS r FROM (${q.text}) x` };
  }
  return w;
}

// the workloads; ids for findUnique come from pickIds() (data dependent)
export function workloads(ids) {
  return list(ids).map(withJsonTwins);
}

function list(ids) {
  const cyan = "%cyan%";
  return [
    {
      name: "movie.findMany()",
      model: "movie", op: "findMany", args: {},
      drizzle: (db) => db.query.movie.findMany(),
      sql: {
        rows: { shape: "rows", text: `SELECT id, title, year, description FROM "Movie"` },
      },
      jsonOrder: "x.id",
      values: [],
    },
    {
      name: "findMany take 2000",
      model: "movie", op: "findMany", args: { take: 2000 },
      drizzle: (db) => db.query.movie.findMany({ limit: 2000, orderBy: (m, { asc }) => [asc(m.id)] }),
      sql: {
        rows: { shape: "rows", text: `SELECT id, title, year, description FROM "Movie" ORDER BY id LIMIT $1` },
      },
      values: [2000],
    },
    {
      name: "take 2000 include cast",
      model: "movie", op: "findMany", args: { take: 2000, include: { cast: true } },
      drizzle: async (db) => (await db.query.movie.findMany({
        limit: 2000, orderBy: (m, { asc }) => [asc(m.id)], with: drizzleCast(false),
      })).map(castOf),
      sql: castVariants(false, false),
      values: [2000],
    },
    {
      name: "cyan take 2000 include cast",
      model: "movie", op: "findMany",
      args: { where: { title: { contains: "cyan" } }, take: 2000, include: { cast: true } },
      drizzle: async (db) => (await db.query.movie.findMany({
        where: (m, { like }) => like(m.title, cyan),
        limit: 2000, orderBy: (m, { asc }) => [asc(m.id)], with: drizzleCast(false),
      })).map(castOf),
      sql: castVariants(true, false),
      values: [2000, cyan],
    },
    {
      name: "cyan take 2000 cast+person",
      model: "movie", op: "findMany",
      args: { where: { title: { contains: "cyan" } }, take: 2000, include: { cast: { include: { person: true } } } },
      drizzle: async (db) => (await db.query.movie.findMany({
        where: (m, { like }) => like(m.title, cyan),
        limit: 2000, orderBy: (m, { asc }) => [asc(m.id)], with: drizzleCast(true),
      })).map(castOf),
      sql: castVariants(true, true),
      values: [2000, cyan],
    },
    {
      name: "orderBy year,title take 50",
      model: "movie", op: "findMany",
      args: { orderBy: [{ year: "desc" }, { title: "asc" }], take: 50 },
      drizzle: (db) => db.query.movie.findMany({
        orderBy: (m, { asc, desc }) => [desc(m.year), asc(m.title)], limit: 50,
      }),
      sql: {
        rows: { shape: "rows", text: `SELECT id, title, year, description FROM "Movie" ORDER BY year DESC, title ASC LIMIT $1` },
      },
      values: [50],
      jsonOrder: "x.year DESC, x.title",
    },
    {
      name: "reviews.some.author OR take 100",
      model: "movie", op: "findMany",
      args: { where: { reviews: { some: { author: { OR: [{ name: { gt: "a" } }, { name: { lt: "f" } }] } } } }, take: 100 },
      drizzle: (db) => db.query.movie.findMany({
        where: (m, { exists }) => exists(db.select({ one: sql`1` }).from(t.review)
          .innerJoin(t.user, eq(t.user.id, t.review.author_id))
          .where(and(eq(t.review.movie_id, m.id), or(gt(t.user.name, "a"), lt(t.user.name, "f"))))),
        orderBy: (m, { asc }) => [asc(m.id)], limit: 100,
      }),
      sql: {
        exists: { shape: "rows", text: `SELECT ${MOVIE} FROM "Movie" m
 WHERE EXISTS (SELECT FROM "Review" r JOIN "User" u ON u.id = r.author_id
                WHERE r.movie_id = m.id AND (u.name > $2 OR u.name < $3))
 ORDER BY m.id LIMIT $1` },
        in: { shape: "rows", text: `SELECT ${MOVIE} FROM "Movie" m
 WHERE m.id IN (SELECT r.movie_id FROM "Review" r JOIN "User" u ON u.id = r.author_id
                 WHERE u.name > $2 OR u.name < $3)
 ORDER BY m.id LIMIT $1` },
      },
      values: [100, "a", "f"],
    },
    {
      name: "cast.some.person OR take 100",
      model: "movie", op: "findMany",
      args: { where: { cast: { some: { person: { OR: [{ last_name: { gt: "a" } }, { last_name: { lt: "f" } }] } } } }, take: 100 },
      drizzle: (db) => db.query.movie.findMany({
        where: (m, { exists }) => exists(db.select({ one: sql`1` }).from(t.actorToMovie)
          .innerJoin(t.actor, eq(t.actor.id, t.actorToMovie.A))
          .innerJoin(t.person, eq(t.person.id, t.actor.person_id))
          .where(and(eq(t.actorToMovie.B, m.id), or(gt(t.person.last_name, "a"), lt(t.person.last_name, "f"))))),
        orderBy: (m, { asc }) => [asc(m.id)], limit: 100,
      }),
      sql: {
        exists: { shape: "rows", text: `SELECT ${MOVIE} FROM "Movie" m
 WHERE EXISTS (SELECT FROM "_ActorToMovie" j JOIN "Actor" a ON a.id = j."A"
                 JOIN "Person" p ON p.id = a.person_id
                WHERE j."B" = m.id AND (p.last_name > $2 OR p.last_name < $3))
 ORDER BY m.id LIMIT $1` },
        in: { shape: "rows", text: `SELECT ${MOVIE} FROM "Movie" m
 WHERE m.id IN (SELECT j."B" FROM "_ActorToMovie" j JOIN "Actor" a ON a.id = j."A"
                  JOIN "Person" p ON p.id = a.person_id
                 WHERE p.last_name > $2 OR p.last_name < $3)
 ORDER BY m.id LIMIT $1` },
      },
      values: [100, "a", "f"],
    },
    {
      name: "findUnique include reviews take 3",
      model: "movie", op: "findUnique",
      args: { where: { id: ids.movie }, include: { reviews: { take: 3 } } },
      drizzle: async (db) => (await db.query.movie.findFirst({
        where: (m, { eq }) => eq(m.id, ids.movie),
        with: { reviews: { limit: 3, orderBy: (r, { asc }) => [asc(r.id)] } },
      })) ?? null,
      sql: {
        one: { shape: "one", text: `SELECT ${MOVIE},
       (SELECT coalesce(json_agg(r ORDER BY r.id), '[]')
          FROM (SELECT * FROM "Review" r WHERE r.movie_id = m.id ORDER BY r.id LIMIT 3) r) AS reviews
  FROM "Movie" m WHERE m.id = $1` },
      },
      values: [ids.movie],
    },
    {
      name: "findUnique include cast take 3",
      model: "movie", op: "findUnique",
      args: { where: { id: ids.movie }, include: { cast: { take: 3 } } },
      drizzle: async (db) => {
        const m = await db.query.movie.findFirst({
          where: (m, { eq }) => eq(m.id, ids.movie),
          with: { cast: { limit: 3, orderBy: (j, { asc }) => [asc(j.A)], with: { actor: true } } },
        });
        return m ? castOf(m) : null;
      },
      sql: {
        one: { shape: "one", text: `SELECT ${MOVIE},
       (SELECT coalesce(json_agg(a ORDER BY a.id), '[]')
          FROM (SELECT a.* FROM "_ActorToMovie" j JOIN "Actor" a ON a.id = j."A"
                 WHERE j."B" = m.id ORDER BY j."A" LIMIT 3) a) AS "cast"
  FROM "Movie" m WHERE m.id = $1` },
      },
      values: [ids.movie],
    },
    {
      name: "actor.findUnique deep",
      model: "actor", op: "findUnique",
      args: {
        where: { id: ids.actor },
        include: {
          movies: {
            include: { cast: { take: 15, orderBy: { name: "asc" }, include: { person: true } } },
            take: 25, orderBy: { year: "desc" },
          },
          person: true,
        },
      },
      // Drizzle cannot order or limit a many-to-many list by the far table's
      // columns: it loads every movie and cast, then sorts and cuts in JS
      drizzle: async (db) => {
        const a = await db.query.actor.findFirst({
          where: (a, { eq }) => eq(a.id, ids.actor),
          with: {
            person: true,
            movies: { with: { movie: { with: { cast: { with: { actor: { with: { person: true } } } } } } } },
          },
        });
        if (!a) return null;
        const movies = a.movies.map((j) => j.movie)
          .sort((x, y) => y.year - x.year || x.id - y.id).slice(0, 25)
          .map((m) => ({
            ...m,
            cast: m.cast.map((j) => j.actor)
              .sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)).slice(0, 15),
          }));
        return { ...a, movies };
      },
      sql: {
        one: { shape: "one", text: `SELECT a.id, a.name, a.person_id,
       (SELECT coalesce(json_agg(m ORDER BY m.year DESC, m.id), '[]')
          FROM (SELECT mv.id, mv.title, mv.year, mv.description,
                       (SELECT coalesce(json_agg(c ORDER BY c.name), '[]')
                          FROM (SELECT ca.id, ca.name, ca.person_id, row_to_json(p) AS person
                                  FROM "_ActorToMovie" j2 JOIN "Actor" ca ON ca.id = j2."A"
                                  JOIN "Person" p ON p.id = ca.person_id
                                 WHERE j2."B" = mv.id ORDER BY ca.name LIMIT 15) c) AS "cast"
                  FROM "_ActorToMovie" j JOIN "Movie" mv ON mv.id = j."B"
                 WHERE j."A" = a.id ORDER BY mv.year DESC, mv.id LIMIT 25) m) AS movies,
       (SELECT row_to_json(p) FROM "Person" p WHERE p.id = a.person_id) AS person
  FROM "Actor" a WHERE a.id = $1` },
      },
      values: [ids.actor],
    },
  ];
}

// data-dependent ids: a movie with reviews; an actor in 20-25 movies (so that
// take 25 cuts no tie of equal years)
export async function pickIds(client) {
  const m = await client.query(`SELECT movie_id FROM "Review" GROUP BY movie_id
    HAVING count(*) >= 5 ORDER BY movie_id LIMIT 1`);
  const a = await client.query(`SELECT "A" FROM "_ActorToMovie" GROUP BY "A"
    HAVING count(*) BETWEEN 20 AND 25 ORDER BY "A" LIMIT 1`);
  return { movie: m.rows[0]?.movie_id ?? 1, actor: a.rows[0]?.A ?? 1 };
}
