-- groupBy with a filter, and a count through a relation filter
\set k random(0, 100)
SELECT prisma_query(('{"model": "User", "operation": "groupBy", "args": {"by": ["role"], "where": {"karma": {"gte": ' || :k || '}}, "_count": {"_all": true}, "_avg": {"karma": true}, "orderBy": {"role": "asc"}}}')::json);
SELECT prisma_query('{"model": "Comment", "operation": "count", "args": {"where": {"post": {"published": true}}}}');
