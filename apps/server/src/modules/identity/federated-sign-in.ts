import { and, eq, gt, isNull } from 'drizzle-orm';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../../config';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/client';
import { AppError, unauthorized } from '../../platform/errors';
import { findUserByEmail, findUserById, insertUser } from './repo';
import { normalizeEmail } from './rules';
import type { SessionService } from './sessions';
import { completeSignIn, type SignInResult } from './sign-in';
import { federatedIdentities, federatedNonces } from './tables';

export type Provider = 'google' | 'apple';

interface Deps {
  db: Database;
  clock: Clock;
  config: Config;
  sessions: SessionService;
}

interface ProviderSettings {
  jwks: ReturnType<typeof createRemoteJWKSet>;
  issuers: string[];
  audiences: string[];
}

/** Verifies Google and Apple OIDC ID tokens against their published keys (URLs from configuration). */
export class FederatedSignIn {
  private readonly providers: Partial<Record<Provider, ProviderSettings>> = {};

  constructor(private readonly deps: Deps) {
    const { config } = deps;
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

  /**
   * Starts a Google/Apple sign-in: a random nonce for the provider's ID token, stored as its hash,
   * single use and short-lived, so an ID token cannot be replayed or minted for a nonce of the client's choosing.
   */
  async issueNonce(provider: Provider): Promise<{ nonce: string; expiresAt: string }> {
    this.settings(provider);
    const nonce = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.deps.clock.now().getTime() + this.deps.config.FEDERATED_NONCE_SECONDS * 1000);
    await this.deps.db.insert(federatedNonces).values({ nonceHash: sha256Hex(nonce), provider, expiresAt });
    return { nonce, expiresAt: expiresAt.toISOString() };
  }

  async signIn(provider: Provider, input: { idToken: string; nonce: string }): Promise<SignInResult> {
    const settings = this.settings(provider);
    const payload = await this.verify(settings, input.idToken);
    if (!nonceMatches(payload.nonce, input.nonce))
      throw unauthorized('invalid_id_token', 'The ID token nonce does not match');
    const now = this.deps.clock.now();
    const subject = payload.sub!;
    const email = typeof payload.email === 'string' ? normalizeEmail(payload.email) : null;
    const emailVerified = payload.email_verified === true || payload.email_verified === 'true';

    return this.deps.db.transaction(async (tx) => {
      // The nonce must be one this server issued for this provider, still live; it is used up here.
      const [issued] = await tx
        .update(federatedNonces)
        .set({ consumedAt: now })
        .where(
          and(
            eq(federatedNonces.nonceHash, sha256Hex(input.nonce)),
            eq(federatedNonces.provider, provider),
            isNull(federatedNonces.consumedAt),
            gt(federatedNonces.expiresAt, now),
          ),
        )
        .returning({ nonceHash: federatedNonces.nonceHash });
      if (!issued)
        throw unauthorized('invalid_nonce', 'Start the sign-in again: the nonce is unknown, used or expired');
      const [link] = await tx
        .select()
        .from(federatedIdentities)
        .where(and(eq(federatedIdentities.provider, provider), eq(federatedIdentities.subject, subject)));
      let user = link ? await findUserById(tx, link.userId) : undefined;
      if (!user) {
        // Link to an existing account only on an address the provider has verified.
        if (email && emailVerified) user = await findUserByEmail(tx, email);
        user ??= await insertUser(
          tx,
          { email: email && emailVerified ? email : null, roles: ['viewer'] },
          email ?? `${provider}user@x`,
        );
        await tx.insert(federatedIdentities).values({ provider, subject, userId: user.id }).onConflictDoNothing();
      }
      return completeSignIn(
        tx,
        {
          sessions: this.deps.sessions,
          clock: this.deps.clock,
          adminEmails: this.deps.config.ADMIN_EMAILS.map(normalizeEmail),
        },
        user,
        provider,
      );
    });
  }

  private settings(provider: Provider): ProviderSettings {
    const settings = this.providers[provider];
    if (!settings) throw new AppError(404, 'provider_not_configured', `${provider} sign-in is not configured`);
    return settings;
  }

  private async verify(settings: ProviderSettings, idToken: string): Promise<JWTPayload> {
    try {
      const { payload } = await jwtVerify(idToken, settings.jwks, {
        issuer: settings.issuers,
        audience: settings.audiences,
        algorithms: ['RS256', 'ES256'],
        currentDate: this.deps.clock.now(),
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      return payload;
    } catch (err) {
      if (
        err instanceof errors.JWKSTimeout ||
        (err instanceof errors.JOSEError && err.code === 'ERR_JOSE_GENERIC' && /fetch|network/i.test(err.message))
      ) {
        throw new AppError(503, 'provider_unavailable', 'The identity provider could not be reached; try again');
      }
      if (err instanceof errors.JWTExpired) throw unauthorized('invalid_id_token', 'The ID token has expired');
      if (err instanceof errors.JOSEError) throw unauthorized('invalid_id_token', 'The ID token is not valid');
      if (err instanceof TypeError)
        throw new AppError(503, 'provider_unavailable', 'The identity provider could not be reached; try again');
      throw err;
    }
  }
}

const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');

/** Google echoes the raw nonce; Apple's clients usually send its SHA-256. Accept either. */
function nonceMatches(claim: unknown, nonce: string): boolean {
  if (typeof claim !== 'string' || !nonce) return false;
  return claim === nonce || claim === sha256Hex(nonce);
}
