import Fastify from 'fastify';
import { spawnSync } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccessLog } from './http/access-log';
import { createLogger, logDestination, LOGGED_STRING_LIMIT, maskPersonalData } from './logger';

describe('masking what is logged', () => {
  it('masks addresses and phone numbers wherever they appear in a string', () => {
    expect(maskPersonalData('to rosalind.quill@example.com, x.y+z@sub.example.org and +447700900123')).toBe(
      'to r***@example.com, x***@sub.example.org and +***',
    );
  });

  it('handles a hostile megabyte of address characters in one pass and logs only the first part', () => {
    // One long run of characters an address may contain, with no "@" (or an "@" at the very end):
    // masked by scanning each position afresh, this took minutes and stalled the process.
    for (const hostile of ['a'.repeat(1_000_000), `${'.'.repeat(1_000_000)}@x`, `${'a@b'.repeat(300_000)}`]) {
      const logged = maskPersonalData(hostile);
      expect(logged.length).toBeLessThan(LOGGED_STRING_LIMIT + 40);
      expect(logged).toMatch(/…\[\d+ more characters\]$/);
    }
  });

  it('masks an address before cutting, so no part of its local part is left at the cut', () => {
    const text = `${'x '.repeat(LOGGED_STRING_LIMIT / 2 - 3)}rosalind.quill@example.com`;
    expect(maskPersonalData(text)).not.toContain('rosalind');
  });
});

describe('the request log lines', () => {
  it('are one per request, saying the request, the status and the time, with the address in the URL masked', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger('info', {
      write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>),
    });
    const app = Fastify({ loggerInstance: logger, logController: new AccessLog() });
    app.get('/v1/people', async (_req, reply) => reply.status(203).send({ ok: true }));
    app.get('/v1/broken', async () => {
      throw new Error('no people today');
    });
    await app.inject({ method: 'GET', url: '/v1/people?email=rosalind.quill%40example.com' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: 'request completed',
      req: { method: 'GET', url: '/v1/people?email=r***@example.com' },
      res: { statusCode: 203 },
    });
    expect(typeof lines[0]!.responseTime).toBe('number');
    lines.length = 0;
    await app.inject({ method: 'GET', url: '/v1/broken' });
    await app.close();
    expect(lines.map((l) => l.msg)).not.toContain('incoming request');
    expect(lines.at(-1)).toMatchObject({
      msg: 'request completed',
      req: { url: '/v1/broken' },
      res: { statusCode: 500 },
    });
    expect(JSON.stringify(lines)).not.toContain('rosalind');
  });

  it('mask personal data in the other fields of a line, however deep', () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger('info', {
      write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>),
    });
    logger.info({ order: { buyer: { email: 'rosalind.quill@example.com', phones: ['+447700900123'] } } }, 'placed');
    expect(lines[0]?.order).toEqual({ buyer: { email: 'r***@example.com', phones: ['+***'] } });
  });
});

describe('credentials in a line', () => {
  const logged = (write: (logger: ReturnType<typeof createLogger>) => void) => {
    const lines: Record<string, unknown>[] = [];
    write(createLogger('info', { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) }));
    return lines;
  };

  it('are censored under any field, at any depth, and in any case', () => {
    const [line] = logged((logger) =>
      logger.info(
        {
          password: 'hunter2',
          body: { code: '482913', session: { refreshToken: 'rt-1', accessToken: 'at-1', nested: { token: 't-1' } } },
          headers: { Authorization: 'Bearer abc', cookie: 'vw=1', 'idempotency-key': 'k-1' },
          provider: { secret: 'sk_live_1', idToken: 'id-1' },
          kept: { amountMinor: 1200, note: 'fine' },
        },
        'a line',
      ),
    );
    expect(line).toMatchObject({
      password: '[redacted]',
      body: {
        code: '[redacted]',
        session: { refreshToken: '[redacted]', accessToken: '[redacted]', nested: { token: '[redacted]' } },
      },
      headers: { Authorization: '[redacted]', cookie: '[redacted]', 'idempotency-key': '[redacted]' },
      provider: { secret: '[redacted]', idToken: '[redacted]' },
      kept: { amountMinor: 1200, note: 'fine' },
    });
    for (const secret of ['hunter2', '482913', 'rt-1', 'at-1', 't-1', 'abc', 'vw=1', 'k-1', 'sk_live_1', 'id-1']) {
      expect(JSON.stringify(line)).not.toContain(secret);
    }
  });

  it("keep an error's own code, and censor a credential the error carries", () => {
    const err = Object.assign(new Error('duplicate key'), { code: '23505', token: 'leaked-token' });
    const [line] = logged((logger) => logger.error({ err }, 'failed'));
    expect(line?.err).toMatchObject({ message: 'duplicate key', code: '23505', token: '[redacted]' });
  });
});

describe('the log destination', () => {
  const tempLog = () => path.join(mkdtempSync(path.join(tmpdir(), 'vw-log-')), 'out.log');

  it('writes a quiet process’s lines within about a second, though they fill no batch', async () => {
    const file = tempLog();
    const destination = logDestination(file);
    createLogger('info', destination).info({ order: 'A-1' }, 'one quiet line');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readFileSync(file, 'utf8')).toBe('');
    await waitFor(() => readFileSync(file, 'utf8').includes('one quiet line'), 2500);
    (destination as unknown as { end(): void }).end();
  });

  it('keeps its timer quiet once the destination is closed', async () => {
    const file = tempLog();
    const destination = logDestination(file) as unknown as EventEmitter & { destroy(): void };
    await new Promise((resolve) => destination.once('ready', resolve));
    // A stream is destroyed a moment before it reports its close (when an `end()` finishes
    // writing): a flush in that moment must not throw. Here the report never comes.
    destination.removeAllListeners('close');
    destination.destroy();
    await new Promise((resolve) => setTimeout(resolve, 1200));
  });

  it('writes what is still buffered when the process exits or crashes', () => {
    for (const ending of ['process.exit(0)', "throw new Error('boom')"]) {
      const file = tempLog();
      const script = `import { createLogger, logDestination } from ${JSON.stringify(path.join(import.meta.dirname, 'logger.ts'))};
        const logger = createLogger('info', logDestination(${JSON.stringify(file)}));
        setTimeout(() => { logger.info('the last words'); ${ending}; }, 100);`;
      spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: 'ignore' });
      expect(readFileSync(file, 'utf8')).toContain('the last words');
    }
  });
});

async function waitFor(probe: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
