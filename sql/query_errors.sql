-- Every error of the query path: SQLSTATE, message naming the JSON path, hint.
-- no schema loaded yet
SELECT prisma_query('{"model": "User", "operation": "findMany"}');
BEGIN;
\i regress/setup_kitchen_sink.sql

-- the SQLSTATE, message and hint of the error a query raises
CREATE FUNCTION try(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  state text; msg text; hint text;
BEGIN
  PERFORM prisma_query(q::json);
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, hint = PG_EXCEPTION_HINT;
  RETURN state || ' ' || msg || coalesce(' HINT: ' || nullif(hint, ''), '');
END $$;

-- invalid JSON is rejected by the json type before prisma_query sees it
SELECT try('{"model": "User", "operation": ');
-- invalid JSON, and documents that are not queries
SELECT try('{"model": "User", "operation": ');
-- not an object
SELECT try('[1, 2]');
-- trailing garbage
SELECT try('{"model": "User", "operation": "findMany"} x');
-- missing model
SELECT try('{"operation": "findMany"}');
-- model not a string
SELECT try('{"model": 1, "operation": "findMany"}');
-- missing operation
SELECT try('{"model": "User"}');
-- unknown top-level key
SELECT try('{"model": "User", "operation": "findMany", "argz": {}}');
-- unknown model
SELECT try('{"model": "Usr", "operation": "findMany"}');
-- unknown operation
SELECT try('{"model": "User", "operation": "findAll"}');
-- write operation
SELECT try('{"model": "User", "operation": "create"}');
-- args not an object
SELECT try('{"model": "User", "operation": "findMany", "args": []}');
-- unknown argument
SELECT try('{"model": "User", "operation": "findMany", "args": {"wher": {}}}');
-- findUnique argument not allowed
SELECT try('{"model": "User", "operation": "findUnique", "args": {"where": {"id": 1}, "take": 1}}');
-- findUnique without where
SELECT try('{"model": "User", "operation": "findUnique", "args": {}}');
-- findUnique on a non-unique field
SELECT try('{"model": "User", "operation": "findUnique", "args": {"where": {"name": "Alice"}}}');
-- compound unique missing a field
SELECT try('{"model": "Team", "operation": "findUnique", "args": {"where": {"org_slug": {"org": "acme"}}}}');
-- unknown field in where
SELECT try('{"model": "User", "operation": "findMany", "args": {"where": {"nam": "x"}}}');
-- unknown field in a nested where
SELECT try('{"model": "User", "operation": "findMany", "args": {"include": {"posts": {"where": {"titel": "x"}}}}}');
-- unknown operator
SELECT try('{"model": "User", "operation": "findMany", "args": {"where": {"name": {"like": "x"}}}}');
-- contains on a number
SELECT try('{"model": "User", "operation": "findMany", "args": {"where": {"karma": {"contains": "1"}}}}');
-- mode on a number
SELECT try('{"model": "User", "operation": "findMany", "args": {"where": {"karma": {"equals": 1, "mode": "insensitive"}}}}');
-- bad mode
SELECT try('{"model": "User", "operation": "findMany", "args": {"where": {"name": {"equals": "a", "mode": "upper"}}}}');
-- mode inside not (Prisma's nested filters take none), alone or with an operator
SELECT try('{"model": "User", "operation": "findMany", "args": {"where": {"name": {"not": {"mode": "insensitive"}}}}}');
SELECT try('{"model": "User", "operation": "findMany", "args": {"where": {"name": {"not": {"equals": "a", "mode": "insensitive"}}}}}');
-- string for an Int
SELECT try('{"model": "User", "operation": "findMany", "args": {"where": {"karma": "1"}}}');
-- fraction for an Int
SELECT try('{"model": "User", "operation": "findMany", "args": {"where": {"karma": 1.5}}}');
-- Int out of range
SELECT try('{"model": "User", "operation": "findMany", "args": {"where": {"karma": 3000000000}}}');
-- number for a String
SELECT try('{"model": "User", "operation": "findMany", "args": {"where": {"name": 5}}}');
-- bad BigInt string
SELECT try('{"model": "Post", "operation": "findMany", "args": {"where": {"views": "12a"}}}');
-- bad Decimal string
SELECT try('{"model": "Post", "operation": "findMany", "args": {"where": {"price": "1.2.3"}}}');
-- bad DateTime
SELECT try('{"model": "Post", "operation": "findMany", "args": {"where": {"createdAt": "yesterday"}}}');
-- DateTime without zone
SELECT try('{"model": "Post", "operation": "findMany", "args": {"where": {"createdAt": "2024-01-01T00:00:00"}}}');
-- bad Bytes
SELECT try('{"model": "Profile", "operation": "findMany", "args": {"where": {"avatar": "***"}}}');
-- unknown enum value
SELECT try('{"model": "User", "operation": "findMany", "args": {"where": {"role": "OWNER"}}}');
-- boolean as string
SELECT try('{"model": "Post", "operation": "findMany", "args": {"where": {"published": "true"}}}');
-- in with a non-array
SELECT try('{"model": "User", "operation": "findMany", "args": {"where": {"id": {"in": 1}}}}');
-- null inside in
SELECT try('{"model": "User", "operation": "findMany", "args": {"where": {"id": {"in": [1, null]}}}}');
-- lt null
SELECT try('{"model": "User", "operation": "findMany", "args": {"where": {"id": {"lt": null}}}}');
-- OR with a string
SELECT try('{"model": "User", "operation": "findMany", "args": {"where": {"OR": "x"}}}');
-- AND item not an object
SELECT try('{"model": "User", "operation": "findMany", "args": {"where": {"AND": [{"id": 1}, 2]}}}');
-- to-many filter without some/every/none
SELECT try('{"model": "User", "operation": "findMany", "args": {"where": {"posts": {"title": "x"}}}}');
-- Json shorthand
SELECT try('{"model": "Post", "operation": "findMany", "args": {"where": {"metadata": 1}}}');
-- Json path not an array, unknown Json filter
SELECT try('{"model": "Post", "operation": "findMany", "args": {"where": {"metadata": {"path": "a.b", "equals": 1}}}}');
SELECT try('{"model": "Post", "operation": "findMany", "args": {"where": {"metadata": {"has": 1}}}}');
SELECT try('{"model": "Post", "operation": "findMany", "args": {"where": {"metadata": {"string_contains": 1}}}}');
-- list filter on a scalar list
SELECT try('{"model": "Post", "operation": "findMany", "args": {"where": {"tags": {"contains": "x"}}}}');
-- field references
SELECT try('{"model": "Post", "operation": "findMany", "args": {"where": {"title": {"equals": {"_ref": "body", "_container": "Post"}}}}}');
-- full-text search
SELECT try('{"model": "Post", "operation": "findMany", "args": {"where": {"title": {"search": "x"}}}}');
-- select and include
SELECT try('{"model": "User", "operation": "findMany", "args": {"select": {"id": true}, "include": {"posts": true}}}');
-- select and omit
SELECT try('{"model": "User", "operation": "findMany", "args": {"select": {"id": true}, "omit": {"name": true}}}');
-- unknown field in select
SELECT try('{"model": "User", "operation": "findMany", "args": {"select": {"nme": true}}}');
-- select value not boolean
SELECT try('{"model": "User", "operation": "findMany", "args": {"select": {"name": 1}}}');
-- select object on a scalar
SELECT try('{"model": "User", "operation": "findMany", "args": {"select": {"name": {"select": {}}}}}');
-- include a scalar
SELECT try('{"model": "User", "operation": "findMany", "args": {"include": {"name": true}}}');
-- omit a relation
SELECT try('{"model": "User", "operation": "findMany", "args": {"omit": {"posts": true}}}');
-- empty selection
SELECT try('{"model": "User", "operation": "findMany", "args": {"select": {"id": false}}}');
-- select with include inside a nested select and include
SELECT try('{"model": "User", "operation": "findMany", "args": {"include": {"posts": {"select": {"id": true}, "include": {"author": true}}}}}');
-- orderBy unknown field
SELECT try('{"model": "User", "operation": "findMany", "args": {"orderBy": {"nme": "asc"}}}');
-- orderBy bad direction
SELECT try('{"model": "User", "operation": "findMany", "args": {"orderBy": {"name": "up"}}}');
-- orderBy two fields in one object
SELECT try('{"model": "User", "operation": "findMany", "args": {"orderBy": {"name": "asc", "id": "desc"}}}');
-- nulls on a required field
SELECT try('{"model": "User", "operation": "findMany", "args": {"orderBy": {"email": {"sort": "asc", "nulls": "first"}}}}');
-- nulls bad value
SELECT try('{"model": "User", "operation": "findMany", "args": {"orderBy": {"name": {"sort": "asc", "nulls": "middle"}}}}');
-- orderBy through relations: unknown field, to-many without _count, nulls on _count
SELECT try('{"model": "Post", "operation": "findMany", "args": {"orderBy": {"author": {"nme": "asc"}}}}');
SELECT try('{"model": "Post", "operation": "findMany", "args": {"orderBy": {"comments": {"text": "asc"}}}}');
SELECT try('{"model": "Post", "operation": "findMany", "args": {"orderBy": {"comments": {"_count": {"sort": "asc", "nulls": "first"}}}}}');
SELECT try('{"model": "Post", "operation": "findMany", "args": {"orderBy": {"tags": "asc"}}}');
-- take not an integer
SELECT try('{"model": "User", "operation": "findMany", "args": {"take": "5"}}');
-- take fraction
SELECT try('{"model": "User", "operation": "findMany", "args": {"take": 1.5}}');
-- negative skip
SELECT try('{"model": "User", "operation": "findMany", "args": {"skip": -1}}');
-- cursor without a unique criterion, not an object
SELECT try('{"model": "User", "operation": "findMany", "args": {"cursor": {"name": "Alice"}}}');
SELECT try('{"model": "User", "operation": "findMany", "args": {"cursor": 1}}');
-- distinct on an unknown field, a relation, nothing
SELECT try('{"model": "User", "operation": "findMany", "args": {"distinct": ["nme"]}}');
SELECT try('{"model": "User", "operation": "findMany", "args": {"distinct": "posts"}}');
SELECT try('{"model": "User", "operation": "findMany", "args": {"distinct": []}}');
-- _count of a field that is not a to-many relation, unknown _count argument
SELECT try('{"model": "User", "operation": "findMany", "args": {"include": {"_count": {"select": {"profile": true}}}}}');
SELECT try('{"model": "User", "operation": "findMany", "args": {"include": {"_count": {"where": {}}}}}');
SELECT try('{"model": "User", "operation": "findMany", "args": {"include": {"_count": 1}}}');
-- where on a required to-one include; findFirst taking more than one row
SELECT try('{"model": "Post", "operation": "findMany", "args": {"include": {"author": {"where": {"id": 1}}}}}');
SELECT try('{"model": "User", "operation": "findFirst", "args": {"take": 2}}');
-- filters a type does not have
SELECT try('{"model": "Post", "operation": "findMany", "args": {"where": {"published": {"in": [true]}}}}');
SELECT try('{"model": "Post", "operation": "findMany", "args": {"where": {"status": {"gt": "DRAFT"}}}}');
-- count with an argument it does not take
SELECT try('{"model": "User", "operation": "count", "args": {"include": {"posts": true}}}');
-- documents over the size limit
SET LOCAL prisma_compile.max_query_size = 1;
SELECT try('{"model": "User", "operation": "findMany", "args": {"where": {"name": "' || repeat('x', 2000) || '"}}}');
RESET prisma_compile.max_query_size;
-- documents nested deeper than the limit
SET LOCAL prisma_compile.max_depth = 1;
SELECT try('{"model": "User", "operation": "findMany", "args": {"where": {"AND": [{"AND": [{"AND": [{"AND": {"id": 1}}]}]}]}}}');
RESET prisma_compile.max_depth;
-- prisma_compile and the unpacked form report the same errors
SAVEPOINT s;
SELECT prisma_compile('{"model": "User", "operation": "findMany", "args": {"where": {"nam": "x"}}}');
ROLLBACK TO s;
SELECT prisma_query('User', 'findMany', '{"where": {"id": "x"}}');
ROLLBACK TO s;
SELECT prisma_query('Nope', 'findMany');
ROLLBACK;
