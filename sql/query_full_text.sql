-- Full-text search (previewFeatures = ["fullTextSearchPostgres"]): the
-- search filter and orderBy _relevance, in Prisma's SQL.
BEGIN;
\i regress/setup_kitchen_sink.sql

CREATE FUNCTION ids(model text, args text) RETURNS text LANGUAGE sql AS $$
  SELECT string_agg(e->>'id', ',')
  FROM json_array_elements(prisma_query(model, 'findMany', args::json)) e
$$;
CREATE FUNCTION err(model text, args text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  PERFORM prisma_query(model, 'findMany', args::json);
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ' ' || SQLERRM;
END $$;
SET default_text_search_config = 'pg_catalog.english';

-- search: to_tsquery syntax (&, |, !, <->, :*), English stemming
SELECT ids('Post', '{"where": {"title": {"search": "post & 12"}}, "orderBy": {"id": "asc"}, "select": {"id": true}}');
SELECT ids('Post', '{"where": {"title": {"search": "hello | second"}}, "orderBy": {"id": "asc"}, "select": {"id": true}}');
SELECT ids('Post', '{"where": {"body": {"search": "posts & !3"}, "id": {"lt": 12}}, "orderBy": {"id": "asc"}, "select": {"id": true}}');
SELECT ids('Post', '{"where": {"title": {"search": "hel:*"}}, "orderBy": {"id": "asc"}, "select": {"id": true}}');
SELECT ids('Post', '{"where": {"title": {"not": {"search": "post"}}}, "orderBy": {"id": "asc"}, "select": {"id": true}}');
SELECT ids('Post', '{"where": {"title": {"search": "post", "startsWith": "Post 1"}, "id": {"lt": 20}}, "orderBy": {"id": "asc"}, "select": {"id": true}}');
SELECT prisma_query('Post', 'count', '{"where": {"body": {"search": "body"}}}');
SELECT ids('User', '{"where": {"posts": {"some": {"title": {"search": "emoji"}}}}, "select": {"id": true}}');
-- _relevance: ts_rank over the fields joined by blanks, ties by the id
SELECT ids('Post', '{"where": {"id": {"lt": 12}}, "orderBy": {"_relevance": {"fields": ["title", "body"], "search": "post | first", "sort": "desc"}}, "select": {"id": true}}');
SELECT ids('Post', '{"where": {"id": {"lt": 12}}, "orderBy": [{"_relevance": {"fields": "title", "search": "hello", "sort": "asc"}}, {"id": "desc"}], "select": {"id": true}}');
SELECT ids('Post', '{"where": {"id": {"lt": 12}}, "orderBy": {"_relevance": {"fields": ["tags"], "search": "sale", "sort": "desc"}}, "take": 3, "select": {"id": true}}');
SELECT ids('Post', '{"where": {"id": {"lt": 12}}, "cursor": {"id": 3}, "orderBy": [{"_relevance": {"fields": ["title"], "search": "post", "sort": "desc"}}, {"id": "asc"}], "select": {"id": true}}');
SELECT ids('User', '{"include": {"posts": {"orderBy": {"_relevance": {"fields": ["title"], "search": "hello", "sort": "desc"}}, "take": 1}}, "orderBy": {"id": "asc"}, "take": 2}');
-- the query and the text search configuration reach SQL as a parameter and
-- through pg_catalog
SELECT prisma_compile('{"model": "Post", "operation": "findMany", "args": {"where": {"title": {"search": "x"}}, "orderBy": {"_relevance": {"fields": ["title", "body"], "search": "y", "sort": "asc"}}, "select": {"id": true}}}');

-- errors
SELECT err('Post', '{"where": {"title": {"search": "two words"}}}');
SELECT err('Post', '{"where": {"title": {"search": 1}}}');
SELECT err('Post', '{"where": {"views": {"search": "x"}}}');
SELECT err('Post', '{"where": {"tags": {"search": "x"}}}');
SELECT err('Post', '{"orderBy": {"_relevance": {"fields": ["views"], "search": "x", "sort": "asc"}}}');
SELECT err('Post', '{"orderBy": {"_relevance": {"fields": [], "search": "x", "sort": "asc"}}}');
SELECT err('Post', '{"orderBy": {"_relevance": {"fields": ["title"], "search": "x"}}}');
SELECT err('Post', '{"orderBy": {"_relevance": {"fields": ["title"], "search": "x", "sort": "up"}}}');
SELECT err('Post', '{"orderBy": {"_relevance": {"fields": ["title"], "search": "x", "sort": "asc", "nulls": "last"}}}');
-- without the preview feature Prisma has neither
CREATE TABLE "Doc" (id int PRIMARY KEY, title text NOT NULL);
SELECT prisma_load_schema('model Doc {
  id    Int    @id
  title String
}') IS NOT NULL AS loaded;
SELECT err('Doc', '{"where": {"title": {"search": "x"}}}');
SELECT err('Doc', '{"orderBy": {"_relevance": {"fields": ["title"], "search": "x", "sort": "asc"}}}');
ROLLBACK;
