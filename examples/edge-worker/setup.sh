#!/bin/sh
# Prepares the example Worker (docs/edge.md): the npm packages (pinned by
# package-lock.json; workerd's package ships the runtime's binary), Prisma
# Client generated offline for runtime "workerd" from bench/movies.prisma,
# and the bundle in dist/ (build.mjs). Needs no database and no network
# beyond the npm registry.
set -eu
cd "$(dirname "$0")"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
# the schema with an output and runtime of its own (bench/movies.prisma stays untouched)
mkdir -p generated
sed 's#^\([[:space:]]*output[[:space:]]*=[[:space:]]*\)"[^"]*"#\1"./client"\n  runtime  = "workerd"#' ../../bench/movies.prisma > generated/schema.prisma.new
if [ -f generated/client/client.ts ] && cmp -s generated/schema.prisma.new generated/schema.prisma; then
	rm generated/schema.prisma.new
else
	mv generated/schema.prisma.new generated/schema.prisma
	rm -rf generated/client
	# generate needs no database and no engine: any executable will do
	out=$(PRISMA_SCHEMA_ENGINE_BINARY=/bin/true PRISMA_HIDE_UPDATE_MESSAGE=1 \
		./node_modules/.bin/prisma generate --schema generated/schema.prisma 2>&1) || { echo "$out"; exit 1; }
fi
node build.mjs
