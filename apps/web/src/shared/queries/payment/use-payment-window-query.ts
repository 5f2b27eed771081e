import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';
import { paymentSettled } from './use-payment-query';

/**
 * A payment window by its id (its buyer or the maker): the one buy now opens, and the page the
 * hosted checkout returns to. Polls while the payment is open.
 */
export function usePaymentWindowQuery(windowId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.paymentWindow(windowId ?? ''),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/v1/payment-windows/{id}', { params: { path: { id: windowId ?? '' } }, signal })),
    enabled: Boolean(windowId),
    refetchInterval: (query) => (paymentSettled(query.state.data?.status) || query.state.error ? false : 4000),
  });
}
