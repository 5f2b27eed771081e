import path from 'node:path';
import { createAuthGuard, type AuthGuard } from '../../platform/http/auth';
import type { AppContext, AppModule } from '../../platform/module';
import { AccessTokens } from './access-tokens';
import { getMakerProfile, type MakerProfile } from './accounts';
import { FederatedSignIn } from './federated-sign-in';
import { identityRoutes } from './routes';
import { SessionService } from './sessions';
import { SigningKeyStore } from './signing-keys';
import { hasTotp } from './totp';
import { findUserById } from './repo';

export type { MakerProfile };

/** The identity module's public face for other modules. */
export interface IdentityService {
  guard: AuthGuard;
  /** True once the user has TOTP on (makers need it to accept bids and receive payouts). */
  hasTotp(userId: string): Promise<boolean>;
  makerProfile(userId: string): Promise<MakerProfile | null>;
  /** Public name of a user (maker display name, else username). */
  displayName(userId: string): Promise<string | null>;
  userStatus(userId: string): Promise<string | null>;
}

/** Accounts, sign-in (codes, Google, Apple, TOTP), sessions and tokens, maker profiles. */
export function createIdentityModule(
  ctx: AppContext,
  allModules: () => AppModule[],
): { module: AppModule; service: IdentityService } {
  const keys = new SigningKeyStore(ctx.db, ctx.secrets.cipher);
  const tokens = new AccessTokens(
    keys,
    { issuer: ctx.config.JWT_ISSUER, audience: ctx.config.JWT_AUDIENCE, ttlSeconds: ctx.config.ACCESS_TOKEN_SECONDS },
    ctx.clock,
  );
  const sessions = new SessionService(ctx.db, tokens, ctx.clock, ctx.config.SESSION_MAX_SECONDS);
  const guard = createAuthGuard((bearer) => sessions.authenticate(bearer));
  const deps = { db: ctx.db, clock: ctx.clock, config: ctx.config, secrets: ctx.secrets, sessions };
  const federated = new FederatedSignIn(deps);

  const service: IdentityService = {
    guard,
    hasTotp: (userId) => hasTotp(ctx.db, userId),
    makerProfile: async (userId) => getMakerProfile(ctx.db, userId).catch(() => null),
    displayName: async (userId) => {
      const maker = await getMakerProfile(ctx.db, userId).catch(() => null);
      if (maker) return maker.displayName;
      return (await findUserById(ctx.db, userId))?.username ?? null;
    },
    userStatus: async (userId) => (await findUserById(ctx.db, userId))?.status ?? null,
  };

  const module: AppModule = {
    name: 'identity',
    migrations: path.join(import.meta.dirname, 'migrations'),
    routes: (app) => identityRoutes(app, { ...deps, guard, keys, federated, modules: allModules }),
  };
  return { module, service };
}
