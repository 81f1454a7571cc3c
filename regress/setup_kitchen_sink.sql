-- Load the kitchen-sink fixture (tables, data, schema) quietly.
-- Used by the pg_regress suites inside their BEGIN ... ROLLBACK.
\set ECHO none
\set QUIET on
\o /dev/null
\ir fixtures/kitchen_sink.sql
\set ks_schema `cat regress/fixtures/kitchen_sink.prisma`
SELECT prisma_load_schema(:'ks_schema');
\o
-- errors roll back only their statement; results print bare
\set ON_ERROR_ROLLBACK on
\pset format unaligned
\pset tuples_only on
\set ECHO all
