// Written corpus for the kitchen-sink fixture (regress/fixtures/
// kitchen_sink.prisma and .sql): every scalar type, enums, lists, Json,
// Bytes, Decimal, BigInt, DateTime, one-to-one, one-to-many, implicit and
// explicit many-to-many, a self-relation, compound ids, @map/@@map.
// Entries as in movies.mjs.

import { big, bytes, ref } from '../lib/values.mjs';

const Q = [];
function q(tags, model, op, args = {}, expect = 'ok') {
  Q.push({ tags: tags.split(' '), model, op, args, expect });
}

// --- every scalar type comes back in its JSON form -----------------------
q('findMany', 'Sample', 'findMany', {});
q('findMany', 'User', 'findMany', {});
q('findMany', 'Post', 'findMany', {});
q('findMany', 'Profile', 'findMany', {});
q('findMany', 'Team', 'findMany', {});
q('findMany', 'Membership', 'findMany', {});
q('findMany', 'Comment', 'findMany', {});
q('findMany', 'Category', 'findMany', {});
q('findUnique', 'Sample', 'findUnique', { where: { id: 4 } });
q('findUnique', 'Sample', 'findUnique', { where: { id: 1 } });

// --- filters on every type --------------------------------------------
q('where where-types', 'Sample', 'findMany', { where: { big: big('9007199254740993') } });
q('where where-types', 'Sample', 'findMany', { where: { big: { gt: big('1000000000000') } } });
q('where where-types', 'Sample', 'findMany', { where: { bigOpt: { lt: big('0') } } });
q('where where-types', 'Sample', 'findMany', { where: { big: { in: [big('-1'), big('9223372036854775807')] } } });
q('where where-types', 'Post', 'findMany', { where: { views: { gte: big('9007199254740993') } } });
q('where where-types', 'Sample', 'findMany', { where: { amount: '7.25' } });
q('where where-types', 'Sample', 'findMany', { where: { amount: { gt: '1.5', lte: '3' } } });
q('where where-types', 'Post', 'findMany', { where: { price: { lt: '1' } } });
q('where where-types', 'Post', 'findMany', { where: { price: '19.99' } });
q('where where-types', 'Sample', 'findMany', { where: { amountOpt: null } });
q('where where-types', 'Sample', 'findMany', { where: { ratio: { gt: 1, lt: 5 } } });
q('where where-types', 'Sample', 'findMany', { where: { ratioOpt: 7.25 } });
q('where where-types', 'Post', 'findMany', { where: { rating: { not: 4.5 } } });
q('where where-types', 'Sample', 'findMany', { where: { flag: true } });
q('where where-types', 'Sample', 'findMany', { where: { flagOpt: { not: true } } });
q('where where-types', 'Sample', 'findMany', { where: { flagOpt: null } });
q('where where-types', 'Sample', 'findMany', { where: { at: '2024-03-01T00:00:00.000Z' } });
q('where where-types', 'Sample', 'findMany', { where: { at: { lt: '2000-01-01T00:00:00.000Z' } } });
q('where where-types', 'Sample', 'findMany', { where: { atOpt: { gte: '2025-06-01T00:00:15.000Z' } } });
q('where where-types', 'User', 'findMany', { where: { createdAt: { in: ['2024-01-02T00:00:00.000Z', '2024-01-03T09:15:30.500Z'] } } });
q('where where-types', 'Team', 'findMany', { where: { founded: { lt: '2011-01-01T00:00:00.000Z' } } });
q('where where-types', 'Sample', 'findMany', { where: { bin: bytes('Bwc=') } });
q('where where-types', 'Sample', 'findMany', { where: { bin: bytes('CA==') } });
q('where where-types', 'Sample', 'findMany', { where: { binOpt: { not: null } } });
q('where where-types', 'Profile', 'findMany', { where: { avatar: bytes('') } });
q('where where-types', 'Profile', 'findMany', { where: { avatar: { in: [bytes('iVBORw0KGgo='), bytes('3q2+7w==')] } } });
q('where', 'Sample', 'findMany', { where: { status: 'ARCHIVED' } });
q('where', 'Sample', 'findMany', { where: { statusOpt: { in: ['DRAFT', 'ARCHIVED'] } } });
q('where', 'Sample', 'findMany', { where: { statusOpt: { notIn: ['DRAFT'] } } });
q('where', 'User', 'findMany', { where: { role: { not: 'USER' } } });
q('where', 'Sample', 'findMany', { where: { count: { notIn: [0, 1, 2] }, countOpt: { not: 7 } } });
q('where', 'User', 'findMany', { where: { karma: { lt: 0 } } });
q('where', 'User', 'findMany', { where: { name: null } });
q('where', 'User', 'findMany', { where: { managerId: null } });
q('where', 'User', 'findMany', { where: { name: 'O\'Brien "the" \\ back\\slash' } });
q('where-string like-wildcards', 'User', 'findMany', { where: { name: { contains: '%' } } });
q('where-string like-wildcards', 'User', 'findMany', { where: { name: { startsWith: '100%' } } });
q('where-string like-wildcards', 'User', 'findMany', { where: { name: { contains: '_under' } } });
q('where-string', 'User', 'findMany', { where: { email: { endsWith: '.jp' } } });
q('where-string mode', 'User', 'findMany', { where: { name: { startsWith: 'alice', mode: 'insensitive' } } });
q('where-string mode', 'User', 'findMany', { where: { name: { contains: 'CHLOÉ', mode: 'insensitive' } } });
q('where-string mode', 'Category', 'findMany', { where: { name: { endsWith: 'CULTURE', mode: 'insensitive' } } });
q('where-string like-wildcards', 'Sample', 'findMany', { where: { text: { contains: '\\' } } });
q('where-string', 'Post', 'findMany', { where: { body: { contains: '\n' } } });
q('where-string', 'Post', 'findMany', { where: { title: { contains: '"' } } });
q('where logic', 'Post', 'findMany', { where: { OR: [{ status: 'ARCHIVED' }, { published: false, rating: null }] } });
q('where logic', 'Post', 'findMany', { where: { NOT: [{ status: 'PUBLISHED' }, { editorId: null }] } });
q('logic where-types', 'Sample', 'findMany', { where: { AND: [{ big: { gte: big('0') } }, { OR: [{ amount: { lt: '1' } }, { flag: false }] }] } });
q('where', 'Membership', 'findMany', { where: { teamOrg: 'acme', role: 'ADMIN' } });
q('where', 'Comment', 'findMany', { where: { authorId: null } });

