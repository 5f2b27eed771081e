#!/usr/bin/env bash
# Renders the PWA icons from public/favicon.svg (and a full-bleed maskable variant) with ffmpeg's
# SVG decoder. The PNGs are small and committed; re-run this only when the artwork changes.
set -euo pipefail
cd "$(dirname "$0")/../public"
maskable=$(mktemp --suffix=.svg)
trap 'rm -f "$maskable"' EXIT
# Maskable icons are cropped to a circle by some launchers: full-bleed background, art in the safe zone.
cat > "$maskable" <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect width="512" height="512" fill="#0b0b10"/>
  <g transform="translate(256 256) scale(0.72) translate(-256 -256)">
    <rect x="136" y="96" width="240" height="320" rx="36" fill="none" stroke="#ffb547" stroke-width="32"/>
    <path d="M222 196 L314 256 L222 316 Z" fill="#ffb547"/>
  </g>
</svg>
SVG
render() { ffmpeg -hide_banner -loglevel error -y -i "$1" -vf "scale=$2:$2" -frames:v 1 -pix_fmt rgba "$3"; }
render favicon.svg 192 icon-192.png
render favicon.svg 512 icon-512.png
render favicon.svg 180 apple-touch-icon.png
render "$maskable" 512 icon-maskable-512.png
ls -l ./*.png
