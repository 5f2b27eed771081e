import path from 'node:path';
import type { MigrationSet } from '../platform/db/migrate';

const here = import.meta.dirname;

/** Every module's migration folder, in dependency order (each module owns its own schema). */
export const migrationSets: MigrationSet[] = [
  { name: 'platform', folder: path.join(here, '../platform/migrations') },
  { name: 'identity', folder: path.join(here, 'identity/migrations') },
  { name: 'notifications', folder: path.join(here, 'notifications/migrations') },
  { name: 'media', folder: path.join(here, 'media/migrations') },
  { name: 'stories', folder: path.join(here, 'stories/migrations') },
  { name: 'auctions', folder: path.join(here, 'auctions/migrations') },
  { name: 'payments', folder: path.join(here, 'payments/migrations') },
  { name: 'orders', folder: path.join(here, 'orders/migrations') },
  { name: 'analytics', folder: path.join(here, 'analytics/migrations') },
];
