\set k random(0, 100)
SELECT prisma_query(format('{"model":"User","operation":"groupBy","args":{"by":["role"],"where":{"karma":{"gte":%s}},"_count":{"_all":true},"_avg":{"karma":true},"orderBy":{"role":"asc"}}}', :k)::json);
SELECT prisma_query('{"model":"Comment","operation":"count","args":{"where":{"post":{"published":true}}}}');
