-- Shared start of the pgTAP suites: both extensions and the kitchen-sink
-- fixture (tables, data, schema) in the caller's transaction, quietly.
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS prisma_compile;
\o /dev/null
\i regress/fixtures/kitchen_sink.sql
\set s `cat regress/fixtures/kitchen_sink.prisma`
SELECT prisma_load_schema(:'s');
\o