// --- compound ids and uniques -------------------------------------------
q('findUnique compound-unique', 'Post', 'findUnique', { where: { authorTitle: { authorId: 1, title: 'Hello World' } } });
q('findUnique compound-unique', 'Post', 'findUnique', { where: { authorTitle: { authorId: 3, title: 'Hello World' } } });
q('findUnique compound-unique include', 'Team', 'findUnique', { where: { org_slug: { org: 'acme', slug: 'core' } }, include: { memberships: true } });
q('findUnique compound-unique', 'Team', 'findUnique', { where: { org_name: { org: 'globex', name: 'Ops \'24' } } });
q('findUniqueOrThrow compound-unique', 'Membership', 'findUniqueOrThrow', { where: { userId_teamOrg_teamSlug: { userId: 4, teamOrg: 'globex', teamSlug: 'core' } }, include: { user: true, team: true } });
q('findUniqueOrThrow compound-unique not-found', 'Membership', 'findUniqueOrThrow', { where: { userId_teamOrg_teamSlug: { userId: 5, teamOrg: 'globex', teamSlug: 'core' } } }, 'notFound');
q('findUnique', 'User', 'findUnique', { where: { email: 'tanaka@example.jp' } });
q('findUnique', 'Category', 'findUnique', { where: { name: '100%' }, include: { posts: true } });
q('findUnique', 'Profile', 'findUnique', { where: { userId: 3 }, include: { user: true } });

