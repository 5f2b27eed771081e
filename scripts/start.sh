#!/usr/bin/env bash
# `npm start`: install what is missing, build the web app when its sources changed, run the product
# (API, real-time and job worker) on embedded defaults unless configured otherwise. `.env` is read
# when present; variables already set in the shell win.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node-env.sh
bash scripts/bootstrap.sh start
bash scripts/build-web.sh
# The embedded defaults (local payments, development mailbox, generated secrets) are development
# stand-ins: ask for them by name. An unset NODE_ENV means production, which refuses to start on them.
if [ -z "${NODE_ENV:-}" ] && ! grep -qE '^[[:space:]]*(export[[:space:]]+)?NODE_ENV=' .env 2>/dev/null; then
  export NODE_ENV=development
fi
exec node --env-file-if-exists=.env --enable-source-maps --import tsx apps/server/src/main.ts
