-- count, aggregate and groupBy.
BEGIN;
\i regress/setup_kitchen_sink.sql

-- count: a number; where, take, skip, orderBy apply before counting
SELECT prisma_query('User', 'count');
SELECT prisma_query('User', 'count', '{}');
SELECT prisma_query('Post', 'count', '{"where": {"published": true}}');
SELECT prisma_query('Post', 'count', '{"where": {"title": "nothing"}}');
SELECT prisma_query('Post', 'count', '{"take": 5}');
SELECT prisma_query('Post', 'count', '{"take": -3, "skip": 38}');
SELECT prisma_query('Post', 'count', '{"skip": 35, "orderBy": {"views": "desc"}}');
SELECT prisma_query('Post', 'count', '{"select": true}');
-- count with select: an object of non-null counts
SELECT prisma_query('Sample', 'count', '{"select": {"_all": true, "countOpt": true, "textOpt": true, "docOpt": true, "words": true, "id": false}}');
SELECT prisma_query('Sample', 'count', '{"select": {}}');
SELECT prisma_query('Sample', 'count', '{"select": {"_all": true}, "where": {"id": 0}}');
SELECT prisma_compile('{"model": "Sample", "operation": "count", "args": {"select": {"_all": true, "countOpt": true}, "where": {"id": {"gt": 3}}}}');

-- aggregate over Sample
SELECT prisma_query('Sample', 'aggregate', '{"_count": true}');
SELECT prisma_query('Sample', 'aggregate', '{"_count": {"_all": true, "countOpt": true, "ratioOpt": true}, "_avg": {"count": true, "countOpt": true}, "_sum": {"count": true, "countOpt": true}}');
SELECT prisma_query('Sample', 'aggregate', '{"where": {"id": {"lt": 11}}, "_sum": {"big": true, "amount": true, "ratio": true}, "_avg": {"big": true, "amount": true, "ratio": true}}');
SELECT prisma_query('Sample', 'aggregate', '{"where": {"id": {"gt": 10}}, "_sum": {"big": true, "bigOpt": true, "amountOpt": true, "ratioOpt": true}, "_avg": {"bigOpt": true, "amountOpt": true, "ratioOpt": true}}');
SELECT prisma_query('Sample', 'aggregate', '{"_min": {"text": true, "count": true, "big": true, "ratio": true, "amount": true, "flag": true, "at": true, "bin": true, "status": true}, "_max": {"text": true, "count": true, "big": true, "ratio": true, "amount": true, "flag": true, "at": true, "bin": true, "status": true}}');
SELECT prisma_query('Sample', 'aggregate', '{"_min": {"textOpt": true, "countOpt": true, "bigOpt": true, "ratioOpt": true, "amountOpt": true, "flagOpt": true, "atOpt": true, "binOpt": true, "statusOpt": true}, "_max": {"textOpt": true, "countOpt": true, "bigOpt": true, "ratioOpt": true, "amountOpt": true, "flagOpt": true, "atOpt": true, "binOpt": true, "statusOpt": true}}');
-- no rows: counts 0, everything else null
SELECT prisma_query('Sample', 'aggregate', '{"where": {"id": 0}, "_count": {"_all": true, "count": true}, "_avg": {"count": true}, "_sum": {"count": true, "big": true, "amount": true}, "_min": {"at": true}, "_max": {"status": true}}');
SELECT prisma_query('Sample', 'aggregate', '{"where": {"id": 0}, "_count": true}');
SELECT prisma_query('Sample', 'aggregate', '{}');
SELECT prisma_query('Sample', 'aggregate', '{"_sum": {}, "_count": false, "_avg": {"count": false}}');
-- take/skip/orderBy before aggregating
SELECT prisma_query('Post', 'aggregate', '{"orderBy": {"views": "desc"}, "take": 3, "_sum": {"views": true}, "_count": true, "_min": {"views": true}}');
SELECT prisma_query('Post', 'aggregate', '{"take": -2, "_max": {"id": true}, "_min": {"id": true}}');
SELECT prisma_query('Post', 'aggregate', '{"_min": {"createdAt": true, "title": true, "rating": true, "price": true}, "_max": {"createdAt": true, "title": true, "rating": true, "price": true}, "_avg": {"rating": true, "price": true}}');
SELECT prisma_query('Team', 'aggregate', '{"_min": {"founded": true}, "_max": {"founded": true}, "_count": {"founded": true}}');
SELECT prisma_compile('{"model": "Post", "operation": "aggregate", "args": {"where": {"published": true}, "_count": {"_all": true}, "_sum": {"views": true}, "_avg": {"rating": true}}}');

