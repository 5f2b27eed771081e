import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { Config } from '../../config';
import type { Clock } from '../../platform/clock';
import { DomainError } from '../../platform/errors';
import type { Provider } from './federated-repo';

export type { Provider };

interface ProviderSettings {
  jwks: ReturnType<typeof createRemoteJWKSet>;
  issuers: string[];
  audiences: string[];
}

/** Verifies Google and Apple OIDC ID tokens against their published keys (URLs from configuration). */
export class FederatedProviders {
  private readonly providers: Partial<Record<Provider, ProviderSettings>> = {};

  constructor(
    config: Config,
    private readonly clock: Clock,
  ) {
    const remote = (url: string) =>
      createRemoteJWKSet(new URL(url), { timeoutDuration: 5_000, cooldownDuration: 30_000, cacheMaxAge: 3_600_000 });
    if (config.GOOGLE_CLIENT_IDS.length) {
      this.providers.google = {
        jwks: remote(config.GOOGLE_JWKS_URL),
        issuers: config.GOOGLE_ISSUERS,
        audiences: config.GOOGLE_CLIENT_IDS,
      };
    }
    if (config.APPLE_CLIENT_IDS.length) {
      this.providers.apple = {
        jwks: remote(config.APPLE_JWKS_URL),
        issuers: [config.APPLE_ISSUER],
        audiences: config.APPLE_CLIENT_IDS,
      };
    }
  }

  /** Which providers are configured (the client shows only those buttons). */
  enabled(): Provider[] {
    return (Object.keys(this.providers) as Provider[]).sort();
  }

  /** Refuses a provider that is not configured. */
  assertEnabled(provider: Provider): void {
    this.settings(provider);
  }

  /** The verified claims of a provider's ID token. */
  async verify(provider: Provider, idToken: string): Promise<JWTPayload> {
    const settings = this.settings(provider);
    try {
      const { payload } = await jwtVerify(idToken, settings.jwks, {
        issuer: settings.issuers,
        audience: settings.audiences,
        algorithms: ['RS256', 'ES256'],
        currentDate: this.clock.now(),
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      return payload;
    } catch (err) {
      if (
        err instanceof errors.JWKSTimeout ||
        (err instanceof errors.JOSEError && err.code === 'ERR_JOSE_GENERIC' && /fetch|network/i.test(err.message))
      ) {
        throw new DomainError('provider_unavailable', 'The identity provider could not be reached; try again');
      }
      if (err instanceof errors.JWTExpired) throw new DomainError('invalid_id_token', 'The ID token has expired');
      if (err instanceof errors.JOSEError) throw new DomainError('invalid_id_token', 'The ID token is not valid');
      if (err instanceof TypeError)
        throw new DomainError('provider_unavailable', 'The identity provider could not be reached; try again');
      throw err;
    }
  }

  private settings(provider: Provider): ProviderSettings {
    const settings = this.providers[provider];
    if (!settings) throw new DomainError('provider_not_configured', `${provider} sign-in is not configured`);
    return settings;
  }
}
