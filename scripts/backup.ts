// `npm run backup [-- --out <folder | file.tar.gz>] [--method auto|pg_dump|portable] [--pg-bin <dir>]`
// Writes one file with the database (pg_dump custom format, or the portable dump when no pg_dump
// fits the server) and, for the local storage driver, DATA_DIR's media, uploads and secrets.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../apps/server/src/config';
import { createBackup, type DumpMethod } from './ops/create-backup';

const METHODS: DumpMethod[] = ['auto', 'pg_dump', 'portable'];

try {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'backups' },
      method: { type: 'string', default: 'auto' },
      'pg-bin': { type: 'string', multiple: true, default: [] },
    },
  });
  const method = values.method as DumpMethod;
  if (!METHODS.includes(method)) throw new ConfigError(`--method must be one of ${METHODS.join(', ')}`);
  const config = loadConfig();
  const { file } = await createBackup({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    storageDriver: config.STORAGE_DRIVER,
    out: values.out,
    method,
    pgBinDirs: values['pg-bin'],
    log: (line) => console.error(`[backup] ${line}`),
  });
  console.log(file);
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `backup failed: ${(err as Error).message}`);
  process.exit(err instanceof ConfigError ? 2 : 1);
}
