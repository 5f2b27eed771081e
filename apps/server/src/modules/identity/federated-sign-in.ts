import { DomainError } from '../../platform/errors';
import type { Locale } from '../../platform/i18n';
import { completeSignIn, type SignInResult } from './complete-sign-in';
import type { IdentityDeps } from './deps';
import type { FederatedProviders, Provider } from './federated-providers';
import { consumeNonce, findLinkedUserId, linkProviderAccount } from './federated-repo';
import { nonceMatches, normalizeEmail, sha256Hex } from './rules';
import { findUserByEmail, findUserById, insertUser } from './user-repo';

/**
 * Signs in with a Google or Apple ID token bound to a nonce this server issued. The first sign-in
 * links the provider's account to the account of the same verified address, or creates one (in
 * the language the request asked for, when it named one the product speaks).
 */
export async function signInWithProvider(
  deps: IdentityDeps,
  providers: FederatedProviders,
  provider: Provider,
  input: { idToken: string; nonce: string; locale?: Locale | null },
): Promise<SignInResult> {
  const payload = await providers.verify(provider, input.idToken);
  if (!nonceMatches(payload.nonce, input.nonce))
    throw new DomainError('invalid_id_token', 'The ID token nonce does not match');
  const now = deps.clock.now();
  const subject = payload.sub!;
  const email = typeof payload.email === 'string' ? normalizeEmail(payload.email) : null;
  const emailVerified = payload.email_verified === true || payload.email_verified === 'true';

  return deps.db.transaction(async (tx) => {
    // The nonce must be one this server issued for this provider, still live; it is used up here.
    if (!(await consumeNonce(tx, sha256Hex(input.nonce), provider, now)))
      throw new DomainError('invalid_nonce', 'Start the sign-in again: the nonce is unknown, used or expired');
    const linkedUserId = await findLinkedUserId(tx, provider, subject);
    let user = linkedUserId ? await findUserById(tx, linkedUserId) : undefined;
    if (!user) {
      // Link to an existing account only on an address the provider has verified.
      if (email && emailVerified) user = await findUserByEmail(tx, email);
      user ??= await insertUser(
        tx,
        { email: email && emailVerified ? email : null, roles: ['viewer'], locale: input.locale ?? null },
        email ?? `${provider}user@x`,
      );
      await linkProviderAccount(tx, { provider, subject, userId: user.id });
    }
    return completeSignIn(deps, tx, user, provider);
  });
}
