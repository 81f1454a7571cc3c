// Written corpus for the movies fixture (bench/movies.prisma,
// fixtures/movies_data.sql). Each entry: feature tags, model, operation,
// args, and `expect` ('error': Prisma rejects it and so must prisma_query;
// 'notFound': *OrThrow with no row). The operation is a tag too.

const Q = [];
function q(tags, model, op, args = {}, expect = 'ok') {
  Q.push({ tags: tags.split(' '), model, op, args, expect });
}

// --- where: scalar filters ---------------------------------------------
q('where', 'Movie', 'findMany', { where: { year: 2001 } });
q('where', 'Movie', 'findMany', { where: { year: { equals: 2010 } } });
q('where', 'Movie', 'findMany', { where: { title: 'Same Title' } });
q('where', 'Movie', 'findMany', { where: { year: { not: 2001 } } });
q('where', 'Movie', 'findMany', { where: { description: { not: 'Not a colour.' } } });
q('where', 'Movie', 'findMany', { where: { year: { in: [1954, 1970, 2023] } } });
q('where', 'Movie', 'findMany', { where: { year: { in: [] } } });
q('where', 'Movie', 'findMany', { where: { year: { notIn: [2001, 2010, 1980, 1983, 1986, 1989, 1992, 1995, 1998, 2004, 2007, 2013] } } });
q('where', 'Movie', 'findMany', { where: { year: { notIn: [] } }, take: 3 });
q('where', 'Movie', 'findMany', { where: { year: { lt: 1980 } } });
q('where', 'Movie', 'findMany', { where: { year: { lte: 1980 } } });
q('where', 'Movie', 'findMany', { where: { year: { gt: 2010 } } });
q('where', 'Movie', 'findMany', { where: { year: { gte: 2015, lt: 2021 } } });
q('where', 'Movie', 'findMany', { where: { description: null } });
q('where', 'Movie', 'findMany', { where: { description: { equals: null } } });
q('where', 'Movie', 'findMany', { where: { description: { not: null } }, take: 10 });
q('where', 'Movie', 'findMany', { where: { description: '' } });
q('where', 'Movie', 'findMany', { where: { title: { in: ['CYAN', 'cyan', 'Amélie', '七人の侍'] } } });
q('where', 'Movie', 'findMany', { where: { title: 'Quote "Unquote"' } });
q('where', 'Movie', 'findMany', { where: { title: 'Back\\Slash' } });
q('where', 'Movie', 'findMany', { where: { title: 'Multi\nLine' } });
q('where', 'Movie', 'findMany', { where: { title: 'Trailing space ' } });
q('where', 'Movie', 'findMany', { where: { title: { gt: 'Y' } } });
q('where', 'Movie', 'findMany', { where: { title: { lte: 'Amélie' } } });
q('where', 'Movie', 'findMany', { where: { id: 9999 } });
q('where', 'Actor', 'findMany', { where: { person_id: { in: [1, 8] } } });
q('where', 'Review', 'findMany', { where: { rating: 3, author_id: { not: 1 } } });
q('where', 'User', 'findMany', { where: { name: '' } });

