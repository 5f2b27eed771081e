import path from 'node:path';
import type { MigrationSet } from '../platform/db/migrate';

const here = import.meta.dirname;

/** Every module's migration folder, in dependency order (each module owns its own schema). */
export const migrationSets: MigrationSet[] = [
  { name: 'platform', folder: path.join(here, '../platform/migrations') },
  { name: 'identity', folder: path.join(here, 'identity/migrations') },
];