// --- relations: one-to-one, one-to-many, m2m, self, compound FK ------------
q('include', 'User', 'findMany', { include: { profile: true }, where: { id: { lte: 10 } } });
q('include', 'Profile', 'findMany', { include: { user: { include: { profile: true } } } });
q('include', 'User', 'findMany', { include: { manager: true, reports: true } });
q('include', 'User', 'findMany', { include: { manager: { include: { manager: true } } }, where: { id: { gte: 6, lte: 12 } } });
q('include', 'User', 'findMany', { include: { posts: true, edited: true }, where: { id: { lte: 7 } } });
q('include', 'Post', 'findMany', { include: { author: true, editor: true, categories: true } });
q('include', 'Category', 'findMany', { include: { posts: { select: { id: true, title: true } } } });
q('include', 'Post', 'findMany', { include: { comments: { include: { author: true } } }, where: { id: { lte: 12 } } });
q('include', 'Team', 'findMany', { include: { memberships: { include: { user: { select: { email: true } } } } } });
q('include', 'User', 'findMany', { include: { memberships: { include: { team: true } } }, where: { id: { lte: 6 } } });
q('include select', 'User', 'findMany', { select: { email: true, reports: { select: { email: true, reports: { select: { email: true } } } } }, where: { managerId: null } });
q('select', 'Post', 'findMany', { select: { id: true, views: true, price: true, metadata: true, tags: true, scores: true, createdAt: true } });
q('select', 'Sample', 'findMany', { select: { id: true, doc: true, docOpt: true, bin: true, binOpt: true, words: true, nums: true } });
q('select', 'User', 'findMany', { select: { createdAt: true, managerId: true }, where: { id: { lte: 5 } } });
q('omit', 'User', 'findMany', { omit: { createdAt: true, updatedAt: true }, where: { id: { lte: 5 } } });
q('omit include', 'Post', 'findMany', { omit: { metadata: true, body: true }, include: { categories: { omit: { slug: true } } }, where: { id: { lte: 10 } } });
q('omit', 'Sample', 'findMany', { omit: { doc: true, docOpt: true, bin: true } });
q('nested where', 'Post', 'findMany', { include: { comments: { where: { authorId: { not: null } } } }, where: { id: { in: [1, 3, 9] } } });
q('nested orderBy take', 'User', 'findMany', { include: { posts: { orderBy: { views: 'desc' }, take: 2 } }, where: { id: { lte: 12 } } });
q('nested orderBy', 'Category', 'findMany', { include: { posts: { orderBy: { createdAt: 'desc' }, select: { id: true, createdAt: true } } } });
q('nested skip take', 'Team', 'findMany', { include: { memberships: { skip: 1, take: 2, orderBy: { joinedAt: 'asc' } } } });
q('nested take-negative', 'User', 'findMany', { include: { reports: { take: -1 } }, where: { id: { in: [1, 2] } } });
q('nested', 'User', 'findMany', { include: { profile: { where: { bio: null } } }, where: { id: { lte: 16 } } });
q('orderBy', 'Sample', 'findMany', { orderBy: { doc: 'asc' }, select: { id: true, doc: true } });
q('nested orderBy-nulls', 'User', 'findMany', { include: { posts: { orderBy: { rating: { sort: 'desc', nulls: 'last' } } } }, where: { id: { in: [1, 5, 7, 9] } } });

// --- orderBy on every orderable type --------------------------------------
q('orderBy', 'Sample', 'findMany', { orderBy: { big: 'asc' }, select: { id: true, big: true } });
q('orderBy', 'Sample', 'findMany', { orderBy: { amount: 'desc' }, select: { id: true, amount: true } });
q('orderBy', 'Sample', 'findMany', { orderBy: { ratio: 'asc' }, select: { id: true, ratio: true } });
q('orderBy', 'Sample', 'findMany', { orderBy: [{ flag: 'desc' }, { at: 'desc' }], select: { id: true, flag: true, at: true } });
q('orderBy', 'Sample', 'findMany', { orderBy: { bin: 'asc' }, select: { id: true, bin: true } });
q('orderBy', 'Sample', 'findMany', { orderBy: { status: 'desc' }, select: { id: true, status: true } });
q('orderBy', 'Sample', 'findMany', { orderBy: { text: 'asc' }, select: { id: true, text: true } });
q('orderBy orderBy-nulls', 'Sample', 'findMany', { orderBy: { atOpt: { sort: 'asc', nulls: 'first' } }, select: { id: true, atOpt: true } });
q('orderBy orderBy-nulls', 'Sample', 'findMany', { orderBy: { ratioOpt: { sort: 'desc', nulls: 'last' } }, select: { id: true, ratioOpt: true } });
q('orderBy', 'User', 'findMany', { orderBy: [{ createdAt: 'asc' }, { karma: 'desc' }] });
q('orderBy', 'User', 'findMany', { orderBy: { name: 'asc' } });
q('orderBy take', 'Membership', 'findMany', { orderBy: { joinedAt: 'desc' }, take: 5 });
q('orderBy take-negative', 'Post', 'findMany', { orderBy: { views: 'asc' }, take: -5 });
q('take skip', 'Team', 'findMany', { take: 3, skip: 2 });
q('findFirst orderBy', 'Sample', 'findFirst', { orderBy: { amount: 'desc' } });
q('findFirst', 'Team', 'findFirst', { where: { founded: null } });

// --- relation filters (phase 2) ---------------------------------------------
q('relation-filter', 'User', 'findMany', { where: { profile: null } });
q('relation-filter', 'User', 'findMany', { where: { profile: { isNot: null } } });
q('relation-filter', 'User', 'findMany', { where: { manager: { is: { name: 'Alice' } } } });
q('relation-filter', 'User', 'findMany', { where: { reports: { some: { role: 'EDITOR' } } } });
q('relation-filter', 'User', 'findMany', { where: { reports: { none: {} } }, select: { id: true } });
q('relation-filter', 'Category', 'findMany', { where: { posts: { every: { published: true } } } });
q('relation-filter', 'Post', 'findMany', { where: { categories: { some: { slug: 'nihon' } } } });
q('relation-filter', 'Team', 'findMany', { where: { memberships: { some: { user: { role: 'ADMIN' } } } } });
q('relation-filter', 'Membership', 'findMany', { where: { team: { name: { startsWith: 'Co' } } } });
q('relation-filter', 'Comment', 'findMany', { where: { author: null } });

