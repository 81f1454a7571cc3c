-- prisma_load_schema errors: syntax (42601, line and column), semantics
-- (42P17, model.field and line), unsupported features (0A000), every
-- catalog mismatch in one error, and no schema loaded.
CREATE FUNCTION pg_temp.schema_debug() RETURNS json
	AS '$libdir/prisma_compile', 'prisma_schema_debug' LANGUAGE C;
\set VERBOSITY default
\set SHOW_CONTEXT never

-- nothing loaded yet
SELECT pg_temp.schema_debug();

BEGIN;
CREATE TABLE "A" (id integer PRIMARY KEY, "bId" integer);
CREATE TABLE "B" (id integer PRIMARY KEY);
SAVEPOINT s;

-- syntax errors
SELECT prisma_load_schema('model A {
  id Int @id
');
ROLLBACK TO s;
SELECT prisma_load_schema('model A {
  id Int @id @default(autoincrement()
}');
ROLLBACK TO s;
SELECT prisma_load_schema('model A {
  id Int @id name String
}');
ROLLBACK TO s;
SELECT prisma_load_schema('model A {
  id Int @id
  tags String[]?
}');
ROLLBACK TO s;
SELECT prisma_load_schema('model A {
  id Int @id @map("unterminated)
}');
ROLLBACK TO s;
SELECT prisma_load_schema('model A {
  id Int @id # comment
}');
ROLLBACK TO s;
SELECT prisma_load_schema('modle A {
  id Int @id
}');
ROLLBACK TO s;
SELECT prisma_load_schema('model A {
  id Int @id
  @@map("x") @@schema("y")
}');
ROLLBACK TO s;
SELECT prisma_load_schema('datasource db {
  provider = "postgresql"
');
ROLLBACK TO s;

-- views need the views preview feature, as in Prisma
SELECT prisma_load_schema('// views
view V {
  id Int @unique
}');
ROLLBACK TO s;
SELECT prisma_load_schema('type Address {
  street String
}');
ROLLBACK TO s;
SELECT prisma_load_schema('model A {
  id Int @id
}
enum Color {
  RED @map("red")
}');
ROLLBACK TO s;

-- semantic errors
SELECT prisma_load_schema('model A {
  id Int @id
  b  Bee
}');
ROLLBACK TO s;
SELECT prisma_load_schema('model A {
  id Int @id
}
model A {
  id Int @id
}');
ROLLBACK TO s;
SELECT prisma_load_schema('model A {
  id Int @id
}
enum A {
  X
}');
ROLLBACK TO s;
SELECT prisma_load_schema('model A {
  id   Int @id
  name String
  name Int
}');
ROLLBACK TO s;
SELECT prisma_load_schema('model A {
  name String
}');
ROLLBACK TO s;
SELECT prisma_load_schema('model A {
  id  Int @id
  id2 Int @id
}');
ROLLBACK TO s;
SELECT prisma_load_schema('model A {
  id Int @id @unknown
}');
ROLLBACK TO s;
SELECT prisma_load_schema('model A {
  id Int
  @@id([id, nope])
}');
ROLLBACK TO s;
-- relation without opposite field
SELECT prisma_load_schema('model A {
  id  Int @id
  bId Int
  b   B   @relation(fields: [bId], references: [id])
}
model B {
  id Int @id
}');
ROLLBACK TO s;
-- opposite field with another relation name
SELECT prisma_load_schema('model A {
  id  Int @id
  bId Int
  b   B   @relation("one", fields: [bId], references: [id])
}
model B {
  id Int @id
  as A[] @relation("two")
}');
ROLLBACK TO s;
-- two unnamed relations between the same models
SELECT prisma_load_schema('model A {
  id  Int @id
  bId Int
  cId Int
  b   B   @relation(fields: [bId], references: [id])
  c   B   @relation(fields: [cId], references: [id])
}
model B {
  id Int @id
  as A[]
}');
ROLLBACK TO s;
-- three fields of a self-relation with one name
SELECT prisma_load_schema('model A {
  id Int @id
  x  A[] @relation("r")
  y  A[] @relation("r")
  z  A[] @relation("r")
}');
ROLLBACK TO s;
-- fields: and references: counts differ
SELECT prisma_load_schema('model A {
  id  Int @id
  bId Int
  b   B   @relation(fields: [bId], references: [id, id])
}
model B {
  id Int @id
  as A[]
}');
ROLLBACK TO s;
-- fields: without references:
SELECT prisma_load_schema('model A {
  id  Int @id
  bId Int
  b   B   @relation(fields: [bId])
}
model B {
  id Int @id
  as A[]
}');
ROLLBACK TO s;
-- reference to an unknown field
SELECT prisma_load_schema('model A {
  id  Int @id
  bId Int
  b   B   @relation(fields: [bId], references: [key])
}
model B {
  id Int @id
  as A[]
}');
ROLLBACK TO s;
SELECT prisma_load_schema('model A {
  id  Int @id
  bId Int
  b   B   @relation(fields: [b_id], references: [id])
}
model B {
  id Int @id
  as A[]
}');
ROLLBACK TO s;
-- to-one without fields on either side
SELECT prisma_load_schema('model A {
  id Int @id
  b  B?
}
model B {
  id Int @id
  a  A?
}');
ROLLBACK TO s;
-- list side with fields:
SELECT prisma_load_schema('model A {
  id  Int @id
  bId Int
  bs  B[] @relation(fields: [bId], references: [id])
}
model B {
  id Int @id
  a  A
}');
ROLLBACK TO s;
-- implicit many-to-many needs single-field ids
SELECT prisma_load_schema('model A {
  x  Int
  y  Int
  bs B[]
  @@id([x, y])
}
model B {
  id Int @id
  as A[]
}');
ROLLBACK TO s;
-- @map without a string
SELECT prisma_load_schema('model A {
  id Int @id @map(id)
}');
ROLLBACK TO s;
-- @id and @@id together
SELECT prisma_load_schema('model A {
  id Int @id
  x  Int
  @@id([id, x])
}');
ROLLBACK TO s;
-- references: without fields:
SELECT prisma_load_schema('model A {
  id  Int @id
  bId Int
  b   B   @relation(references: [id])
}
model B {
  id Int @id
  as A[]
}');
ROLLBACK TO s;
-- fields: and references: of different lengths
SELECT prisma_load_schema('model A {
  id  Int @id
  bId Int
  b   B   @relation(fields: [bId], references: [id, x])
}
model B {
  id Int @id
  x  Int
  as A[]
  @@unique([id, x])
}');
ROLLBACK TO s;
-- @@unique naming unknown fields
SELECT prisma_load_schema('model A {
  id Int @id
  @@unique([id, nope, nada])
}');
ROLLBACK TO s;
-- a model named like a built-in type
SELECT prisma_load_schema('model String {
  id Int @id
}');
ROLLBACK TO s;
-- unknown block attribute; columns count characters, not bytes
SELECT prisma_load_schema('model A {
  id Int @id @map("é€")  @bogus
  @@nothing
}');
ROLLBACK TO s;
SELECT prisma_load_schema('model A {
  id Int @id
  @@nothing
}');
ROLLBACK TO s;
-- a relation name that is not a string
SELECT prisma_load_schema('model A {
  id  Int @id
  bId Int
  b   B   @relation(Name, fields: [bId], references: [id])
}
model B {
  id Int @id
  as A[]
}');
ROLLBACK TO s;
-- an enum value with an unknown attribute
SELECT prisma_load_schema('enum E {
  X @default("y")
}
model A {
  id Int @id
}');
ROLLBACK TO s;

-- every catalog mismatch at once
SELECT 'model Movie {
  id     Int     @id
  titel  String
  year   Int
  tags   Int[]
  rating Float
  status Status
  actors Actor[]
  a      A[]
}
model Actor {
  id     Int     @id
  movies Movie[]
}
model A {
  id      Int    @id
  movieId Int    @map("bId")
  movie   Movie  @relation(fields: [movieId], references: [id])
}
enum Status {
  ON
  OFF
}' AS mismatch_schema \gset
SELECT prisma_load_schema(:'mismatch_schema');
ROLLBACK TO s;
CREATE TABLE "Movie" (id integer PRIMARY KEY, title text, year text, tags text[], rating numeric);
CREATE TYPE "Status" AS ENUM ('ON', 'off');
CREATE TABLE "_ActorToMovie" ("A" integer, "C" integer);
SELECT prisma_load_schema(:'mismatch_schema');
ROLLBACK TO s;
-- a stored schema that no longer matches the catalog fails the same way
SELECT prisma_load_schema('model B {
  id Int @id
}') IS NOT NULL AS loaded;
ALTER TABLE "B" RENAME TO "Bee";
SELECT pg_temp.schema_debug();
ROLLBACK;

-- after a rollback nothing is loaded again
SELECT pg_temp.schema_debug();
