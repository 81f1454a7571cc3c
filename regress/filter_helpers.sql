-- Helpers of the filter suites (query_filters, query_field_refs,
-- query_json_mode): ids(model, where) lists the ids a findMany with that
-- where returns, in id order; err(model, where) its SQLSTATE and message,
-- or 'no error'.
\set ECHO none
CREATE FUNCTION ids(model text, q text) RETURNS text LANGUAGE sql AS $$
  SELECT string_agg(e->>'id', ',')
  FROM json_array_elements(prisma_query(model, 'findMany',
       json_build_object('where', q::json, 'select', json_build_object('id', true), 'orderBy', json_build_object('id', 'asc')))) e
$$;
CREATE FUNCTION err(model text, q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  PERFORM prisma_query(model, 'findMany', json_build_object('where', q::json));
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ' ' || SQLERRM;
END $$;
\set ECHO all
