-- Every filter operator of where, and AND/OR/NOT.
BEGIN;
\i regress/setup_kitchen_sink.sql

\i regress/filter_helpers.sql

-- equality: shorthand, equals, null
SELECT ids('Category', '{"name": "Tech"}');
SELECT ids('Category', '{"name": {"equals": "Tech"}}');
SELECT ids('User', '{"name": null}');
SELECT ids('User', '{"name": {"equals": null}}');
SELECT ids('Post', '{"published": false}');
SELECT ids('Post', '{"status": "ARCHIVED"}');
SELECT ids('Post', '{"views": "9007199254740993"}');
SELECT ids('Post', '{"views": 9223372036854775807}');
SELECT ids('Post', '{"price": "19.99"}');
SELECT ids('Post', '{"price": 0.000000000000000000000000000001}');
SELECT ids('Post', '{"rating": 4.5}');
SELECT ids('Post', '{"createdAt": "2024-03-01T10:00:00.000Z"}');
SELECT ids('Post', '{"createdAt": "2024-03-01T12:00:00+02:00"}');
SELECT ids('Profile', '{"avatar": "3q2+7w=="}');
SELECT prisma_query('Team', 'findMany', '{"where": {"founded": "2015-01-15T00:00:00Z"}, "select": {"slug": true}}');
SELECT ids('Sample', '{"ratio": "NaN"}');

-- not: value, null, nested filter; NULLs never match not
SELECT ids('User', '{"name": {"not": "Alice"}}');
SELECT ids('User', '{"name": {"not": null}}');
SELECT ids('User', '{"karma": {"not": {"gt": 0}}}');
SELECT ids('Comment', '{"authorId": {"not": 2}}');

-- in / notIn (NULLs never match notIn), empty lists
SELECT ids('Category', '{"id": {"in": [1, 3, 5]}}');
SELECT ids('Category', '{"id": {"notIn": [1, 3, 5]}}');
SELECT ids('Category', '{"id": {"in": []}}');
SELECT ids('Category', '{"id": {"notIn": []}}');
SELECT ids('Comment', '{"authorId": {"notIn": [2, 3]}}');
SELECT ids('Post', '{"status": {"in": ["DRAFT", "ARCHIVED"]}}');

-- comparisons on numbers, strings, dates, BigInt, Decimal
SELECT ids('User', '{"karma": {"lt": 0}}');
SELECT ids('User', '{"karma": {"lte": 0, "gte": -5}}');
SELECT ids('User', '{"karma": {"gt": 50}}');
SELECT ids('Category', '{"name": {"gte": "T"}}');
SELECT ids('Post', '{"createdAt": {"lt": "2024-03-02T00:00:00Z"}}');
SELECT ids('Post', '{"views": {"gt": "9007199254740992"}}');
SELECT ids('Post', '{"price": {"gt": 1000}}');

-- contains / startsWith / endsWith: wildcards in the value are literal
SELECT ids('Post', '{"title": {"contains": "o W"}}');
SELECT ids('Post', '{"title": {"contains": "%"}}');
SELECT ids('Post', '{"title": {"contains": "_"}}');
SELECT ids('Post', '{"body": {"contains": "\\"}}');
SELECT ids('Post', '{"title": {"startsWith": "Hello"}}');
SELECT ids('Post', '{"title": {"endsWith": "off"}}');
SELECT ids('User', '{"email": {"endsWith": ".jp"}}');
-- mode: insensitive
SELECT ids('Post', '{"title": {"contains": "HELLO", "mode": "insensitive"}}');
SELECT ids('Post', '{"title": {"equals": "zebra", "mode": "insensitive"}}');
SELECT ids('Post', '{"title": {"in": ["zebra", "SECOND"], "mode": "insensitive"}}');
SELECT ids('Post', '{"title": {"startsWith": "café", "mode": "insensitive"}}');
SELECT ids('Post', '{"title": {"contains": "HELLO", "mode": "default"}}');

