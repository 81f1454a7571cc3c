-- Load the kitchen-sink fixture (tables, data, schema) quietly.
-- Used by the pg_regress suites inside their BEGIN ... ROLLBACK.
\set ECHO none
\o /dev/null
\ir fixtures/kitchen_sink.sql
\set ks_schema `cat regress/fixtures/kitchen_sink.prisma`
SELECT prisma_load_schema(:'ks_schema');
\o
\set ECHO all
