import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../composition/runtime';
import { makerWithTotp, signIn, startServer, type Api } from './test-support';

let runtime: Runtime;
let api: Api;

beforeAll(async () => {
  ({ runtime, api } = await startServer());
});
afterAll(async () => runtime?.stop());

describe('GET /v1/payments/connect/account', () => {
  it('answers null before onboarding, then the account (ready at once with the local provider)', async () => {
    const maker = await makerWithTotp(runtime, api, 'payout-maker');
    const before = await api.call('GET', '/v1/payments/connect/account', { token: maker.accessToken });
    expect(before.status).toBe(200);
    expect(before.body).toBeNull();

    const started = await api.call<{ url: string; account: { provider: string; payoutsEnabled: boolean } }>(
      'POST',
      '/v1/payments/connect/onboarding',
      { token: maker.accessToken },
    );
    expect(started.status).toBe(200);
    expect(new URL(started.body.url, 'http://x').pathname).toBe('/studio/payouts');

    const after = await api.call('GET', '/v1/payments/connect/account', { token: maker.accessToken });
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({
      provider: 'local',
      payoutsEnabled: true,
      chargesEnabled: true,
      detailsSubmitted: true,
    });
  });

  it('is for makers only', async () => {
    const viewer = await signIn(api, 'payout-viewer');
    const res = await api.call<{ error: { code: string } }>('GET', '/v1/payments/connect/account', {
      token: viewer.accessToken,
    });
    expect(res.status).toBe(403);
  });
});
