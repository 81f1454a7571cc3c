#!/bin/sh
# Installs this package into a node_modules directory as npm would from the
# registry (a copy, so that it resolves @prisma/client from that project):
#   client/install-local.sh regress/conformance/node_modules
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dest=$1/prisma-compile
rm -rf "$dest"
mkdir -p "$dest" "$1/.bin"
cp -r "$here/package.json" "$here/index.d.ts" "$here/src" "$here/bin" "$dest/"
ln -sf ../prisma-compile/bin/prisma-compile.js "$1/.bin/prisma-compile"
