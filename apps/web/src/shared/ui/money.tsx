import { formatMoney } from '../money';

/** An amount in minor units, formatted for the viewer's locale. */
export function Money({
  minor,
  currency,
  className = 'amount',
}: {
  minor: number;
  currency: string;
  className?: string;
}) {
  return <span className={className}>{formatMoney(minor, currency)}</span>;
}
