// Generates each module's migration from its tables.ts (only where the tables changed).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { migrationSets } from '../apps/server/src/composition/migrations';

const server = path.resolve(import.meta.dirname, '../apps/server');
const only = process.argv[2];
for (const set of migrationSets) {
  if (only && set.name !== only) continue;
  const tables = path.join(path.dirname(set.folder), 'tables.ts');
  if (!existsSync(tables)) continue;
  console.log(`# ${set.name}`);
  execFileSync('npx', ['drizzle-kit', 'generate', '--config', 'drizzle.config.ts'], {
    cwd: server,
    stdio: 'inherit',
    env: { ...process.env, MODULE: set.name },
  });
}