-- AND / OR / NOT with objects and arrays
SELECT ids('User', '{"AND": [{"karma": 50}, {"role": "USER"}]}');
SELECT ids('User', '{"AND": {"karma": 50}}');
SELECT ids('User', '{"OR": [{"karma": 100}, {"name": "Bob"}]}');
SELECT ids('User', '{"OR": []}');
SELECT ids('Category', '{"AND": []}');
SELECT ids('Category', '{"NOT": []}');
SELECT ids('Category', '{"NOT": {"id": {"lt": 6}}}');
SELECT ids('Category', '{"NOT": [{"id": 1}, {"id": 2}, {"name": {"contains": "e"}}]}');
SELECT ids('User', '{"NOT": {"name": "Alice"}, "id": {"lt": 11}}');
SELECT ids('User', '{"OR": [{"AND": [{"role": "ADMIN"}, {"karma": {"gt": 0}}]}, {"NOT": {"OR": [{"id": {"gt": 2}}, {"name": null}]}}]}');

-- empty filters are left out, as in Prisma: relation and scalar filters {},
-- and inside AND/OR/NOT also AND/OR/NOT of empty objects only
SELECT ids('Category', '{"NOT": {"AND": []}}');
SELECT ids('Category', '{"NOT": {"NOT": {}}}');
SELECT ids('Category', '{"AND": [{"OR": []}]}');
SELECT ids('Category', '{"OR": [{"AND": []}, {"id": 3}]}');
SELECT ids('Category', '{"OR": [{"name": {}}, {"id": 3}]}');
SELECT ids('Category', '{"OR": [{"name": {"not": {}}}, {"id": 3}]}');
SELECT ids('User', '{"OR": [{"profile": {}}, {"id": 3}]}');
SELECT ids('User', '{"NOT": {"profile": {}}, "id": {"lt": 4}}');
SELECT ids('User', '{"posts": {}, "id": {"lt": 4}}');
SELECT ids('User', '{"profile": {"is": {}}, "id": {"lt": 6}}');
SELECT ids('User', '{"posts": {"some": {"OR": []}}}');
SELECT ids('Post', '{"tags": {}}');
SELECT ids('Post', '{"metadata": {"path": ["a"]}}');

-- scalar lists
SELECT ids('Post', '{"tags": {"has": "news"}}');
SELECT ids('Post', '{"tags": {"hasSome": ["sale", "party"]}}');
SELECT ids('Post', '{"tags": {"hasEvery": ["sale", "under_score"]}}');
SELECT ids('Post', '{"tags": {"isEmpty": true}}');
SELECT ids('Post', '{"scores": {"equals": [1, 2, 3]}}');

-- Json equals / not
SELECT ids('Post', '{"metadata": {"equals": {"k": "v"}}}');
SELECT ids('Post', '{"metadata": {"equals": [1, "two", null, {"three": 3}]}}');
SELECT ids('Sample', '{"doc": {"equals": "a string"}}');
SELECT ids('Sample', '{"docOpt": {"equals": "DbNull"}}');
SELECT ids('Sample', '{"docOpt": {"equals": "JsonNull"}}');

-- relation filters: to-one is/isNot/direct/null, to-many some/every/none
SELECT ids('Post', '{"author": {"name": "Alice"}}');
SELECT ids('Post', '{"author": {"is": {"name": "Alice"}}}');
SELECT ids('Post', '{"editor": {"isNot": {"name": "Bob"}}, "id": {"lt": 13}}');
SELECT ids('Post', '{"editor": null, "id": {"lt": 13}}');
SELECT ids('Post', '{"editor": {"isNot": null}, "id": {"lt": 13}}');
SELECT ids('User', '{"profile": null}');
SELECT ids('User', '{"profile": {"is": {"bio": {"contains": "Paris"}}}}');
SELECT ids('Category', '{"posts": {"some": {"published": false}}}');
SELECT ids('Category', '{"posts": {"none": {}}}');
SELECT ids('Category', '{"posts": {"every": {"published": true}}}');
SELECT prisma_query('Team', 'findMany', '{"where": {"memberships": {"some": {"user": {"name": "Alice"}}}}, "orderBy": {"org": "asc"}, "select": {"org": true, "slug": true}}');
SELECT ids('User', '{"posts": {"some": {"categories": {"some": {"name": "日本"}}}}}');
SELECT ids('User', '{"posts": {"some": {}}, "edited": {"none": {}}, "id": {"lt": 11}}');
ROLLBACK;
