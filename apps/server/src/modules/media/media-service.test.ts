import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../../test/harness';
import type { Runtime } from '../../composition/runtime';
import { makeClip } from './pipeline/test-clips';
import { createReadyMedia } from './test-fixtures';

let runtime: Runtime;
beforeAll(async () => {
  runtime = await startTestServer();
}, 60_000);
afterAll(() => runtime?.stop());

describe('MediaService', () => {
  it('creates ready media for other modules, with signed URLs and ownership checks', async () => {
    const owner = randomUUID();
    const id = await createReadyMedia(runtime, owner);
    const media = runtime.modules.media;
    const view = await media.get(id);
    expect(view).toMatchObject({ id, ownerId: owner, status: 'ready', progress: 100, version: 1 });
    expect(view?.playbackUrl).toMatch(new RegExp(`^/v1/play/[^/]+/${id}/master\\.m3u8$`));
    expect(view?.posterUrl).toMatch(/poster\.jpg$/);
    expect(view?.durationMs).toBeGreaterThan(500);
    expect(await media.isReadyAndOwnedBy(id, owner)).toBe(true);
    expect(await media.isReadyAndOwnedBy(id, randomUUID())).toBe(false);
    expect(await media.isReadyAndOwnedBy('not-a-uuid', owner)).toBe(false);

    const views = await media.views([id, randomUUID(), 'junk'], 'session-1');
    expect([...views.keys()]).toEqual([id]);
    expect(views.get(id)?.playbackUrl).not.toEqual(view?.playbackUrl);
  }, 60_000);

  it('scheduleDeletion hides the media inside the caller transaction', async () => {
    const owner = randomUUID();
    const id = await createReadyMedia(runtime, owner);
    await runtime.ctx.db.transaction(async (tx) => {
      await runtime.modules.media.scheduleDeletion(tx, [id]);
      await tx.execute(sql`select 1`);
    });
    expect(await runtime.modules.media.get(id)).toBeNull();
    expect(await runtime.modules.media.isReadyAndOwnedBy(id, owner)).toBe(false);
  }, 60_000);

  it('imports a local file through the pipeline (demo data) until it is ready', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'media-import-'));
    const file = await makeClip(dir, 'demo.mp4', { width: 360, height: 640, seconds: 1, fps: 10 });
    const owner = randomUUID();
    const id = await runtime.modules.media.importFile({
      ownerId: owner,
      file,
      filename: 'demo.mp4',
      contentType: 'video/mp4',
    });
    await rm(dir, { recursive: true, force: true }); // the import keeps its own copy
    for (let i = 0; i < 200 && !(await runtime.modules.media.isReadyAndOwnedBy(id, owner)); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await runtime.modules.media.get(id)).toMatchObject({ status: 'ready', ownerId: owner });
    await expect(
      runtime.modules.media.importFile({ ownerId: owner, file, filename: 'x.txt', contentType: 'text/plain' }),
    ).rejects.toThrow();
  }, 60_000);
});
