import type { AuthGuard } from '../../platform/http/auth';
import type { AppModule } from '../../platform/module';
import type { IdentityDeps } from './deps';
import type { FederatedProviders } from './federated-providers';
import type { SigningKeyStore } from './signing-keys';

/** What the identity routes are built from. */
export interface IdentityRouteDeps extends IdentityDeps {
  guard: AuthGuard;
  keys: SigningKeyStore;
  providers: FederatedProviders;
  modules: () => AppModule[];
}

export const authTag = ['identity'];
/** Per-IP limits on the sign-in routes, on top of the per-address code limits. */
export const signInLimit = { rateLimit: { max: 20, timeWindow: 60_000 } };
export const secured = [{ bearer: [] }];
