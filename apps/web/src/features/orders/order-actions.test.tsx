import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Order } from '../../shared/api/types';
import { jsonResponse, renderWithApp, renderWithI18n } from '../../test/render';
import { serve } from '../../test/serve';
import { DisputeForm, DisputeNotice, mayDo, RefundForm, ShippingAddressCard } from './order-actions';
import { checkRefundAmount } from './refund-amount';

const order = (patch: Partial<Order> = {}): Order => ({
  id: 'o1',
  status: 'paid',
  windowId: 'w1',
  auctionId: 'a1',
  storyId: 's1',
  itemTitle: 'Walnut bowl',
  buyerId: 'buyer',
  makerId: 'maker',
  amountMinor: 10_000,
  itemMinor: 10_000,
  shippingMinor: 0,
  currency: 'USD',
  refundedMinor: 0,
  shippingAddress: null,
  carrier: null,
  trackingNumber: null,
  trackingUrl: null,
  paidAt: new Date().toISOString(),
  shippingDueAt: new Date().toISOString(),
  shippingOverdue: false,
  shippedAt: null,
  autoDeliverAt: null,
  deliveredAt: null,
  deliveredBy: null,
  completedAt: null,
  cancelledAt: null,
  refundedAt: null,
  disputedAt: null,
  disputeReason: null,
  as: 'maker',
  receiptUrl: '/v1/orders/o1/receipt',
  ...patch,
});

describe('refund amounts', () => {
  it('empty is everything left; otherwise a positive amount no larger than what is left', () => {
    expect(checkRefundAmount('', 4_000, 'USD')).toEqual({ ok: true, amountMinor: undefined });
    expect(checkRefundAmount('25.50', 4_000, 'USD')).toEqual({ ok: true, amountMinor: 2_550 });
    expect(checkRefundAmount('40', 4_000, 'USD')).toEqual({ ok: true, amountMinor: 4_000 });
    expect(checkRefundAmount('40.01', 4_000, 'USD')).toEqual({
      ok: false,
      error: 'At most $40.00 can still be refunded.',
    });
    expect(checkRefundAmount('0', 4_000, 'USD').ok).toBe(false);
    expect(checkRefundAmount('12.345', 4_000, 'USD').ok).toBe(false);
    expect(checkRefundAmount('abc', 4_000, 'USD').ok).toBe(false);
    expect(checkRefundAmount('', 0, 'USD')).toEqual({ ok: false, error: 'Nothing is left to refund on this order.' });
  });
});

describe('who may act on an order', () => {
  it('follows the server’s rules: the maker before shipping, admins later, the buyer disputes', () => {
    expect(mayDo('cancel', { as: 'maker', status: 'paid' })).toBe(true);
    expect(mayDo('cancel', { as: 'maker', status: 'shipped' })).toBe(false);
    expect(mayDo('refund', { as: 'maker', status: 'shipped' })).toBe(false);
    expect(mayDo('refund', { as: 'admin', status: 'disputed' })).toBe(true);
    expect(mayDo('cancel', { as: 'admin', status: 'completed' })).toBe(false);
    expect(mayDo('refund', { as: 'buyer', status: 'paid' })).toBe(false);
    expect(mayDo('dispute', { as: 'buyer', status: 'delivered' })).toBe(true);
    expect(mayDo('dispute', { as: 'buyer', status: 'completed' })).toBe(false);
    expect(mayDo('dispute', { as: 'maker', status: 'paid' })).toBe(false);
  });
});

describe('order actions', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('refund: refuses an amount above what is left without calling the server, then sends a partial one', async () => {
    const calls = serve({
      'POST /v1/orders/o1/refunds': () =>
        jsonResponse(
          {
            refund: { id: 'r1', amountMinor: 2_500, status: 'succeeded', reason: 'scratch', createdAt: '' },
            order: order({ refundedMinor: 4_500 }),
          },
          201,
        ),
    });
    renderWithApp(<RefundForm order={order({ refundedMinor: 2_000, as: 'admin', status: 'disputed' })} />);
    expect(screen.getByText('$20.00 refunded so far.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Amount (USD)'), { target: { value: '81' } });
    fireEvent.click(screen.getByRole('button', { name: 'Refund' }));
    expect((await screen.findAllByRole('alert')).map((a) => a.textContent)).toEqual([
      'At most $80.00 can still be refunded.',
      'Give a reason for the refund.',
    ]);
    expect(calls).toEqual([]);

    fireEvent.change(screen.getByLabelText('Amount (USD)'), { target: { value: '25' } });
    fireEvent.change(screen.getByLabelText('Reason for the refund'), { target: { value: 'scratch' } });
    fireEvent.click(screen.getByRole('button', { name: 'Refund' }));
    expect(await screen.findByText('Refunded $25.00.')).toBeTruthy();
    expect(await calls[0]!.clone().json()).toEqual({ amountMinor: 2_500, reason: 'scratch' });
  });

  it('dispute: the buyer gives a reason, which is posted', async () => {
    const calls = serve({
      'POST /v1/orders/o1/dispute': () =>
        jsonResponse(order({ as: 'buyer', status: 'disputed', disputedAt: new Date().toISOString() })),
    });
    renderWithApp(<DisputeForm order={order({ as: 'buyer', status: 'shipped' })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Report a problem with this order' }));
    fireEvent.click(screen.getByRole('button', { name: 'Report problem' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Tell us what went wrong (at least 3 characters).');
    fireEvent.change(screen.getByLabelText('What went wrong?'), { target: { value: 'It arrived cracked' } });
    fireEvent.click(screen.getByRole('button', { name: 'Report problem' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(await calls[0]!.clone().json()).toEqual({ reason: 'It arrived cracked' });
  });

  it('shows the dispute and its resolution to either party', () => {
    const disputed = { disputedAt: new Date().toISOString(), disputeReason: 'It arrived cracked' };
    const { rerender } = renderWithI18n(<DisputeNotice order={order({ ...disputed, status: 'disputed' })} />);
    expect(screen.getByTestId('dispute').textContent).toContain('“It arrived cracked”');
    expect(screen.getByTestId('dispute').textContent).toContain('An admin is looking into it.');
    rerender(<DisputeNotice order={order({ ...disputed, status: 'refunded', refundedMinor: 10_000, as: 'buyer' })} />);
    expect(screen.getByTestId('dispute').textContent).toContain('Resolved: the buyer was refunded in full ($100.00).');
  });

  it('shows the shipping address when the server sends it', () => {
    renderWithApp(
      <ShippingAddressCard
        order={order({
          shippingAddress: {
            name: 'Grace Buyer',
            line1: '12 Harbour Road',
            line2: null,
            city: 'Bristol',
            postalCode: 'BS1 4RW',
            country: 'GB',
          },
        })}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Ship to' })).toBeTruthy();
    expect(screen.getByTestId('shipping-address').textContent).toBe('Grace Buyer12 Harbour RoadBS1 4RW BristolGB');
  });
});