// --- where: string operators and mode ----------------------------------
q('where-string', 'Movie', 'findMany', { where: { title: { contains: 'Cyan' } } });
q('where-string', 'Movie', 'findMany', { where: { title: { contains: 'cyan' } } });
q('where-string mode', 'Movie', 'findMany', { where: { title: { contains: 'cyan', mode: 'insensitive' } } });
q('where-string mode', 'Movie', 'findMany', { where: { title: { startsWith: 'the', mode: 'insensitive' } } });
q('where-string', 'Movie', 'findMany', { where: { title: { startsWith: 'Same' } } });
q('where-string', 'Movie', 'findMany', { where: { title: { endsWith: 'Sea' } } });
q('where-string like-wildcards', 'Movie', 'findMany', { where: { title: { contains: '%' } } });
q('where-string like-wildcards', 'Movie', 'findMany', { where: { title: { contains: '_' } } });
q('where-string like-wildcards', 'Actor', 'findMany', { where: { name: { contains: '_' } } });
q('where-string like-wildcards', 'Movie', 'findMany', { where: { title: { contains: '\\' } } });
// Prisma passes the operand to LIKE as it is: % and _ are wildcards, and
// its documentation says to escape them with a backslash
q('where-string like-wildcards', 'Movie', 'findMany', { where: { title: { contains: '\\%' } } });
q('where-string like-wildcards', 'Actor', 'findMany', { where: { name: { endsWith: '\\_' } } });
q('where-string like-wildcards', 'Movie', 'findMany', { where: { title: { startsWith: 'Same_T' } } });
q('where-string like-wildcards', 'Movie', 'findMany', { where: { title: { contains: '\\\\' } } });
q('where-string mode like-wildcards', 'User', 'findMany', { where: { name: { equals: '_ob', mode: 'insensitive' } } });
q('where-string mode like-wildcards', 'User', 'findMany', { where: { name: { equals: 'b%', mode: 'insensitive' } } });
q('where-string', 'Movie', 'findMany', { where: { description: { contains: '"' } } });
q('where-string', 'Movie', 'findMany', { where: { title: { contains: "'" } } });
q('where-string', 'Movie', 'findMany', { where: { title: { contains: '侍' } } });
q('where-string', 'Movie', 'findMany', { where: { title: { contains: '🎬' } } });
q('where-string', 'Movie', 'findMany', { where: { title: { contains: '' } }, take: 5 });
q('where-string', 'Movie', 'findMany', { where: { description: { startsWith: 'Description of movie 3' } } });
q('where-string mode', 'Movie', 'findMany', { where: { title: { equals: 'same title', mode: 'insensitive' } } });
q('where-string mode', 'User', 'findMany', { where: { name: { in: ['ALICE', 'bob'], mode: 'insensitive' } } });
q('where-string mode', 'Movie', 'findMany', { where: { title: { contains: 'AMÉLIE', mode: 'insensitive' } } });
q('where-string mode', 'Movie', 'findMany', { where: { title: { not: { contains: 'cyan' }, mode: 'insensitive' }, year: 2001 } });
q('where-string', 'Movie', 'findMany', { where: { title: { not: { startsWith: 'Movie' } } } });
q('where-string', 'Movie', 'findMany', { where: { description: { not: { contains: 'movie' } } } });

// --- where: AND / OR / NOT ---------------------------------------------
q('logic', 'Movie', 'findMany', { where: { AND: [{ year: 2001 }, { title: { contains: 'Am' } }] } });
q('logic', 'Movie', 'findMany', { where: { AND: { year: 2010 } } });
q('logic', 'Movie', 'findMany', { where: { OR: [{ year: 1954 }, { title: 'CYAN' }] } });
q('logic', 'Movie', 'findMany', { where: { OR: [] } });
q('logic', 'Movie', 'findMany', { where: { AND: [] }, take: 3 });
q('logic', 'Movie', 'findMany', { where: { NOT: { year: { gte: 1980 } } } });
// empty filter objects inside AND/OR/NOT (Prisma drops them)
q('logic', 'Movie', 'findMany', { where: { OR: [{}] }, take: 3 });
q('logic', 'Movie', 'findMany', { where: { OR: [{}, { year: 1954 }] } });
q('logic', 'Movie', 'findMany', { where: { NOT: [{}] }, take: 3 });
q('logic', 'Movie', 'findMany', { where: { NOT: {} }, take: 3 });
q('logic', 'Movie', 'findMany', { where: { NOT: [{}, { year: { gte: 1980 } }] } });
q('logic', 'Movie', 'findMany', { where: { AND: [{}] }, take: 3 });
q('logic', 'Movie', 'findMany', { where: { AND: {}, year: 1954 } });
q('logic', 'Movie', 'findMany', { where: { NOT: [{ year: { gte: 1980 } }, { title: 'Zzz' }] } });
q('logic', 'Movie', 'findMany', { where: { NOT: { description: null }, year: 2001 } });
q('logic', 'Movie', 'findMany', { where: { OR: [{ AND: [{ year: 2010 }, { title: 'Same Title' }] }, { NOT: { year: { gt: 1960 } } }] } });
q('logic mode where-string', 'Movie', 'findMany', { where: { OR: [{ title: { contains: 'cyan', mode: 'insensitive' } }, { description: { contains: 'cyan' } }], NOT: { year: 2023 } } });

