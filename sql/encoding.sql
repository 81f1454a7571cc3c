-- JSON encoding of prisma_row / prisma_agg: every PostgreSQL type the
-- compiled statements can return, written as Prisma 7 Client returns it.

-- integers: int2/int4/oid numbers, int8 a string (BigInt)
SELECT prisma_row(r) FROM (SELECT 1::int2 AS a, (-32768)::int2 AS b,
	2147483647 AS c, (-2147483648)::int4 AS d, 4294967295::oid AS e,
	9223372036854775807::int8 AS f, (-9223372036854775808)::int8 AS g,
	0::int8 AS h) r;

-- floats: shortest round-trip text whatever extra_float_digits says
BEGIN;
SET LOCAL extra_float_digits = -15;
SELECT prisma_row(r) FROM (SELECT 0.1::float8 AS a, 1e100::float8 AS b,
	1.5e-7::float8 AS c, '-0'::float8 AS d, 'NaN'::float8 AS e,
	'Infinity'::float8 AS f, '-Infinity'::float8 AS g, 1.1::float4 AS h,
	'NaN'::float4 AS i, '-Infinity'::float4 AS j, 3.4028235e38::float4 AS k,
	123456789.125::float8 AS l) r;
ROLLBACK;

-- numeric: Decimal.js toString() normalization
SELECT v, prisma_row(r) FROM (VALUES
	('1.50'::numeric), ('2.000'), ('-0'), ('-0.000'), ('0'), ('0.00'),
	('100'), ('-100.10'), ('NaN'), ('Infinity'), ('-Infinity'),
	('123456789012345678901'), ('999999999999999999999'),
	('1000000000000000000000'), ('1500000000000000000000.0'),
	('-1000000000000000000000'), ('0.000001'), ('0.0000015'),
	('0.0000001'), ('0.00000015'), ('-0.00000012300'),
	('12345678901234567890123.456'), ('0.1'), ('00012.3400'))
	AS r(v);

-- bool, text-like types, uuid, name, xml, inet, fallback types
SELECT prisma_row(r) FROM (SELECT true AS t, false AS f,
	'plain'::text AS a, 'abc  '::char(6) AS b, 'vc'::varchar(4) AS c,
	'pg_class'::name AS d, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS e,
	'<a>x&amp;</a>'::xml AS f2, '192.168.0.1/24'::inet AS g,
	'1 day 02:00'::interval AS h, '(1,2)'::point AS i, 'a'::"char" AS j) r;

-- every escape, other control characters, non-ASCII passed through
SELECT prisma_row(r) FROM (SELECT
	E'q" b\\ bs\b ff\f nl\n cr\r tab\t' AS esc,
	E'\x01\x1f' AS ctl, 'héllo ✓ 𝄞' AS utf8, '' AS empty) r;
-- DEL (0x7f) needs no escape in JSON and is passed through
SELECT prisma_row(r)::text = '{"del":"a' || chr(127) || 'b"}' AS del_raw
	FROM (SELECT 'a' || chr(127) || 'b' AS del) r;

-- keys are escaped too; "__" attributes and dropped attributes left out
SELECT prisma_row(r) FROM (SELECT 1 AS "we""ird\key", 2 AS "__hidden",
	3 AS "_one", 4 AS "__", 5 AS "é") r;
BEGIN;
CREATE TABLE emit_t (a int, b text, c int);
INSERT INTO emit_t VALUES (1, 'x', 3);
ALTER TABLE emit_t DROP COLUMN b;
ALTER TABLE emit_t ADD COLUMN d text DEFAULT 'missing';
SELECT prisma_row(t) FROM emit_t t;
SELECT prisma_agg(t) FROM emit_t t;
ROLLBACK;

-- timestamps: milliseconds truncated (floor), years outside 0..9999,
-- infinities and instants outside the JS Date range as null
SELECT v, prisma_row(r) FROM (VALUES
	('2024-02-29 13:45:07.123456'::timestamp), ('2024-02-29 13:45:07.999999'),
	('2000-01-01 00:00:00'), ('1970-01-01 00:00:00'),
	('1969-12-31 23:59:59.9999'), ('1900-03-01 00:00:00.0005'),
	('0001-01-01 00:00:00'), ('0001-12-31 23:59:59 BC'),
	('0002-06-01 12:00:00 BC'), ('4713-01-01 00:00:00 BC'),
	('9999-12-31 23:59:59.999'), ('10000-01-01 00:00:00'),
	('275760-09-13 00:00:00'), ('275760-09-13 00:00:00.001'),
	('294276-12-31 23:59:59'), ('infinity'), ('-infinity'))
	AS r(v);

-- timestamptz converted to UTC whatever the session time zone
BEGIN;
SET LOCAL TimeZone = 'America/New_York';
SELECT v, prisma_row(r) FROM (VALUES
	('2024-07-01 08:00:00.123456-04'::timestamptz),
	('2024-01-01 00:00:00+05:30'), ('2024-01-01 00:00:00'),
	('infinity')) AS r(v);