// --- orderBy relation / _count, cursor, distinct, _count (phase 2) ---------
q('orderBy-relation', 'Post', 'findMany', { orderBy: [{ author: { email: 'asc' } }, { id: 'asc' }], select: { id: true } });
q('orderBy-relation', 'User', 'findMany', { orderBy: { manager: { name: 'desc' } } });
q('orderBy-relation', 'Membership', 'findMany', { orderBy: { team: { name: 'asc' } } });
q('orderBy-count', 'Category', 'findMany', { orderBy: { posts: { _count: 'desc' } } });
q('cursor take', 'Membership', 'findMany', { cursor: { userId_teamOrg_teamSlug: { userId: 2, teamOrg: 'acme', teamSlug: 'web' } }, take: 3 });
q('cursor take orderBy', 'User', 'findMany', { cursor: { email: 'chloe@example.com' }, take: 4, orderBy: { karma: 'desc' } });
q('cursor take skip', 'Post', 'findMany', { cursor: { id: 5 }, take: 3, skip: 1, select: { id: true } });
q('distinct', 'User', 'findMany', { distinct: ['name'], orderBy: { id: 'asc' } });
q('distinct', 'Post', 'findMany', { distinct: ['status', 'published'], select: { status: true, published: true } });
q('count-select', 'User', 'findMany', { include: { _count: true }, where: { id: { lte: 5 } } });
q('count-select', 'Post', 'findMany', { select: { id: true, _count: { select: { categories: true, comments: true } } } });
q('count-select', 'Team', 'findMany', { include: { _count: { select: { memberships: true } } } });

// --- count / aggregate / groupBy (phase 2) ----------------------------------
q('count', 'Sample', 'count', { where: { flagOpt: null } });
q('count', 'Post', 'count', { select: { _all: true, body: true, price: true } });
q('aggregate', 'Sample', 'aggregate', { _sum: { big: true, amount: true, ratio: true, count: true } });
q('aggregate', 'Sample', 'aggregate', { _avg: { count: true, amount: true }, _min: { at: true, text: true }, _max: { at: true, amount: true } });
q('aggregate', 'Post', 'aggregate', { _count: { _all: true, price: true }, _max: { views: true }, _min: { views: true } });
q('groupBy', 'Post', 'groupBy', { by: ['status'], _count: { _all: true }, _sum: { views: true }, orderBy: { status: 'asc' } });
q('groupBy', 'Membership', 'groupBy', { by: ['teamOrg', 'teamSlug'], _count: { _all: true }, orderBy: [{ teamOrg: 'asc' }, { teamSlug: 'asc' }] });
q('groupBy', 'User', 'groupBy', { by: ['role'], _avg: { karma: true }, having: { karma: { _avg: { gt: 0 } } }, orderBy: { role: 'asc' } });

// --- scalar list and Json filters (phase 2) -------------------------------
q('list-filter', 'Post', 'findMany', { where: { tags: { has: 'news' } }, select: { id: true, tags: true } });
q('list-filter', 'Post', 'findMany', { where: { tags: { hasSome: ['sale', 'party'] } }, select: { id: true } });
q('list-filter', 'Post', 'findMany', { where: { tags: { hasEvery: ['sale', 'under_score'] } }, select: { id: true } });
q('list-filter', 'Post', 'findMany', { where: { tags: { isEmpty: true } }, select: { id: true } });
q('list-filter', 'Sample', 'findMany', { where: { nums: { equals: [7, 7, 7] } }, select: { id: true } });
q('list-filter', 'Sample', 'findMany', { where: { words: { has: '\\' } }, select: { id: true } });
q('json-filter', 'Post', 'findMany', { where: { metadata: { path: ['a'], equals: 1 } }, select: { id: true } });
q('json-filter', 'Post', 'findMany', { where: { metadata: { path: ['even'], equals: true } }, select: { id: true } });
q('json-filter', 'Sample', 'findMany', { where: { doc: { equals: { kind: 'object' } } }, select: { id: true } });
q('json-filter', 'Sample', 'findMany', { where: { doc: { path: ['nested', 'list'], array_contains: [1] } }, select: { id: true } });
q('json-filter', 'Sample', 'findMany', { where: { doc: { string_contains: 'str' } }, select: { id: true } });