-- groupBy
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "_count": true}');
SELECT prisma_query('Post', 'groupBy', '{"by": "status", "_count": {"_all": true, "rating": true}, "_sum": {"views": true}, "_avg": {"rating": true, "views": true}}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["published", "status"], "_max": {"createdAt": true}, "where": {"id": {"lt": 13}}}');
SELECT prisma_query('User', 'groupBy', '{"by": ["role"], "_count": {"_all": true, "name": true}, "_min": {"karma": true}, "_max": {"karma": true}, "_sum": {"karma": true}}');
SELECT prisma_query('User', 'groupBy', '{"by": ["managerId"], "_count": true}');
SELECT prisma_query('User', 'groupBy', '{"by": ["role"], "where": {"id": 0}, "_count": true}');
-- orderBy by fields and aggregates, take/skip
SELECT prisma_query('User', 'groupBy', '{"by": ["managerId"], "_count": true, "orderBy": {"_count": {"managerId": "desc"}}}');
SELECT prisma_query('User', 'groupBy', '{"by": ["managerId"], "_count": true, "orderBy": {"managerId": {"sort": "asc", "nulls": "first"}}}');
SELECT prisma_query('User', 'groupBy', '{"by": ["managerId"], "_count": true, "orderBy": [{"_count": {"id": "desc"}}, {"managerId": "desc"}], "take": 3}');
SELECT prisma_query('User', 'groupBy', '{"by": ["managerId"], "_count": true, "orderBy": [{"_count": {"id": "desc"}}, {"managerId": "desc"}], "take": -3}');
SELECT prisma_query('User', 'groupBy', '{"by": ["managerId"], "_count": true, "orderBy": [{"_count": {"id": "desc"}}, {"managerId": "desc"}], "take": 2, "skip": 2}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["authorId"], "_sum": {"views": true}, "orderBy": {"_sum": {"views": "asc"}}, "take": 4}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["authorId"], "_avg": {"rating": true}, "orderBy": [{"_avg": {"rating": "desc"}}, {"authorId": "asc"}], "take": 4}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["authorId"], "_max": {"title": true}, "orderBy": {"_min": {"createdAt": "asc"}}, "take": 3}');
-- having: aggregates of any field, plain filters on by fields, AND/OR/NOT
SELECT prisma_query('Post', 'groupBy', '{"by": ["authorId"], "_count": true, "having": {"authorId": {"_count": {"gt": 1}}}}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["authorId"], "_sum": {"views": true}, "having": {"views": {"_sum": {"gte": 4000}}}}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["authorId"], "_avg": {"rating": true}, "having": {"rating": {"_avg": {"gt": 3}}, "authorId": {"lt": 20}}}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["authorId"], "_count": true, "having": {"OR": [{"authorId": 1}, {"id": {"_count": {"equals": 3}}}]}}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["authorId"], "_count": true, "having": {"NOT": {"authorId": {"gt": 3}}, "authorId": {"_min": {"gte": 1}}}}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "_max": {"price": true}, "having": {"price": {"_max": {"gt": "100"}}}}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "_count": true, "having": {"status": {"in": ["DRAFT", "ARCHIVED"]}, "createdAt": {"_max": {"lt": "2024-04-10T00:00:00Z"}}}}');
SELECT prisma_query('User', 'groupBy', '{"by": ["name"], "_count": true, "having": {"name": {"startsWith": "al", "mode": "insensitive"}}}');
SELECT prisma_compile('{"model": "Post", "operation": "groupBy", "args": {"by": ["authorId"], "where": {"published": true}, "_count": {"_all": true}, "_sum": {"views": true}, "having": {"views": {"_sum": {"gt": 10}}}, "orderBy": {"_sum": {"views": "desc"}}, "take": 2}}');

