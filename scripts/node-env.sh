#!/usr/bin/env bash
# Sourced by the start and test commands: puts a Node.js of the major in .nvmrc (or newer) first
# on PATH. When the machine's own is older, that release is installed once from the npm registry
# (the `node-linux-<arch>` package carries the official binary) into .tools/, and used from there
# by everything these commands run (npm, npx, the server, the tests).
want_major=$(tr -dc '0-9' < "$(dirname "${BASH_SOURCE[0]}")/../.nvmrc")
tools="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.tools/node"

node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt "$want_major" ]; then
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "[setup] Node.js $want_major is needed: install it (https://nodejs.org)" >&2; exit 1 ;;
  esac
  bin="$tools/node_modules/node-linux-$arch/bin"
  if [ "$(node_major "$bin/node")" -lt "$want_major" ]; then
    printf '\033[2m[setup]\033[0m %s\n' "installing Node.js $want_major into .tools (this machine has $(node -v 2>/dev/null || echo none))" >&2
    mkdir -p "$tools"
    npm install --prefix "$tools" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
      "node-linux-$arch@$want_major" >/dev/null
  fi
  export PATH="$bin:$PATH"
fi
