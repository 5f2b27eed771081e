import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MigrationSet } from '../../apps/server/src/platform/db/migrate';
import type { PortableTable } from './manifest';
import { readRowBatches } from './jsonl';

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}
interface Journal {
  version: string;
  dialect: string;
  entries: JournalEntry[];
}

/** The `created_at` of every migration the backup had applied, per migration set. */
export async function readAppliedMigrations(
  extractedDir: string,
  tables: PortableTable[],
): Promise<Map<string, number[]>> {
  const applied = new Map<string, number[]>();
  for (const t of tables) {
    const match = t.schema === 'drizzle' ? /^migrations_(.+)$/.exec(t.name) : null;
    if (!match) continue;
    const times: number[] = [];
    for await (const batch of readRowBatches(path.join(extractedDir, ...t.file.split('/')))) {
      for (const line of batch) times.push(Number((JSON.parse(line) as { created_at: number | string }).created_at));
    }
    applied.set(match[1]!, times);
  }
  return applied;
}

/**
 * Copies of the migration folders holding only the migrations the backup had applied, so the
 * restored rows meet the columns they were written for; later migrations run after the load.
 * Refuses a backup made by a newer version (a migration this version does not know).
 */
export async function migrationSetsAtLevel(
  sets: MigrationSet[],
  applied: Map<string, number[]>,
  workDir: string,
): Promise<MigrationSet[]> {
  const known = new Set(sets.map((s) => s.name));
  for (const name of applied.keys()) {
    if (!known.has(name))
      throw new Error(`the backup has migrations of "${name}", unknown to this version: restore it with a newer one`);
  }
  const out: MigrationSet[] = [];
  for (const set of sets) {
    const journal = JSON.parse(await readFile(path.join(set.folder, 'meta/_journal.json'), 'utf8')) as Journal;
    const times = applied.get(set.name) ?? [];
    for (const t of times) {
      if (!journal.entries.some((e) => e.when === t)) {
        throw new Error(
          `the backup has a migration of "${set.name}" unknown to this version: restore it with a newer one`,
        );
      }
    }
    const level = times.length ? Math.max(...times) : -1;
    const entries = journal.entries.filter((e) => e.when <= level);
    const folder = path.join(workDir, 'migrations', set.name);
    await mkdir(path.join(folder, 'meta'), { recursive: true });
    await writeFile(path.join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
    for (const e of entries) await copyFile(path.join(set.folder, `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
    out.push({ name: set.name, folder });
  }
  return out;
}
