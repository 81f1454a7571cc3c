-- Enums: @map on values, @@map on the enum, enum lists, enums in a
-- @@schema schema.  The document and the results use the value names; SQL
-- sees the mapped labels.
\set VERBOSITY default
\set SHOW_CONTEXT never
BEGIN;
CREATE SCHEMA accounts;
CREATE TYPE "role_kind" AS ENUM ('administrator', 'plain user', 'GUEST');
CREATE TYPE accounts."Tier" AS ENUM ('free', 'paid');
CREATE TABLE accounts."Member" (
  id integer PRIMARY KEY,
  role "role_kind",
  roles "role_kind"[],
  tier accounts."Tier" NOT NULL DEFAULT 'free'
);
INSERT INTO accounts."Member" VALUES
  (1, 'administrator', '{administrator,GUEST}', 'paid'),
  (2, 'plain user', '{"plain user"}', 'free'),
  (3, 'GUEST', '{}', 'free'),
  (4, NULL, NULL, 'paid');
SELECT prisma_load_schema('
datasource db {
  provider = "postgresql"
  schemas  = ["public", "accounts"]
}
enum Role {
  ADMIN @map("administrator")
  USER  @map("plain user")
  GUEST
  @@map("role_kind")
  @@schema("public")
}
enum Tier {
  FREE @map("free")
  PAID @map("paid")
  @@schema("accounts")
}
model Member {
  id    Int    @id
  role  Role?
  roles Role[]
  tier  Tier   @default(FREE)
  @@schema("accounts")
}');
-- results carry the names
SELECT prisma_query('Member', 'findMany', '{"orderBy": {"id": "asc"}}');
-- filters take the names
SELECT prisma_query('Member', 'findMany', '{"where": {"role": "ADMIN"}, "select": {"id": true}}');
SELECT prisma_query('Member', 'findMany', '{"where": {"role": {"in": ["USER", "GUEST"]}}, "select": {"id": true}, "orderBy": {"id": "asc"}}');
SELECT prisma_query('Member', 'findMany', '{"where": {"role": {"not": "ADMIN"}}, "select": {"id": true}, "orderBy": {"id": "asc"}}');
SELECT prisma_query('Member', 'findMany', '{"where": {"roles": {"has": "GUEST"}}, "select": {"id": true}}');
SELECT prisma_query('Member', 'findMany', '{"where": {"roles": {"hasSome": ["USER", "ADMIN"]}}, "select": {"id": true}, "orderBy": {"id": "asc"}}');
SELECT prisma_query('Member', 'findMany', '{"where": {"roles": {"equals": ["ADMIN", "GUEST"]}}, "select": {"id": true}}');
SELECT prisma_query('Member', 'findMany', '{"where": {"tier": "PAID"}, "select": {"id": true, "tier": true}, "orderBy": {"id": "asc"}}');
-- order is the type's label order (declaration order), as in PostgreSQL
SELECT prisma_query('Member', 'findMany', '{"orderBy": [{"role": "desc"}, {"id": "asc"}], "select": {"id": true, "role": true}}');
-- grouping, distinct, aggregates and cursors
SELECT prisma_query('Member', 'groupBy', '{"by": ["role"], "_count": {"_all": true}, "orderBy": {"role": "asc"}}');
SELECT prisma_query('Member', 'groupBy', '{"by": ["tier"], "having": {"tier": "FREE"}, "_count": {"id": true}}');
SELECT prisma_query('Member', 'findMany', '{"distinct": ["tier"], "select": {"tier": true}, "orderBy": {"id": "asc"}}');
SELECT prisma_query('Member', 'aggregate', '{"_min": {"role": true}, "_max": {"role": true, "tier": true}}');
SAVEPOINT s;
-- a name that is not a value (a mapped label is not a name either)
SELECT prisma_query('Member', 'findMany', '{"where": {"role": "administrator"}}');
ROLLBACK TO s;
SELECT prisma_query('Member', 'findMany', '{"where": {"roles": {"has": "NOPE"}}}');
ROLLBACK TO s;
-- catalog mismatches: a mapped label or a mapped type that does not exist
SELECT prisma_load_schema('
datasource db {
  provider = "postgresql"
  schemas  = ["public", "accounts"]
}
enum Role {
  ADMIN @map("admin")
  USER  @map("plain user")
  @@map("role_kind")
  @@schema("public")
}
model Member {
  id   Int   @id
  role Role?
  @@schema("accounts")
}');
ROLLBACK TO s;
SELECT prisma_load_schema('
datasource db {
  provider = "postgresql"
  schemas  = ["accounts"]
}
enum Role {
  ADMIN @map("administrator")
  @@map("no_such_type")
  @@schema("accounts")
}
model Member {
  id   Int   @id
  role Role?
  @@schema("accounts")
}');
ROLLBACK TO s;
-- two values mapped to one label load, as in Prisma: both filter by the
-- label, and the label reads as the last of them (Prisma's answer)
CREATE TYPE "Dup" AS ENUM ('x', 'C');
CREATE TABLE "DupRow" (id int PRIMARY KEY, r "Dup" NOT NULL);
INSERT INTO "DupRow" VALUES (1, 'x'), (2, 'C');
SELECT prisma_load_schema('
model DupRow {
  id Int @id
  r  Dup
}
enum Dup {
  A @map("x")
  B @map("x")
  C
}') IS NOT NULL AS loaded;
SELECT prisma_query('DupRow', 'findMany', '{"orderBy": {"id": "asc"}}');
SELECT prisma_query('DupRow', 'findMany', '{"where": {"r": "A"}}');
SELECT prisma_query('DupRow', 'findMany', '{"where": {"r": {"in": ["B", "C"]}}, "orderBy": {"id": "asc"}}');
ROLLBACK TO s;
-- schema errors: @map without a string
SELECT prisma_load_schema('
enum Role {
  ADMIN @map(1)
}');
ROLLBACK TO s;
ROLLBACK;
