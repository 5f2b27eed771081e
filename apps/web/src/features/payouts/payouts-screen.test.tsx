import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../test/render';
import { me, serve, signInAs } from '../../test/signed-in';
import PayoutsScreen from './payouts-screen';

const account = (ready: boolean) => ({
  accountId: 'acct_local_1',
  provider: 'local',
  payoutsEnabled: ready,
  chargesEnabled: ready,
  detailsSubmitted: ready,
});
const maker = (totpEnabled: boolean) => me({ roles: ['viewer', 'maker'], totpEnabled });

describe('PayoutsScreen', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('starts onboarding for a maker without a payout account and shows the account ready', async () => {
    signInAs(['viewer', 'maker']);
    const calls = serve({
      'GET /v1/me': () => jsonResponse(maker(true)),
      'GET /v1/payments/connect/account': () => jsonResponse(null),
      'POST /v1/payments/connect/onboarding': () =>
        jsonResponse({ url: 'http://localhost:8080/studio/payouts', account: account(true) }),
    });
    renderWithApp(<PayoutsScreen />, { route: '/studio/payouts' });
    expect(await screen.findByRole('heading', { name: 'Get paid for your pieces' })).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Set up payouts' }));
    expect((await screen.findByText(/Your payout account is ready/)).textContent).toContain('ready');
    expect(screen.getByText('Local test provider (no real money)')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Set up payouts|Continue setup/ })).toBeNull();
    expect(calls.filter((c) => c.method === 'POST').map((c) => new URL(c.url).pathname)).toEqual([
      '/v1/payments/connect/onboarding',
    ]);
  });

  it('lists what the provider still needs and offers to continue', async () => {
    signInAs(['viewer', 'maker']);
    serve({
      'GET /v1/me': () => jsonResponse(maker(true)),
      'GET /v1/payments/connect/account': () => jsonResponse({ ...account(false), detailsSubmitted: true }),
    });
    renderWithApp(<PayoutsScreen />, { route: '/studio/payouts' });
    expect(await screen.findByText('A bank account for payouts')).toBeTruthy();
    expect(screen.queryByText('Your business and identity details')).toBeNull();
    expect(screen.getByRole('button', { name: 'Continue setup' })).toBeTruthy();
  });

  it('sends a maker without two-step verification to turn it on first', async () => {
    signInAs(['viewer', 'maker']);
    serve({
      'GET /v1/me': () => jsonResponse(maker(false)),
      'GET /v1/payments/connect/account': () => jsonResponse(null),
    });
    renderWithApp(<PayoutsScreen />, { route: '/studio/payouts' });
    const turnOn = await screen.findByRole('link', { name: 'Turn it on' });
    expect(turnOn.getAttribute('href')).toBe('/account/security');
    await waitFor(() =>
      expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Set up payouts' }).disabled).toBe(true),
    );
  });
});
