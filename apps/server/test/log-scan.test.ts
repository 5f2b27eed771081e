import { randomBytes } from 'node:crypto';
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

/** base64url text with `inner` somewhere in its middle, as random bytes sometimes spell. */
function encodedAround(inner: string): string {
  return `${randomBytes(18).toString('base64url')}${inner}${randomBytes(18).toString('base64url')}`;
}

it('does not take token-like runs inside encoded text for credentials', async () => {
  const runs = [
    `-rt_${'Q'.repeat(30)}`,
    `_rt_${'Q'.repeat(30)}`,
    `_eyJhbGciOiJIUzI1.eyJzdWIiOiIxMjM0.sig`,
    `-eyJhbGciOiJIUzI1.eyJzdWIiOiIxMjM0.sig`,
    `-sk_test_abcdefghijklmnop`,
    `Awhsec_abcdefghijklmnop`,
  ];
  const sealed = (inner: string) => `v1.k1.${encodedAround('')}.${encodedAround(inner)}`;
  const { leaks } = await scan([
    ...runs.map((run) => JSON.stringify({ msg: 'job', payload: { sealed: sealed(run) } })),
    ...runs.map((run) => JSON.stringify({ msg: 'hash', digest: encodedAround(run) })),
    // a sealed value whose ciphertext begins with token-like bytes right after its dot
    JSON.stringify({ payload: { sealed: `v1.k1.${encodedAround('')}.rt_${'Q'.repeat(40)}` } }),
  ]);
  expect(leaks).toEqual([]);
});

it('still catches whole tokens next to encoded text, in any quoting', async () => {
  const { leaks } = await scan([
    JSON.stringify({ sealed: `v1.k1.${encodedAround('')}.${encodedAround('')}`, refresh: `rt_${'x'.repeat(43)}` }),
    `{"msg":"refresh rt_${'y'.repeat(43)} reused"}`,
    `{"msg":"header: Bearer ${'z'.repeat(30)}"}`,
    `{"msg":"token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc"}`,
  ]);
  expect(leaks.map((l) => l.kind).sort()).toEqual(['access token (JWT)', 'bearer credential', 'refresh token']);
  expect(leaks.find((l) => l.kind === 'refresh token')!.sample).toMatch(/^rt_x+$/);
});
