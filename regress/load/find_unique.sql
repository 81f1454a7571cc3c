\set id random(1, 30)
SELECT prisma_query(format('{"model":"User","operation":"findUnique","args":{"where":{"id":%s},"include":{"posts":{"take":3},"profile":true,"_count":{"select":{"comments":true}}}}}', :id)::json);
