#!/usr/bin/env bash
# Load and faults (regress/load/, docs/reliability.md), the short version:
# 64 clients x 60 s of mixed reads, cancel, schema loads and DDL under load,
# PgBouncer in transaction pooling, a hot standby, pg_dump/restore.
# LOAD_SECONDS sets the length of the load (60).
set -uo pipefail
cd "$(dirname "$0")/../.."
bash regress/load/suite.sh
