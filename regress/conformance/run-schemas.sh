#!/bin/sh
# Differential test on generated schemas (schemas.mjs): prisma_query against
# Prisma 7 Client. Call it with PGHOST/PGPORT/PGUSER of a throwaway cluster
# and prisma_compile installed:
#   regress/conformance/run-schemas.sh [--schemas N] [--seed S] [--queries Q] [--filter TEXT] [--verbose]
# It installs the node modules when missing, writes each schema and
# generates its client offline (kept while the schema text is unchanged),
# then runs schemas.mjs, whose last line is
#   schemas: <n> schemas, <q> queries, <k> differ
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
if [ ! -d node_modules ]; then
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
fi
# the schema numbers of this run, their texts into generated/schemas/sN
nums=$(./node_modules/.bin/tsx -e '
import { schemaNumbers } from "./schemas.mjs";
import { generateSchema } from "./lib/schemagen.mjs";
import fs from "node:fs";
const a = process.argv.slice(1);
const o = { schemas: 20, seed: null };
for (let i = 0; i < a.length; i++) {
  if (a[i] === "--schemas") o.schemas = Number(a[++i]);
  else if (a[i] === "--seed") o.seed = Number(a[++i]);
}
for (const n of schemaNumbers(o)) {
  const dir = `generated/schemas/s${n}`;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(`${dir}/schema.prisma.new`, generateSchema(n).prisma);
  console.log(n);
}' -- "$@")
# generate needs no database and no engine: any executable will do; two at a time
for n in $nums; do
	d=generated/schemas/s$n
	if [ -f "$d/client/client.ts" ] && cmp -s "$d/schema.prisma.new" "$d/schema.prisma"; then
		rm "$d/schema.prisma.new"
		continue
	fi
	mv "$d/schema.prisma.new" "$d/schema.prisma"
	rm -rf "$d/client"
	echo "$d"
done | xargs -r -P 2 -I{} sh -c 'PRISMA_SCHEMA_ENGINE_BINARY=/bin/true PRISMA_HIDE_UPDATE_MESSAGE=1 ./node_modules/.bin/prisma generate --schema {}/schema.prisma >{}/generate.log 2>&1 || { cat {}/generate.log; exit 255; }'
exec ./node_modules/.bin/tsx schemas.mjs "$@"
