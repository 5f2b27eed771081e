#!/usr/bin/env bash
# `npm run dev`: the server restarts when its sources change (logs pretty-printed), and the web app
# is served by Vite with hot reload on http://localhost:5173, calling the server on :8080. `.env` is
# read when present (variables already set in the shell win).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node-env.sh
bash scripts/bootstrap.sh start
if [ -z "${NODE_ENV:-}" ] && ! grep -qE '^[[:space:]]*(export[[:space:]]+)?NODE_ENV=' .env 2>/dev/null; then
  export NODE_ENV=development
fi
export LOG_LEVEL="${LOG_LEVEL:-info}"
# Stop both on Ctrl-C or when either ends.
trap 'trap - EXIT INT TERM; kill 0 2>/dev/null' EXIT INT TERM
(
  node --watch --env-file-if-exists=.env --enable-source-maps --import tsx apps/server/src/main.ts 2>&1 |
    node_modules/.bin/pino-pretty --colorize --ignore pid,hostname --translateTime 'SYS:HH:MM:ss'
) &
npm --workspace apps/web run dev -- --host 127.0.0.1 --port 5173 --strictPort &
printf '\n  Web app with hot reload: http://localhost:5173/\n\n' >&2
wait -n