// --- errors --------------------------------------------------------------
q('errors', 'Sample', 'findMany', { where: { big: 'abc' } }, 'error');
q('errors', 'Sample', 'findMany', { where: { amount: { contains: '1' } } }, 'error');
q('errors', 'Sample', 'findMany', { where: { status: 'NOPE' } }, 'error');
q('errors', 'Sample', 'findMany', { where: { at: 'yesterday' } }, 'error');
q('errors', 'Post', 'findUnique', { where: { authorTitle: { authorId: 1 } } }, 'error');
q('errors', 'Team', 'findUnique', { where: { org: 'acme' } }, 'error');
q('errors', 'User', 'findMany', { where: { created_at: '2024-01-01T00:00:00.000Z' } }, 'error');
q('errors', 'User', 'findMany', { select: {} }, 'error');
q('errors', 'User', 'findMany', { where: { name: { not: { mode: 'insensitive' } } } }, 'error');
q('errors', 'User', 'findMany', { where: { name: { not: { equals: 'a', mode: 'insensitive' } } } }, 'error');
q('where-string mode', 'User', 'findMany', { where: { name: { mode: 'insensitive', not: { equals: 'ALICE' } } } });
q('errors', 'User', 'findMany', { omit: { id: true, email: true, name: true, role: true, karma: true, createdAt: true, updatedAt: true, managerId: true } }, 'error');
q('errors', 'Post', 'findFirst', { take: 2 }, 'error');
q('errors', 'Sample', 'findMany', { where: { flag: { in: [true] } } }, 'error');
q('errors', 'Sample', 'findMany', { where: { status: { gt: 'DRAFT' } } }, 'error');

// --- to-one filters under NOT -----------------------------------------------
// Prisma tests <where> AND <related row exists> over a LEFT JOIN: false without
// a row, unknown when <where> is unknown on it (W: NULL bios, E: manager NULL,
// A: NULL names). Back side (User.profile), foreign-key side optional
// (Post.editor, Comment.author) and required (Post.author, Profile.user).
{
const W = { bio: { contains: 'user' } };
const E = { managerId: { not: 5 } };
const A = { name: { contains: 'User' } };
const S = { select: { id: true } };
const P = (model, where, op = 'findMany') => q('relation-filter logic', model, op, op === 'count' ? { where } : { where, ...S });
P('User', { NOT: { profile: { is: W } } });
P('User', { NOT: { profile: W } });
P('User', { NOT: { profile: { isNot: W } } });
P('User', { profile: { isNot: W } });
P('User', { profile: { is: W } });
P('User', { NOT: { OR: [{ profile: { is: W } }, { karma: { lt: -1000 } }] } });
P('User', { NOT: { NOT: { profile: { is: W } } } });
P('User', { NOT: { profile: { is: {} } } });
P('User', { profile: {} });
P('User', { profile: { is: W, isNot: { bio: { contains: '11' } } } });
P('User', { NOT: { profile: { is: W, isNot: { bio: { contains: '11' } } } } });
P('Post', { NOT: { editor: { is: E } } });
P('Post', { NOT: { editor: E } });
P('Post', { NOT: { editor: { isNot: E } } });
P('Post', { editor: { isNot: E } });
P('Post', { editor: { is: E } });
P('Post', { NOT: { author: { is: A } } });
P('Post', { NOT: { author: A } });
P('Post', { NOT: { author: { isNot: A } } });
P('Post', { author: { isNot: A } });
P('Profile', { NOT: { user: { is: A } } });
P('Profile', { user: { isNot: A } });
P('Comment', { NOT: { author: { is: A } } });
P('Comment', { author: { isNot: A } });
P('Comment', { NOT: { author: { isNot: A } } });
P('User', { posts: { every: { editor: { is: E } } } });
P('User', { posts: { every: { editor: { isNot: E } } } });
P('User', { posts: { none: { editor: { is: E } } } });
P('User', { posts: { some: { NOT: { editor: { is: E } } } } });
P('User', { NOT: { profile: { is: W } } }, 'count');
P('User', { profile: { isNot: W } }, 'count');
P('Post', { author: { is: { profile: { is: W } } } });
P('Post', { NOT: { author: { is: { profile: { is: W } } } } });
P('Post', { NOT: { author: { profile: W } } });
P('Post', { NOT: { editor: { is: { profile: { is: W } } } } });
P('Post', { NOT: { editor: { is: { profile: { isNot: W } } } } });
P('Post', { editor: { isNot: { profile: { is: W } } } });
q('relation-filter nested', 'User', 'findMany', { where: { id: { lte: 10 } }, select: { id: true, posts: { where: { NOT: { editor: { is: E } } }, select: { id: true } } } });
// NOT of one to-many test as a conjunct is compiled as the opposite test
// (an anti- or semi-join); NOT of more than one stays NOT (...)
P('User', { NOT: { posts: { some: { editor: { is: E } } } } });
P('User', { NOT: { posts: { none: { editorId: { not: 5 } } } } });
P('User', { NOT: { posts: { every: { editorId: { not: 5 } } } } });
P('User', { NOT: [{ posts: { every: { published: true } } }, { reports: { some: {} } }] }, 'count');
P('User', { NOT: { posts: { some: {} }, karma: {} } });
P('User', { NOT: { posts: { some: {} }, id: { lt: 5 } } });
P('User', { AND: [{ NOT: { posts: { none: { title: { contains: '1' } } } } }], id: { gt: 2 } });
P('Category', { NOT: { posts: { every: { published: true } } } });
q('relation-filter nested', 'User', 'findMany', { where: { id: { lte: 10 } }, select: { id: true, posts: { where: { NOT: { comments: { some: { authorId: null } } } }, select: { id: true } } } });
q('relation-filter nested', 'User', 'findMany', { where: { id: { lte: 10 } }, select: { id: true, posts: { where: { NOT: { author: { is: { profile: { is: W } } } } }, select: { id: true } } } });
}

