import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../test/render';
import { serve } from '../../test/serve';
import { AdminOrders } from './admin-orders';

describe('AdminOrders', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the disputed orders first, each linking to its order page', async () => {
    const calls = serve({
      'GET /v1/orders': () =>
        jsonResponse({
          items: [
            {
              id: 'o1',
              itemTitle: 'Walnut bowl',
              amountMinor: 10_000,
              currency: 'USD',
              status: 'disputed',
              disputeReason: 'It arrived cracked',
              disputedAt: new Date().toISOString(),
              paidAt: new Date().toISOString(),
            },
          ],
          nextCursor: null,
        }),
    });
    renderWithApp(<AdminOrders />);
    const link = await screen.findByRole('link', { name: /Walnut bowl/ });
    expect(link.getAttribute('href')).toBe('/orders/o1');
    expect(link.textContent).toContain('“It arrived cracked”');
    const query = new URL(calls[0]!.url).searchParams;
    expect([query.get('as'), query.get('status')]).toEqual(['admin', 'disputed']);
  });
});
