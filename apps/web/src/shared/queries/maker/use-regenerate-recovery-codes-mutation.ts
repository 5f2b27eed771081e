import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** A new set of recovery codes (the old ones stop working), for a current code from the authenticator app. */
export function useRegenerateRecoveryCodesMutation() {
  return useMutation({
    mutationFn: (code: string) => unwrap(api.POST('/v1/auth/totp/recovery-codes', { body: { code } })),
  });
}
