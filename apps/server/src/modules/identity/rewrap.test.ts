import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { PersonalDataCipher } from '../../platform/crypto/envelope';
import type { Runtime } from '../../platform/runtime';
import { apiClient } from '../../../test/client';
import { TEST_DATA_KEYS, createTestDatabase, startTestServer } from '../../../test/harness';
import { rewrapPersonalData } from './rewrap';

const runtimes: Runtime[] = [];
afterAll(async () => {
  for (const r of runtimes) await r.stop();
});

describe('data key rotation', () => {
  it('keeps serving data while a new key is added, then re-wraps everything under it', async () => {
    const databaseUrl = await createTestDatabase();
    const before = await startTestServer({ databaseUrl });
    runtimes.push(before);
    const api = apiClient(before);
    const phone = '+447700900123';
    const since = Date.now() - 5;
    await api.call('POST', '/v1/auth/sms/start', { body: { phone } });
    const code = await api.latestCode(phone, since);
    const signedIn = await api.call<{ accessToken: string }>('POST', '/v1/auth/sms/verify', { body: { phone, code } });
    await api.call('POST', '/v1/makers', {
      token: signedIn.body.accessToken,
      body: { displayName: 'Rotator', legalName: 'Rita Rotator' },
    });
    await before.stop();

    const newKeys = `k2:${randomBytes(32).toString('base64')},${TEST_DATA_KEYS}`;
    const after = await startTestServer({ databaseUrl, env: { DATA_ENCRYPTION_KEYS: newKeys } });
    runtimes.push(after);
    // old values still open with the old key: the session keeps working and the phone reads back
    const me = await apiClient(after).call<{ phone: string }>('GET', '/v1/me', { token: signedIn.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.phone).toBe(phone);

    const moved = await rewrapPersonalData(after.ctx.db, PersonalDataCipher.fromConfig(newKeys));
    expect(moved).toBeGreaterThanOrEqual(3); // phone, legal name, signing key
    const rows = await after.ctx.pool.query<{ v: string }>(
      `select phone_encrypted as v from identity.users where phone_encrypted is not null
       union all select legal_name_encrypted from identity.maker_profiles where legal_name_encrypted is not null
       union all select private_jwk_encrypted from identity.signing_keys`,
    );
    expect(rows.rows.length).toBeGreaterThanOrEqual(3);
    for (const r of rows.rows) expect(r.v.startsWith('v1.k2.')).toBe(true);
    expect(await rewrapPersonalData(after.ctx.db, PersonalDataCipher.fromConfig(newKeys))).toBe(0);
    const again = await apiClient(after).call<{ phone: string }>('GET', '/v1/me', { token: signedIn.body.accessToken });
    expect(again.body.phone).toBe(phone);
  });
});
