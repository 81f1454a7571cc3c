\set k random(0, 100)
SELECT prisma_query(format('{"model":"Post","operation":"findMany","args":{"where":{"OR":[{"views":{"gte":%s}},{"author":{"karma":{"lt":%s}}}]},"include":{"categories":true,"comments":{"include":{"author":true}}},"orderBy":{"id":"desc"},"take":20}}', :k, :k)::json);
