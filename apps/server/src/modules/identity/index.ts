import type { SQL, SQLWrapper } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import type { Locale } from '../../platform/i18n';
import { z } from 'zod';
import { createAuthGuard, type Authenticate, type AuthGuard } from '../../platform/http/auth';
import { defineTask } from '../../platform/jobs';
import type { AppContext, AppModule } from '../../platform/module';
import { AccessTokens } from './access-tokens';
import { accountRoutes } from './account-routes';
import { adminUserRoutes } from './admin-user-routes';
import { authenticate } from './authenticate';
import { codeRoutes } from './code-routes';
import { contactOf, type UserContact } from './contact';
import type { IdentityDeps, IdentityPorts } from './deps';
import { FederatedProviders } from './federated-providers';
import { federatedRoutes } from './federated-routes';
import { keyRoutes } from './key-routes';
import { isUuid } from '../../platform/ids';
import { findMakerProfile, findMakerProfiles } from './maker-repo';
import { makerRoutes } from './maker-routes';
import { presentMakerOne, presentMakers } from './maker-avatars';
import type { MakerProfile } from './present';
import { provisionMaker, type ProvisionMakerInput } from './provision-maker';
import { rewrapPersonalData } from './rewrap';
import { normalizeEmail } from './rules';
import { sessionRoutes } from './session-routes';
import { SessionStandingCache } from './session-standing-cache';
import { shareableMaker, type ShareableMaker } from './shareable-maker';
import { ROTATE_SIGNING_KEYS_CRONTAB, SigningKeyStore } from './signing-keys';
import { DELETE_SPENT_NONCES_CRONTAB, deleteSpentNonces } from './spent-nonces';
import { totpRoutes } from './totp-routes';
import { countryExpression, findActiveAdminIds, findUserById, findUsersByIds } from './user-repo';

export type { MakerProfile, ProvisionMakerInput, ShareableMaker, UserContact };
export type { IdentityPorts, MediaPort, ReviewsPort, SocialPort } from './deps';

/** The identity module's public face for other modules. */
export interface IdentityService {
  guard: AuthGuard;
  /** Checks a bearer token (for the real-time endpoint and other non-route callers). */
  authenticate: Authenticate;
  /** True once the user has TOTP on (makers need it to accept bids and receive payouts). */
  hasTotp(userId: string): Promise<boolean>;
  makerProfile(userId: string): Promise<MakerProfile | null>;
  /** Maker profiles of several users at once (users without one are absent). */
  makerProfiles(userIds: string[]): Promise<Map<string, MakerProfile>>;
  /** Public name of a user (maker display name, else username). */
  displayName(userId: string): Promise<string | null>;
  userStatus(userId: string): Promise<string | null>;
  /** The country the user receives purchases in (ISO 3166-1 alpha-2); null when they have not said. */
  countryOf(userId: string, tx?: Executor): Promise<string | null>;
  /** The same as an SQL expression, for a statement that reads other things too. */
  countryExpression(userId: SQLWrapper | string): SQL<string | null>;
  /** Email, decrypted phone, status and language of a user, for delivering notifications; null when unknown. */
  contactOf(userId: string): Promise<UserContact | null>;
  /** The language the user chose to be written to in; null while they have not chosen (or are unknown). */
  localeOf(userId: string): Promise<Locale | null>;
  /** Finds or creates an account by email with a maker profile (demo data); returns the user id. */
  provisionMaker(input: ProvisionMakerInput): Promise<string>;
  /** Ids of the active admins (for alerts such as overdue shipments). */
  adminIds(): Promise<string[]>;
  /** A maker a shared link may show (profile and avatar image); null when unknown, suspended or deleted. */
  shareableMaker(userId: string): Promise<ShareableMaker | null>;
  /** Public name, status and age of the accounts among `userIds` (unknown ids are absent). */
  accountsOf(userIds: string[]): Promise<Map<string, AccountCard>>;
}

/** What other modules show of an account: its public name, whether it was deleted, and since when it exists. */
export interface AccountCard {
  userId: string;
  displayName: string;
  deleted: boolean;
  createdAt: Date;
}

