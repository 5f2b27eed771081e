import { describe, expect, it } from 'vitest';
import { renderCheckoutPage, renderReceiptPage } from './checkout-page';

describe('the local checkout pages', () => {
  it('security review: fake payments in production — the local checkout page shows a visible demo notice', () => {
    const checkout = renderCheckoutPage({
      sessionId: 'cs_local_0123456789abcdef01234567',
      itemTitle: 'A walnut bowl',
      amountMinor: 25_000,
      shippingMinor: 1_500,
      shippingCountry: 'PT',
      currency: 'usd',
      expiresAt: new Date(Date.UTC(2026, 0, 2)),
    });
    const receipt = renderReceiptPage({
      itemTitle: 'A walnut bowl',
      amountMinor: 25_000,
      shippingMinor: 1_500,
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

  it('shows the item, the shipping to the quoted country and the total, and fixes the country', () => {
    const checkout = renderCheckoutPage({
      sessionId: 'cs_local_0123456789abcdef01234567',
      itemTitle: 'A walnut bowl',
      amountMinor: 25_000,
      shippingMinor: 1_500,
      shippingCountry: 'PT',
      currency: 'usd',
      expiresAt: new Date(Date.UTC(2026, 0, 2)),
    });
    expect(checkout).toContain('<dt>Item</dt><dd>$250.00</dd>');
    expect(checkout).toContain('<dt>Shipping to PT</dt><dd>$15.00</dd>');
    expect(checkout).toContain('$265.00');
    expect(checkout).toMatch(/name="country"[^>]*readonly value="PT"/);
  });
});
