import { useQuery } from '@tanstack/react-query';
import { callApi } from '../../api/client';
import type { PaymentWindow } from '../../api/types';
import { queryKeys } from '../keys';

const settled = (status: string | undefined) =>
  status === 'paid' || status === 'expired' || status === 'failed' || status === 'refunded';

/** The payment window of an auction (winner or maker); polls while the payment is open. */
export function usePaymentQuery(auctionId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.payment(auctionId ?? ''),
    queryFn: ({ signal }) => callApi<PaymentWindow>('GET', `/v1/auctions/${auctionId}/payment`, { signal }),
    enabled: Boolean(auctionId),
    refetchInterval: (query) => (settled(query.state.data?.status) || query.state.error ? false : 4000),
  });
}
