-- Native types (@db.*) read as Prisma 7 reads them: money as Decimal,
-- Char with its trailing blanks, times on 1970-01-01, Timetz without its
-- offset, Oid unsigned; lists of each; filters on them.
\set VERBOSITY default
\set SHOW_CONTEXT never
BEGIN;
CREATE EXTENSION citext;
CREATE TYPE "nt_role" AS ENUM ('administrator', 'plain user', 'GUEST');
CREATE TABLE "Native" (
 "id" INTEGER NOT NULL, "money" MONEY, "uuid" UUID, "citext" CITEXT, "inet" INET, "xml" XML,
 "bit" BIT(4), "varbit" VARBIT(8), "chr" CHAR(5), "date" DATE, "time" TIME(3), "timetz" TIMETZ(3),
 "tstz" TIMESTAMPTZ(3), "small" SMALLINT, "oid" OID, "real" REAL, "dbl" DOUBLE PRECISION, "js" JSON, "jsb" JSONB,
 "role" "nt_role", "roles" "nt_role"[], "moneys" MONEY[], "uuids" UUID[], "inets" INET[], "bits" BIT(4)[],
 "chrs" CHAR(5)[], "dates" DATE[], "times" TIME(3)[], "timetzs" TIMETZ(3)[], "smalls" SMALLINT[], "oids" OID[],
 "reals" REAL[], "jss" JSON[], "jsbs" JSONB[], "xmls" XML[], "citexts" CITEXT[], "vc" VARCHAR(10), "num" DECIMAL(10,3),
 "ts" TIMESTAMP(6), "u" point,
 CONSTRAINT "T_pkey" PRIMARY KEY ("id"));
INSERT INTO "Native" VALUES (1, 1234.56, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'MiXed', '192.168.0.1/24', '<a>x</a>',
 B'1010', B'101', 'ab', '2024-02-29', '13:14:15.123', '13:14:15.123+02', '2024-01-01 10:00:00.123+05', -32768, 4294967295,
 1.1, 1.1, '{"b":1, "a":[1,2]}', '{"b":1, "a":[1,2]}', 'plain user', '{administrator,GUEST,"plain user"}',
 '{1.5,-2}', '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}', '{10.0.0.1,::1}', '{1010,0001}', '{ab,"x  "}',
 '{2024-01-01}', '{01:02:03}', '{01:02:03-05}', '{1,-2}', '{1,2}', '{1.5,3.25}', '{"{\"a\": 1}", "[1, 2]"}', '{"{\"a\": 1}"}',
 '{<a/>}', '{AbC}', 'abc  ', 12.5, '2020-01-01 00:00:00.123456', '(1,2)');
