import { describe, expect, it } from 'vitest';
import { renderCheckoutPage, renderReceiptPage } from './checkout-page';

describe('the local checkout pages', () => {
  it('security review: fake payments in production — the local checkout page shows a visible demo notice', () => {
    const checkout = renderCheckoutPage({
      sessionId: 'cs_local_0123456789abcdef01234567',
      itemTitle: 'A walnut bowl',
      amountMinor: 25_000,
      currency: 'usd',
      expiresAt: new Date(Date.UTC(2026, 0, 2)),
    });
    const receipt = renderReceiptPage({
      itemTitle: 'A walnut bowl',
      amountMinor: 25_000,
      currency: 'usd',
      state: 'paid',
      paidAt: new Date(Date.UTC(2026, 0, 1)),
      orderId: null,
      checkoutUrl: '/v1/payments/local/cs_local_0123456789abcdef01234567',
      orderUrl: null,
    });
    for (const html of [checkout, receipt]) {
      // The first thing in the page, announced to assistive technology, in words a buyer reads.
      const banner = /<main id="main">\s*(<div class="demo-banner" role="note">[\s\S]*?<\/div>)/.exec(html)?.[1];
      expect(banner).toBeDefined();
      expect(banner).toMatch(/\bDemo\b/);
      expect(banner).toMatch(/no money/i);
    }
  });
});
