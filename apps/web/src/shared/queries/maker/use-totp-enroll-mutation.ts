import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** Starts TOTP enrolment: the secret and its otpauth:// URL for an authenticator app. */
export function useTotpEnrollMutation() {
  return useMutation({ mutationFn: () => unwrap(api.POST('/v1/auth/totp/enroll')) });
}
