/** Prices and counts of the search results, in the viewer's language and locale. */
import { t } from '@lingui/core/macro';
import { formatTag } from '../../shared/i18n/i18n';
import { formatMoney } from '../../shared/money';
import type { SearchPage } from '../../shared/queries/search/use-search-query';

type Item = SearchPage['items'][number];

/** A count in the viewer's locale ("1,234", "1.234"). */
export function formatCount(n: number): string {
  return new Intl.NumberFormat(formatTag()).format(n);
}

/** What a piece costs now: the live auction's high bid, else buy now, else the minimum offer. */
export function priceOf(item: Item): string | null {
  if (item.auction?.state === 'active' && item.auction.highBidMinor !== null) {
    const price = formatMoney(item.auction.highBidMinor, item.auction.currency);
    return t`${price} · live auction`;
  }
  const currency = item.offerPolicy?.currency;
  if (item.buyNowMinor !== null && currency) {
    const price = formatMoney(item.buyNowMinor, currency);
    return t`${price} · buy now`;
  }
  if (item.offerPolicy) {
    const price = formatMoney(item.offerPolicy.minOfferMinor, item.offerPolicy.currency);
    return t`Offers from ${price}`;
  }
  return null;
}
