import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Route, Routes, useLocation } from 'react-router';
import type { PaymentWindow } from '../../shared/api/types';
import { jsonResponse, renderWithApp } from '../../test/render';
import { serve } from '../../test/serve';
import PaymentScreen from './payment-screen';

const WINDOW_ID = '7a1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

const window_ = (patch: Partial<PaymentWindow> = {}): PaymentWindow => ({
  id: WINDOW_ID,
  auctionId: null,
  storyId: 's1',
  winnerId: 'me',
  status: 'open',
  reason: 'buy_now',
  amountMinor: 25_000,
  shippingCountry: 'US',
  shippingMinor: 1_500,
  currency: 'USD',
  opensAt: new Date(Date.now() - 60_000).toISOString(),
  expiresAt: new Date(Date.now() + 24 * 3600_000 - 60_000).toISOString(),
  checkoutUrl: 'https://checkout.example/session/cs_1',
  ...patch,
});

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}

const app = (route: string) =>
  renderWithApp(
    <>
      <Routes>
        <Route path="/payments/:windowId" element={<PaymentScreen />} />
      </Routes>
      <Where />
    </>,
    { route },
  );

describe('PaymentScreen by payment window (after buy now)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the buyer’s payment window: amount, time left of the 24 hours, the checkout', async () => {
    const calls = serve({ [`GET /v1/payment-windows/${WINDOW_ID}`]: () => jsonResponse(window_()) });
    app(`/payments/${WINDOW_ID}`);
    expect(await screen.findByRole('heading', { name: 'Complete your purchase' })).toBeTruthy();
    expect(screen.getAllByText('$250.00').length).toBeGreaterThan(0);
    expect(screen.getByRole('timer').textContent).toMatch(/^23h 5[89]m( \d{1,2}s)?$/);
    const pay = screen.getByRole('link', { name: 'Pay $265.00 securely' });
    expect(pay.getAttribute('href')).toBe('https://checkout.example/session/cs_1');
    expect(calls.map((c) => new URL(c.url).pathname)).toContain(`/v1/payment-windows/${WINDOW_ID}`);
  });

  it('waits for a checkout the provider has not made yet, asking the window again', async () => {
    let asked = 0;
    serve({
      [`GET /v1/payment-windows/${WINDOW_ID}`]: () => {
        asked += 1;
        return jsonResponse(window_(asked === 1 ? { checkoutUrl: null } : {}));
      },
    });
    app(`/payments/${WINDOW_ID}`);
    expect(await screen.findByText('Preparing the checkout…')).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Pay $265.00 securely' }, { timeout: 6000 })).toBeTruthy();
  }, 10_000);

  it('reads the window by id where the checkout returns, and shows the receipt once paid', async () => {
    serve({
      [`GET /v1/payment-windows/${WINDOW_ID}`]: () => jsonResponse(window_({ status: 'paid' })),
      'GET /v1/orders': () => jsonResponse({ items: [], nextCursor: null }),
    });
    app(`/payments/${WINDOW_ID}?session_id=cs_1`);
    expect(await screen.findByRole('heading', { name: 'Paid — thank you' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /securely/ })).toBeNull();
  });

  it('says when the time to pay ran out', async () => {
    serve({ [`GET /v1/payment-windows/${WINDOW_ID}`]: () => jsonResponse(window_({ status: 'expired' })) });
    app(`/payments/${WINDOW_ID}`);
    expect(await screen.findByRole('heading', { name: 'The payment window has closed' })).toBeTruthy();
    expect(screen.getByText(`Ref. ${WINDOW_ID}`)).toBeTruthy();
  });
});
