// The publishable package: built as a consumer installs it, it imports under plain Node and the
// README's example type-checks against its declarations with Node's own module resolution.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = path.resolve(import.meta.dirname, '..');
let work: string;
let dist: string;

beforeAll(async () => {
  // Inside the package, so the consumer finds openapi-fetch in the repository's node_modules.
  work = await mkdtemp(path.join(here, 'dist-test-'));
  dist = path.join(work, 'dist');
  execFileSync(process.execPath, ['--import', 'tsx', path.join(here, 'build.ts'), dist], { stdio: 'pipe' });
  await mkdir(path.join(work, 'consumer/node_modules/@vw'), { recursive: true });
  await symlink(dist, path.join(work, 'consumer/node_modules/@vw/api-client'), 'dir');
  await writeFile(path.join(work, 'consumer/package.json'), '{ "type": "module" }\n');
}, 120_000);
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the published package', () => {
  it('declares its entry points, types and dependencies', async () => {
    const manifest = JSON.parse(await readFile(path.join(dist, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: '@vw/api-client',
      type: 'module',
      exports: { '.': { types: './index.d.ts', import: './index.js' }, './openapi.json': './openapi.json' },
    });
    expect(Object.keys(manifest.dependencies as object)).toEqual(['openapi-fetch']);
    expect(manifest).not.toHaveProperty('private');
    const doc = JSON.parse(await readFile(path.join(dist, 'openapi.json'), 'utf8')) as { openapi: string };
    expect(doc.openapi).toMatch(/^3\.1/);
  });

  it('imports under plain Node and builds a client that calls the given server', async () => {
    const script = [
      "import { createApiClient } from '@vw/api-client';",
      'const seen = [];',
      "const api = createApiClient({ baseUrl: 'http://api.example', fetch: async (req) => { seen.push(req.method + ' ' + req.url); return new Response('{\"items\":[],\"nextCursor\":null}', { headers: { 'content-type': 'application/json' } }); } });",
      "const { data } = await api.GET('/v1/feed', { params: { query: { limit: 2 } } });",
      'console.log(JSON.stringify({ seen, data }));',
    ].join('\n');
    await writeFile(path.join(work, 'consumer/run.mjs'), script);
    const out = execFileSync(process.execPath, [path.join(work, 'consumer/run.mjs')], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({
      seen: ['GET http://api.example/v1/feed?limit=2'],
      data: { items: [], nextCursor: null },
    });
  });

  it("type-checks the README's example, and refuses a path the API does not have", async () => {
    const readme = await readFile(path.join(here, 'README.md'), 'utf8');
    const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeTruthy();
    await writeFile(path.join(work, 'consumer/example.ts'), `${example}\nexport {};\n`);
    await writeFile(
      path.join(work, 'consumer/wrong.ts'),
      "import { createApiClient } from '@vw/api-client';\nawait createApiClient().GET('/v1/no-such-path', {});\nexport {};\n",
    );
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const check = (file: string): string => {
      try {
        execFileSync(
          process.execPath,
          [
            tsc,
            '--noEmit',
            '--strict',
            '--skipLibCheck',
            '--target',
            'ES2023',
            '--module',
            'NodeNext',
            '--moduleResolution',
            'NodeNext',
            '--lib',
            'ES2023,DOM',
            '--types',
            'node',
            '--typeRoots',
            path.resolve(here, '../../node_modules/@types'),
            path.join(work, 'consumer', file),
          ],
          { encoding: 'utf8', stdio: 'pipe' },
        );
        return 'ok';
      } catch (err) {
        return String((err as { stdout?: string }).stdout);
      }
    };
    expect(check('example.ts')).toBe('ok');
    expect(check('wrong.ts')).toMatch(/wrong\.ts.*error TS\d+: .*no-such-path/);
  });
});
