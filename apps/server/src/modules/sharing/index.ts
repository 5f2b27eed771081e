import type { AppContext, AppModule } from '../../platform/module';
import { readAppShell } from '../../platform/http/web-app';
import type { SharingDeps, SharingPorts } from './deps';
import { sharingRoutes } from './routes';

export type { IdentityPort, MediaPort, SharingPorts, StoriesPort } from './deps';

/** Shared links to stories and makers (`/s/<id>`, `/m/<id>`): link previews, then the app. No tables. */
export function createSharingModule(ctx: AppContext, ports: SharingPorts): { module: AppModule } {
  const deps: SharingDeps = { ...ports, config: ctx.config, appShell: () => readAppShell() };
  const module: AppModule = {
    name: 'sharing',
    routes: (app) => sharingRoutes(app, deps),
  };
  return { module };
}
