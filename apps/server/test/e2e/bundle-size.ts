import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = path.resolve(import.meta.dirname, '../../../web/dist');

/** Gzipped bytes of the JavaScript the first page load fetches: the entry and its preloads. */
export function initialJsGzipBytes(): number {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="(\/[^"]+\.js)"/g)].map((m) => m[1]!);
  return [...new Set(scripts)].reduce((sum, file) => sum + gzipSync(readFileSync(path.join(dist, file))).length, 0);
}