ROLLBACK;

-- date, time, timetz (Prisma drops the timetz offset)
SELECT prisma_row(r) FROM (SELECT '2024-02-29'::date AS a,
	'0044-03-15 BC'::date AS b, '12000-01-01'::date AS c,
	'infinity'::date AS d, '-infinity'::date AS e,
	'5874897-12-31'::date AS f, '13:45:07.123999'::time AS g,
	'00:00:00'::time AS h, '24:00:00'::time AS i,
	'13:45:07.5+02'::timetz AS j, '23:00:00-05:30'::timetz AS k) r;

-- bytea as base64
SELECT prisma_row(r) FROM (SELECT ''::bytea AS a, '\x00'::bytea AS b,
	'\x0001'::bytea AS c, '\x000102'::bytea AS d,
	'\xfbff00ffee'::bytea AS e, convert_to('Hello, World!', 'UTF8') AS f) r;

-- json embedded verbatim, jsonb as its text
SELECT prisma_row(r) FROM (SELECT '{"b": 1,  "a" : [1, 2.50]}'::json AS a,
	'null'::json AS b, '"str"'::json AS c,
	'{"b": 1, "a": [1, 2.50], "c": {"d": null}}'::jsonb AS d,
	'null'::jsonb AS e, '[]'::jsonb AS f) r;

-- enums: the label; domains encoded by their base type
BEGIN;
CREATE TYPE emit_mood AS ENUM ('sad', 'meh', 'ok', 'happy "yes"');
CREATE DOMAIN emit_posint AS int CHECK (VALUE > 0);
CREATE DOMAIN emit_ts AS timestamp;
SELECT prisma_agg(r) FROM (SELECT m AS mood, 7::emit_posint AS d,
	'2020-01-01 00:00:00.5'::emit_ts AS ts,
	ARRAY[m, NULL]::emit_mood[] AS moods
	FROM unnest(enum_range(NULL::emit_mood)) m) r;
ROLLBACK;

