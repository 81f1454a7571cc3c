// Drizzle ORM schema mirroring movies_schema.sql (the tables prisma db push
// creates for movies.prisma), with the relations used by relational queries.
// The implicit many-to-many _ActorToMovie is an explicit junction table here:
// Drizzle has no implicit many-to-many, so queries go through it.
import { pgTable, serial, text, integer, primaryKey } from "drizzle-orm/pg-core";
import { relations } from "drizzle-orm";

export const movie = pgTable("Movie", {
  id: serial("id").primaryKey(),
  title: text("title").notNull(),
  year: integer("year").notNull(),
  description: text("description"),
});

export const actor = pgTable("Actor", {
  id: serial("id").primaryKey(),
  name: text("name").notNull(),
  person_id: integer("person_id").notNull().references(() => person.id),
});

export const person = pgTable("Person", {
  id: serial("id").primaryKey(),
  first_name: text("first_name").notNull(),
  last_name: text("last_name").notNull(),
});

export const user = pgTable("User", {
  id: serial("id").primaryKey(),
  name: text("name").notNull(),
});

export const review = pgTable("Review", {
  id: serial("id").primaryKey(),
  body: text("body").notNull(),
  rating: integer("rating").notNull(),
  author_id: integer("author_id").notNull().references(() => user.id),
  movie_id: integer("movie_id").notNull().references(() => movie.id),
});

export const actorToMovie = pgTable("_ActorToMovie", {
  A: integer("A").notNull().references(() => actor.id),
  B: integer("B").notNull().references(() => movie.id),
}, (t) => [primaryKey({ columns: [t.A, t.B] })]);

export const movieRelations = relations(movie, ({ many }) => ({
  cast: many(actorToMovie),
  reviews: many(review),
}));

export const actorRelations = relations(actor, ({ one, many }) => ({
  person: one(person, { fields: [actor.person_id], references: [person.id] }),
  movies: many(actorToMovie),
}));

export const personRelations = relations(person, ({ many }) => ({
  actors: many(actor),
}));

export const userRelations = relations(user, ({ many }) => ({
  reviews: many(review),
}));

export const reviewRelations = relations(review, ({ one }) => ({
  author: one(user, { fields: [review.author_id], references: [user.id] }),
  movie: one(movie, { fields: [review.movie_id], references: [movie.id] }),
}));

export const actorToMovieRelations = relations(actorToMovie, ({ one }) => ({
  actor: one(actor, { fields: [actorToMovie.A], references: [actor.id] }),
  movie: one(movie, { fields: [actorToMovie.B], references: [movie.id] }),
}));