/** Accounts, sign-in (codes, Google, Apple, TOTP), sessions and tokens, maker profiles. */
export function createIdentityModule(
  ctx: AppContext,
  ports: IdentityPorts,
  allModules: () => AppModule[],
): { module: AppModule; service: IdentityService } {
  const keys = new SigningKeyStore(ctx.db, ctx.secrets.cipher, ctx.clock, {
    rotationSeconds: ctx.config.SIGNING_KEY_ROTATION_SECONDS,
    accessTokenSeconds: ctx.config.ACCESS_TOKEN_SECONDS,
  });
  const tokens = new AccessTokens(
    keys,
    { issuer: ctx.config.JWT_ISSUER, audience: ctx.config.JWT_AUDIENCE, ttlSeconds: ctx.config.ACCESS_TOKEN_SECONDS },
    ctx.clock,
  );
  const checks = ctx.metrics.counter(
    'session_checks_total',
    'Session checks of signed-in requests, by where they were answered from',
    ['source'],
  );
  const standings = new SessionStandingCache({
    ttlMs: ctx.config.SESSION_STANDING_CACHE_MS,
    maxEntries: ctx.config.SESSION_STANDING_CACHE_ENTRIES,
    subscription: () => ctx.realtime.accessSubscription(),
    counted: (source) => checks.inc({ source }),
  });
  ctx.realtime.onAccessChange((change) => standings.forget(change));
  const deps: IdentityDeps = {
    db: ctx.db,
    clock: ctx.clock,
    config: ctx.config,
    secrets: ctx.secrets,
    tokens,
    adminEmails: ctx.config.ADMIN_EMAILS.map(normalizeEmail),
    standings,
    announceAccess: async (change) => {
      // This process drops it at once; the others when the bus brings it.
      standings.forget(change);
      await ctx.realtime.announceAccess(change);
    },
    media: ports.media,
    social: ports.social,
    reviews: ports.reviews,
  };
  const guard = createAuthGuard((bearer) => authenticate(deps, bearer));
  const providers = new FederatedProviders(ctx.config, ctx.clock);

  // A user without a maker profile (or without an account) is an answer, not an error; a failed
  // query is an error and reaches the caller.
  const makerProfile = async (userId: string) => {
    const row = await findMakerProfile(ctx.db, userId);
    return row ? presentMakerOne(deps, row) : null;
  };

  const service: IdentityService = {
    guard,
    authenticate: (bearer) => authenticate(deps, bearer),
    hasTotp: async (userId) => Boolean((await findUserById(ctx.db, userId))?.totpEnabledAt),
    makerProfile,
    makerProfiles: async (userIds) => {
      const profiles = await presentMakers(deps, await findMakerProfiles(ctx.db, [...new Set(userIds)]));
      return new Map(profiles.map((profile) => [profile.userId, profile]));
    },
    displayName: async (userId) => {
      const maker = await makerProfile(userId);
      if (maker) return maker.displayName;
      return (await findUserById(ctx.db, userId))?.username ?? null;
    },
    userStatus: async (userId) => (await findUserById(ctx.db, userId))?.status ?? null,
    countryOf: async (userId, tx) => (await findUserById(tx ?? ctx.db, userId))?.country ?? null,
    countryExpression,
    contactOf: (userId) => contactOf(ctx.db, ctx.secrets.cipher, userId),
    localeOf: async (userId) => (isUuid(userId) ? ((await findUserById(ctx.db, userId))?.locale ?? null) : null),
    provisionMaker: (input) => provisionMaker(deps, input),
    adminIds: () => findActiveAdminIds(ctx.db, deps.adminEmails),
    shareableMaker: (userId) => shareableMaker(ctx.db, userId),
    accountsOf: async (userIds) => {
      const unique = [...new Set(userIds.filter(isUuid))];
      const [rows, makers] = await Promise.all([findUsersByIds(ctx.db, unique), findMakerProfiles(ctx.db, unique)]);
      const names = new Map(makers.map((m) => [m.userId, m.displayName]));
      return new Map(
        rows.map((u) => [
          u.id,
          {
            userId: u.id,
            displayName: u.status === 'deleted' ? 'Deleted user' : (names.get(u.id) ?? u.username),
            deleted: u.status === 'deleted',
            createdAt: u.createdAt,
          },
        ]),
      );
    },
  };

  const module: AppModule = {
    name: 'identity',
    routes: (app) => {
      // The signing key exists from start, so the JWKS is never empty (it also makes one on demand).
      void keys.ensure().catch((err: unknown) => ctx.logger.warn({ err }, 'signing key not ready at start'));
      const routeDeps = { ...deps, guard, keys, providers, modules: allModules };
      // In this order (the order of the OpenAPI document).
      codeRoutes(app, routeDeps);
      federatedRoutes(app, routeDeps);
      totpRoutes(app, routeDeps);
      sessionRoutes(app, routeDeps);
      accountRoutes(app, routeDeps);
      makerRoutes(app, routeDeps);
      adminUserRoutes(app, routeDeps);
      keyRoutes(app, routeDeps);
    },
    tasks: [
      defineTask('identity:rewrap-personal-data', z.object({}), async (_payload, helpers) => {
        const n = await rewrapPersonalData(ctx.db, ctx.secrets.cipher);
        if (n > 0) helpers.logger.info(`re-wrapped ${n} encrypted values under the newest key`);
      }),
      defineTask('identity:rotate-signing-keys', z.object({}), async () => keys.rotate()),
      defineTask('identity:delete-spent-nonces', z.object({}), async (_payload, helpers) => {
        const n = await deleteSpentNonces(ctx.db, ctx.clock.now());
        if (n > 0) helpers.logger.info(`deleted ${n} expired or used sign-in nonces`);
      }),
    ],
    crontab: [
      // Daily, and at start-up of a worker (the crontab backfills one missed run), so a new key takes over quickly.
      '30 3 * * * identity:rewrap-personal-data ?fill=1d',
      ROTATE_SIGNING_KEYS_CRONTAB,
      DELETE_SPENT_NONCES_CRONTAB,
    ],
  };
  return { module, service };
}
