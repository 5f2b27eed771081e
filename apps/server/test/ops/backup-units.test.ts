import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupFileName } from '../../../../scripts/ops/create-backup';
import { connectionForTools } from '../../../../scripts/ops/pg-dump';
import { parsePgToolVersion, pickCompatibleTool, type PgTool } from '../../../../scripts/ops/pg-tools';
import { migrationSetsAtLevel } from '../../../../scripts/ops/schema-at-level';
import { tempDir } from './backup-fixture';

const tool = (major: number): PgTool => ({ path: `/pg${major}/pg_dump`, major, version: `${major}.1` });

describe('PostgreSQL client programs', () => {
  it('reads the version pg_dump prints', () => {
    expect(parsePgToolVersion('pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)\n')).toEqual({
      major: 15,
      version: '15.20',
    });
    expect(parsePgToolVersion('pg_restore (PostgreSQL) 18beta1')).toEqual({ major: 18, version: '18beta1' });
    expect(parsePgToolVersion('pg_dump (PostgreSQL) 9.6.24')).toEqual({ major: 9, version: '9.6.24' });
    expect(parsePgToolVersion('command not found')).toBeNull();
  });

  it('picks the newest program at least as new as the server (older ones refuse newer servers)', () => {
    expect(pickCompatibleTool([tool(17), tool(15)], 16)?.major).toBe(17);
    expect(pickCompatibleTool([tool(18), tool(16)], 16)?.major).toBe(18);
    expect(pickCompatibleTool([tool(15)], 16)).toBeUndefined();
    expect(pickCompatibleTool([], 16)).toBeUndefined();
  });

  it('passes the password in the environment, not on the command line', () => {
    const conn = connectionForTools('postgres://app:p%40ss%2Fword@db.internal:5432/video_window?sslmode=require');
    expect(conn.url).toBe('postgres://app@db.internal:5432/video_window?sslmode=require');
    expect(conn.env.PGPASSWORD).toBe('p@ss/word');
    expect(connectionForTools('postgres://app@db:5432/vw?sslmode=require&uselibpqcompat=true').url).toBe(
      'postgres://app@db:5432/vw?sslmode=require',
    );
    expect(connectionForTools('postgres://app@db:5432/vw?sslmode=no-verify').url).toBe(
      'postgres://app@db:5432/vw?sslmode=require',
    );
  });

  it('names the backup file after its time unless a file name is given', () => {
    const at = new Date('2025-01-02T03:04:05.678Z');
    expect(backupFileName('/srv/backups', at)).toBe('/srv/backups/backup-20250102-030405Z.tar.gz');
    expect(backupFileName('/srv/backups/nightly.tar.gz', at)).toBe('/srv/backups/nightly.tar.gz');
  });
});

describe('schema at the backup’s migration level', () => {
  async function migrationFolder(): Promise<string> {
    const folder = await tempDir('vw-migrations-');
    await mkdir(path.join(folder, 'meta'));
    const entries = [1000, 2000, 3000].map((when, idx) => ({
      idx,
      version: '7',
      when,
      tag: `000${idx}_step`,
      breakpoints: true,
    }));
    await writeFile(
      path.join(folder, 'meta/_journal.json'),
      JSON.stringify({ version: '7', dialect: 'postgresql', entries }),
    );
    for (const e of entries) await writeFile(path.join(folder, `${e.tag}.sql`), `select ${e.idx};`);
    return folder;
  }

  it('keeps only the migrations the backup had applied; later ones run after the load', async () => {
    const folder = await migrationFolder();
    const work = await tempDir('vw-work-');
    const [atLevel, fresh] = await migrationSetsAtLevel(
      [
        { name: 'identity', folder },
        { name: 'stories', folder },
      ],
      new Map([['identity', [1000, 2000]]]),
      work,
    );
    const journal = JSON.parse(await readFile(path.join(atLevel!.folder, 'meta/_journal.json'), 'utf8')) as {
      entries: { tag: string }[];
    };
    expect(journal.entries.map((e) => e.tag)).toEqual(['0000_step', '0001_step']);
    expect((await readdir(atLevel!.folder)).sort()).toEqual(['0000_step.sql', '0001_step.sql', 'meta']);
    // A module the backup did not have yet starts empty.
    expect(await readdir(fresh!.folder)).toEqual(['meta']);
  });

  it('refuses a backup made by a newer version', async () => {
    const folder = await migrationFolder();
    const work = await tempDir('vw-work-');
    await expect(
      migrationSetsAtLevel([{ name: 'identity', folder }], new Map([['identity', [1000, 4000]]]), work),
    ).rejects.toThrow(/unknown to this version/);
    await expect(
      migrationSetsAtLevel([{ name: 'identity', folder }], new Map([['payouts', [1000]]]), work),
    ).rejects.toThrow(/"payouts", unknown to this version/);
  });
});
