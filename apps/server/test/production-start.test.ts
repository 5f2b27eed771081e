import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/platform/db/embedded';
import { createTestDatabase } from './harness';
import { startSmtpCatcher } from './smtp-catcher';

const root = path.resolve(import.meta.dirname, '../../..');
const children: ChildProcess[] = [];

/** The server process with exactly this environment (nothing inherited but PATH). */
function spawnServer(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return { child, output: () => output };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

async function waitFor<T>(what: string, fn: () => Promise<T | null>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

const EVERY_MISSING_SETTING = [
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'SMTP_URL',
  'PUBLIC_URL',
  'DATA_ENCRYPTION_KEYS',
  'LOOKUP_SECRET',
  'INTERNAL_SIGNING_SECRET',
];

describe('a production start', () => {
  it('security review: production start check — NODE_ENV=production with nothing configured exits 1 listing every missing setting', async () => {
    const port = await freePort();
    const { child, output } = spawnServer({ NODE_ENV: 'production', PORT: String(port) });
    expect(await exited(child)).toBe(1);
    const lines = output().split('\n');
    expect(lines[0]).toBe('Refusing to start in production:');
    for (const name of EVERY_MISSING_SETTING)
      expect(
        lines.some((l) => l.startsWith(`  - ${name}: `)),
        name,
      ).toBe(true);
    expect(output()).not.toMatch(/NODE_ENV is not set/);

    // No NODE_ENV at all: the same refusal, saying why, never the development stand-ins.
    const unset = spawnServer({ PORT: String(port), DEV_MAILBOX: 'true' });
    expect(await exited(unset.child)).toBe(1);
    expect(unset.output()).toMatch(/NODE_ENV is not set/);
    for (const name of [...EVERY_MISSING_SETTING, 'DEV_MAILBOX']) expect(unset.output()).toContain(`  - ${name}: `);
  }, 60_000);

  it('security review: production start check — a complete production configuration starts, mails through SMTP and keeps the stand-ins off', async () => {
    const smtp = await startSmtpCatcher();
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vw-production-'));
    const [port, opsPort] = [await freePort(), await freePort()];
    const metricsToken = randomBytes(24).toString('base64url');
    try {
      const { child, output } = spawnServer({
        NODE_ENV: 'production',
        PORT: String(port),
        METRICS_PORT: String(opsPort),
        METRICS_TOKEN: metricsToken,
        DATA_DIR: dataDir,
        DATABASE_URL: await createTestDatabase(),
        PUBLIC_URL: 'https://video-window.example',
        DATA_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
        LOOKUP_SECRET: randomBytes(36).toString('base64url'),
        INTERNAL_SIGNING_SECRET: randomBytes(36).toString('base64url'),
        STRIPE_SECRET_KEY: `sk_test_${randomBytes(12).toString('hex')}`,
        STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(12).toString('hex')}`,
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      });
      const base = `http://127.0.0.1:${port}`;
      await waitFor(`/health (${output()})`, async () => {
        if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}:\n${output()}`);
        const res = await fetch(`${base}/health`);
        return res.ok ? res : null;
      }).catch((err: unknown) => {
        throw new Error(`${String(err)}\n${output()}`);
      });
      expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });

      // Public readiness says ready or not; the detail is on the operations port.
      const ready = await waitFor('/ready', async () => {
        const res = await fetch(`${base}/ready`);
        return res.ok ? await res.text() : null;
      });
      expect(JSON.parse(ready)).toEqual({ status: 'ready' });
      expect((await fetch(`${base}/metrics`)).status).toBe(404);
      const detail = (await (await fetch(`http://127.0.0.1:${opsPort}/ready`)).json()) as { checks: object };
      expect(detail.checks).toMatchObject({ database: 'ok', jobQueue: 'ok' });
      expect(await (await fetch(`http://127.0.0.1:${opsPort}/metrics`)).text()).toContain('process_');

      // No development stand-ins: no mailbox, no local checkout; sign-in codes go out by SMTP.
      expect((await fetch(`${base}/v1/dev/mailbox?to=buyer@example.com`)).status).toBe(404);
      expect((await fetch(`${base}/v1/payments/local/cs_local_${'0'.repeat(24)}`)).status).toBe(404);
      const started = await fetch(`${base}/v1/auth/email/start`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'buyer@example.com' }),
      });
      expect(started.status).toBe(202);
      const mail = await waitFor('the sign-in code by SMTP', async () => smtp.messages[0] ?? null);
      expect(mail.to).toEqual(['buyer@example.com']);

      child.kill('SIGTERM');
      expect(await exited(child)).toBe(0);
    } finally {
      await smtp.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
