import { useQuery } from '@tanstack/react-query';
import type { Schemas } from '@vw/api-client';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

export type PayoutAccount = Schemas['PayoutAccount'];

/** The maker's payout account, or null while they have not started setting one up. */
export function usePayoutAccountQuery() {
  return useQuery({
    queryKey: queryKeys.payoutAccount,
    queryFn: async (): Promise<PayoutAccount | null> => (await unwrap(api.GET('/v1/payments/connect/account'))) ?? null,
  });
}
