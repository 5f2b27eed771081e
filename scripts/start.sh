#!/usr/bin/env bash
# `npm start`: install what is missing, build the web app when its sources changed, run the product
# (API, real-time and job worker) on embedded defaults unless configured otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node-env.sh
bash scripts/bootstrap.sh start
bash scripts/build-web.sh
# The embedded defaults (local payments, development mailbox, generated secrets) are development
# stand-ins: ask for them by name. An unset NODE_ENV means production, which refuses to start on them.
export NODE_ENV="${NODE_ENV:-development}"
exec node --enable-source-maps --import tsx apps/server/src/main.ts
