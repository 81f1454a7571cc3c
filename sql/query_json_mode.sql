-- mode in Json filters, where Prisma applies it: equals and not compare
-- the JSON text insensitively, the string_ filters lower both sides;
-- array filters and lt/gt ignore it.
BEGIN;
\i regress/setup_kitchen_sink.sql

\i regress/filter_helpers.sql

SELECT ids('Post', '{"metadata": {"path": ["k"], "string_contains": "V", "mode": "insensitive"}}');
SELECT ids('Post', '{"metadata": {"path": ["k"], "string_contains": "V"}}');
-- (without a path the JSON text, quotes included: see the end)
SELECT ids('Post', '{"metadata": {"string_starts_with": "JUST", "mode": "insensitive"}}');
SELECT ids('Post', '{"metadata": {"string_starts_with": "\"JUST", "mode": "insensitive"}}');
SELECT ids('Post', '{"metadata": {"string_ends_with": "STRING\"", "mode": "insensitive"}}');
SELECT ids('Post', '{"metadata": {"string_ends_with": "STRING", "mode": "default"}}');
SELECT ids('Post', '{"metadata": {"equals": "JUST A STRING", "mode": "insensitive"}}');
SELECT ids('Post', '{"metadata": {"path": ["k"], "equals": "V", "mode": "insensitive"}}');
SELECT ids('Post', '{"metadata": {"path": ["k"], "not": "V", "mode": "insensitive"}}');
SELECT ids('Sample', '{"doc": {"path": ["kind"], "string_contains": "OBJ", "mode": "insensitive"}}');
-- LIKE characters in the value match literally
SELECT ids('Sample', '{"doc": {"path": ["nested", "s"], "string_contains": "É\"", "mode": "insensitive"}}');
-- ignored by array filters and lt/gt; alone it filters nothing
SELECT ids('Post', '{"metadata": {"array_contains": ["TWO"], "mode": "insensitive"}}');
SELECT ids('Post', '{"metadata": {"path": ["n"], "gt": 28, "mode": "insensitive"}}');
SELECT count(*) FROM json_array_elements(prisma_query('Post', 'findMany', '{"where": {"metadata": {"mode": "insensitive"}}}'));
SELECT err('Post', '{"metadata": {"string_contains": "x", "mode": "loud"}}');
-- without a path the string_ filters see the JSON text, quotes included,
-- as Prisma's SQL does (a::text LIKE): "a string" starts with a quote
SELECT ids('Sample', '{"doc": {"string_starts_with": "a s"}}');
SELECT ids('Sample', '{"doc": {"string_starts_with": "\"a s"}}');
SELECT ids('Sample', '{"doc": {"string_ends_with": "ing\""}}');
SELECT ids('Sample', '{"doc": {"string_contains": "\""}}');
ROLLBACK;
