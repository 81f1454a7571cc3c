-- findMany with a relation filter, nested includes, order and take
\set k random(0, 100)
SELECT prisma_query(('{"model": "Post", "operation": "findMany", "args": {"where": {"OR": [{"views": {"gte": ' || :k || '}}, {"author": {"karma": {"lt": ' || :k || '}}}]}, "include": {"categories": true, "comments": {"include": {"author": true}}}, "orderBy": {"id": "desc"}, "take": 20}}')::json);
