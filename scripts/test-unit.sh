#!/usr/bin/env bash
# `npm run test:unit`: the fast tests (the web app's, the shared domain's, and the server's that
# start no database, server, browser or process), for the loop of editing; `npm test` runs all.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node-env.sh
bash scripts/bootstrap.sh start
TEST_SCOPE=unit exec npx vitest run --project server --project web --project domain "$@"