INSERT INTO "Native" (id, money, role, roles) VALUES (2, -0.5, 'administrator', '{}'), (3, 92233720368547758.07, NULL, NULL);
SELECT prisma_load_schema($$
enum Role {
  ADMIN @map("administrator")
  USER  @map("plain user")
  GUEST
  @@map("nt_role")
}
model Native {
  id     Int      @id
  money  Decimal? @db.Money
  uuid   String?  @db.Uuid
  citext String?  @db.Citext
  inet   String?  @db.Inet
  xml    String?  @db.Xml
  bit    String?  @db.Bit(4)
  varbit String?  @db.VarBit(8)
  chr    String?  @db.Char(5)
  date   DateTime? @db.Date
  time   DateTime? @db.Time(3)
  timetz DateTime? @db.Timetz(3)
  tstz   DateTime? @db.Timestamptz(3)
  small  Int?     @db.SmallInt
  oid    Int?     @db.Oid
  real   Float?   @db.Real
  dbl    Float?   @db.DoublePrecision
  js     Json?    @db.Json
  jsb    Json?    @db.JsonB
  role   Role?
  roles  Role[]
  moneys Decimal[] @db.Money
  uuids  String[] @db.Uuid
  inets  String[] @db.Inet
  bits   String[] @db.Bit(4)
  chrs   String[] @db.Char(5)
  dates  DateTime[] @db.Date
  times  DateTime[] @db.Time(3)
  timetzs DateTime[] @db.Timetz(3)
  smalls Int[] @db.SmallInt
  oids Int[] @db.Oid
  reals Float[] @db.Real
  jss Json[] @db.Json
  jsbs Json[]
  xmls String[] @db.Xml
  citexts String[] @db.Citext
  vc String? @db.VarChar(10)
  num Decimal? @db.Decimal(10,3)
  ts DateTime? @db.Timestamp(6)
  u Unsupported("point")?
}
$$);
SELECT prisma_query('Native', 'findMany', '{"orderBy": {"id": "asc"}}');
-- money: Decimal values in filters, sums and averages as Decimal
SELECT prisma_query('Native', 'findMany', '{"where": {"money": {"gt": 1000}}, "select": {"id": true, "money": true}, "orderBy": {"id": "asc"}}');
SELECT prisma_query('Native', 'findMany', '{"where": {"moneys": {"has": "1.5"}}, "select": {"id": true}}');
SELECT prisma_query('Native', 'aggregate', '{"where": {"id": {"lt": 3}}, "_sum": {"money": true}, "_min": {"money": true}, "_max": {"money": true}}');
-- uuid in any case; no contains on a @db.Uuid field (Prisma's UuidFilter)
SELECT prisma_query('Native', 'findMany', '{"where": {"uuid": "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11"}, "select": {"id": true}}');
SAVEPOINT s;
SELECT prisma_query('Native', 'findMany', '{"where": {"uuid": {"contains": "9c0b"}}}');
ROLLBACK TO s;
SELECT prisma_query('Native', 'findMany', '{"where": {"uuid": "not-a-uuid"}}');
ROLLBACK TO s;
-- citext compares case-insensitively by itself
SELECT prisma_query('Native', 'findMany', '{"where": {"citext": "mixed"}, "select": {"id": true}}');
-- Char: equality pads, LIKE filters see the value without its trailing blanks
SELECT prisma_query('Native', 'findMany', '{"where": {"chr": "ab"}, "select": {"id": true, "chr": true}}');
SELECT prisma_query('Native', 'findMany', '{"where": {"chr": {"endsWith": "b"}}, "select": {"id": true}}');
SELECT prisma_query('Native', 'findMany', '{"where": {"chr": {"endsWith": " "}}, "select": {"id": true}}');
-- inet, bit, varbit, xml as strings
SELECT prisma_query('Native', 'findMany', '{"where": {"inet": {"gt": "10.0.0.0"}, "bit": "1010", "varbit": {"startsWith": "10"}, "xml": {"contains": "x"}}, "select": {"id": true}}');
-- Date, Time, Timetz, Timestamptz
SELECT prisma_query('Native', 'findMany', '{"where": {"date": "2024-02-29T00:00:00.000Z", "time": {"gt": "1970-01-01T13:00:00.000Z"}, "tstz": "2024-01-01T05:00:00.123Z"}, "select": {"id": true}}');
-- Timetz: the value is read without its offset, but compared with it (as in Prisma)
SELECT prisma_query('Native', 'findMany', '{"where": {"timetz": "1970-01-01T13:14:15.123Z"}, "select": {"id": true}}');
SELECT prisma_query('Native', 'findMany', '{"where": {"timetz": {"gt": "1970-01-01T11:00:00.000Z"}}, "select": {"id": true}}');
-- SmallInt range, Oid unsigned, Real
SELECT prisma_query('Native', 'findMany', '{"where": {"small": -32768, "oid": 4294967295, "real": 1.1}, "select": {"id": true}}');
SELECT prisma_query('Native', 'findMany', '{"where": {"oids": {"hasEvery": [1, 2]}, "smalls": {"has": -2}, "reals": {"has": 3.25}}, "select": {"id": true}}');
-- an Oid by field referenced from a count in having (as int8)
SELECT prisma_query('Native', 'groupBy', '{"by": ["oid"], "_count": {"_all": true}, "having": {"id": {"_count": {"lte": {"_ref": "oid", "_container": "Native"}}}}, "orderBy": {"oid": "asc"}}');
SELECT prisma_query('Native', 'findMany', '{"where": {"small": 40000}}');
ROLLBACK TO s;
-- Json and Jsonb, and their lists
SELECT prisma_query('Native', 'findMany', '{"where": {"js": {"path": ["b"], "equals": 1}, "jsb": {"equals": {"a": [1, 2], "b": 1}}}, "select": {"id": true}}');
SELECT prisma_query('Native', 'findMany', '{"where": {"jsbs": {"has": {"a": 1}}}, "select": {"id": true}}');
SELECT prisma_query('Native', 'findMany', '{"where": {"jsbs": {"isEmpty": false}}, "select": {"id": true}}');
-- ordering on native types
SELECT prisma_query('Native', 'findMany', '{"orderBy": [{"money": "asc"}], "select": {"id": true}}');
SELECT prisma_query('Native', 'findMany', '{"orderBy": [{"inet": "desc"}, {"id": "asc"}], "select": {"id": true}}');
-- distinct tells values apart as Prisma's (in memory, on the values it
-- reads): timetz without its offset, citext by case, Xml and Json by text;
-- an insensitive equals on a @db.Json column tests its own text
CREATE TABLE "Dist" (id int PRIMARY KEY, tz TIMETZ(3), ci CITEXT, x XML, j JSON);
INSERT INTO "Dist" VALUES (1, '12:30:00+02', 'Ab', '<a/>', '{"a":1}'), (2, '12:30:00-05', 'ab', '<a/>', '{"a": 1}'),
  (3, '13:00:00+02', 'AB', '<b/>', '{"a":1}');
