// Prints the gzip size of what the first page load needs (the entry script, its static imports
// and the CSS linked from index.html) and fails when it is over the budget. Screens and hls.js
// are lazy chunks and not counted. Run after `vite build` (the build script does).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 250 * 1024;
const dist = path.resolve(import.meta.dirname, '../dist');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');

const initial = new Set<string>();
for (const match of html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\bhref)="\/?(assets\/[^"]+\.(?:js|css))"/g)) {
  if (match[1]) initial.add(match[1]);
}
// Follow the entry's static imports (Vite also lists them as modulepreload links; this catches any it did not).
const queue = [...initial].filter((f) => f.endsWith('.js'));
while (queue.length) {
  const file = queue.pop()!;
  const code = readFileSync(path.join(dist, file), 'utf8');
  for (const match of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w${},\s*]+from\s*)?["']\.\/([^"']+\.js)["']/g)) {
    const dep = `assets/${match[1]}`;
    if (!initial.has(dep)) {
      initial.add(dep);
      queue.push(dep);
    }
  }
}

let total = 0;
for (const file of [...initial].sort()) {
  const size = gzipSync(readFileSync(path.join(dist, file))).length;
  total += size;
  console.log(`${(size / 1024).toFixed(1).padStart(8)} KB  ${file}`);
}
console.log(`${(total / 1024).toFixed(1).padStart(8)} KB  initial JS + CSS (gzip), budget ${BUDGET_BYTES / 1024} KB`);
if (total > BUDGET_BYTES) {
  console.error('The initial bundle is over budget: lazy-load more (React.lazy screens, dynamic imports).');
  process.exit(1);
}
