-- prisma_compile.retained_memory: freed memory a backend keeps for its next
-- queries (glibc malloc's thresholds, set when the library is loaded)
LOAD 'prisma_compile';
SHOW prisma_compile.retained_memory;

-- minor page faults of this backend so far
CREATE FUNCTION pg_temp.minor_faults() RETURNS bigint LANGUAGE sql AS
$$ SELECT split_part(substring(pg_read_file('/proc/self/stat') FROM '\) (.*)$'), ' ', 8)::bigint $$;

-- 60 MB allocated and freed by one statement: the second run reuses the
-- memory of the first instead of faulting in fresh pages (glibc alone maps
-- the 30 MB value anew and trims the heap: about 15k faults)
SELECT length(repeat('x', 15000000) || repeat('y', 15000000));
SELECT pg_temp.minor_faults() AS faults_before \gset
SELECT length(repeat('x', 15000000) || repeat('y', 15000000));
SELECT pg_temp.minor_faults() - :faults_before < 1000 AS freed_memory_reused;

-- 0 hands freed memory back (glibc's initial thresholds) and can be set again
SET prisma_compile.retained_memory = 0;
SELECT length(repeat('x', 15000000) || repeat('y', 15000000));
SET prisma_compile.retained_memory = '256MB';
SHOW prisma_compile.retained_memory;
RESET prisma_compile.retained_memory;

-- out of range, and not for ordinary roles (it holds memory in the process);
-- the range error is shown by its SQLSTATE (its wording differs between
-- PostgreSQL releases)
\set VERBOSITY sqlstate
SET prisma_compile.retained_memory = '2GB';
SET prisma_compile.retained_memory = -1;
\set VERBOSITY default
CREATE ROLE prisma_memory_user;
SET ROLE prisma_memory_user;
SET prisma_compile.retained_memory = '1MB';
RESET ROLE;
DROP ROLE prisma_memory_user;