SELECT prisma_query('Post', 'groupBy', '{"by": ["authorId"], "_count": true, "having": {"AND": [{"authorId": {"lt": 10}}, {"views": {"_max": {"gt": 5}}}], "NOT": [{"authorId": 4}]}, "orderBy": {"authorId": "desc"}}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["authorId"], "_count": true, "having": {"authorId": {"in": [1, 2, 3], "_count": {"gte": 2}}}}');
-- by: one name or a list (duplicates once); Boolean?, enum?, DateTime?, Bytes, Decimal; a NULL group
SELECT prisma_query('Sample', 'groupBy', '{"by": ["flagOpt", "flagOpt"], "_count": {"_all": true, "flagOpt": true}, "_min": {"binOpt": true, "at": true}, "_max": {"binOpt": true, "atOpt": true}}');
SELECT prisma_query('Sample', 'groupBy', '{"by": "statusOpt", "where": {"id": {"gt": 10}}, "_sum": {"bigOpt": true, "amountOpt": true, "count": true}, "_avg": {"amountOpt": true, "big": true}}');
SELECT prisma_query('Team', 'groupBy', '{"by": ["founded"], "_count": {"slug": true}, "orderBy": {"founded": {"sort": "desc", "nulls": "last"}}}');
SELECT prisma_query('Comment', 'groupBy', '{"by": ["postId"], "_count": true, "_min": {"createdAt": true}, "orderBy": [{"_count": {"id": "desc"}}, {"postId": "asc"}], "skip": 1, "take": 3}');
-- a list: NULL and {} are two groups, both returned as [] (as findMany returns a NULL list)
SELECT prisma_query('Post', 'groupBy', '{"by": ["tags"], "_count": true, "where": {"id": {"lt": 8}}}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "_count": {}, "_sum": {"views": false}}');

-- results compared with hand-written SQL over the same tables
SELECT prisma_query('Post', 'count', '{"where": {"published": true, "rating": {"gt": 3}}}')::text::int
       = (SELECT count(*) FROM "Post" WHERE published AND rating > 3) AS same;
SELECT prisma_query('Comment', 'count', '{"orderBy": {"createdAt": "desc"}, "skip": 5, "take": 100}')::text::int
       = (SELECT count(*) - 5 FROM "Comment") AS same;
SELECT prisma_query('Sample', 'count', '{"select": {"_all": true, "atOpt": true, "binOpt": true, "nums": true}}')::jsonb
       = (SELECT jsonb_build_object('_all', count(*), 'atOpt', count("atOpt"), 'binOpt', count("binOpt"), 'nums', count(nums)) FROM "Sample") AS same;
