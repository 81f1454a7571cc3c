#!/usr/bin/env bash
# Install what is needed, build, install, and run every test in a throwaway
# cluster: pg_regress suites, pgTAP suites, the conformance test against
# Prisma 7.  Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
make -s clean >/dev/null
make -s >/dev/null && make -s install >/dev/null || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }
exec pg_virtualenv -t bash scripts/run-tests.sh
