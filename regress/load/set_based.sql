-- a set-based read (no take: children of all parents at once) of up to a
-- tenth of the 25,000 users, with two nested to-many relations
\set n random(1, 10)
SELECT prisma_query(('{"model": "User", "operation": "findMany", "args": {"where": {"karma": {"lt": ' || :n || '}}, "include": {"posts": {"include": {"categories": true}}, "memberships": {"include": {"team": true}}}}}')::json);
