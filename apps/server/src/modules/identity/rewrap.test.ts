import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { PersonalDataCipher } from '../../platform/crypto/envelope';
import type { Runtime } from '../../composition/runtime';
import { apiClient } from '../../../test/client';
import { firstKeyOf, sealFirstForm } from '../../../test/first-form';
import { TEST_DATA_KEYS, createTestDatabase, startTestServer } from '../../../test/harness';
import { rewrapPersonalData } from './rewrap';

const runtimes: Runtime[] = [];

afterAll(async () => {
  for (const r of runtimes) await r.stop();
});

describe('data key rotation', () => {
  it('keeps serving data while a new key is added, then re-wraps everything under it, first-form values bound to their rows', async () => {
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
    // Values written before ciphertexts were bound to their rows: the first stored form.
    await before.ctx.pool.query('update identity.users set phone_encrypted = $1 where phone_encrypted is not null', [
      sealFirstForm(firstKeyOf(TEST_DATA_KEYS), phone),
    ]);
    await before.ctx.pool.query('update identity.maker_profiles set legal_name_encrypted = $1', [
      sealFirstForm(firstKeyOf(TEST_DATA_KEYS), 'Rita Rotator'),
    ]);
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
    const rows = await after.ctx.pool.query<{ v: string; purpose: string; row_id: string }>(
      `select phone_encrypted as v, 'identity.users.phone' as purpose, id::text as row_id
         from identity.users where phone_encrypted is not null
       union all select legal_name_encrypted, 'identity.maker_profiles.legal_name', user_id::text
         from identity.maker_profiles where legal_name_encrypted is not null
       union all select private_jwk_encrypted, 'identity.signing_keys.private_jwk', kid from identity.signing_keys`,
    );
    expect(rows.rows.length).toBeGreaterThanOrEqual(3);
    const cipher = PersonalDataCipher.fromConfig(newKeys);
    for (const r of rows.rows) {
      // the first-form values are now bound to their row and purpose, like every value
      expect(r.v.startsWith('v2.k2.')).toBe(true);
      expect(() => cipher.decrypt(r.v, { purpose: r.purpose, rowId: r.row_id })).not.toThrow();
      expect(() => cipher.decrypt(r.v, { purpose: r.purpose, rowId: 'another-row' })).toThrow();
    }
    const legal = rows.rows.find((r) => r.purpose === 'identity.maker_profiles.legal_name')!;
    expect(cipher.decrypt(legal.v, { purpose: legal.purpose, rowId: legal.row_id })).toBe('Rita Rotator');
    expect(await rewrapPersonalData(after.ctx.db, PersonalDataCipher.fromConfig(newKeys))).toBe(0);
    const again = await apiClient(after).call<{ phone: string }>('GET', '/v1/me', { token: signedIn.body.accessToken });
    expect(again.body.phone).toBe(phone);
  });
});