SELECT prisma_query('Sample', 'aggregate', '{"where": {"id": {"gt": 10}}, "_count": {"_all": true, "amountOpt": true}, "_sum": {"big": true, "bigOpt": true, "count": true, "amountOpt": true, "ratioOpt": true}, "_avg": {"count": true, "bigOpt": true, "amountOpt": true, "ratioOpt": true}, "_min": {"atOpt": true, "text": true}, "_max": {"statusOpt": true, "amount": true}}')::jsonb
       = (SELECT jsonb_build_object(
            '_count', jsonb_build_object('_all', count(*), 'amountOpt', count("amountOpt")),
            '_sum', jsonb_build_object('big', sum(big)::text, 'bigOpt', sum("bigOpt")::text, 'count', sum(count),
                                       'amountOpt', trim_scale(sum("amountOpt"))::text, 'ratioOpt', sum("ratioOpt")),
            '_avg', jsonb_build_object('count', avg(count)::float8, 'bigOpt', avg("bigOpt")::float8,
                                       'amountOpt', trim_scale(avg("amountOpt"))::text, 'ratioOpt', avg("ratioOpt")),
            '_min', jsonb_build_object('atOpt', to_char(min("atOpt"), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'text', min(text)),
            '_max', jsonb_build_object('statusOpt', max("statusOpt"), 'amount', trim_scale(max(amount))::text))
          FROM "Sample" WHERE id > 10) AS same;
SELECT prisma_query('Post', 'aggregate', '{"where": {"published": true}, "orderBy": {"createdAt": "desc"}, "take": 10, "_sum": {"views": true}, "_avg": {"rating": true}, "_count": {"price": true}}')::jsonb
       = (SELECT jsonb_build_object('_sum', jsonb_build_object('views', sum(views)::text),
                                    '_avg', jsonb_build_object('rating', avg(rating)),
                                    '_count', jsonb_build_object('price', count(price)))
          FROM (SELECT * FROM "Post" WHERE published ORDER BY "createdAt" DESC, id LIMIT 10) p) AS same;
SELECT prisma_query('Post', 'groupBy', '{"by": ["authorId"], "where": {"published": true}, "_count": {"_all": true}, "_sum": {"views": true}, "having": {"views": {"_sum": {"gt": 10}}}, "orderBy": {"_sum": {"views": "desc"}}, "take": 4}')::jsonb
       = (SELECT jsonb_agg(jsonb_build_object('authorId', "authorId", '_count', jsonb_build_object('_all', n), '_sum', jsonb_build_object('views', v::text)) ORDER BY v DESC, "authorId")
          FROM (SELECT "authorId", count(*) n, sum(views) v FROM "Post" WHERE published GROUP BY 1 HAVING sum(views) > 10
                ORDER BY v DESC, "authorId" LIMIT 4) g) AS same;
SELECT prisma_query('User', 'groupBy', '{"by": ["role", "managerId"], "_count": true, "_min": {"createdAt": true}, "_max": {"karma": true}, "_sum": {"karma": true}, "_avg": {"karma": true}}')::jsonb
       = (SELECT jsonb_agg(jsonb_build_object('role', role, 'managerId', manager_id, '_count', n,
                                              '_min', jsonb_build_object('createdAt', to_char(c, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
                                              '_max', jsonb_build_object('karma', mx), '_sum', jsonb_build_object('karma', sm),
                                              '_avg', jsonb_build_object('karma', av)) ORDER BY role, manager_id)
          FROM (SELECT role, manager_id, count(*) n, min(created_at) c, max(karma) mx, sum(karma) sm, avg(karma)::float8 av
                FROM users GROUP BY 1, 2) g) AS same;
SELECT prisma_query('Comment', 'groupBy', '{"by": ["authorId"], "_count": {"_all": true, "text": true}, "having": {"OR": [{"authorId": null}, {"postId": {"_avg": {"gt": 25}}}]}}')::jsonb
       = (SELECT jsonb_agg(jsonb_build_object('authorId', "authorId", '_count', jsonb_build_object('_all', n, 'text', t)) ORDER BY "authorId")
          FROM (SELECT "authorId", count(*) n, count(text) t FROM "Comment" GROUP BY 1
                HAVING "authorId" IS NULL OR avg("postId") > 25) g) AS same;

-- errors: arguments
SELECT prisma_query('User', 'count', '{"include": {"posts": true}}');
SELECT prisma_query('User', 'count', '{"select": {"nope": true}}');
SELECT prisma_query('User', 'count', '{"select": {"posts": true}}');
SELECT prisma_query('User', 'count', '{"select": {"_all": 1}}');
SELECT prisma_query('User', 'count', '{"select": "name"}');
SELECT prisma_query('User', 'count', '{"take": "5"}');
SELECT prisma_query('User', 'aggregate', '{"by": ["role"]}');
SELECT prisma_query('User', 'aggregate', '{"having": {}}');
SELECT prisma_query('User', 'aggregate', '{"select": {"_count": true}}');
SELECT prisma_query('User', 'groupBy', '{"by": ["role"], "cursor": {"id": 1}}');
SELECT prisma_query('User', 'groupBy', '{"by": ["role"], "distinct": ["role"]}');
-- errors: aggregates on fields they do not take
SELECT prisma_query('User', 'aggregate', '{"_avg": {"name": true}}');
SELECT prisma_query('Post', 'aggregate', '{"_sum": {"published": true}}');
SELECT prisma_query('Post', 'aggregate', '{"_sum": {"scores": true}}');
SELECT prisma_query('Post', 'aggregate', '{"_avg": {"createdAt": true}}');
SELECT prisma_query('Sample', 'aggregate', '{"_min": {"doc": true}}');
SELECT prisma_query('Sample', 'aggregate', '{"_max": {"words": true}}');
SELECT prisma_query('Post', 'aggregate', '{"_count": {"author": true}}');
SELECT prisma_query('Post', 'aggregate', '{"_count": {"nope": true}}');
SELECT prisma_query('Post', 'aggregate', '{"_sum": {"_all": true}}');
SELECT prisma_query('Post', 'aggregate', '{"_avg": true}');
SELECT prisma_query('Post', 'aggregate', '{"_count": 1}');
SELECT prisma_query('Post', 'aggregate', '{"_max": {"views": "yes"}}');
-- errors: groupBy's by, orderBy, take/skip
SELECT prisma_query('Post', 'groupBy');
SELECT prisma_query('Post', 'groupBy', '{"_count": true}');
SELECT prisma_query('Post', 'groupBy', '{"by": []}');
SELECT prisma_query('Post', 'groupBy', '{"by": 5}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status", 5]}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status", "nope"]}');
SELECT prisma_query('Post', 'groupBy', '{"by": "author"}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "take": 2}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "skip": 1}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "orderBy": {"status": "asc"}, "skip": -1}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "orderBy": {"status": "asc"}, "take": 1.5}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "orderBy": {"title": "asc"}}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "orderBy": [{"status": "asc"}, {"nope": "asc"}]}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "orderBy": {"status": "up"}}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "orderBy": {"status": "asc", "_count": {"id": "asc"}}}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "orderBy": {"status": {"sort": "asc", "nulls": "first"}}}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "orderBy": {"_count": {"_all": "asc"}}}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "orderBy": {"_count": {"id": "asc", "title": "asc"}}}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "orderBy": {"_sum": {"title": "asc"}}}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "orderBy": {"_max": {"views": {"sort": "asc"}}}}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "orderBy": "status"}');
-- errors: having
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "having": {"title": "x"}}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "having": {"views": {"gt": 1, "_sum": {"gt": 1}}}}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "having": {"OR": [{"status": "DRAFT"}, {"title": {"contains": "a"}}]}}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "having": {"nope": {"_count": {"gt": 1}}}}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "having": {"author": {"_count": {"gt": 1}}}}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "having": {"title": {"_sum": {"gt": 1}}}}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "having": {"views": {"_sum": 5}}}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "having": {"views": {"_sum": {"gt": "abc"}}}}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "having": {"id": {"_count": {"gt": 1.5}}}}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "having": {"views": {"_avg": {"near": 1}}}}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "having": {"AND": [5]}}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "having": []}');
SELECT prisma_query('Post', 'groupBy', '{"by": ["status"], "having": {"status": {"contains": "D"}}}');

ROLLBACK;
