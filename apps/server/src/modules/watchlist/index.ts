import { defineTask } from '../../platform/jobs';
import type { AppContext, AppModule } from '../../platform/module';
import type { WatchlistDeps, WatchlistPorts } from './deps';
import { followAuction } from './follow-auctions';
import { TASKS } from './jobs';
import { watchlistRoutes } from './routes';
import { remindWatchers, tellAuctionEnded, tellAuctionOpened } from './tell-watchers';
import { eraseWatchlistData, exportWatchlistData } from './user-data';

export type { AuctionsPort, IdentityPort, NotificationsPort, StoriesPort, WatchlistPorts } from './deps';

/**
 * Viewers watch stories (idempotent watch and unwatch; the list as feed items) and hear about the
 * auctions on them: when one opens, an hour and 10 minutes before it ends (re-armed when soft
 * close moves the end), and when it ends.
 */
export function createWatchlistModule(ctx: AppContext, ports: WatchlistPorts): { module: AppModule } {
  const deps: WatchlistDeps = {
    db: ctx.db,
    clock: ctx.clock,
    logger: ctx.logger.child({ module: 'watchlist' }),
    auctionDurationSeconds: ctx.config.AUCTION_DURATION_SECONDS,
    ...ports,
  };
  ports.auctions.onEvent((tx, event) => followAuction(deps, tx, event));

  const module: AppModule = {
    name: 'watchlist',
    routes: (app) => watchlistRoutes(app, deps, ports.identity.guard),
    tasks: [
      defineTask(TASKS.opened, async (payload) => tellAuctionOpened(deps, payload)),
      defineTask(TASKS.reminder, async (payload) => remindWatchers(deps, payload)),
      defineTask(TASKS.ended, async (payload) => tellAuctionEnded(deps, payload)),
    ],
    exportUserData: (userId) => exportWatchlistData(deps, userId),
    eraseUserData: (tx, userId) => eraseWatchlistData(tx, userId),
  };
  return { module };
}