// --- empty filters -----------------------------------------------------------
// Prisma leaves out filters that are empty: a relation or Json filter {}, a
// scalar filter without operators (mode and not: {} aside) and, inside
// AND/OR/NOT, an AND/OR/NOT whose objects are all empty. At the top of a
// where (also a relation's) empty AND/NOT match everything, empty OR nothing.
{
const S = { select: { id: true } };
const E = (model, where, expect = 'ok') => q('empty-filter logic', model, 'findMany', { where, ...S }, expect);
E('User', { NOT: { AND: [] } });
E('User', { NOT: { NOT: {} } });
E('User', { NOT: { AND: [{}] } });
E('User', { NOT: { profile: {} } });
E('User', { NOT: { manager: {} } });
E('User', { OR: [{ profile: {} }] });
E('User', { OR: [{ profile: {} }, { id: 3 }] });
E('User', { NOT: { profile: { is: {}, isNot: {} } } });
E('User', { profile: { is: {}, isNot: {} } });
E('User', { AND: [{ OR: [] }] });
E('User', { OR: [{ name: {} }] });
E('User', { OR: [{ name: {} }, { id: 3 }] });
E('User', { NOT: { name: {} } });
E('User', { name: {} });
E('User', { posts: {} });
E('User', { NOT: { posts: {} } });
E('User', { OR: [{ posts: {} }, { id: 3 }] });
E('User', { profile: { is: {} } });
E('User', { NOT: { profile: { is: {} } } });
E('User', { profile: { isNot: {} } });
E('User', { NOT: { profile: { isNot: {} } } });
E('User', { OR: [] });
E('User', { AND: [{ OR: [] }, { id: 3 }] });
E('User', { OR: [{ OR: [] }, { id: 3 }] });
E('User', { NOT: { OR: [] } });
E('User', { NOT: [{ OR: [] }, { id: 3 }] });
E('User', { posts: { some: { OR: [] } } });
E('User', { posts: { some: { AND: [{ OR: [] }] } } });
E('User', { posts: { none: { OR: [] } } });
E('User', { posts: { every: { OR: [] } } });
E('User', { posts: { every: { AND: [{ OR: [] }] } } });
E('User', { profile: { OR: [] } });
E('User', { profile: { is: { OR: [] } } });
E('User', { profile: { is: { AND: [{ OR: [] }] } } });
E('User', { name: { mode: 'insensitive' } });
E('User', { OR: [{ name: { mode: 'insensitive' } }, { id: 3 }] });
E('User', { name: { not: {} } });
E('User', { OR: [{ name: { not: {} } }, { id: 3 }] });
E('User', { NOT: { name: { not: {} } } });
E('Post', { metadata: {} });
E('Post', { OR: [{ metadata: {} }, { id: 3 }] });
E('Post', { OR: [{ metadata: { path: ['a'] } }, { id: 3 }] }, 'error');
E('Post', { OR: [{ tags: {} }, { id: 3 }] }, 'error');
E('User', { OR: [{ manager: {} }, { id: 3 }] });
E('User', { OR: [{ AND: [] }] });
E('User', { OR: [{ AND: [] }, { id: 3 }] });
E('User', { OR: [{ NOT: [] }, { id: 3 }] });
E('User', { NOT: [{}, { id: 3 }] });
E('User', { NOT: [{ AND: [] }, { id: 3 }] });
E('User', { AND: { OR: [] } });
E('User', { posts: { some: {} } });
E('User', { posts: { every: {} } });
E('User', { posts: { none: {} } });
E('User', { posts: { some: { OR: [{}] } } });
E('User', { posts: { some: { NOT: { AND: [] } } } });
E('User', { OR: [{ posts: { some: { OR: [] } } }, { id: 3 }] });
E('User', { OR: [{ profile: { is: { OR: [] } } }, { id: 3 }] });
E('User', { OR: [{ id: 3, AND: [] }] });
E('User', { OR: [{ id: 3, OR: [] }] });
E('User', { OR: [{ profile: { isNot: {} } }, { id: 3 }] });
E('User', { manager: { is: {}, isNot: {} } });
E('User', { NOT: { manager: { is: {}, isNot: {} } } });
E('User', { name: { not: {}, equals: 'User 3' } });
E('User', { OR: [{ name: { not: { not: {} } } }, { id: 3 }] });
E('User', { OR: [{ name: { not: {}, mode: 'insensitive' } }, { id: 3 }] });
E('Profile', { OR: [{ user: {} }, { id: 2 }] });
E('Comment', { NOT: { author: {}, post: {} } });
E('User', { AND: [{ OR: {} }] }, 'error');
E('User', { OR: {} }, 'error');
q('empty-filter logic', 'User', 'count', { where: { OR: [{ profile: {} }, { id: { lt: 4 } }] } });
q('empty-filter logic', 'User', 'findMany', { where: { id: { lte: 5 } }, select: { id: true, _count: { select: { posts: { where: { OR: [{ AND: [] }, { published: true }] } } } } } });
q('empty-filter', 'User', 'findMany', { where: { id: { lte: 10 } }, select: { id: true, posts: { where: { OR: [{ AND: [] }] }, select: { id: true } } } });
}


