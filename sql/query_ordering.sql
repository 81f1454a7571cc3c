-- orderBy forms, take (positive and negative), skip, default orders.
BEGIN;
\i regress/setup_kitchen_sink.sql

CREATE FUNCTION ids(model text, args text) RETURNS text LANGUAGE sql AS $$
  SELECT string_agg(e->>'id', ',') FROM json_array_elements(prisma_query(model, 'findMany', args::json)) e
$$;

-- no orderBy: primary-key order once take/skip are given
SELECT ids('User', '{"take": 5}');
SELECT ids('User', '{"skip": 27}');
-- an object, an array, asc/desc; ties broken by the primary key
SELECT ids('User', '{"orderBy": {"karma": "desc"}, "take": 6}');
SELECT ids('User', '{"orderBy": [{"karma": "desc"}, {"name": "asc"}], "take": 6}');
SELECT ids('User', '{"orderBy": [{"role": "asc"}, {"id": "desc"}], "take": 6}');
SELECT ids('Post', '{"orderBy": [{"createdAt": "asc"}, {"title": "desc"}], "take": 5}');
-- nulls first / last on an optional field; the default places NULLs last ascending
SELECT ids('User', '{"orderBy": {"name": "asc"}, "where": {"id": {"lt": 11}}}');
SELECT ids('User', '{"orderBy": {"name": {"sort": "asc", "nulls": "first"}}, "where": {"id": {"lt": 11}}}');
SELECT ids('User', '{"orderBy": {"name": {"sort": "desc", "nulls": "last"}}, "where": {"id": {"lt": 11}}}');
SELECT ids('User', '{"orderBy": {"name": {"sort": "desc"}}, "where": {"id": {"lt": 11}}}');
-- negative take: from the end, in the requested order
SELECT ids('User', '{"take": -3}');
SELECT ids('User', '{"take": -3, "skip": 1}');
SELECT ids('User', '{"take": -4, "orderBy": {"karma": "asc"}}');
SELECT ids('User', '{"take": -4, "orderBy": {"name": {"sort": "asc", "nulls": "first"}}, "where": {"id": {"lt": 11}}}');
SELECT ids('User', '{"take": 0}');
SELECT ids('User', '{"take": 3, "skip": 2, "where": {"role": "ADMIN"}}');
-- findFirst with a negative take finds the last
SELECT prisma_query('User', 'findFirst', '{"take": -1, "select": {"id": true}}');
SELECT prisma_query('User', 'findFirst', '{"orderBy": {"karma": "asc"}, "select": {"id": true, "karma": true}}');
-- compound primary key order
SELECT prisma_query('Team', 'findMany', '{"take": 3, "select": {"org": true, "slug": true}}');
-- mapped columns
SELECT ids('User', '{"orderBy": {"createdAt": "desc"}, "take": 4}');
ROLLBACK;
