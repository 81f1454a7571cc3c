#!/usr/bin/env bash
# Install what building and testing prisma_compile needs on Debian 12 (as root).
set -euo pipefail
pkgs=(postgresql-15 postgresql-server-dev-15 libjson-c-dev pkg-config make gcc
      postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl
      clang-14 libclang-rt-14-dev xxd pgbouncer)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! command -v node >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