// --- field references (prisma.model.fields.x) ---------------------------
const R = (f) => ref('Sample', f);
const I = { select: { id: true }, orderBy: { id: 'asc' } };
q('field-ref', 'Sample', 'findMany', { where: { count: { equals: R('countOpt') } }, ...I });
q('field-ref', 'Sample', 'findMany', { where: { count: { lt: R('countOpt') } }, ...I });
q('field-ref', 'Sample', 'findMany', { where: { count: { gte: R('countOpt') }, id: { lt: 20 } }, ...I });
q('field-ref', 'Sample', 'findMany', { where: { ratio: { gt: R('ratioOpt') } }, ...I });
q('field-ref', 'Sample', 'findMany', { where: { at: { lte: R('atOpt') } }, ...I });
q('field-ref', 'Sample', 'findMany', { where: { amount: { lt: R('amountOpt') } }, ...I });
q('field-ref', 'Sample', 'findMany', { where: { big: { gt: R('bigOpt') } }, ...I });
q('field-ref', 'Sample', 'findMany', { where: { status: { equals: R('statusOpt') } }, ...I });
q('field-ref', 'Sample', 'findMany', { where: { flag: { equals: R('flagOpt') } }, ...I });
q('field-ref', 'Sample', 'findMany', { where: { text: { lt: R('textOpt') } }, ...I });
q('field-ref mode', 'Sample', 'findMany', { where: { text: { gt: R('textOpt'), mode: 'insensitive' } }, ...I });
q('field-ref', 'Sample', 'findMany', { where: { count: { not: { lt: R('countOpt') } } }, ...I });
q('field-ref', 'Sample', 'findMany', { where: { count: { lt: R('countOpt'), gt: 1 } }, ...I });
q('field-ref', 'Sample', 'findMany', { where: { count: { in: R('nums') } }, ...I });
q('field-ref', 'Sample', 'findMany', { where: { count: { notIn: R('nums') } }, ...I });
q('field-ref', 'Sample', 'findMany', { where: { nums: { has: R('count') } }, ...I });
q('field-ref', 'Sample', 'findMany', { where: { nums: { hasSome: R('nums') } }, ...I });
q('field-ref', 'Sample', 'findMany', { where: { nums: { hasEvery: R('nums') } }, ...I });
q('field-ref', 'Sample', 'findMany', { where: { OR: [{ count: { lt: R('countOpt') } }, { ratio: { gt: R('ratioOpt') } }] }, ...I });
q('field-ref', 'Sample', 'count', { where: { count: { equals: R('countOpt') } } });
// LIKE characters in the referenced column: Prisma treats them as wildcards
q('field-ref where-string like-wildcards', 'Post', 'findMany', { where: { title: { contains: ref('Post', 'body') } }, ...I });
q('field-ref where-string', 'Post', 'findMany', { where: { title: { contains: ref('Post', 'body') }, id: { notIn: [7, 8] } }, ...I });
q('field-ref where-string mode', 'Post', 'findMany', { where: { body: { contains: ref('Post', 'title'), mode: 'insensitive' }, id: { notIn: [7, 8] } }, ...I });
// LIKE characters in the referenced column: Prisma treats them as wildcards
q('field-ref where-string like-wildcards', 'Post', 'findMany', { where: { title: { startsWith: ref('Post', 'body') } }, ...I });
q('field-ref where-string', 'Post', 'findMany', { where: { title: { startsWith: ref('Post', 'body') }, id: { notIn: [7, 8] } }, ...I });
q('field-ref where-string mode', 'Post', 'findMany', { where: { body: { startsWith: ref('Post', 'title'), mode: 'insensitive' }, id: { notIn: [7, 8] } }, ...I });
q('field-ref where-string', 'Post', 'findMany', { where: { title: { equals: ref('Post', 'body') } }, ...I });
q('field-ref relation-filter', 'User', 'findMany', { where: { posts: { some: { editorId: { equals: ref('Post', 'authorId') } } } }, ...I });
q('field-ref nested', 'User', 'findMany', { include: { posts: { where: { editorId: { equals: ref('Post', 'authorId') } }, select: { id: true } } }, orderBy: { id: 'asc' } });
q('field-ref errors', 'Sample', 'findMany', { where: { count: { lt: R('ratio') } } }, 'error');
q('field-ref errors', 'Sample', 'findMany', { where: { count: { in: R('countOpt') } } }, 'error');
q('field-ref errors', 'Sample', 'findMany', { where: { count: { not: R('countOpt') } } }, 'error');

