import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskList, type Task } from '../../platform/jobs';
import type { Runtime } from '../../composition/runtime';
import { firstKeyOf, sealFirstForm } from '../../../test/first-form';
import { TEST_DATA_KEYS, startTestServer } from '../../../test/harness';
import { pushKeySealedFor } from './devices';

let runtime: Runtime;
beforeAll(async () => {
  runtime = await startTestServer();
});
afterAll(async () => runtime.stop());

describe('web push keys', () => {
  it('stored in the first form (not bound to a row) are re-wrapped bound to their subscription by a daily job', async () => {
    const notifications = runtime.modules.list.find((m) => m.name === 'notifications')!;
    expect(notifications.crontab).toContainEqual(expect.stringMatching(/ notifications:rewrap-personal-data/));
    const endpoint = `https://push.example/${randomUUID()}`;
    const p256dh = randomBytes(65).toString('base64url');
    const auth = randomBytes(16).toString('base64url');
    const kek = firstKeyOf(TEST_DATA_KEYS);
    await runtime.ctx.pool.query(
      `insert into notifications.web_push_subscriptions (user_id, endpoint, p256dh_encrypted, auth_encrypted, created_at)
       values ($1, $2, $3, $4, now())`,
      [randomUUID(), endpoint, sealFirstForm(kek, p256dh), sealFirstForm(kek, auth)],
    );
    const helpers = { logger: { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} } };
    await taskList(notifications.tasks!)['notifications:rewrap-personal-data']!(
      {},
      helpers as unknown as Parameters<Task>[1],
    );

    const { rows } = await runtime.ctx.pool.query<{ p: string; a: string }>(
      'select p256dh_encrypted as p, auth_encrypted as a from notifications.web_push_subscriptions where endpoint = $1',
      [endpoint],
    );
    const cipher = runtime.ctx.secrets.cipher;
    expect(rows[0]!.p.startsWith('v2.')).toBe(true);
    expect(rows[0]!.a.startsWith('v2.')).toBe(true);
    expect(cipher.decrypt(rows[0]!.p, pushKeySealedFor('p256dh', endpoint))).toBe(p256dh);
    expect(cipher.decrypt(rows[0]!.a, pushKeySealedFor('auth', endpoint))).toBe(auth);
    expect(() => cipher.decrypt(rows[0]!.a, pushKeySealedFor('p256dh', endpoint))).toThrow();
  });
});
