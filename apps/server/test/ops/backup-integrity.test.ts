import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup } from '../../../../scripts/ops/create-backup';
import { databaseHasTables, runningEmbeddedPort } from '../../../../scripts/ops/database-target';
import { restoreBackup } from '../../../../scripts/ops/restore-backup';
import { runCommand } from '../../../../scripts/ops/run-command';
import { startEmbeddedPostgres } from '../../src/platform/db/embedded';
import { createEmptyDatabase, populatedProduct, snapshotDatabase, tempDir } from './backup-fixture';

describe('backup integrity and the embedded database', { timeout: 180_000 }, () => {
  it('refuses a damaged backup before changing anything', async () => {
    const product = await populatedProduct();
    const out = await tempDir('vw-backups-');
    const { file } = await createBackup({
      databaseUrl: product.databaseUrl,
      dataDir: product.dataDir,
      storageDriver: 'local',
      out,
      method: 'portable',
    });
    const target = await createEmptyDatabase();
    const dataDir = await tempDir('vw-restored-');
    const attempt = (f: string) => restoreBackup({ file: f, databaseUrl: target, dataDir, clean: true });

    const bytes = await readFile(file);
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(flipped.length / 2)]! ^= 0xff;
    await writeFile(path.join(out, 'flipped.tar.gz'), flipped);
    await expect(attempt(path.join(out, 'flipped.tar.gz'))).rejects.toThrow(/corrupted|not a readable backup/);
    await writeFile(path.join(out, 'truncated.tar.gz'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(attempt(path.join(out, 'truncated.tar.gz'))).rejects.toThrow(/corrupted|not a readable backup/);

    // A well-formed archive whose content no longer matches its manifest.
    const unpacked = path.join(out, 'unpacked');
    await mkdir(unpacked);
    await runCommand('tar', ['-xzf', file, '-C', unpacked]);
    const media = Object.keys(product.files).find((p) => p.startsWith('media/'))!;
    await writeFile(path.join(unpacked, ...media.split('/')), 'not the original bytes');
    const repack = async (name: string) => {
      await runCommand('tar', ['-czf', path.join(out, name), '-C', unpacked, ...(await readdir(unpacked))]);
      return path.join(out, name);
    };
    await expect(attempt(await repack('altered.tar.gz'))).rejects.toThrow(`checksum mismatch for ${media}`);
    await writeFile(path.join(unpacked, ...media.split('/')), product.files[media]!);
    await writeFile(path.join(unpacked, 'media', 'smuggled.bin'), 'x');
    await expect(attempt(await repack('extra.tar.gz'))).rejects.toThrow(/does not list: media\/smuggled\.bin/);

    expect(await databaseHasTables(target)).toBe(false);
    expect(await readdir(dataDir)).toEqual([]);
    await rm(out, { recursive: true, force: true });
  });

  it('uses the embedded server of DATA_DIR when no DATABASE_URL is set, starting it when needed', async () => {
    const product = await populatedProduct();
    const before = await snapshotDatabase(product.databaseUrl);
    const out = await tempDir('vw-backups-');
    const { file } = await createBackup({
      databaseUrl: product.databaseUrl,
      dataDir: product.dataDir,
      storageDriver: 'local',
      out: path.join(out, 'first.tar.gz'),
      method: 'portable',
    });

    const dataDir = await tempDir('vw-embedded-');
    const pgDir = path.join(dataDir, 'postgres');
    await restoreBackup({ file, dataDir });
    expect(existsSync(path.join(pgDir, 'PG_VERSION'))).toBe(true);
    expect(await runningEmbeddedPort(pgDir)).toBeNull();
    const second = await createBackup({ dataDir, storageDriver: 'local', out: path.join(out, 'second.tar.gz') });
    expect(await runningEmbeddedPort(pgDir)).toBeNull();

    // Started as the product starts it: the data is all there, and a running server is used as is.
    const embedded = await startEmbeddedPostgres(pgDir);
    try {
      expect(await snapshotDatabase(embedded.url)).toEqual(before);
      const port = await runningEmbeddedPort(pgDir);
      expect(port).toBe(Number(new URL(embedded.url).port));
      const third = await createBackup({ dataDir, storageDriver: 'local', out: path.join(out, 'third.tar.gz') });
      expect(third.manifest.totals.files).toBe(second.manifest.totals.files);
      await expect(restoreBackup({ file, dataDir, clean: true })).rejects.toThrow(/stop it before restoring/);
    } finally {
      await embedded.stop();
    }

    const target = await createEmptyDatabase();
    await restoreBackup({ file: second.file, databaseUrl: target, dataDir: await tempDir('vw-restored-') });
    expect(await snapshotDatabase(target)).toEqual(before);
    await rm(out, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  });
});
