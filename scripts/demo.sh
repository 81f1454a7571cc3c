#!/usr/bin/env bash
# Install what is needed, build and install prisma_compile, start a throwaway
# cluster, load the movies example (schema and data), run example queries.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
make -s >/dev/null && make -s install >/dev/null
exec pg_virtualenv -t bash scripts/demo-queries.sh