// --- full-text search (fullTextSearchPostgres) ---------------------------
q('search', 'Post', 'findMany', { where: { title: { search: 'hello | second' } }, ...I });
q('search', 'Post', 'findMany', { where: { body: { search: 'post & !3' }, id: { lt: 12 } }, ...I });
q('search', 'Post', 'findMany', { where: { title: { search: 'hel:*' } }, ...I });
q('search', 'Post', 'findMany', { where: { title: { not: { search: 'post' } } }, ...I });
q('search', 'Post', 'findMany', { where: { title: { search: 'post', startsWith: 'Post 1' } }, ...I });
q('search', 'Post', 'count', { where: { body: { search: 'body' } } });
q('search relation-filter', 'User', 'findMany', { where: { posts: { some: { title: { search: 'emoji' } } } }, ...I });
q('search orderBy', 'Post', 'findMany', { where: { id: { lt: 12 } }, orderBy: [{ _relevance: { fields: ['title', 'body'], search: 'post | first', sort: 'desc' } }, { id: 'asc' }], select: { id: true } });
q('search orderBy', 'Post', 'findMany', { where: { id: { lt: 12 } }, orderBy: [{ _relevance: { fields: 'title', search: 'hello', sort: 'asc' } }, { id: 'desc' }], select: { id: true } });
q('search orderBy take', 'Post', 'findMany', { orderBy: [{ _relevance: { fields: ['tags'], search: 'sale', sort: 'desc' } }, { id: 'asc' }], take: 3, select: { id: true } });
q('search orderBy cursor', 'Post', 'findMany', { where: { id: { lt: 12 } }, cursor: { id: 3 }, orderBy: [{ _relevance: { fields: ['title'], search: 'post', sort: 'desc' } }, { id: 'asc' }], select: { id: true } });
q('search orderBy include', 'User', 'findMany', { include: { posts: { orderBy: [{ _relevance: { fields: ['title'], search: 'hello', sort: 'desc' } }, { id: 'asc' }], take: 1, select: { id: true } } }, orderBy: { id: 'asc' }, take: 3 });
q('search errors', 'Post', 'findMany', { where: { title: { search: 'two words' } } }, 'error');

// --- mode in Json filters -----------------------------------------------
q('json-mode json-filter', 'Post', 'findMany', { where: { metadata: { path: ['k'], string_contains: 'V', mode: 'insensitive' } }, ...I });
q('json-mode json-filter', 'Post', 'findMany', { where: { metadata: { path: ['k'], string_starts_with: 'V', mode: 'insensitive' } }, ...I });
q('json-mode json-filter', 'Post', 'findMany', { where: { metadata: { path: ['k'], string_ends_with: 'V', mode: 'default' } }, ...I });
q('json-mode json-filter', 'Post', 'findMany', { where: { metadata: { equals: 'JUST A STRING', mode: 'insensitive' } }, ...I });
q('json-mode json-filter', 'Post', 'findMany', { where: { metadata: { path: ['k'], equals: 'V', mode: 'insensitive' } }, ...I });
q('json-mode json-filter', 'Post', 'findMany', { where: { metadata: { path: ['k'], not: 'V', mode: 'insensitive' } }, ...I });
q('json-mode json-filter', 'Sample', 'findMany', { where: { doc: { path: ['kind'], string_contains: 'OBJ', mode: 'insensitive' } }, ...I });
q('json-mode json-filter', 'Post', 'findMany', { where: { metadata: { array_contains: ['TWO'], mode: 'insensitive' } }, ...I });
q('json-mode json-filter', 'Post', 'findMany', { where: { metadata: { path: ['n'], gt: 28, mode: 'insensitive' } }, ...I });
q('json-mode json-filter', 'Post', 'findMany', { where: { metadata: { mode: 'insensitive' } }, ...I });

export default Q;
