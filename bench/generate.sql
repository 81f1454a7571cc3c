-- Deterministic data for the movies benchmark (tables of movies_schema.sql).
--
-- Usage: psql -v scale=1 -f generate.sql   (scale defaults to 1)
-- Scale 1: 25,000 movies, 50,000 actors, 50,000 people, 50,000 users,
-- 250,000 reviews, each actor in 11-31 distinct movies (about 1.05M links).
-- Set-based and repeatable: every pseudo-random choice is a hash of the row
-- number and a salt (hashint8extended), never random().  Movie titles and
-- actor names are unique by construction (the row number, multiplied by an odd
-- constant modulo 2^24, spelled in base 64 with lowercase words), so orderBy
-- on them has no ties; about one title in five contains the word "cyan".
-- Expects empty tables without foreign keys (run.sh adds them afterwards).
\set ON_ERROR_STOP on
\if :{?scale}
\else
\set scale 1
\endif

BEGIN;

-- h(x, salt): a non-negative pseudo-random integer, stable across runs
CREATE FUNCTION pg_temp.h(x bigint, salt bigint) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN hashint8extended(x, salt) & 2147483647;

-- w(i): the i-th (0..63) word of the vocabulary; none contains "cyan"
CREATE FUNCTION pg_temp.w(i bigint) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (ARRAY['amber','bold','cedar','dune','echo','fable','glass','harbor',
                  'iron','jade','kettle','lunar','maple','north','opal','pepper',
                  'quartz','river','silver','timber','umber','velvet','willow','xenon',
                  'yonder','zephyr','apple','birch','coral','delta','ember','frost',
                  'garnet','hollow','indigo','juniper','kelp','lemon','meadow','nectar',
                  'olive','pine','quill','raven','saffron','thistle','violet','walnut',
                  'azure','blaze','crimson','dawn','fern','grove','hazel','ivory',
                  'lilac','marble','night','ocean','pearl','rust','storm','tide'])[1 + i];

-- spell(v): v (0 .. 2^24-1) as four words, a bijection
CREATE FUNCTION pg_temp.spell(v bigint) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ARRAY[pg_temp.w(v & 63), pg_temp.w((v >> 6) & 63),
                 pg_temp.w((v >> 12) & 63), pg_temp.w((v >> 18) & 63)];

-- words(seed, n): n vocabulary words chosen by hash, as one string
CREATE FUNCTION pg_temp.words(seed bigint, n int) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (SELECT string_agg(pg_temp.w(pg_temp.h(seed * 64 + k, 7) % 64), ' ')
              FROM generate_series(1, n) k);

SELECT (25000 * :scale)::int AS n_movies, (50000 * :scale)::int AS n_actors,
       (50000 * :scale)::int AS n_people, (50000 * :scale)::int AS n_users,
       (250000 * :scale)::int AS n_reviews
\gset

INSERT INTO "Person" (id, first_name, last_name)
SELECT i, pg_temp.w(pg_temp.h(i, 11) % 64), pg_temp.w(pg_temp.h(i, 12) % 64)
  FROM generate_series(1::bigint, :n_people) i;

INSERT INTO "Actor" (id, name, person_id)
SELECT i, array_to_string(pg_temp.spell(((i - 1) * 40503 + 777) & 16777215), ' '),
       1 + pg_temp.h(i, 21) % :n_people
  FROM generate_series(1::bigint, :n_actors) i;

INSERT INTO "User" (id, name)
SELECT i, pg_temp.w(pg_temp.h(i, 51) % 64) || ' ' || pg_temp.w(pg_temp.h(i, 52) % 64)
  FROM generate_series(1::bigint, :n_users) i;

-- one title in five gets "cyan" inserted at a hashed position of its words
INSERT INTO "Movie" (id, title, year, description)
SELECT i,
       CASE WHEN pg_temp.h(i, 31) % 5 = 0
            THEN array_to_string(t[1:p] || 'cyan'::text || t[p + 1:4], ' ')
            ELSE array_to_string(t, ' ') END,
       1920 + pg_temp.h(i, 32) % 105,
       CASE WHEN pg_temp.h(i, 33) % 10 = 0 THEN NULL
            ELSE pg_temp.words(i, 8 + (pg_temp.h(i, 34) % 13)::int) END
  FROM generate_series(1::bigint, :n_movies) i,
       LATERAL (SELECT pg_temp.spell(((i - 1) * 2654435 + 12345) & 16777215) AS t,
                       (pg_temp.h(i, 35) % 5)::int AS p) x;

INSERT INTO "Review" (id, body, rating, author_id, movie_id)
SELECT i,
       left(pg_temp.w(pg_temp.h(i, 61) % 64) || ' ' || pg_temp.w(pg_temp.h(i, 62) % 64) || ' ' ||
            pg_temp.w(pg_temp.h(i, 63) % 64) || ' ' || pg_temp.w(pg_temp.h(i, 64) % 64) || ' ' ||
            pg_temp.w(pg_temp.h(i, 65) % 64) || ' ' || pg_temp.w(pg_temp.h(i, 66) % 64),
            12 + (pg_temp.h(i, 67) % 30)::int),
       1 + pg_temp.h(i, 68) % 5,
       1 + pg_temp.h(i, 69) % :n_users,
       1 + pg_temp.h(i, 70) % :n_movies
  FROM generate_series(1::bigint, :n_reviews) i;

-- each actor in 11..31 distinct movies ("A" = Actor.id, "B" = Movie.id)
INSERT INTO "_ActorToMovie" ("A", "B")
SELECT DISTINCT a, 1 + pg_temp.h(a * 64 + k, 41) % :n_movies
  FROM generate_series(1::bigint, :n_actors) a,
       generate_series(1, 11 + (pg_temp.h(a, 40) % 21)::int) k
 ORDER BY 1, 2;

SELECT setval(pg_get_serial_sequence('"Movie"', 'id'), :n_movies);
SELECT setval(pg_get_serial_sequence('"Actor"', 'id'), :n_actors);
SELECT setval(pg_get_serial_sequence('"Person"', 'id'), :n_people);
SELECT setval(pg_get_serial_sequence('"User"', 'id'), :n_users);
SELECT setval(pg_get_serial_sequence('"Review"', 'id'), :n_reviews);

COMMIT;
