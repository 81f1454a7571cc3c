SELECT prisma_query('{"model":"User","operation":"findMany","args":{"include":{"posts":{"include":{"categories":true}},"memberships":{"include":{"team":true}}}}}');
