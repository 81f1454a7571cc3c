-- Field references (prisma.model.fields.x): a filter compares two columns
-- of the same row, {"_ref": "field", "_container": "Model"}.
BEGIN;
\i regress/setup_kitchen_sink.sql

\i regress/filter_helpers.sql

-- comparisons: equals, lt, lte, gt, gte (NULL on either side matches nothing)
SELECT ids('Sample', '{"count": {"equals": {"_ref": "countOpt", "_container": "Sample"}}}');
SELECT ids('Sample', '{"count": {"lt": {"_ref": "countOpt", "_container": "Sample"}}}');
SELECT ids('Sample', '{"count": {"gte": {"_ref": "countOpt", "_container": "Sample"}}, "id": {"lt": 20}}');
SELECT ids('Sample', '{"ratio": {"gt": {"_ref": "ratioOpt", "_container": "Sample"}}, "id": {"lt": 20}}');
SELECT ids('Sample', '{"at": {"lte": {"_ref": "atOpt", "_container": "Sample"}}, "id": {"lt": 20}}');
SELECT ids('Sample', '{"amount": {"lt": {"_ref": "amountOpt", "_container": "Sample"}}, "id": {"lt": 20}}');
SELECT ids('Sample', '{"status": {"equals": {"_ref": "statusOpt", "_container": "Sample"}}, "id": {"lt": 20}}');
SELECT ids('Sample', '{"text": {"equals": {"_ref": "textOpt", "_container": "Sample"}, "mode": "insensitive"}, "id": {"lt": 20}}');
-- inside not, and combined with values
SELECT ids('Sample', '{"count": {"not": {"lt": {"_ref": "countOpt", "_container": "Sample"}}}, "id": {"lt": 20}}');
SELECT ids('Sample', '{"count": {"lt": {"_ref": "countOpt", "_container": "Sample"}, "gt": 1}}');
-- in / notIn take a list field of the same type
SELECT ids('Sample', '{"count": {"in": {"_ref": "nums", "_container": "Sample"}}}');
SELECT ids('Sample', '{"count": {"notIn": {"_ref": "nums", "_container": "Sample"}}, "id": {"lt": 20}}');
-- contains / startsWith / endsWith match the other column literally
SELECT ids('Post', '{"title": {"contains": {"_ref": "body", "_container": "Post"}}}');
SELECT ids('Post', '{"body": {"startsWith": {"_ref": "title", "_container": "Post"}, "mode": "insensitive"}}');
SELECT ids('Sample', '{"text": {"endsWith": {"_ref": "textOpt", "_container": "Sample"}}}');
-- the referenced value's %, _ and \ are literal, as in values
UPDATE "Post" SET body = '0%' WHERE id = 7;
UPDATE "Post" SET body = 'd_r' WHERE id = 8;  -- a wildcard would match "der"
SELECT ids('Post', '{"title": {"contains": {"_ref": "body", "_container": "Post"}}, "id": {"in": [7, 8]}}');
SELECT prisma_compile('{"model": "Post", "operation": "findMany", "args": {"where": {"title": {"endsWith": {"_ref": "body", "_container": "Post"}}}, "select": {"id": true}}}');
-- scalar lists: has (an element-typed field), hasSome / hasEvery (a list)
SELECT ids('Sample', '{"nums": {"has": {"_ref": "count", "_container": "Sample"}}}');
SELECT ids('Sample', '{"nums": {"hasEvery": {"_ref": "nums", "_container": "Sample"}}, "id": {"lt": 10}}');
SELECT ids('Post', '{"scores": {"hasSome": {"_ref": "scores", "_container": "Post"}}, "id": {"lt": 10}}');
-- in a relation filter the reference is to the related model
SELECT ids('User', '{"posts": {"some": {"title": {"equals": {"_ref": "body", "_container": "Post"}}}}}');
SELECT ids('User', '{"posts": {"some": {"editorId": {"equals": {"_ref": "authorId", "_container": "Post"}}}}}');
-- the SQL compares the columns, no parameter
SELECT prisma_compile('{"model": "Sample", "operation": "findMany", "args": {"where": {"count": {"lt": {"_ref": "countOpt", "_container": "Sample"}}}, "select": {"id": true}}}');

