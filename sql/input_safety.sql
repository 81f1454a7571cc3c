-- Hostile values in the query document: NUL characters, numbers beyond 64
-- bits, values out of a type's range, top-level scalars, long field
-- names.  Each is an error with a SQLSTATE and the JSON path, or an exact
-- answer; never a truncation or a clamped value.
BEGIN;
\i regress/setup_kitchen_sink.sql

-- the SQLSTATE and message of the error a query raises
CREATE FUNCTION try(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RETURN prisma_query(q::json)::text;
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ' ' || SQLERRM;
END $$;
CREATE FUNCTION try(m text, op text, args text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RETURN prisma_query(m, op, args::json)::text;
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ' ' || SQLERRM;
END $$;

-- \u0000 in a key, a model name, a string value, a Json value: 22P05 with the path
SELECT try('{"model": "User", "operation": "findMany", "args": {"where": {"email\u0000x": "a"}}}');
SELECT try('{"model": "User\u0000x", "operation": "findMany"}');
SELECT try('{"model": "User", "operation": "findMany", "args": {"where": {"email": "a\u0000b"}}}');
SELECT try('User', 'findMany', '{"where": {"OR": [{"id": 1}, {"name": {"in": ["x", "\u0000"]}}]}}');
SELECT try('Post', 'count', '{"where": {"metadata": {"equals": {"k": "\u0000"}}}}');
SELECT try('Post', 'count', '{"where": {"metadata": {"equals": {"\u0000": 1}}}}');
-- an escaped backslash before u0000 is plain text
SELECT try('User', 'count', '{"where": {"email": "a\\u0000b"}}');

-- top-level scalars: a document must be an object; null args means none
SELECT try('null');
SELECT try('123');
SELECT try('"User"');
SELECT try('Category', 'count', 'null');
SELECT try('Category', 'count', '7');

-- integers beyond 64 bits keep their digits
SELECT try('Sample', 'findMany', '{"where": {"amount": {"lt": 99999999999999999999}}, "select": {"id": true}, "take": 3}');
SELECT try('Sample', 'count', '{"where": {"amount": {"gt": 99999999999999999999}}}')
     = (SELECT count(*)::text FROM "Sample" WHERE amount > 99999999999999999999) AS exact_decimal;
SELECT try('Sample', 'count', '{"where": {"amount": {"lt": -99999999999999999999999999999999999999}}}')
     = (SELECT count(*)::text FROM "Sample" WHERE amount < -99999999999999999999999999999999999999) AS exact_negative;
SELECT try('Sample', 'count', '{"where": {"ratio": {"gt": 100000000000000000000}}}')
     = (SELECT count(*)::text FROM "Sample" WHERE ratio > 1e20) AS exact_float;
SELECT try('Sample', 'count', '{"where": {"doc": {"equals": 123456789012345678901234567890}}}');
SELECT try('Sample', 'count', '{"where": {"big": 9223372036854775807}}');
SELECT try('Sample', 'count', '{"where": {"big": -9223372036854775808}}');
-- out of the column's range: 22003 with the path
SELECT try('Sample', 'count', '{"where": {"big": 9223372036854775808}}');
SELECT try('Sample', 'count', '{"where": {"big": -99999999999999999999}}');
SELECT try('Sample', 'count', '{"where": {"big": {"in": ["1", "99999999999999999999"]}}}');
SELECT try('Sample', 'count', '{"where": {"count": 99999999999999999999}}');
SELECT try('Sample', 'count', '{"where": {"count": 2147483648}}');
SELECT try('Sample', 'findMany', '{"take": 99999999999999999999}');
SELECT try('Sample', 'findMany', '{"take": -9223372036854775808}');
SELECT try('Sample', 'findMany', '{"skip": -9223372036854775808}');
SELECT try('Sample', 'findMany', '{"take": -9223372036854775807, "select": {"id": true}}');
SELECT try('Sample', 'groupBy', '{"by": ["flag"], "take": -9223372036854775808, "orderBy": {"flag": "asc"}}');

-- values out of their type's range: the type's error, with the path
SELECT try('Sample', 'count', '{"where": {"ratio": 1e400}}');
SELECT try('Sample', 'count', '{"where": {"ratio": {"in": [1, -1e400]}}}');
SELECT try('Sample', 'count', '{"where": {"amount": 1e200000}}');
SELECT try('Sample', 'count', '{"where": {"at": "0000-01-01T00:00:00Z"}}');
SELECT try('Sample', 'count', '{"where": {"at": "2020-01-01T00:00:00+99:99"}}');
SELECT try('Sample', 'count', '{"where": {"at": "2020-02-30T00:00:00Z"}}');
SELECT try('Sample', 'count', '{"where": {"at": {"gte": "2020-01-01T25:00:00Z"}}}');

-- field names longer than PostgreSQL's identifiers: refused at load
SAVEPOINT long_names;
CREATE TABLE "Wide" (id int PRIMARY KEY);
SELECT prisma_load_schema($$
model Wide {
  id Int @id
  a_field_name_that_is_longer_than_sixty_three_bytes_which_postgres_cuts Int @map("id") @unique
}
$$);
ROLLBACK TO long_names;
ROLLBACK;
