#!/usr/bin/env bash
# Write a schema of N models (tables "M0".."M<N-1>", each with a to-one
# relation to the one before) for the schema-scale measurements of
# docs/safety.md: gen_models.sh N DIR writes DIR/tables.sql and DIR/schema.prisma.
set -euo pipefail
n=$1; dir=$2
mkdir -p "$dir"
awk -v n="$n" 'BEGIN {
  for (i = 0; i < n; i++) {
    printf "CREATE TABLE \"M%d\" (id integer PRIMARY KEY, name text NOT NULL, \"parentId\" integer);\n", i
    printf "INSERT INTO \"M%d\" VALUES (1, %c%d%c, NULL);\n", i, 39, i, 39
  }
}' > "$dir/tables.sql"
awk -v n="$n" 'BEGIN {
  for (i = 0; i < n; i++) {
    printf "model M%d {\n  id       Int    @id\n  name     String\n  parentId Int?\n", i
    if (i > 0) printf "  parent   M%d?    @relation(fields: [parentId], references: [id])\n", i - 1
    if (i < n - 1) printf "  children M%d[]\n", i + 1
    printf "}\n\n"
  }
}' > "$dir/schema.prisma"
