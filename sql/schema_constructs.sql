-- Schema constructs: views, multi-schema with the datasource's schemas
-- list, relationMode = "prisma" (dangling references), relations through a
-- compound unique, named and self many-to-many, one-to-one on either side,
-- Unsupported and @ignore fields, SQL keywords as names, a model of more
-- than 100 fields; and the schema errors Prisma raises for them.
\set VERBOSITY default
\set SHOW_CONTEXT never
BEGIN;
CREATE SCHEMA shop;
CREATE TABLE shop."order" (id uuid PRIMARY KEY, "group name" text NOT NULL, "userKey" bigint, "userTag" text, geo point, hidden int);
CREATE TABLE public."user" (key bigint PRIMARY KEY, tag text NOT NULL, name text);
CREATE UNIQUE INDEX "user_key_tag_key" ON public."user"(key, tag);
CREATE TABLE public."Tag" (id int PRIMARY KEY);
CREATE TABLE public."Profile" (code text NOT NULL, bio text, "userKey" bigint NOT NULL);
CREATE UNIQUE INDEX ON public."Profile"(code); CREATE UNIQUE INDEX ON public."Profile"("userKey");
CREATE TABLE shop."Item" (id int PRIMARY KEY, "orderId" uuid NOT NULL);
CREATE TABLE public."Legacy" (id int PRIMARY KEY);
CREATE TABLE public."_Friends" ("A" bigint NOT NULL, "B" bigint NOT NULL, PRIMARY KEY ("A","B"));
CREATE TABLE public."_Liked" ("A" int NOT NULL, "B" bigint NOT NULL, PRIMARY KEY ("A","B"));
CREATE TABLE public."_Hated" ("A" int NOT NULL, "B" bigint NOT NULL, PRIMARY KEY ("A","B"));
CREATE VIEW shop."ItemView" AS SELECT id, "orderId"::text AS "orderId" FROM shop."Item";
INSERT INTO public."user" VALUES (1, 'a', 'Ann'), (2, 'b', NULL), (9007199254740993, 'big', 'Big');
INSERT INTO shop."order" VALUES ('00000000-0000-0000-0000-000000000001', 'g1', 1, 'a', '(1,2)', 5),
  ('00000000-0000-0000-0000-000000000002', 'g2', 1, 'zz', NULL, NULL), ('00000000-0000-0000-0000-000000000003', 'g3', 9007199254740993, 'big', NULL, NULL);
