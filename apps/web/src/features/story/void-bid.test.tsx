import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Bid } from '../../shared/api/types';
import { jsonResponse, renderWithApp } from '../../test/render';
import { serve } from '../../test/serve';
import { BidHistory } from './bid-history';

const bid: Bid = {
  id: 'b1',
  bidderId: 'u1',
  bidderAlias: 'Bidder 2',
  amountMinor: 50_000,
  kind: 'bid',
  sequence: 2,
  createdAt: new Date().toISOString(),
  voided: false,
  voidReason: null,
};

describe('voiding a bid (admin)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is offered to admins only, needs a reason, and posts it', async () => {
    const calls = serve({ 'POST /v1/admin/auctions/a1/bids/b1/void': () => jsonResponse({}) });
    const { unmount } = renderWithApp(<BidHistory bids={[bid]} currency="USD" viewerId="me" />);
    expect(screen.queryByRole('button', { name: /Void/ })).toBeNull();
    unmount();

    renderWithApp(
      <BidHistory bids={[bid, { ...bid, id: 'b0', voided: true }]} currency="USD" viewerId="me" voidAs="a1" />,
    );
    // The bid already voided has no button.
    expect(screen.getAllByRole('button', { name: 'Void Bidder 2’s bid of $500.00' })).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Void Bidder 2’s bid of $500.00' }));
    fireEvent.click(screen.getByRole('button', { name: 'Void bid' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Give the reason (at least 3 characters).');
    expect(calls).toEqual([]);

    fireEvent.change(screen.getByLabelText('Why void Bidder 2’s bid of $500.00?'), {
      target: { value: 'shill bidding' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Void bid' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(await calls[0]!.clone().json()).toEqual({ reason: 'shill bidding' });
  });
});
