import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { enqueue } from '../../src/platform/jobs';
import { apiClient, type Session } from '../client';
import { startTestServer } from '../harness';

/** Every row of every product table (PostgreSQL's own schemas excluded), as sorted JSON text. */
export async function snapshotDatabase(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ q: string }>(
      `select format('%I.%I', n.nspname, c.relname) as q from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p') and not c.relispartition and n.nspname not in ('pg_catalog', 'information_schema')
         and n.nspname not like 'pg\\_%' order by 1`,
    );
    const out: Record<string, string[]> = {};
    for (const { q } of tables.rows) {
      const rows = await client.query<{ r: string }>(`select to_jsonb(t)::text as r from ${q} t`);
      out[q] = rows.rows.map((row) => row.r).sort();
    }
    const seqs = await client.query<{ q: string }>(
      `select format('%I.%I', n.nspname, c.relname) as q from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind = 'S' and n.nspname not in ('pg_catalog', 'information_schema') order by 1`,
    );
    for (const { q } of seqs.rows) {
      const v = await client.query<{ r: string }>(`select last_value::text || '/' || is_called::text as r from ${q}`);
      out[`sequence ${q}`] = [v.rows[0]!.r];
    }
    return out;
  } finally {
    await client.end();
  }
}

/** A new database with nothing in it, on the test server. */
export async function createEmptyDatabase(): Promise<string> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `vw_t_${inject('runId')}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export interface PopulatedProduct {
  databaseUrl: string;
  dataDir: string;
  buyer: Session;
  maker: Session;
  /** Paths under DATA_DIR → their bytes. */
  files: Record<string, Buffer>;
}

/**
 * Runs the product on an isolated database, creates accounts through the API, writes media and an
 * upload into the local storage folders, then stops it so nothing changes while a test inspects.
 */
export async function populatedProduct(): Promise<PopulatedProduct> {
  const runtime = await startTestServer();
  try {
    const api = apiClient(runtime);
    const buyer = await api.signIn('buyer@example.com');
    const maker = await api.signInMaker('maker@example.com', 'Clay Studio');
    // A timer waiting in the job queue, which a restore must bring back too.
    await enqueue(
      runtime.ctx.db,
      'identity.rewrap-personal-data',
      {},
      {
        runAt: new Date(Date.now() + 86_400_000),
        jobKey: 'backup-test-timer',
      },
    );
    const dataDir = runtime.ctx.config.DATA_DIR;
    const mediaId = randomBytes(8).toString('hex');
    const files: Record<string, Buffer> = {
      [`media/media/${mediaId}/v1/poster.jpg`]: randomBytes(256 * 1024),
      [`media/media/${mediaId}/v1/720p/index.m3u8`]: Buffer.from('#EXTM3U\n#EXT-X-ENDLIST\n'),
      [`uploads/${mediaId}`]: randomBytes(64 * 1024),
    };
    for (const [rel, bytes] of Object.entries(files)) {
      const file = path.join(dataDir, ...rel.split('/'));
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes);
    }
    // A half-written object of the storage driver: never part of a backup.
    await mkdir(path.join(dataDir, 'media/.staging'), { recursive: true });
    await writeFile(path.join(dataDir, 'media/.staging/partial'), 'x');
    return { databaseUrl: runtime.databaseUrl, dataDir, buyer, maker, files };
  } finally {
    await runtime.stop();
  }
}

export const tempDir = (prefix: string): Promise<string> => mkdtemp(path.join(os.tmpdir(), prefix));
