// `npm run restore -- <backup.tar.gz> [--clean] [--pg-bin <dir>]`
// Verifies every checksum first, then restores the database (DATABASE_URL, or the embedded server of
// DATA_DIR, which must not be running) and the local media. `--clean` replaces existing contents;
// without it the database and DATA_DIR must be empty. Stop the app and workers before restoring.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../apps/server/src/config';
import { restoreBackup } from './ops/restore-backup';

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      clean: { type: 'boolean', default: false },
      'pg-bin': { type: 'string', multiple: true, default: [] },
    },
  });
  const [file, ...rest] = positionals;
  if (!file || rest.length) throw new ConfigError('usage: npm run restore -- <backup.tar.gz> [--clean]');
  const config = loadConfig();
  await restoreBackup({
    file,
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    clean: values.clean,
    pgBinDirs: values['pg-bin'],
    log: (line) => console.error(`[restore] ${line}`),
  });
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `restore failed: ${(err as Error).message}`);
  process.exit(err instanceof ConfigError ? 2 : 1);
}
