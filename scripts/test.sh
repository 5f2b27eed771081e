#!/usr/bin/env bash
# `npm test`: install what is missing, then lint, format check, type check, contract check and the
# whole test suite against real PostgreSQL (embedded unless TEST_DATABASE_URL / DATABASE_URL is set).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node-env.sh
bash scripts/bootstrap.sh test
bash scripts/build-web.sh

types() {
  npx tsc -p packages/domain/tsconfig.json && npx tsc -p apps/server/tsconfig.json && npx tsc -p tsconfig.json &&
    npx tsc -p packages/api-client/tsconfig.json && { [ ! -f apps/web/tsconfig.json ] || npx tsc -p apps/web/tsconfig.json; }
}

# The checks only read the code: they run side by side (two cores), each printing what it found
# when it ends, and the tests start once all of them have passed.
check() {
  local name=$1 out status=0
  shift
  out=$(mktemp)
  "$@" >"$out" 2>&1 || status=$?
  if [ "$status" = 0 ]; then echo "== $name: passed"; else echo "== $name: FAILED"; fi
  cat "$out"
  rm -f "$out"
  return "$status"
}
pids=()
check lint npx eslint --max-warnings=0 . & pids+=($!)
check format npx prettier --check --log-level=warn . & pids+=($!)
check types types & pids+=($!)
check "api client up to date" node --import tsx scripts/generate-api-client.ts --check & pids+=($!)
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
[ "$failed" = 0 ] || exit 1

echo "== tests"; npx vitest run "$@"
