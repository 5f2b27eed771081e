import { and, eq, inArray, sql } from 'drizzle-orm';
import path from 'node:path';
import { createAuthGuard, type Authenticate, type AuthGuard } from '../../platform/http/auth';
import type { AppContext, AppModule } from '../../platform/module';
import { AccessTokens } from './access-tokens';
import { getMakerProfile, presentMaker, type MakerProfile } from './accounts';
import { contactOf, type UserContact } from './contact';
import { FederatedSignIn } from './federated-sign-in';
import { identityRoutes } from './routes';
import { SessionService } from './sessions';
import { ROTATE_SIGNING_KEYS_CRONTAB, SigningKeyStore } from './signing-keys';
import { provisionMaker, type ProvisionMakerInput } from './provision-maker';
import { hasTotp } from './totp';
import { findMakerProfiles, findUserById } from './repo';
import { rewrapPersonalData } from './rewrap';
import { DELETE_SPENT_NONCES_CRONTAB, deleteSpentNonces } from './spent-nonces';
import { normalizeEmail } from './rules';
import { users } from './tables';

export type { MakerProfile, ProvisionMakerInput, UserContact };

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
  /** Email, decrypted phone and status of a user, for delivering notifications; null when unknown. */
  contactOf(userId: string): Promise<UserContact | null>;
  /** Finds or creates an account by email with a maker profile (demo data); returns the user id. */
  provisionMaker(input: ProvisionMakerInput): Promise<string>;
  /** Ids of the active admins (for alerts such as overdue shipments). */
  adminIds(): Promise<string[]>;
}

/** Accounts, sign-in (codes, Google, Apple, TOTP), sessions and tokens, maker profiles. */
export function createIdentityModule(
  ctx: AppContext,
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
  const adminEmails = ctx.config.ADMIN_EMAILS.map(normalizeEmail);
  const sessions = new SessionService(
    ctx.db,
    tokens,
    ctx.clock,
    ctx.config.SESSION_MAX_SECONDS,
    (ended) => ctx.realtime.endAccess(ended),
    adminEmails,
  );
  const guard = createAuthGuard((bearer) => sessions.authenticate(bearer));
  const deps = { db: ctx.db, clock: ctx.clock, config: ctx.config, secrets: ctx.secrets, sessions };
  const federated = new FederatedSignIn(deps);

  const service: IdentityService = {
    guard,
    authenticate: (bearer) => sessions.authenticate(bearer),
    hasTotp: (userId) => hasTotp(ctx.db, userId),
    makerProfile: async (userId) => getMakerProfile(ctx.db, userId).catch(() => null),
    makerProfiles: async (userIds) =>
      new Map((await findMakerProfiles(ctx.db, [...new Set(userIds)])).map((row) => [row.userId, presentMaker(row)])),
    displayName: async (userId) => {
      const maker = await getMakerProfile(ctx.db, userId).catch(() => null);
      if (maker) return maker.displayName;
      return (await findUserById(ctx.db, userId))?.username ?? null;
    },
    userStatus: async (userId) => (await findUserById(ctx.db, userId))?.status ?? null,
    contactOf: (userId) => contactOf(ctx.db, ctx.secrets.cipher, userId),
    provisionMaker: (input) => provisionMaker(ctx.db, input),
    adminIds: async () => {
      const rows = await ctx.db
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            sql`'admin' = any(${users.roles})`,
            eq(users.status, 'active'),
            inArray(users.email, adminEmails.length ? adminEmails : ['']),
          ),
        );
      return rows.map((r) => r.id);
    },
  };

  const module: AppModule = {
    name: 'identity',
    migrations: path.join(import.meta.dirname, 'migrations'),
    routes: (app) => {
      // The signing key exists from start, so the JWKS is never empty (it also makes one on demand).
      void keys.ensure().catch((err: unknown) => ctx.logger.warn({ err }, 'signing key not ready at start'));
      identityRoutes(app, { ...deps, guard, keys, federated, modules: allModules });
    },
    tasks: {
      'identity:rewrap-personal-data': async (_payload, helpers) => {
        const n = await rewrapPersonalData(ctx.db, ctx.secrets.cipher);
        if (n > 0) helpers.logger.info(`re-wrapped ${n} encrypted values under the newest key`);
      },
      'identity:rotate-signing-keys': async () => keys.rotate(),
      'identity:delete-spent-nonces': async (_payload, helpers) => {
        const n = await deleteSpentNonces(ctx.db, ctx.clock.now());
        if (n > 0) helpers.logger.info(`deleted ${n} expired or used sign-in nonces`);
      },
    },
    crontab: [
      // Daily, and at start-up of a worker (the crontab backfills one missed run), so a new key takes over quickly.
      '30 3 * * * identity:rewrap-personal-data ?fill=1d',
      ROTATE_SIGNING_KEYS_CRONTAB,
      DELETE_SPENT_NONCES_CRONTAB,
    ],
  };
  return { module, service };
}
