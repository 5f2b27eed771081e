#!/usr/bin/env bash
# Builds the web app's production bundle when its sources changed since the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f apps/web/package.json ] && grep -q '"build"' apps/web/package.json || exit 0
# Test files are not part of the bundle: editing one does not rebuild (and so never swaps the bundle
# under a browser test that is running).
want=$( (find apps/web/src apps/web/public apps/web/index.html apps/web/vite.config.ts packages/api-client/src packages/domain/src -type f \
  -not -name '*.test.ts' -not -name '*.test.tsx' -not -path 'apps/web/src/test/*' 2>/dev/null | sort | xargs cat; cat package-lock.json) | sha256sum | cut -d' ' -f1)
stamp=apps/web/dist/.build-stamp
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then exit 0; fi
printf '\033[2m[setup]\033[0m building the web app\n' >&2
# Always the production bundle (React's production build), whatever NODE_ENV the caller runs with:
# a test run (NODE_ENV=test) or a development start must not build and keep a development bundle.
NODE_ENV=production npm run build -w @vw/web --silent
echo "$want" > "$stamp"