-- arrays: 1-D, 2-D, NULL elements, empty, element encodings;
-- a NULL list column is [] (Prisma returns an empty scalar list)
SELECT prisma_row(r) FROM (SELECT ARRAY[1, NULL, 3] AS a,
	ARRAY[[1, 2], [3, NULL]]::int8[] AS b, '{}'::text[] AS c,
	ARRAY['x"y', NULL] AS d, ARRAY[1.50, NULL, 1e21]::numeric[] AS e,
	ARRAY['2020-01-01 00:00:00.1239'::timestamp] AS f,
	ARRAY['\x01'::bytea, NULL] AS g, ARRAY['{"a":1}'::json, 'null'] AS h,
	ARRAY['{"a": 1}'::jsonb] AS i, ARRAY[true, false, NULL] AS j,
	ARRAY['NaN'::float8, 0.5] AS k, '[2:3]={7,8}'::int[] AS l,
	ARRAY[[['a']], [['b']]] AS m, NULL::int[] AS n,
	ARRAY['a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid] AS o,
	ARRAY['1 day'::interval] AS p) r;

-- SQL NULL of every kind of column is null
SELECT prisma_row(r) FROM (SELECT NULL::int AS a, NULL::int8 AS b,
	NULL::text AS c, NULL::timestamp AS d, NULL::json AS e,
	NULL::bytea AS f, NULL::numeric AS g, NULL::bool AS h) r;

-- prisma_agg: input order, [] over no rows, NULL records as null
SELECT prisma_agg(r) FROM (SELECT g AS id, 'n' || g AS name
	FROM generate_series(1, 3) g ORDER BY g DESC) r;
SELECT prisma_agg(r) FROM (SELECT g AS id FROM generate_series(1, 0) g) r;
SELECT prisma_agg(r ORDER BY r.id) FROM (VALUES (2), (1)) r(id);
SELECT prisma_agg(CASE WHEN x = 2 THEN NULL ELSE r END)
	FROM (VALUES (1), (2), (3)) r(x);
SELECT x % 2 AS k, prisma_agg(r) FROM (SELECT x FROM generate_series(1, 5) x) r
	GROUP BY 1 ORDER BY 1;

-- nested: prisma_agg / prisma_row results embedded as json columns
BEGIN;
CREATE TABLE emit_movie (id int PRIMARY KEY, title text);
CREATE TABLE emit_cast (id int PRIMARY KEY, movie_id int, name text,
	born timestamp);
INSERT INTO emit_movie VALUES (1, 'Alien'), (2, 'Heat'), (3, 'Solo "x"');
INSERT INTO emit_cast VALUES (1, 1, 'Sigourney', '1949-10-08'),
	(2, 1, 'Ian', '1931-05-22 12:00:00.5'), (3, 2, 'Al', NULL);
SELECT prisma_agg(r) FROM (SELECT m.id AS id, m.title AS title,
	(SELECT prisma_agg(c) FROM (SELECT x.id AS id, x.name AS name,
		x.born AS born, x.movie_id AS "__parent" FROM emit_cast x
		WHERE x.movie_id = m.id ORDER BY x.id) c) AS "cast",
	(SELECT prisma_row(c) FROM (SELECT x.name AS name FROM emit_cast x
		WHERE x.movie_id = m.id ORDER BY x.id LIMIT 1) c) AS "firstCast"
	FROM emit_movie m ORDER BY m.id LIMIT 3) r;
SELECT prisma_row(r) FROM (SELECT m.id AS id,
	(SELECT prisma_agg(c) FROM (SELECT x.name AS name FROM emit_cast x
		WHERE x.movie_id = m.id) c) AS "cast"
	FROM emit_movie m WHERE m.id = 3) r;
ROLLBACK;

-- the result is valid JSON, and a large aggregate works
SELECT length(j::text), (j::jsonb -> 99999 ->> 'id')::int AS last_id,
	j::jsonb -> 0 AS first, jsonb_array_length(j::jsonb) AS n
FROM (SELECT prisma_agg(r) AS j FROM (SELECT g AS id, 'name ' || g AS name,
	g::int8 * 1000000000000 AS big, '2020-01-01'::timestamp
		+ g * interval '1 second 1 millisecond' AS at,
	g / 7.0::float8 AS f, g % 2 = 0 AS even, ARRAY[g, NULL] AS arr
	FROM generate_series(1, 100000) g) r) s;

-- the fields form: prisma_object(names, values...) and prisma_agg(names,
-- values...) write what prisma_row and prisma_agg(record) write for a
-- record of those columns, without forming one
BEGIN;
CREATE TYPE emit_mood AS ENUM ('sad', 'happy "yes"');
CREATE TABLE emit_kinds AS SELECT g AS id, g::int8 << 40 AS big, 'n "' || g AS name,
	CASE WHEN g % 3 = 0 THEN NULL ELSE ARRAY[g, NULL] END AS arr,
	CASE WHEN g % 2 = 0 THEN 'happy "yes"'::emit_mood END AS mood,
	'2020-01-01'::timestamptz + g * interval '1 day 1 ms' AS at, g / 3.0 AS dec,
	json_build_object('g', g) AS doc, decode(md5(g::text), 'hex') AS bin
	FROM generate_series(1, 50) g;
SELECT count(*) AS rows, bool_and(prisma_object(ARRAY['id', 'big', 'name', 'arr', 'mood',
		'at', 'dec', 'doc', 'bin'], t.id, t.big, t.name, t.arr, t.mood, t.at, t.dec,
		t.doc, t.bin)::text = prisma_row(t)::text) AS same_as_row
	FROM emit_kinds t;
SELECT prisma_agg(ARRAY['id', 'big', 'name', 'arr', 'mood', 'at', 'dec', 'doc', 'bin'],
		t.id, t.big, t.name, t.arr, t.mood, t.at, t.dec, t.doc, t.bin ORDER BY t.id)::text
	= prisma_agg(t ORDER BY t.id)::text AS agg_same_as_record
	FROM emit_kinds t;
SELECT prisma_object('{a,"we\"ird",c}', 1, NULL::text, NULL::int[]);
SELECT prisma_agg('{id}', g) FROM generate_series(1, 0) g;
-- names: one per value, not null, constant; values not as a VARIADIC array
\set VERBOSITY terse
SAVEPOINT s;
SELECT prisma_object('{a,b}', 1);
ROLLBACK TO s;
SELECT prisma_agg('{a}', g, g) FROM generate_series(1, 2) g;
ROLLBACK TO s;
SELECT prisma_object(NULL, 1);
ROLLBACK TO s;
SELECT prisma_object('{a,NULL}', 1, 2);
ROLLBACK TO s;
SELECT prisma_object('{{a},{b}}', 1, 2);
ROLLBACK TO s;
SELECT prisma_object(ARRAY['a' || g], g) FROM generate_series(1, 2) g;
ROLLBACK TO s;
SELECT prisma_agg(CASE WHEN g = 2 THEN '{b}' ELSE '{a}' END::text[], g)
	FROM generate_series(1, 3) g;
ROLLBACK TO s;
SELECT prisma_object('{a}', VARIADIC ARRAY[1]);
ROLLBACK;
\set VERBOSITY default

-- errors: not a record; the transition function outside an aggregate
SELECT prisma_row(1);
-- (an internal argument is refused by the server, in words that differ
-- between PostgreSQL releases)
DO $$ BEGIN PERFORM prisma_agg_transfn(NULL::internal, ROW(1));
EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'refused'; END $$;