// --- findFirst / findUnique and *OrThrow --------------------------------
q('findFirst', 'Movie', 'findFirst', {});
q('findFirst where', 'Movie', 'findFirst', { where: { year: 2010 } });
q('findFirst orderBy', 'Movie', 'findFirst', { where: { year: 2010 }, orderBy: { id: 'desc' } });
q('findFirst where', 'Movie', 'findFirst', { where: { year: 3000 } });
q('findFirst take-negative', 'Movie', 'findFirst', { take: -1 });
q('findFirst skip orderBy', 'Movie', 'findFirst', { orderBy: { title: 'asc' }, skip: 2 });
q('findUnique', 'Movie', 'findUnique', { where: { id: 1 } });
q('findUnique', 'Movie', 'findUnique', { where: { id: 0 } });
q('findUnique where', 'Movie', 'findUnique', { where: { id: 9, year: 2010 } });
q('findUnique where', 'Movie', 'findUnique', { where: { id: 9, year: 1999 } });
q('findUnique include', 'Movie', 'findUnique', { where: { id: 4 }, include: { cast: true, reviews: true } });
q('findFirstOrThrow', 'Movie', 'findFirstOrThrow', { where: { title: 'CYAN' } });
q('findFirstOrThrow not-found', 'Movie', 'findFirstOrThrow', { where: { title: 'no such movie' } }, 'notFound');
q('findUniqueOrThrow', 'User', 'findUniqueOrThrow', { where: { id: 8 } });
q('findUniqueOrThrow not-found', 'User', 'findUniqueOrThrow', { where: { id: 404 } }, 'notFound');
q('findUniqueOrThrow include', 'Person', 'findUniqueOrThrow', { where: { id: 2 }, include: { actors: { include: { movies: true } } } });

// --- select / include / omit ------------------------------------------
q('select', 'Movie', 'findMany', { select: { id: true, title: true }, take: 5 });
q('select', 'Movie', 'findMany', { select: { title: true, id: false }, where: { year: 1954 } });
q('select', 'Movie', 'findMany', { select: { description: true }, where: { year: 2020 } });
q('include', 'Movie', 'findMany', { include: { cast: true }, where: { id: { lte: 5 } } });
q('include', 'Movie', 'findMany', { include: { cast: true, reviews: true }, where: { year: 2020 } });
q('include', 'Movie', 'findMany', { include: { cast: false }, where: { id: 1 } });
q('include', 'Review', 'findMany', { include: { author: true, movie: true }, where: { id: { lte: 6 } } });
q('include', 'Actor', 'findMany', { include: { person: true, movies: true }, where: { id: { gte: 70 } } });
q('include', 'User', 'findMany', { include: { reviews: true } });
q('include', 'Person', 'findMany', { include: { actors: { include: { movies: { include: { reviews: { include: { author: true } } } } } } }, where: { id: { lte: 4 } } });
q('select include', 'Movie', 'findMany', { select: { title: true, cast: { include: { person: true } } }, where: { id: { in: [1, 2, 14] } } });
q('select include', 'Review', 'findMany', { include: { movie: { select: { title: true, cast: { select: { name: true } } } } }, where: { movie_id: 1 } });
q('select', 'Actor', 'findMany', { select: { name: true, person: { select: { last_name: true } } }, where: { id: { lt: 13 } } });
q('select', 'Movie', 'findMany', { select: { id: true, cast: { select: { id: true, person: { select: { first_name: true, actors: { select: { id: true } } } } } } }, where: { id: 5 } });
q('omit', 'Movie', 'findMany', { omit: { description: true }, where: { year: 2001 } });
q('omit', 'Movie', 'findMany', { omit: { description: false, year: true }, where: { year: 2001 } });
q('omit include', 'Movie', 'findMany', { omit: { year: true }, include: { cast: { omit: { person_id: true } } }, where: { id: { lte: 3 } } });
q('omit select', 'Review', 'findMany', { select: { id: true, author: { omit: { name: true } } }, where: { id: { lte: 3 } } });

