import { randomBytes } from 'node:crypto';
import type { IdentityDeps } from './deps';
import type { FederatedProviders, Provider } from './federated-providers';
import { insertNonce } from './federated-repo';
import { sha256Hex } from './rules';

/**
 * Starts a Google/Apple sign-in: a random nonce for the provider's ID token, stored as its hash,
 * single use and short-lived, so an ID token cannot be replayed or minted for a nonce of the client's choosing.
 */
export async function issueFederatedNonce(
  deps: IdentityDeps,
  providers: FederatedProviders,
  provider: Provider,
): Promise<{ nonce: string; expiresAt: string }> {
  providers.assertEnabled(provider);
  const nonce = randomBytes(32).toString('base64url');
  const expiresAt = new Date(deps.clock.now().getTime() + deps.config.FEDERATED_NONCE_SECONDS * 1000);
  await insertNonce(deps.db, { nonceHash: sha256Hex(nonce), provider, expiresAt });
  return { nonce, expiresAt: expiresAt.toISOString() };
}
