import type { QueryClient } from '@tanstack/react-query';
import type { Schemas } from '@vw/api-client';
import { sessionStore } from '../../api/client';

export type SignInOutcome = { kind: 'signed_in' } | { kind: 'mfa_required'; mfaToken: string };

/** Stores the tokens of a completed sign-in (or reports that the TOTP step is next). */
export function applySignIn(queryClient: QueryClient, result: Schemas['SignInResult']): SignInOutcome {
  if ('mfaRequired' in result) return { kind: 'mfa_required', mfaToken: result.mfaToken };
  // Everything cached so far was fetched anonymously (liked flags, bids): fetch it again as this user.
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
  sessionStore.save(result);
  return { kind: 'signed_in' };
}