SELECT prisma_load_schema($$
model Dist {
  id Int       @id
  tz DateTime? @db.Timetz(3)
  ci String?   @db.Citext
  x  String?   @db.Xml
  j  Json?     @db.Json
}
$$) IS NOT NULL AS loaded;
SELECT prisma_query('Dist', 'findMany', '{"distinct": ["tz"], "select": {"id": true}, "orderBy": {"id": "asc"}}');
SELECT prisma_query('Dist', 'findMany', '{"distinct": ["ci"], "select": {"id": true}, "orderBy": {"id": "asc"}}');
SELECT prisma_query('Dist', 'findMany', '{"distinct": ["x", "j"], "select": {"id": true}, "orderBy": {"id": "asc"}}');
SELECT prisma_query('Dist', 'findMany', '{"where": {"j": {"equals": {"a": 1}, "mode": "insensitive"}}, "select": {"id": true}, "orderBy": {"id": "asc"}}');
-- schema errors as Prisma words them: an unknown native type, one of
-- another scalar type, too many arguments
SAVEPOINT e;
SELECT prisma_load_schema('model A {
  id Int    @id
  x  String @db.Foo
}');
ROLLBACK TO e;
SELECT prisma_load_schema('model A {
  id Int    @id
  x  String @db.Money
}');
ROLLBACK TO e;
SELECT prisma_load_schema('model A {
  id Int     @id
  x  Decimal @db.Money(2)
}');
ROLLBACK TO e;
SELECT prisma_load_schema('model A {
  id Int    @id
  x  String @db.VarChar(1, 2)
}');
ROLLBACK TO e;
-- catalog mismatches: the column is not of the native type's type
CREATE TABLE "Mismatch" (id int PRIMARY KEY, m numeric, u text, c text, t varchar(5), ts timestamp(3));
SELECT prisma_load_schema('model Mismatch {
  id Int       @id @db.Integer
  m  Decimal?  @db.Money
  u  String?   @db.Uuid
  c  String?   @db.Citext
  t  String?   @db.Char(5)
  ts DateTime? @db.Timestamptz(3)
}');
ROLLBACK TO e;
ROLLBACK;