// --- nested relation arguments -------------------------------------------
q('nested', 'Movie', 'findMany', { include: { cast: { where: { name: { startsWith: 'A' } } } }, where: { id: { lte: 13 } } });
q('nested orderBy', 'Movie', 'findMany', { include: { cast: { orderBy: { name: 'desc' } } }, where: { id: { lte: 6 } } });
q('nested take', 'Movie', 'findMany', { include: { cast: { take: 2 } }, where: { id: { lte: 6 } } });
q('nested take orderBy', 'Movie', 'findMany', { include: { cast: { take: 1, orderBy: { name: 'asc' } } }, where: { id: { lte: 6 } } });
q('nested skip', 'Movie', 'findMany', { include: { cast: { skip: 1 } }, where: { id: { lte: 6 } } });
q('nested take skip', 'Movie', 'findMany', { include: { reviews: { skip: 1, take: 1 } }, where: { id: { lte: 6 } } });
q('nested take-negative', 'Movie', 'findMany', { include: { cast: { take: -2 } }, where: { id: { lte: 6 } } });
q('nested where logic', 'User', 'findMany', { include: { reviews: { where: { OR: [{ rating: 5 }, { rating: { lt: 1 } }] } } } });
q('nested where select', 'Person', 'findMany', { select: { id: true, actors: { where: { name: { contains: 'a' } }, select: { name: true } } }, where: { id: { lte: 12 } } });
q('nested orderBy take', 'Actor', 'findMany', { include: { movies: { orderBy: [{ year: 'desc' }, { title: 'asc' }], take: 3 } }, where: { id: { in: [2, 3, 11, 12] } } });
q('nested where', 'Movie', 'findMany', { include: { reviews: { where: { body: { contains: 'cyan', mode: 'insensitive' } } } }, where: { id: { gte: 20 } } });

// --- orderBy, take, skip ------------------------------------------------
q('orderBy', 'Movie', 'findMany', { orderBy: { title: 'asc' } });
q('orderBy', 'Movie', 'findMany', { orderBy: { title: 'desc' } });
q('orderBy', 'Movie', 'findMany', { orderBy: [{ year: 'asc' }, { title: 'desc' }] });
q('orderBy', 'Movie', 'findMany', { orderBy: { year: 'desc' }, where: { year: { gte: 2001 } } });
q('orderBy orderBy-nulls', 'Movie', 'findMany', { orderBy: { description: { sort: 'asc', nulls: 'first' } } });
q('orderBy orderBy-nulls', 'Movie', 'findMany', { orderBy: { description: { sort: 'asc', nulls: 'last' } } });
q('orderBy orderBy-nulls', 'Movie', 'findMany', { orderBy: { description: { sort: 'desc', nulls: 'last' } } });
q('orderBy orderBy-nulls', 'Movie', 'findMany', { orderBy: [{ description: { sort: 'desc', nulls: 'first' } }, { year: 'asc' }] });
q('orderBy', 'Movie', 'findMany', { orderBy: { description: 'asc' } });
q('orderBy', 'Movie', 'findMany', { orderBy: { description: 'desc' } });
q('orderBy', 'User', 'findMany', { orderBy: { name: 'asc' } });
q('take', 'Movie', 'findMany', { take: 3 });
q('take', 'Movie', 'findMany', { take: 0 });
q('take orderBy', 'Movie', 'findMany', { take: 4, orderBy: { year: 'asc' } });
q('take-negative', 'Movie', 'findMany', { take: -3 });
q('take-negative orderBy', 'Movie', 'findMany', { take: -4, orderBy: { title: 'asc' } });
q('take-negative skip', 'Movie', 'findMany', { take: -2, skip: 3 });
q('skip', 'Movie', 'findMany', { skip: 55 });
q('skip', 'Movie', 'findMany', { skip: 100 });
q('skip take orderBy', 'Movie', 'findMany', { skip: 10, take: 5, orderBy: [{ year: 'desc' }, { id: 'asc' }] });
q('take where', 'Review', 'findMany', { where: { rating: { gte: 4 } }, take: 3 });

