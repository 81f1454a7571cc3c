-- findUnique with a to-one, a to-many and _count; the document is built
-- from a random id (a ":" in the JSON is followed by a space: pgbench
-- reads ":name" as a variable, also inside quotes)
\set id random(1, 30)
SELECT prisma_query(('{"model": "User", "operation": "findUnique", "args": {"where": {"id": ' || :id || '}, "include": {"posts": {"take": 3}, "profile": true, "_count": {"select": {"comments": true}}}}}')::json);
