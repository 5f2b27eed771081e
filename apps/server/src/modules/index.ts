import type { AuthGuard } from '../platform/http/auth';
import type { AppContext, AppModule } from '../platform/module';
import { createPlatformModule } from '../platform/platform-module';
import { createIdentityModule, type IdentityService } from './identity';

export interface Modules {
  list: AppModule[];
  identity: IdentityService;
  guard: AuthGuard;
}

/** Builds every module in dependency order; each gets only the public services it needs. */
export function createModules(ctx: AppContext): Modules {
  const list: AppModule[] = [];
  const platform = createPlatformModule(ctx);
  const identity = createIdentityModule(ctx, () => list);
  list.push(platform, identity.module);
  return { list, identity: identity.service, guard: identity.service.guard };
}