// --- relation filters (phase 2) -------------------------------------------
q('relation-filter', 'Movie', 'findMany', { where: { cast: { some: { name: { contains: 'Ada' } } } } });
q('relation-filter', 'Movie', 'findMany', { where: { cast: { none: {} } } });
q('relation-filter', 'Movie', 'findMany', { where: { reviews: { every: { rating: { gte: 3 } } } } });
q('relation-filter', 'Movie', 'findMany', { where: { reviews: { some: {} }, cast: { some: {} } } });
q('relation-filter', 'Review', 'findMany', { where: { movie: { is: { year: 2001 } } } });
q('relation-filter', 'Review', 'findMany', { where: { author: { isNot: { name: 'alice' } } }, take: 10 });
q('relation-filter', 'Review', 'findMany', { where: { movie: { title: { contains: 'Cyan' } } } });
q('relation-filter logic', 'Actor', 'findMany', { where: { OR: [{ movies: { none: {} } }, { person: { last_name: 'Lovelace' } }] } });
q('relation-filter include', 'User', 'findMany', { where: { reviews: { some: { movie: { cast: { some: { name: 'Zoë Saldaña' } } } } } }, include: { reviews: true } });
q('relation-filter nested', 'Movie', 'findMany', { include: { cast: { where: { movies: { some: { year: 2010 } } } } }, where: { id: { lte: 10 } } });

// --- orderBy relation / _count (phase 2) --------------------------------
q('orderBy-relation', 'Review', 'findMany', { orderBy: { movie: { title: 'asc' } } });
q('orderBy-relation', 'Actor', 'findMany', { orderBy: [{ person: { last_name: 'desc' } }, { name: 'asc' }], take: 20 });
q('orderBy-count', 'Movie', 'findMany', { orderBy: { cast: { _count: 'desc' } }, take: 10 });
q('orderBy-count', 'User', 'findMany', { orderBy: { reviews: { _count: 'asc' } } });
q('orderBy-count nested', 'Person', 'findMany', { include: { actors: { orderBy: { movies: { _count: 'desc' } } } }, where: { id: { lte: 5 } } });

// --- cursor, distinct (phase 2) ---------------------------------------------
q('cursor take', 'Movie', 'findMany', { cursor: { id: 10 }, take: 5 });
q('cursor take skip', 'Movie', 'findMany', { cursor: { id: 10 }, take: 5, skip: 1 });
q('cursor take orderBy', 'Movie', 'findMany', { cursor: { id: 10 }, take: 4, orderBy: { title: 'asc' } });
q('cursor take-negative', 'Movie', 'findMany', { cursor: { id: 30 }, take: -3 });
q('cursor', 'Movie', 'findMany', { cursor: { id: 999 }, take: 3 });
q('distinct', 'Movie', 'findMany', { distinct: ['year'], orderBy: { year: 'asc' } });
q('distinct', 'Movie', 'findMany', { distinct: ['title'], select: { title: true } });
q('distinct', 'Review', 'findMany', { distinct: ['rating', 'author_id'], orderBy: { id: 'desc' } });
q('distinct nested', 'User', 'findMany', { include: { reviews: { distinct: ['rating'] } } });

