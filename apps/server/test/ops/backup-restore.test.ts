import { existsSync } from 'node:fs';
import { readFile, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createBackup } from '../../../../scripts/ops/create-backup';
import { serverMajorVersion } from '../../../../scripts/ops/database-target';
import { findPgTools, pickCompatibleTool } from '../../../../scripts/ops/pg-tools';
import { restoreBackup } from '../../../../scripts/ops/restore-backup';
import { apiClient } from '../client';
import { startTestServer } from '../harness';
import { createEmptyDatabase, populatedProduct, snapshotDatabase, tempDir } from './backup-fixture';

async function expectFiles(dataDir: string, files: Record<string, Buffer>): Promise<void> {
  for (const [rel, bytes] of Object.entries(files)) {
    expect(await readFile(path.join(dataDir, ...rel.split('/')))).toEqual(bytes);
  }
}

describe('backup and restore', { timeout: 180_000 }, () => {
  it('round-trips the database and the local media through the portable dump', async () => {
    const product = await populatedProduct();
    const before = await snapshotDatabase(product.databaseUrl);
    expect(before['identity.users']).toHaveLength(2);
    expect(before['identity.maker_profiles']).toHaveLength(1);
    expect(before['graphile_worker._private_jobs']).toHaveLength(1);

    const out = await tempDir('vw-backups-');
    const { file, manifest } = await createBackup({
      databaseUrl: product.databaseUrl,
      dataDir: product.dataDir,
      storageDriver: 'local',
      out,
      method: 'portable',
    });
    expect(path.dirname(file)).toBe(out);
    expect(path.basename(file)).toMatch(/^backup-\d{8}-\d{6}Z\.tar\.gz$/);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(manifest.database.method).toBe('portable');
    const listed = manifest.files.map((f) => f.path);
    expect(listed).toEqual(expect.arrayContaining([...Object.keys(product.files), 'secrets.json']));
    expect(listed.some((p) => p.includes('.staging'))).toBe(false);

    // Into an empty database and an empty DATA_DIR.
    const emptyUrl = await createEmptyDatabase();
    const freshDir = await tempDir('vw-restored-');
    await restoreBackup({ file, databaseUrl: emptyUrl, dataDir: freshDir });
    expect(await snapshotDatabase(emptyUrl)).toEqual(before);
    await expectFiles(freshDir, product.files);
    expect(await readFile(path.join(freshDir, 'secrets.json'))).toEqual(
      await readFile(path.join(product.dataDir, 'secrets.json')),
    );
    expect(existsSync(path.join(freshDir, 'media/.staging'))).toBe(false);

    // The restored product works: sessions, signing keys and profiles came back.
    const restored = await startTestServer({ databaseUrl: emptyUrl, env: { DATA_DIR: freshDir } });
    try {
      const api = apiClient(restored);
      const me = await api.call<{ id: string }>('GET', '/v1/me', { token: product.maker.accessToken });
      expect(me.status).toBe(200);
      expect(me.body.id).toBe(product.maker.userId);
      const profile = await api.call<{ displayName: string }>('GET', `/v1/makers/${product.maker.userId}`);
      expect(profile.body.displayName).toBe('Clay Studio');
    } finally {
      await restored.stop();
    }

    // Over the damaged original: refused without --clean, replaced with it.
    const original = new pg.Client({ connectionString: product.databaseUrl });
    await original.connect();
    await original.query(`delete from identity.maker_profiles`);
    await original.end();
    const [firstFile] = Object.keys(product.files);
    await unlink(path.join(product.dataDir, ...firstFile!.split('/')));
    await expect(restoreBackup({ file, databaseUrl: product.databaseUrl, dataDir: product.dataDir })).rejects.toThrow(
      /already holds|not empty/,
    );
    await restoreBackup({ file, databaseUrl: product.databaseUrl, dataDir: product.dataDir, clean: true });
    expect(await snapshotDatabase(product.databaseUrl)).toEqual(before);
    await expectFiles(product.dataDir, product.files);
    await rm(out, { recursive: true, force: true });
  });

  it('uses pg_dump when one at least as new as the server is installed, and round-trips either way', async () => {
    const product = await populatedProduct();
    const before = await snapshotDatabase(product.databaseUrl);
    const server = await serverMajorVersion(product.databaseUrl);
    const fits = pickCompatibleTool(await findPgTools('pg_dump'), server.major);
    const out = await tempDir('vw-backups-');
    const { file, manifest } = await createBackup({
      databaseUrl: product.databaseUrl,
      dataDir: product.dataDir,
      storageDriver: 'local',
      out: path.join(out, 'nightly.tar.gz'),
    });
    expect(file).toBe(path.join(out, 'nightly.tar.gz'));
    expect(manifest.database.method).toBe(fits ? 'pg_dump' : 'portable');
    if (!fits) {
      await expect(
        createBackup({
          databaseUrl: product.databaseUrl,
          dataDir: product.dataDir,
          storageDriver: 'local',
          out,
          method: 'pg_dump',
        }),
      ).rejects.toThrow(/no pg_dump of version/);
    }
    const target = await createEmptyDatabase();
    await restoreBackup({ file, databaseUrl: target, dataDir: await tempDir('vw-restored-') });
    expect(await snapshotDatabase(target)).toEqual(before);
    await restoreBackup({ file, databaseUrl: product.databaseUrl, dataDir: product.dataDir, clean: true });
    expect(await snapshotDatabase(product.databaseUrl)).toEqual(before);
    await rm(out, { recursive: true, force: true });
  });

  it('leaves the media out with the S3 driver (the bucket keeps it)', async () => {
    const product = await populatedProduct();
    const out = await tempDir('vw-backups-');
    const { manifest } = await createBackup({
      databaseUrl: product.databaseUrl,
      dataDir: product.dataDir,
      storageDriver: 's3',
      out,
      method: 'portable',
    });
    expect(manifest.dataDir).toMatchObject({ storageDriver: 's3', media: false, uploads: false });
    expect(manifest.files.some((f) => f.path.startsWith('media/') || f.path.startsWith('uploads/'))).toBe(false);
    await rm(out, { recursive: true, force: true });
  });
});
