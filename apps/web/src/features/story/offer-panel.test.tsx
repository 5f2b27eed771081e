import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Route, Routes, useLocation } from 'react-router';
import type { Offer, Story } from '../../shared/api/types';
import { jsonResponse, renderWithApp } from '../../test/render';
import { serve } from '../../test/serve';
import { OfferPanel } from './offer-panel';

const story = {
  id: 's1',
  makerId: 'maker',
  offerPolicy: { minOfferMinor: 10_000, currency: 'USD', autoRejectBelowMin: false },
  buyNowMinor: null,
} as unknown as Story;

const offer = (patch: Partial<Offer> = {}): Offer => ({
  id: 'o1',
  storyId: 's1',
  userId: 'me',
  amountMinor: 9_000,
  currency: 'USD',
  status: 'pending',
  auctionId: null,
  createdAt: new Date(Date.now() - 60_000).toISOString(),
  decidedAt: null,
  ...patch,
});

describe('OfferPanel: the viewer’s own offer', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the pending offer the server holds (as after a reload) and withdraws it', async () => {
    let offers = [offer()];
    const calls = serve({
      'GET /v1/stories/s1/offers': () => jsonResponse({ items: offers }),
      'POST /v1/offers/o1/withdraw': () => {
        offers = [offer({ status: 'withdrawn', decidedAt: new Date().toISOString() })];
        return jsonResponse({ offer: offers[0] });
      },
    });
    renderWithApp(<OfferPanel story={story} viewerId="me" />);
    const mine = await screen.findByTestId('my-offer');
    expect(mine.textContent).toContain('Your offer of $90.00 is with the maker');
    expect(screen.queryByRole('button', { name: 'Make offer' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Withdraw offer' }));
    await waitFor(() => expect(screen.getByTestId('my-offer').textContent).toContain('was withdrawn'));
    expect(screen.getByRole('button', { name: 'Make offer' })).toBeTruthy();
    expect(calls.some((r) => r.method === 'POST' && new URL(r.url).pathname === '/v1/offers/o1/withdraw')).toBe(true);
  });

  it('shows a declined offer and lets the viewer offer again', async () => {
    serve({
      'GET /v1/stories/s1/offers': () =>
        jsonResponse({ items: [offer({ status: 'declined', decidedAt: new Date().toISOString() })] }),
    });
    renderWithApp(<OfferPanel story={story} viewerId="me" />);
    expect((await screen.findByTestId('my-offer')).textContent).toContain('was declined by the maker');
    expect(screen.queryByRole('button', { name: 'Withdraw offer' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Make offer' })).toBeTruthy();
  });

  it('asks nothing of the server for the maker or a signed-out viewer', () => {
    const calls = serve({});
    renderWithApp(<OfferPanel story={story} viewerId="maker" />);
    renderWithApp(<OfferPanel story={story} viewerId={null} />);
    expect(calls).toEqual([]);
  });
});

describe('OfferPanel: buy now', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('opens the buyer’s payment window screen for the window the server opened', async () => {
    const calls = serve({
      'GET /v1/stories/s1/offers': () => jsonResponse({ items: [] }),
      'POST /v1/stories/s1/buy': () =>
        jsonResponse({ paymentWindow: { id: 'w1', auctionId: null, checkoutUrl: 'https://checkout.example/1' } }, 201),
    });
    renderWithApp(
      <>
        <Routes>
          <Route
            path="/stories/:storyId"
            element={<OfferPanel story={{ ...story, buyNowMinor: 25_000 }} viewerId="me" shippingCountry="PT" />}
          />
          <Route path="/payments/:windowId" element={<p>payment window</p>} />
        </Routes>
        <Where />
      </>,
      { route: '/stories/s1' },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Buy now for $250.00' }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/payments/w1'));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.headers.get('idempotency-key')).toBeTruthy();
    // Bought for delivery in the country the story page showed the shipping for.
    expect(await post.clone().json()).toEqual({ shippingCountry: 'PT' });
  });

  it('names the shipping country with an offer', async () => {
    const calls = serve({
      'GET /v1/stories/s1/offers': () => jsonResponse({ items: [] }),
      'POST /v1/stories/s1/offers': () => jsonResponse({ offer: offer({ amountMinor: 10_000 }), auction: null }, 201),
    });
    renderWithApp(<OfferPanel story={story} viewerId="me" shippingCountry="ES" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Make offer' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(await post.clone().json()).toEqual({ amountMinor: 10_000, currency: 'USD', shippingCountry: 'ES' });
  });
});

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}
