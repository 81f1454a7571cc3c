#!/usr/bin/env bash
# The demo's queries, run against the cluster pg_virtualenv set up.
set -euo pipefail
cd "$(dirname "$0")/.."
psql -q -X -v ON_ERROR_STOP=1 -d postgres -f bench/movies_schema.sql >/dev/null
psql -q -X -v ON_ERROR_STOP=1 -d postgres -f regress/conformance/fixtures/movies_data.sql >/dev/null
psql -X -v ON_ERROR_STOP=1 -d postgres -v schema="$(cat bench/movies.prisma)" <<'SQL'
\pset tuples_only on
\pset format unaligned
\echo '== CREATE EXTENSION prisma_compile; SELECT prisma_load_schema(<bench/movies.prisma>);'
CREATE EXTENSION prisma_compile;
SELECT prisma_load_schema(:'schema');
\echo
\echo '== movie.findMany({where: {title: {contains: "cyan"}}, include: {cast: {take: 2}}, take: 2})'
SELECT prisma_query('{"model": "Movie", "operation": "findMany", "args": {"where": {"title": {"contains": "cyan"}}, "include": {"cast": {"take": 2}}, "take": 2}}');
\echo
\echo '== actor.findUnique({where: {id: 3}, select: {name: true, person: true, movies: {select: {title: true}, orderBy: {year: "desc"}, take: 3}}})'
SELECT prisma_query('Actor', 'findUnique', '{"where": {"id": 3}, "select": {"name": true, "person": true, "movies": {"select": {"title": true}, "orderBy": {"year": "desc"}, "take": 3}}}');
\echo
\echo '== movie.findMany({where: {reviews: {some: {rating: {gte: 4}}}}, select: {title: true, _count: {select: {reviews: true}}}, orderBy: {reviews: {_count: "desc"}}, take: 3})'
SELECT prisma_query('Movie', 'findMany', '{"where": {"reviews": {"some": {"rating": {"gte": 4}}}}, "select": {"title": true, "_count": {"select": {"reviews": true}}}, "orderBy": {"reviews": {"_count": "desc"}}, "take": 3}');
\echo
\echo '== review.groupBy({by: ["rating"], _count: {_all: true}, orderBy: {rating: "desc"}})'
SELECT prisma_query('Review', 'groupBy', '{"by": ["rating"], "_count": {"_all": true}, "orderBy": {"rating": "desc"}}');
\echo
\echo '== movie.count({where: {year: {gte: 2000}}})'
SELECT prisma_query('Movie', 'count', '{"where": {"year": {"gte": 2000}}}');
\echo
\echo '== the SQL it compiles to (values are $n parameters):'
SELECT prisma_compile('{"model": "Movie", "operation": "findMany", "args": {"where": {"title": {"contains": "cyan"}}, "include": {"cast": true}, "take": 2000}}');
\echo
\echo '== an error names the JSON path:'
\set ON_ERROR_STOP 0
SELECT prisma_query('{"model": "Movie", "operation": "findMany", "args": {"include": {"cast": {"where": {"nme": "x"}}}}}');
SQL
