import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { createLogger } from '../src/platform/logger';
import { findLeaks } from './log-scan';

async function scan(lines: string[]) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vw-log-scan-'));
  await writeFile(path.join(dir, 'some.test.ts-1.ndjson'), lines.join('\n') + '\n');
  return findLeaks(dir);
}

it('finds each kind of leak in a log line', async () => {
  const { leaks } = await scan([
    JSON.stringify({ msg: 'sent to rosalind.quill@example.com' }),
    JSON.stringify({ msg: 'texted +447700900123' }),
    JSON.stringify({ token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc' }),
    JSON.stringify({ refresh: `rt_${'x'.repeat(43)}` }),
    JSON.stringify({ key: 'sk_test_abcdefghijklmnop' }),
    JSON.stringify({ secret: 'whsec_abcdefghijklmnop' }),
    JSON.stringify({ header: 'Bearer abcdefghijklmnopqrstuvwxyz' }),
  ]);
  expect(leaks.map((l) => l.kind).sort()).toEqual(
    [
      'access token (JWT)',
      'bearer credential',
      'email address',
      'phone number',
      'refresh token',
      'Stripe secret key',
      'webhook secret',
    ].sort(),
  );
  expect(leaks.every((l) => l.file === 'some.test.ts-1.ndjson')).toBe(true);
});

it("passes what the product's logger writes about the same data", async () => {
  const lines: string[] = [];
  const log = createLogger('debug', { write: (line: string) => lines.push(line) });
  log.info({ to: 'rosalind.quill@example.com', phone: '+447700900123' }, 'code sent to rosalind.quill@example.com');
  const { leaks } = await scan([...lines, JSON.stringify({ msg: 'at 2026-11-22T08:00:00.000+00:00, +***' })]);
  expect(lines.join('')).toContain('r***@example.com');
  expect(leaks).toEqual([]);
});
