import { describe, expect, it } from 'vitest';
import { STORY_CATEGORIES, isStoryCategory, type ShippingPolicy } from '@vw/domain';
import { isCountryCode, isCurrencyCode } from './codes';
import { canSee, changesTerms, mediaIdsOf, pricingProblem, publishRefusal, utcDay } from './rules';

const terms = {
  minOfferMinor: 10_000,
  currency: 'USD',
  autoRejectBelowMin: true,
  reserveMinor: null,
  buyNowMinor: null,
  shipping: {
    fromCountry: 'US',
    options: [{ region: 'domestic', amountMinor: 800, dispatchDays: 3 }],
  } as ShippingPolicy | null,
};

describe('story rules', () => {
  it('show drafts to their owner and admins only', () => {
    const draft = { makerId: 'm', status: 'draft' as const };
    expect(canSee(draft, null)).toBe(false);
    expect(canSee(draft, { userId: 'x', sessionId: 's', roles: ['viewer'] })).toBe(false);
    expect(canSee(draft, { userId: 'm', sessionId: 's', roles: ['maker'] })).toBe(true);
    expect(canSee(draft, { userId: 'x', sessionId: 's', roles: ['admin'] })).toBe(true);
    expect(canSee({ makerId: 'm', status: 'published' }, null)).toBe(true);
  });

  it('check that prices add up', () => {
    expect(pricingProblem(terms)).toBeNull();
    expect(pricingProblem({ ...terms, buyNowMinor: 10_000, reserveMinor: 10_000 })).toBeNull();
    expect(pricingProblem({ ...terms, minOfferMinor: null, currency: null, autoRejectBelowMin: null })).toBeNull();
    expect(
      pricingProblem({ ...terms, minOfferMinor: null, currency: null, autoRejectBelowMin: null, buyNowMinor: 5 })?.code,
    ).toBe('offer_policy_required');
    expect(pricingProblem({ ...terms, buyNowMinor: 9_999 })?.code).toBe('buy_now_below_minimum');
    expect(pricingProblem({ ...terms, reserveMinor: 20_000, buyNowMinor: 15_000 })?.code).toBe('buy_now_below_reserve');
  });

  it('tell a terms change from any other edit', () => {
    expect(changesTerms(terms, { ...terms })).toBe(false);
    expect(changesTerms(terms, { ...terms, autoRejectBelowMin: false })).toBe(true);
    expect(changesTerms(terms, { ...terms, reserveMinor: 1 })).toBe(true);
    expect(changesTerms(terms, { ...terms, currency: 'EUR' })).toBe(true);
    expect(changesTerms(terms, { ...terms, shipping: structuredClone(terms.shipping) })).toBe(false);
    expect(changesTerms(terms, { ...terms, shipping: { fromCountry: 'US', options: [] } })).toBe(true);
    expect(changesTerms(terms, { ...terms, shipping: null })).toBe(true);
  });

  it('refuse to publish without a ready hero, an offer policy, shipping, or after moderation', () => {
    const story = { ...terms, heroMediaId: 'h', moderatedAt: null };
    expect(publishRefusal(story, true)).toBeNull();
    expect(publishRefusal(story, false)?.code).toBe('hero_video_not_ready');
    expect(publishRefusal({ ...story, heroMediaId: null }, true)?.code).toBe('hero_video_not_ready');
    expect(
      publishRefusal({ ...story, minOfferMinor: null, currency: null, autoRejectBelowMin: null }, true)?.code,
    ).toBe('offer_policy_required');
    expect(publishRefusal({ ...story, moderatedAt: new Date() }, true)?.code).toBe('story_moderated');
    expect(publishRefusal({ ...story, shipping: null }, true)?.code).toBe('shipping_required');
  });

  it('count views by UTC day', () => {
    expect(utcDay(new Date('2026-03-01T23:59:59.999Z'))).toBe('2026-03-01');
    expect(utcDay(new Date('2026-03-02T00:00:00.000Z'))).toBe('2026-03-02');
    expect(utcDay(new Date('2026-03-02T01:30:00+02:00'))).toBe('2026-03-01');
  });

  it('collect every media id a story uses, once', () => {
    expect(
      mediaIdsOf({
        heroMediaId: 'a',
        galleryMediaIds: ['a', 'b'],
        processSteps: [
          { title: 't', body: '', mediaId: 'c' },
          { title: 't', body: '', mediaId: null },
        ],
      }),
    ).toEqual(['a', 'b', 'c']);
  });

  it('know the codes', () => {
    expect(STORY_CATEGORIES).toContain('ceramics');
    expect(isStoryCategory('glass')).toBe(true);
    expect(isStoryCategory('Glass')).toBe(false);
    expect(['US', 'PT', 'SE', 'MX'].every(isCountryCode)).toBe(true);
    expect(['UK', 'EU', 'XK', 'ZZ', 'us'].some(isCountryCode)).toBe(false);
    expect(['USD', 'EUR', 'JPY'].every(isCurrencyCode)).toBe(true);
    expect(isCurrencyCode('ABC')).toBe(false);
  });
});
