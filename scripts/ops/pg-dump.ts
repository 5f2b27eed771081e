import type { PgTool } from './pg-tools';
import { runCommand } from './run-command';

/**
 * The connection string as libpq reads it: without its password, which goes in PGPASSWORD instead
 * so it never shows in the process list, and without node-postgres's own options.
 */
export function connectionForTools(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  u.searchParams.delete('uselibpqcompat');
  // node-postgres's "encrypt, do not verify" is libpq's `require`.
  if (u.searchParams.get('sslmode') === 'no-verify') u.searchParams.set('sslmode', 'require');
  return { url: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** `pg_dump` in its custom format (compressed, restorable selectively and in parallel). */
export async function runPgDump(tool: PgTool, url: string, file: string): Promise<void> {
  const conn = connectionForTools(url);
  await runCommand(
    tool.path,
    ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${conn.url}`],
    {
      env: conn.env,
    },
  );
}

/**
 * `pg_restore` in one transaction: either the whole dump lands or nothing changes. With `clean`,
 * objects the dump holds are dropped first.
 */
export async function runPgRestore(tool: PgTool, url: string, file: string, clean: boolean): Promise<void> {
  const conn = connectionForTools(url);
  const args = ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${conn.url}`];
  if (clean) args.push('--clean', '--if-exists');
  await runCommand(tool.path, [...args, file], { env: conn.env });
}