INSERT INTO public."Tag" VALUES (1), (2);
INSERT INTO public."Profile" VALUES ('p1', 'hi', 1), ('p9', NULL, 9007199254740993);
INSERT INTO shop."Item" VALUES (1, '00000000-0000-0000-0000-000000000001'), (2, '00000000-0000-0000-0000-000000000001'), (3, '00000000-0000-0000-0000-000000000003');
INSERT INTO public."_Friends" VALUES (1, 2), (2, 1), (1, 9007199254740993);
INSERT INTO public."_Liked" VALUES (1, 1), (2, 1), (1, 2);
INSERT INTO public."_Hated" VALUES (2, 9007199254740993);
SELECT prisma_load_schema($$
generator client {
  provider        = "prisma-client"
  previewFeatures = ["views"]
}
datasource db {
  provider     = "postgresql"
  schemas      = ["public", "shop"]
  relationMode = "prisma"
}
model order {
  id      String   @id @db.Uuid
  select  String   @map("group name")
  user    user?    @relation(fields: [userKey, userTag], references: [key, tag])
  userKey BigInt?
  userTag String?
  geo     Unsupported("point")?
  hidden  Int?     @ignore
  items   Item[]
  @@schema("shop")
}
model user {
  key    BigInt @id
  tag    String
  name   String?
  orders order[]
  friends user[] @relation("Friends")
  friendOf user[] @relation("Friends")
  tagsA  Tag[] @relation("Liked")
  tagsB  Tag[] @relation("Hated")
  profile Profile?
  @@unique([key, tag])
  @@schema("public")
}
model Tag {
  id    Int @id
  likers user[] @relation("Liked")
  haters user[] @relation("Hated")
  @@schema("public")
}
model Profile {
  code   String @unique
  bio    String?
  userKey BigInt @unique
  user   user @relation(fields: [userKey], references: [key])
  @@schema("public")
}
model Item {
  id      Int    @id
  orderId String @db.Uuid
  order   order  @relation(fields: [orderId], references: [id])
  @@schema("shop")
}
model Legacy {
  id Int @id
  @@ignore
  @@schema("public")
}
view ItemView {
  id      Int    @unique
  orderId String
  @@schema("shop")
}
$$);
-- keywords and quoted names; the Unsupported and @ignore fields are left out
SELECT prisma_query('order', 'findMany', '{"orderBy": {"id": "asc"}, "include": {"user": true, "items": true}}');
SELECT prisma_query('order', 'findMany', '{"where": {"select": "g1"}, "select": {"select": true}}');
-- a dangling reference (no foreign keys): the include is null, and null
-- filters test the foreign key columns, as Prisma does
SELECT prisma_query('order', 'findMany', '{"where": {"user": null}, "select": {"id": true}}');
SELECT prisma_query('order', 'findMany', '{"where": {"user": {"isNot": null}}, "select": {"id": true, "user": {"select": {"name": true}}}, "orderBy": {"id": "asc"}}');
SELECT prisma_query('user', 'findMany', '{"where": {"profile": null}, "select": {"key": true}, "orderBy": {"key": "asc"}}');
-- compound unique, BigInt ids, self and named many-to-many, one-to-one
SELECT prisma_query('user', 'findUnique', '{"where": {"key_tag": {"key": "9007199254740993", "tag": "big"}}, "include": {"orders": true, "friends": true, "friendOf": true, "tagsA": true, "tagsB": true, "profile": true}}');
SELECT prisma_query('Tag', 'findMany', '{"include": {"likers": {"select": {"key": true}}, "_count": true}}');
SELECT prisma_query('Profile', 'findUnique', '{"where": {"userKey": "1"}, "include": {"user": {"select": {"name": true}}}}');
-- a view with a unique field: findUnique, cursors and order by it
SELECT prisma_query('ItemView', 'findMany', '{"cursor": {"id": 2}, "take": 5}');
SELECT prisma_query('ItemView', 'findUnique', '{"where": {"id": 3}}');
SAVEPOINT s;
SELECT prisma_query('order', 'findMany', '{"where": {"geo": null}}');
ROLLBACK TO s;
SELECT prisma_query('order', 'findMany', '{"select": {"hidden": true}}');
ROLLBACK TO s;
-- schema errors as Prisma words them
SELECT prisma_load_schema('generator client {
  provider        = "prisma-client"
  previewFeatures = ["views"]
}
view V {
  id Int @id
}');
ROLLBACK TO s;
SELECT prisma_load_schema('view V {
  id Int @unique
}');
ROLLBACK TO s;
SELECT prisma_load_schema('datasource db {
  provider = "postgresql"
  schemas  = ["shop"]
}
model A {
  id Int @id
  @@schema("other")
}');
ROLLBACK TO s;
SELECT prisma_load_schema('datasource db {
  provider = "postgresql"
  schemas  = ["shop"]
}
model A {
  id Int @id
}');
ROLLBACK TO s;
SELECT prisma_load_schema('datasource db {
  provider = "postgresql"
  schemas  = ["shop"]
}
enum E {
  X
}');
ROLLBACK TO s;
SELECT prisma_load_schema('model A {
  id Int @id
  @@schema("shop")
}');
ROLLBACK TO s;
SELECT prisma_load_schema('type T {
  x Int
}');
ROLLBACK TO s;
-- catalog mismatches: a schema of @@schema, a view and a join table that
-- do not exist, a view's column of another type
SELECT prisma_load_schema('generator client {
  provider        = "prisma-client"
  previewFeatures = ["views"]
}
datasource db {
  provider = "postgresql"
  schemas  = ["public", "shop", "nowhere"]
}
model Gone {
  id Int @id
  @@schema("nowhere")
}
model Tag {
  id   Int    @id
  tags Tag2[]
  @@schema("public")
}
model Tag2 {
  id   Int   @id
  tags Tag[]
  @@map("Tag")
  @@schema("public")
}
view NoView {
  id Int @unique
  @@schema("public")
}
view ItemView {
  id      Int @unique
  orderId Int
  @@schema("shop")
}');
ROLLBACK TO s;
-- a view without any unique field loads (read without implicit order)
CREATE VIEW "Plain" AS SELECT 1 AS n;
SELECT prisma_load_schema('generator client {
  provider        = "prisma-client"
  previewFeatures = ["views"]
}
view Plain {
  n Int
}');
SELECT prisma_query('Plain', 'findMany', '{}');
SELECT prisma_query('Plain', 'count', '{}');
ROLLBACK TO s;
-- more than 100 fields: written by the record form
CREATE TABLE "Wide" (id int PRIMARY KEY, "f0" int, "f1" int, "f2" int, "f3" int, "f4" int, "f5" int, "f6" int, "f7" int, "f8" int, "f9" int, "f10" int, "f11" int, "f12" int, "f13" int, "f14" int, "f15" int, "f16" int, "f17" int, "f18" int, "f19" int, "f20" int, "f21" int, "f22" int, "f23" int, "f24" int, "f25" int, "f26" int, "f27" int, "f28" int, "f29" int, "f30" int, "f31" int, "f32" int, "f33" int, "f34" int, "f35" int, "f36" int, "f37" int, "f38" int, "f39" int, "f40" int, "f41" int, "f42" int, "f43" int, "f44" int, "f45" int, "f46" int, "f47" int, "f48" int, "f49" int, "f50" int, "f51" int, "f52" int, "f53" int, "f54" int, "f55" int, "f56" int, "f57" int, "f58" int, "f59" int, "f60" int, "f61" int, "f62" int, "f63" int, "f64" int, "f65" int, "f66" int, "f67" int, "f68" int, "f69" int, "f70" int, "f71" int, "f72" int, "f73" int, "f74" int, "f75" int, "f76" int, "f77" int, "f78" int, "f79" int, "f80" int, "f81" int, "f82" int, "f83" int, "f84" int, "f85" int, "f86" int, "f87" int, "f88" int, "f89" int, "f90" int, "f91" int, "f92" int, "f93" int, "f94" int, "f95" int, "f96" int, "f97" int, "f98" int, "f99" int, "f100" int, "f101" int, "f102" int, "f103" int, "f104" int, "f105" int, "f106" int, "f107" int, "f108" int, "f109" int);
CREATE TABLE "Kid" (id int PRIMARY KEY, "wideId" int);
INSERT INTO "Wide" (id, "f0", "f109") VALUES (1, 10, 109);
INSERT INTO "Kid" VALUES (1, 1), (2, 1);
SELECT prisma_load_schema($$
model Wide {
  id Int @id
  f0 Int?
  f1 Int?
  f2 Int?
  f3 Int?
  f4 Int?
  f5 Int?
  f6 Int?
  f7 Int?
  f8 Int?
  f9 Int?
  f10 Int?
  f11 Int?
  f12 Int?
  f13 Int?
  f14 Int?
  f15 Int?
  f16 Int?
  f17 Int?
  f18 Int?
  f19 Int?
  f20 Int?
  f21 Int?
  f22 Int?
  f23 Int?
  f24 Int?
  f25 Int?
  f26 Int?
  f27 Int?
  f28 Int?
  f29 Int?
  f30 Int?
  f31 Int?
  f32 Int?
  f33 Int?
  f34 Int?
  f35 Int?
  f36 Int?
  f37 Int?
  f38 Int?
  f39 Int?
  f40 Int?
  f41 Int?
  f42 Int?
  f43 Int?
  f44 Int?
  f45 Int?
  f46 Int?
  f47 Int?
  f48 Int?
  f49 Int?
  f50 Int?
  f51 Int?
  f52 Int?
  f53 Int?
  f54 Int?
  f55 Int?
  f56 Int?
  f57 Int?
  f58 Int?
  f59 Int?
  f60 Int?
  f61 Int?
  f62 Int?
  f63 Int?
  f64 Int?
  f65 Int?
  f66 Int?
  f67 Int?
  f68 Int?
  f69 Int?
  f70 Int?
  f71 Int?
  f72 Int?
  f73 Int?
  f74 Int?
  f75 Int?
  f76 Int?
  f77 Int?
  f78 Int?
  f79 Int?
  f80 Int?
  f81 Int?
  f82 Int?
  f83 Int?
  f84 Int?
  f85 Int?
  f86 Int?
  f87 Int?
  f88 Int?
  f89 Int?
  f90 Int?
  f91 Int?
  f92 Int?
  f93 Int?
  f94 Int?
  f95 Int?
  f96 Int?
  f97 Int?
  f98 Int?
  f99 Int?
  f100 Int?
  f101 Int?
  f102 Int?
  f103 Int?
  f104 Int?
  f105 Int?
  f106 Int?
  f107 Int?
  f108 Int?
  f109 Int?
  kids Kid[]
}
model Kid {
  id Int @id
  wideId Int?
  wide Wide? @relation(fields: [wideId], references: [id])
}
$$) IS NOT NULL AS loaded;
SELECT json_array_length(prisma_query('Wide', 'findMany', '{"include": {"kids": true}}')) AS rows,
       prisma_query('Wide', 'findMany', '{"include": {"kids": true}}')->0->'kids' AS kids,
       prisma_query('Wide', 'findMany', '{}')->0->'f109' AS f109;
SELECT prisma_query('Kid', 'findMany', '{"include": {"wide": true}}')->1->'wide'->'f0' AS f0;
ROLLBACK;
