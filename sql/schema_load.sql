-- prisma_load_schema: the kitchen-sink schema, reloads, @@schema,
-- named self-relations, and the per-backend copy that schema_get() keeps.
CREATE FUNCTION pg_temp.schema_debug() RETURNS json
	AS '$libdir/prisma_compile', 'prisma_schema_debug' LANGUAGE C;
\set ks `cat regress/fixtures/kitchen_sink.prisma`
\pset format unaligned

BEGIN;
\set ECHO none
\o /dev/null
\i regress/fixtures/kitchen_sink.sql
\o
\set ECHO all
CREATE TEMP TABLE summary AS SELECT prisma_load_schema(:'ks') AS s;
SELECT * FROM json_to_recordset((SELECT s->'models' FROM summary))
	AS m(name text, "table" text, fields int);
SELECT s->'enums' AS enums FROM summary;
SELECT * FROM json_to_recordset((SELECT s->'relations' FROM summary))
	AS r(model text, field text, kind text, target text);
-- the stored text and a version
SELECT source = :'ks' AS same_text, version > 0 AS has_version FROM prisma_compile.loaded_schema;
SELECT version AS v1 FROM prisma_compile.loaded_schema \gset
-- every fact of the parsed, resolved schema
SELECT pg_temp.schema_debug();

-- a reload replaces the schema, with a newer version
SELECT prisma_load_schema($$
model Category {
  id   Int    @id
  name String @unique
}
$$);
SELECT count(*), source LIKE '%model Category%' AS replaced, version > :v1 AS newer
	FROM prisma_compile.loaded_schema GROUP BY source, version;
SELECT pg_temp.schema_debug();

-- the copy follows the catalog: a column changing type makes it stale
ALTER TABLE "Category" ALTER COLUMN "name" TYPE varchar(30);
SELECT pg_temp.schema_debug()->'models'->0->'fields'->1->>'colType' AS name_type;
ALTER TABLE "Category" ALTER COLUMN "name" TYPE integer USING id;
SELECT pg_temp.schema_debug();
ROLLBACK;

-- @@schema: a model and an enum in another PostgreSQL schema; the join
-- table of an implicit many-to-many lives with the first model
BEGIN;
CREATE SCHEMA shop;
CREATE TYPE shop."Size" AS ENUM ('S', 'M', 'L');
CREATE TABLE shop.items (id serial PRIMARY KEY, size shop."Size" NOT NULL, label text);
CREATE TABLE "Tag" (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE shop."_ItemToTag" ("A" integer NOT NULL, "B" integer NOT NULL);
SELECT prisma_load_schema($$
model Item {
  id    Int     @id @default(autoincrement())
  size  Size
  label String?
  tags  Tag[]

  @@map("items")
  @@schema("shop")
}

model Tag {
  id    Int    @id @default(autoincrement())
  name  String
  items Item[]
}

enum Size {
  S
  M
  L

  @@schema("shop")
}
$$);
SELECT pg_temp.schema_debug();
-- the copy does not follow the caller's search_path: "Tag" is still found
-- in the loader's path (public)
SET LOCAL search_path = pg_catalog;
SELECT pg_temp.schema_debug()->'models'->1->>'relation' AS tag_table;
ROLLBACK;

-- named self-relations: a many-to-many ("_Follows") and a one-to-many,
-- several relations between the same two models, a compound foreign key,
-- Unsupported and @ignore fields, an @@ignore model
BEGIN;
CREATE TABLE "Person" (id integer PRIMARY KEY, name text NOT NULL, "mentorId" integer, geom point);
CREATE TABLE "_Follows" ("A" integer NOT NULL, "B" integer NOT NULL);
CREATE TABLE "Doc" (org text, num integer, "ownerId" integer NOT NULL, "reviewerId" integer,
	PRIMARY KEY (org, num));
CREATE TABLE "Page" (id bigint PRIMARY KEY, "docOrg" text NOT NULL, "docNum" integer NOT NULL, body bytea);
SELECT prisma_load_schema($$
/// people
model Person {
  id        Int      @id
  name      String
  geom      Unsupported("point")?
  secret    String   @ignore
  followers Person[] @relation("Follows")
  following Person[] @relation("Follows")
  mentorId  Int?
  mentor    Person?  @relation("Mentoring", fields: [mentorId], references: [id], onDelete: SetNull)
  mentees   Person[] @relation("Mentoring")
  owned     Doc[]    @relation("owner")
  reviewed  Doc[]    @relation(name: "reviewer")
}

model Doc {
  org        String
  num        Int
  ownerId    Int
  reviewerId Int?
  owner      Person  @relation("owner", fields: [ownerId], references: [id])
  reviewer   Person? @relation(name: "reviewer", fields: [reviewerId], references: [id])
  pages      Page[]

  @@id([org, num], name: "docKey")
}

model Page {
  id     BigInt @id
  docOrg String
  docNum Int
  body   Bytes?
  doc    Doc    @relation(fields: [docOrg, docNum], references: [org, num])
  old    Legacy? @ignore
}

model Legacy {
  id Int @id
  @@ignore
}
$$);
SELECT pg_temp.schema_debug();
ROLLBACK;

-- column A of an implicit many-to-many holds the ids of the model whose name
-- sorts first: text ids for "Apple", integer ids for "Banana"
BEGIN;
CREATE TABLE "Banana" (id integer PRIMARY KEY);
CREATE TABLE "Apple" (id text PRIMARY KEY);
CREATE TABLE "_AppleToBanana" ("A" text NOT NULL, "B" integer NOT NULL);
SELECT prisma_load_schema($$
model Banana {
  id     Int     @id
  apples Apple[]
}
model Apple {
  id      String   @id
  bananas Banana[]
}
$$);
SELECT pg_temp.schema_debug()->'models'->0->'fields'->1 AS banana_apples;
ROLLBACK;

-- a non-superuser with SELECT on the tables gets the schema
BEGIN;
CREATE TABLE "Note" (id integer PRIMARY KEY, body text);
SELECT prisma_load_schema('model Note {
  id   Int    @id
  body String?
}')::text;
CREATE ROLE prisma_schema_reader;
GRANT SELECT ON "Note" TO prisma_schema_reader;
SET LOCAL ROLE prisma_schema_reader;
SELECT pg_temp.schema_debug()->'models'->0->>'name' AS model;
-- loading needs EXECUTE, revoked from PUBLIC
SELECT prisma_load_schema('model Note { id Int @id }');
ROLLBACK;
