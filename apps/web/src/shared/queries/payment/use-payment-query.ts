import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** A payment that will not change any more (polling stops). */
export const paymentSettled = (status: string | undefined) =>
  status === 'paid' || status === 'expired' || status === 'failed' || status === 'refunded';

/** The payment window of an auction (winner or maker); polls while the payment is open. */
export function usePaymentQuery(auctionId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.payment(auctionId ?? ''),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/v1/auctions/{id}/payment', { params: { path: { id: auctionId ?? '' } }, signal })),
    enabled: Boolean(auctionId),
    refetchInterval: (query) => (paymentSettled(query.state.data?.status) || query.state.error ? false : 4000),
  });
}
