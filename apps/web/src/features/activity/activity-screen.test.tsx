import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../shared/api/client';
import { jsonResponse, renderWithApp } from '../../test/render';
import { me, serve, signInAs } from '../../test/signed-in';
import ActivityScreen from './activity-screen';

const item = (n: number, patch: Record<string, unknown>) => ({
  auctionId: `a${n}`,
  storyId: `s${n}`,
  title: `Piece ${n}`,
  status: 'active',
  highBidMinor: 12_000,
  currency: 'USD',
  endsAt: '2026-03-01T12:00:00.000Z',
  myHighestBidMinor: 11_000,
  myMaxMinor: 15_000,
  standing: 'leading',
  paymentDueAt: null,
  ...patch,
});

describe('ActivityScreen', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.clear('session_ended');
  });

  it('sorts my auctions into Bidding, Won and Lost, links a win to its payment, and lists my offers', async () => {
    signInAs();
    serve({
      'GET /v1/me': () => jsonResponse(me({ id: 'u1' })),
      'GET /v1/me/bids': () =>
        jsonResponse({
          items: [
            item(1, { standing: 'leading' }),
            item(2, { standing: 'outbid' }),
            item(3, { status: 'awaiting_payment', standing: 'won', paymentDueAt: '2026-03-02T12:00:00.000Z' }),
            item(4, { status: 'awaiting_payment', standing: 'lost' }),
          ],
          nextCursor: null,
        }),
      'GET /v1/me/offers': () =>
        jsonResponse({
          items: [
            {
              id: 'o1',
              storyId: 's9',
              userId: 'u1',
              amountMinor: 9_000,
              currency: 'USD',
              status: 'pending',
              auctionId: null,
              createdAt: '2026-02-01T00:00:00.000Z',
              decidedAt: null,
              title: 'Piece 9',
            },
          ],
          nextCursor: null,
        }),
    });
    renderWithApp(<ActivityScreen />, { route: '/activity' });
    await screen.findByText('Piece 1');
    expect(screen.getByText('Piece 2')).toBeTruthy();
    expect(screen.queryByText('Piece 3')).toBeNull();
    expect(screen.getByText('Leading')).toBeTruthy();
    expect(screen.getByText('Outbid')).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: 'Won' }));
    const pay = await screen.findByRole('link', { name: /^Pay by/ });
    expect(pay.getAttribute('href')).toBe('/auctions/a3/payment');
    expect(screen.queryByText('Piece 1')).toBeNull();

    fireEvent.click(screen.getByRole('tab', { name: 'Lost' }));
    expect(await screen.findByText('Piece 4')).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: 'Offers' }));
    expect(await screen.findByText('Piece 9')).toBeTruthy();
    expect(screen.getByText('Waiting for the maker')).toBeTruthy();
  });
});
