#!/usr/bin/env bash
# Generated shapes (bench/shapes_gen.mjs) at a tiny scale, correctness only:
# prisma_query, Prisma 7 Client (query and join strategies) and the
# hand-written set-based SQL must return the same records on every shape.
# Timing is make bench-shapes (docs/shape-bench.md).
set -uo pipefail
cd "$(dirname "$0")/../.."
results=$(mktemp -d)
out=$(SHAPES_SCALES=0.02 SHAPES_INDEX=none SHAPES_CHECK_ONLY=1 SHAPES_TIMEOUT_MS=20000 \
      SHAPES_RESULTS="$results" \
      SHAPES_COMMAND="scripts/suites/47-shapes.sh" bench/shapes.sh 2>&1); status=$?
rm -rf "$results"
echo "$out" | grep -E '^  |^shapes:|rror' | tail -40
line=$(echo "$out" | grep -E '^shapes: [0-9]+ checked, [0-9]+ differ' | tail -1)
if [ -n "$line" ]; then
  n=$(echo "$line" | awk '{print $2}'); k=$(echo "$line" | awk '{print $4}')
  [ $status -ne 0 ] && [ "$k" -eq 0 ] && k=1
  echo "shapes: $((n - k)) passed, $k failed"
else
  echo "$out" | tail -20
  echo "shapes: 0 passed, 1 failed"
fi