-- errors, as Prisma rejects them
SELECT err('Sample', '{"count": {"lt": {"_ref": "ratio", "_container": "Sample"}}}');
SELECT err('Sample', '{"count": {"in": {"_ref": "countOpt", "_container": "Sample"}}}');
SELECT err('Sample', '{"count": {"equals": {"_ref": "nums", "_container": "Sample"}}}');
SELECT err('Sample', '{"count": {"not": {"_ref": "countOpt", "_container": "Sample"}}}');
SELECT err('Sample', '{"count": {"lt": {"_ref": "count", "_container": "Post"}}}');
SELECT err('Sample', '{"count": {"lt": {"_ref": "nope", "_container": "Sample"}}}');
SELECT err('Post', '{"title": {"equals": {"_ref": "author", "_container": "Post"}}}');
SELECT err('Sample', '{"count": {"lt": {"_ref": 1, "_container": "Sample"}}}');
SELECT err('Sample', '{"count": {"lt": {"_ref": "countOpt", "_container": "Sample", "x": 1}}}');
SELECT err('Sample', '{"nums": {"equals": {"_ref": "nums", "_container": "Sample"}}}');
SELECT err('Sample', '{"status": {"equals": {"_ref": "text", "_container": "Sample"}}}');
-- Json filters take references as Prisma writes them: a Json field for
-- equals, not, lt/gt and the array_ filters, a String field for string_
UPDATE "Sample" SET "docOpt" = '1' WHERE id = 3;                 -- doc [1, 2, 3]
UPDATE "Sample" SET "docOpt" = '[1, "two"]' WHERE id = 8;        -- doc.nested.list [1, "two", …]
UPDATE "Sample" SET "textOpt" = 'str' WHERE id = 4;              -- doc "a string"
UPDATE "Sample" SET "textOpt" = 'OBJ' WHERE id = 2;              -- doc.kind "object"
SELECT ids('Sample', '{"doc": {"equals": {"_ref": "docOpt", "_container": "Sample"}}}');
SELECT ids('Sample', '{"doc": {"not": {"_ref": "docOpt", "_container": "Sample"}}, "id": {"lt": 11}}');
SELECT ids('Sample', '{"doc": {"gt": {"_ref": "docOpt", "_container": "Sample"}}}');
SELECT ids('Sample', '{"doc": {"array_contains": {"_ref": "docOpt", "_container": "Sample"}}}');
SELECT ids('Sample', '{"doc": {"array_starts_with": {"_ref": "docOpt", "_container": "Sample"}}}');
SELECT ids('Sample', '{"doc": {"path": ["nested", "list"], "array_contains": {"_ref": "docOpt", "_container": "Sample"}}}');
-- insensitive equals compares the JSON texts (Prisma's SQL fails here)
SELECT ids('Sample', '{"doc": {"equals": {"_ref": "docOpt", "_container": "Sample"}, "mode": "insensitive"}}');
-- string_: the text at a path; without one the JSON text, quotes included
SELECT ids('Sample', '{"doc": {"path": ["kind"], "string_contains": {"_ref": "textOpt", "_container": "Sample"}, "mode": "insensitive"}}');
SELECT ids('Sample', '{"doc": {"string_contains": {"_ref": "textOpt", "_container": "Sample"}}}');
SELECT ids('Sample', '{"doc": {"string_starts_with": {"_ref": "textOpt", "_container": "Sample"}}}');
SELECT prisma_compile('{"model": "Sample", "operation": "findMany", "args": {"where": {"doc": {"path": ["kind"], "string_starts_with": {"_ref": "textOpt", "_container": "Sample"}}}, "select": {"id": true}}}');
SELECT err('Sample', '{"doc": {"equals": {"_ref": "text", "_container": "Sample"}}}');
SELECT err('Sample', '{"doc": {"string_contains": {"_ref": "count", "_container": "Sample"}}}');
SELECT err('Sample', '{"doc": {"array_contains": {"_ref": "words", "_container": "Sample"}}}');
-- having on a by field compares the columns of the group's rows; an
-- aggregate compares with a by field (Prisma: SUM(x) > "by"), and a field
-- not in by is refused, as Prisma refuses it
SELECT prisma_query('Sample', 'groupBy', '{"by": ["count"], "having": {"count": {"lt": {"_ref": "count", "_container": "Sample"}}}}');
SELECT prisma_query('Sample', 'groupBy', '{"by": ["countOpt"], "_count": {"_all": true}, "having": {"count": {"_sum": {"gt": {"_ref": "countOpt", "_container": "Sample"}}}}, "orderBy": {"countOpt": "asc"}}');
SELECT prisma_query('Sample', 'groupBy', '{"by": ["count"], "_count": {"_all": true}, "having": {"count": {"_count": {"gte": {"_ref": "count", "_container": "Sample"}}}}, "orderBy": {"count": "asc"}}');
DO $$ BEGIN
  PERFORM prisma_query('Sample', 'groupBy', '{"by": ["count"], "having": {"count": {"_max": {"lt": {"_ref": "ratio", "_container": "Sample"}}}}}');
EXCEPTION WHEN OTHERS THEN RAISE NOTICE '% %', SQLSTATE, SQLERRM;
END $$;
-- outside filters a reference is refused, as Prisma refuses it
SELECT err('Sample', '{"count": {"_ref": "countOpt", "_container": "Sample"}}');
SELECT err('Sample', '{"text": {"search": {"_ref": "textOpt", "_container": "Sample"}}}');
ROLLBACK;
