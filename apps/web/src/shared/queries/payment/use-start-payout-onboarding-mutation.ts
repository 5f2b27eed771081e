import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/**
 * Starts (or resumes) payout onboarding. The server needs two-step verification on (403
 * `totp_required` otherwise) and answers where to continue: the payment provider's hosted
 * onboarding, or, with the local test provider, straight back to the payouts screen.
 */
export function useStartPayoutOnboardingMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/v1/payments/connect/onboarding')),
    onSuccess: (result) => queryClient.setQueryData(queryKeys.payoutAccount, result.account),
  });
}
