#!/usr/bin/env bash
# `npm test`: install what is missing, then lint, format check, type check, contract check and the
# whole test suite against real PostgreSQL (embedded unless TEST_DATABASE_URL / DATABASE_URL is set).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node-env.sh
bash scripts/bootstrap.sh test
bash scripts/build-web.sh
echo "== lint"; npx eslint --max-warnings=0 .
echo "== format"; npx prettier --check --log-level=warn .
echo "== types"; npx tsc -p packages/domain/tsconfig.json && npx tsc -p apps/server/tsconfig.json && npx tsc -p tsconfig.json && npx tsc -p packages/api-client/tsconfig.json
if [ -f apps/web/tsconfig.json ]; then npx tsc -p apps/web/tsconfig.json; fi
echo "== api client up to date"; node --import tsx scripts/generate-api-client.ts --check
echo "== tests"; npx vitest run "$@"