// --- _count in select / include (phase 2) -----------------------------------
q('count-select', 'Movie', 'findMany', { include: { _count: true }, where: { id: { lte: 5 } } });
q('count-select', 'Movie', 'findMany', { select: { title: true, _count: { select: { cast: true } } }, where: { year: 2001 } });
q('count-select', 'User', 'findMany', { select: { id: true, _count: { select: { reviews: { where: { rating: { gte: 4 } } } } } } });
q('count-select nested', 'Person', 'findMany', { include: { actors: { include: { _count: true } } }, where: { id: { lte: 3 } } });

// --- count / aggregate / groupBy (phase 2) ----------------------------------
q('count', 'Movie', 'count', {});
q('count', 'Movie', 'count', { where: { description: null } });
q('count', 'Movie', 'count', { select: { _all: true, description: true } });
q('count', 'Review', 'count', { where: { rating: { gte: 3 } }, take: 5 });
q('aggregate', 'Movie', 'aggregate', { _count: true, _min: { year: true }, _max: { year: true, title: true } });
q('aggregate', 'Review', 'aggregate', { _avg: { rating: true }, _sum: { rating: true }, where: { movie_id: 1 } });
q('aggregate', 'Review', 'aggregate', { _avg: { rating: true }, where: { movie_id: 9999 } });
q('aggregate', 'Movie', 'aggregate', { _count: { _all: true, description: true } });
q('groupBy', 'Movie', 'groupBy', { by: ['year'], _count: { _all: true }, orderBy: { year: 'asc' } });
q('groupBy', 'Review', 'groupBy', { by: ['rating'], _avg: { author_id: true }, _max: { id: true }, orderBy: { rating: 'desc' } });
q('groupBy', 'Review', 'groupBy', { by: ['movie_id'], _count: { _all: true }, having: { rating: { _avg: { gt: 3 } } }, orderBy: { movie_id: 'asc' } });
q('groupBy', 'Movie', 'groupBy', { by: ['year', 'description'], where: { year: 2001 }, orderBy: [{ year: 'asc' }, { description: 'asc' }] });

// --- errors: Prisma rejects these, prisma_query must too -----------------
q('errors', 'Movie', 'findMany', { where: { titel: 'x' } }, 'error');
q('errors', 'Movie', 'findMany', { select: { titel: true } }, 'error');
q('errors select include', 'Movie', 'findMany', { select: { title: true }, include: { cast: true } }, 'error');
q('errors select omit', 'Movie', 'findMany', { select: { title: true }, omit: { year: true } }, 'error');
q('errors', 'Movie', 'findMany', { where: { year: 'nineteen' } }, 'error');
q('errors', 'Movie', 'findMany', { take: 'ten' }, 'error');
q('errors', 'Movie', 'findMany', { include: { title: true } }, 'error');
q('errors', 'Movie', 'findMany', { orderBy: { title: 'up' } }, 'error');
q('errors', 'Movie', 'findMany', { orderBy: { nope: 'asc' } }, 'error');
q('errors', 'Movie', 'findMany', { orderBy: { title: { sort: 'asc', nulls: 'first' } } }, 'error');
q('errors mode', 'Movie', 'findMany', { where: { year: { equals: 1, mode: 'insensitive' } } }, 'error');
q('errors', 'Movie', 'findMany', { where: { year: { like: 1 } } }, 'error');
q('errors', 'Movie', 'findUnique', { where: { title: 'CYAN' } }, 'error');
q('errors', 'Movie', 'findUnique', {}, 'error');
q('errors', 'Movie', 'findMany', { include: { cast: { where: { nope: 1 } } } }, 'error');
q('errors', 'Movie', 'findMany', { where: { description: { contains: null } } }, 'error');
q('errors', 'Movie', 'findMany', { where: { OR: { year: 1 } } }, 'error');
q('errors', 'Movie', 'findMany', { bogus: 1 }, 'error');
q('errors', 'Review', 'findMany', { include: { author: { take: 1 } } }, 'error');

export default Q;
