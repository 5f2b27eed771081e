// Builds the publishable package into dist/ (or the folder given as the first argument): ES module
// JavaScript with type declarations, a package.json whose exports name them, the README and the
// OpenAPI document the client was generated from. Publish with `npm publish packages/api-client/dist`.
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const here = import.meta.dirname;
const outDir = path.resolve(process.argv[2] ?? path.join(here, 'dist'));
const source = JSON.parse(await readFile(path.join(here, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  description: string;
  license: string;
  dependencies: Record<string, string>;
};

await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', path.join(here, 'tsconfig.build.json'), '--outDir', outDir], {
  stdio: 'inherit',
});

const manifest = {
  name: source.name,
  version: source.version,
  description: source.description,
  license: source.license,
  type: 'module',
  exports: {
    '.': { types: './index.d.ts', import: './index.js' },
    './openapi.json': './openapi.json',
  },
  main: './index.js',
  types: './index.d.ts',
  sideEffects: false,
  dependencies: source.dependencies,
};
await writeFile(path.join(outDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
await copyFile(path.join(here, 'README.md'), path.join(outDir, 'README.md'));
await copyFile(path.join(here, 'openapi.json'), path.join(outDir, 'openapi.json'));
console.log(`built ${source.name}@${source.version} into ${path.relative(process.cwd(), outDir) || '.'}`);
