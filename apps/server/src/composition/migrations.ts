import path from 'node:path';
import type { MigrationSet } from '../platform/db/migrate';

const here = import.meta.dirname;

/** Every module's migration folder, in dependency order (each module owns its own schema). */
export const migrationSets: MigrationSet[] = [
  { name: 'platform', folder: path.join(here, '../platform/migrations') },
  { name: 'identity', folder: path.join(here, '../modules/identity/migrations') },
  { name: 'notifications', folder: path.join(here, '../modules/notifications/migrations') },
  { name: 'media', folder: path.join(here, '../modules/media/migrations') },
  { name: 'stories', folder: path.join(here, '../modules/stories/migrations') },
  { name: 'auctions', folder: path.join(here, '../modules/auctions/migrations') },
  { name: 'payments', folder: path.join(here, '../modules/payments/migrations') },
  { name: 'orders', folder: path.join(here, '../modules/orders/migrations') },
  { name: 'analytics', folder: path.join(here, '../modules/analytics/migrations') },
  { name: 'watchlist', folder: path.join(here, '../modules/watchlist/migrations') },
  { name: 'conversations', folder: path.join(here, '../modules/conversations/migrations') },
  { name: 'social', folder: path.join(here, '../modules/social/migrations') },
  { name: 'reviews', folder: path.join(here, '../modules/reviews/migrations') },
];
