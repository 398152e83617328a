#!/usr/bin/env bash
# The app's transfer size (wasm + JS + CSS, gzip -9) against its budget. Deterministic, so it may
# fail the build: the budget is 350 KB compressed (issue "Performance").
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET=${BUNDLE_BUDGET_BYTES:-358400}
total=0
for f in dist/*.wasm dist/*.js dist/*.css; do
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  printf '  %-40s %8d bytes raw, %7d gzip\n' "$(basename "$f")" "$raw" "$gz"
  total=$((total + gz))
done
printf '  %-40s %8s       %7d gzip (budget %d)\n' "total" "" "$total" "$BUDGET"
if [ "$total" -gt "$BUDGET" ]; then
  echo "bundle size: over budget by $((total - BUDGET)) bytes" >&2
  exit 1
fi
