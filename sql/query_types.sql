-- Every Prisma type through prisma_query, encoded as docs/design.md, "Output encoding", says.
BEGIN;
\i regress/setup_kitchen_sink.sql

SELECT prisma_query('Sample', 'findUnique', json_build_object('where', json_build_object('id', i))) AS sample
FROM generate_series(1, 10) AS i;
-- enums, BigInt, Float, Decimal, Json, lists in a relation
SELECT prisma_query('Post', 'findMany', '{"where": {"id": {"lte": 12}}, "orderBy": {"id": "asc"}, "omit": {"body": true, "title": true}}');
-- Bytes and DateTime (@db.Date) through relations
SELECT prisma_query('User', 'findUnique', '{"where": {"id": 1}, "select": {"profile": {"select": {"avatar": true}}, "memberships": {"select": {"joinedAt": true, "team": {"select": {"founded": true}}}}}}');
-- the session time zone does not change DateTime output or input
SET LOCAL TimeZone = 'America/New_York';
SELECT prisma_query('Post', 'findMany', '{"where": {"createdAt": {"gte": "2024-03-01T10:00:00.000Z", "lt": "2024-03-02T00:00:00Z"}}, "select": {"id": true, "createdAt": true}}');
ROLLBACK;
