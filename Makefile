# prisma_compile: PGXS build. json-c is found through pkg-config.
EXTENSION = prisma_compile
MODULE_big = prisma_compile
DATA = $(wildcard sql/prisma_compile--*.sql)
PGFILEDESC = "prisma_compile - Prisma-style reads compiled to one SQL statement"

OBJS = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))

# pg_regress suites: one file per feature in sql/, expected output in expected/
REGRESS = $(sort $(basename $(notdir $(filter-out sql/prisma_compile--%,$(wildcard sql/*.sql)))))
REGRESS_OPTS = --inputdir=. --load-extension=prisma_compile

PKG_CONFIG ?= pkg-config
ifeq ($(shell $(PKG_CONFIG) --exists json-c && echo yes),)
$(error json-c not found by $(PKG_CONFIG): install libjson-c-dev and pkg-config (apt-get install libjson-c-dev pkg-config))
endif
PG_CPPFLAGS = -Isrc $(shell $(PKG_CONFIG) --cflags json-c)
SHLIB_LINK = $(shell $(PKG_CONFIG) --libs json-c)
PG_CFLAGS = -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# every object is rebuilt when a header changes (PGXS tracks no dependencies);
# after the include, so that the default goal stays PGXS's "all"
$(OBJS): $(wildcard src/*.h)

# the movies benchmark (bench/run.sh; needs make install first)
.PHONY: bench
bench:
	bench/run.sh

# the generated shapes benchmark (bench/shapes.sh, docs/shape-bench.md; needs
# make install first): SHAPES_SCALES="1 4", SHAPES_INDEX="none fk",
# SHAPES_ONLY=<regexp on shape names>, SHAPES_ROUNDS, SHAPES_TIMEOUT_MS
.PHONY: bench-shapes
bench-shapes:
	bench/shapes.sh
