import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Auction } from '../../shared/api/types';
import { jsonResponse, renderWithApp } from '../../test/render';
import { serve } from '../../test/serve';
import { MakerDecisions } from './maker-decisions';

const auction = (patch: Partial<Auction> = {}): Auction => ({
  id: 'a1',
  storyId: 's1',
  status: 'ended',
  highBidMinor: 12_000,
  minNextBidMinor: null,
  currency: 'USD',
  leaderId: 'buyer',
  reserveMet: false,
  endsAt: new Date(Date.now() - 60_000).toISOString(),
  leaderAlias: 'Bidder 1',
  hasReserve: true,
  startsAt: new Date(Date.now() - 3_600_000).toISOString(),
  endedAt: new Date(Date.now() - 60_000).toISOString(),
  winnerId: null,
  winningAmountMinor: null,
  bidCount: 1,
  makerDecisionDeadline: new Date(Date.now() + 3_600_000).toISOString(),
  paymentDueAt: null,
  myMaxAmountMinor: null,
  isLeading: false,
  makerActions: [],
  version: 3,
  serverTime: new Date().toISOString(),
  ...patch,
});

describe('MakerDecisions', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers nothing when the server allows no decision', () => {
    serve({});
    const { container } = renderWithApp(<MakerDecisions auction={auction({ status: 'awaiting_payment' })} />);
    expect(container.textContent).toBe('');
  });

  it('reserve not met: accept with the decision deadline shown, or relist', async () => {
    const calls = serve({
      'POST /v1/auctions/a1/accept': () =>
        jsonResponse(auction({ status: 'awaiting_payment', winnerId: 'buyer', makerActions: [] })),
    });
    renderWithApp(<MakerDecisions auction={auction({ makerActions: ['accept', 'relist'] })} />);
    expect(screen.getByTestId('decision-deadline').textContent).toContain(
      'The reserve was not met. You can accept the leading bid of $120.00 until',
    );
    expect(screen.getByRole('timer')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Relist: take new offers' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Offer to the next bidder' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Accept the leading bid ($120.00)' }));
    expect(await screen.findByText('You accepted the leading bid: the buyer has been asked to pay.')).toBeTruthy();
    expect(calls.filter((r) => r.method === 'POST').map((r) => new URL(r.url).pathname)).toEqual([
      '/v1/auctions/a1/accept',
    ]);
  });

  it('an unpaid window: second chance and relist, each posting its own route', async () => {
    const calls = serve({
      'POST /v1/auctions/a1/second-chance': () =>
        jsonResponse(auction({ status: 'awaiting_payment', winnerId: 'next', makerActions: [] })),
    });
    renderWithApp(
      <MakerDecisions
        auction={auction({
          status: 'payment_expired',
          makerDecisionDeadline: null,
          makerActions: ['second_chance', 'relist'],
        })}
      />,
    );
    expect(screen.getByText('Offer the piece to the next bidder at their last bid, or relist it.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Accept/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Offer to the next bidder' }));
    expect(await screen.findByText('The piece is offered to the next bidder at their last bid.')).toBeTruthy();
    expect(calls.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toContain('POST /v1/auctions/a1/second-chance');
  });

  it('points to two-factor set-up when the server needs it first', async () => {
    serve({
      'POST /v1/auctions/a1/accept': () =>
        jsonResponse(
          { error: { code: 'totp_required', message: 'Turn on two-factor authentication before accepting a buyer' } },
          403,
        ),
    });
    renderWithApp(<MakerDecisions auction={auction({ status: 'active', makerActions: ['accept'] })} />);
    expect(screen.queryByTestId('decision-deadline')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Accept the leading bid ($120.00)' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Turn on two-step verification to do this.');
    await waitFor(() =>
      expect(screen.getByRole('link', { name: 'Turn on two-factor authentication' }).getAttribute('href')).toBe(
        '/account/security',
      ),
    );
  });
});
