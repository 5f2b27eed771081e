#!/usr/bin/env bash
# Installs what the product needs and is missing: npm dependencies (when the lockfile changed since
# the last install, or the Node.js ABI changed) and Debian packages. Usage: bootstrap.sh [start|test]
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${1:-start}"

log() { printf '\033[2m[setup]\033[0m %s\n' "$*" >&2; }

# --- npm dependencies ---------------------------------------------------------------------------
stamp=node_modules/.install-stamp
want=$( (sha256sum package-lock.json package.json; node -p process.versions.modules) | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  log "installing npm dependencies"
  # Development dependencies too, whatever NODE_ENV says: the commands run from source (tsx, vite).
  npm ci --include=dev --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

# --- Debian packages ----------------------------------------------------------------------------
# Installs with apt-get when this is a Debian-like machine and no password is needed (root, or
# sudo without a prompt); otherwise says what to install, and returns 1.
apt_install() {
  local pkgs=("$@")
  local sudo=""
  if command -v apt-get >/dev/null; then
    if [ "$(id -u)" != 0 ]; then
      if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
        log "missing ${pkgs[*]}: install them with: sudo apt-get install -y ${pkgs[*]}"; return 1
      fi
    fi
    log "installing ${pkgs[*]} (Debian)"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
    return
  fi
  log "missing ${pkgs[*]} (ffmpeg with ffprobe, the DejaVu fonts, chromium), install them, e.g.:"
  log "  Fedora: sudo dnf install ffmpeg dejavu-sans-fonts chromium"
  log "  Arch:   sudo pacman -S ffmpeg ttf-dejavu chromium"
  log "  macOS:  brew install ffmpeg && brew install --cask chromium"
  return 1
}

missing=()
command -v ffmpeg >/dev/null && command -v ffprobe >/dev/null || missing+=(ffmpeg)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ] || missing+=(fonts-dejavu-core)
if [ "$profile" = test ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
fi
if [ ${#missing[@]} -gt 0 ]; then
  if ! apt_install "${missing[@]}"; then
    if [ "$profile" = test ]; then exit 1; fi
    log "continuing without ${missing[*]}: video processing is unavailable until installed"
  fi
fi
