import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type Session } from '../../../test/client';
import { startTestServer } from '../../../test/harness';
import type { Runtime } from '../../composition/runtime';
import { startS3rver } from '../../platform/storage/test-s3rver';
import type { Storage } from '../../platform/storage';
import { createMediaStorage } from './media-storage';
import { isSettled, uploadFile, waitForMedia } from './media-test-support';
import { makeClip } from './pipeline/test-clips';
import { createReadyMedia } from './test-fixtures';

let dir: string;
let clip: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'media-deletion-test-'));
  clip = await makeClip(dir, 'clip.mp4', { width: 360, height: 640, seconds: 1, fps: 10, audio: true });
}, 30_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`never happened: ${what}`);
}

describe.each(['local', 's3'] as const)('deleting media (%s storage)', (driver) => {
  let runtime: Runtime;
  let storage: Storage;
  let maker: Session;
  let closeS3: (() => Promise<void>) | null = null;

  beforeAll(async () => {
    let env: Record<string, string> = { MEDIA_X264_PRESET: 'ultrafast' };
    if (driver === 's3') {
      const s3 = await startS3rver();
      closeS3 = () => s3.close();
      env = {
        ...env,
        STORAGE_DRIVER: 's3',
        S3_BUCKET: 'media-test',
        S3_ENDPOINT: s3.endpoint,
        S3_FORCE_PATH_STYLE: 'true',
        S3_ACCESS_KEY_ID: 'S3RVER',
        S3_SECRET_ACCESS_KEY: 'S3RVER',
      };
    }
    runtime = await startTestServer({ env });
    storage = createMediaStorage(runtime.ctx.config);
    maker = await apiClient(runtime).signInMaker(`${driver}@example.com`, 'Fay Smith');
  }, 60_000);
  afterAll(async () => {
    await runtime?.stop();
    await closeS3?.();
  });

  it('removes every rendition and the original upload', async () => {
    let mediaId: string;
    if (driver === 'local') {
      mediaId = await uploadFile(runtime, maker.accessToken, clip);
    } else {
      // s3rver lacks ListParts, which tus's S3 store needs, so the original is put in place the
      // way a finished tus upload leaves it (object plus `.info` sidecar).
      mediaId = await createReadyMedia(runtime, maker.userId);
      await storage.put(`uploads/${mediaId}`, 'original bytes');
      await storage.put(`uploads/${mediaId}.info`, '');
    }
    const view = await waitForMedia(runtime, mediaId, maker.accessToken, isSettled);
    expect(view.status).toBe('ready');
    expect((await storage.list(`media/${mediaId}/`)).length).toBeGreaterThan(5);

    const api = apiClient(runtime);
    const stranger = await api.signInMaker(`other-${driver}@example.com`, 'Gus');
    expect((await api.call('DELETE', `/v1/media/${mediaId}`, { token: stranger.accessToken })).status).toBe(403);
    expect((await api.call('DELETE', `/v1/media/${mediaId}`, { token: maker.accessToken })).status).toBe(204);
    expect((await api.call('GET', `/v1/media/${mediaId}`, { token: maker.accessToken })).status).toBe(404);
    // The playlist stops at once; the files go with the removal job.
    expect((await runtime.app!.inject({ method: 'GET', url: view.playbackUrl! })).statusCode).toBe(404);
    await eventually(async () => (await storage.list(`media/${mediaId}/`)).length === 0, 'renditions removed');
    if (driver === 's3') {
      await eventually(async () => (await storage.list(`uploads/${mediaId}`)).length === 0, 'original removed');
    } else {
      const { existsSync } = await import('node:fs');
      await eventually(
        async () => !existsSync(path.join(runtime.ctx.config.DATA_DIR, 'uploads', mediaId)),
        'original removed',
      );
    }
  }, 60_000);

  it('removes the files of media deleted by another module through scheduleDeletion', async () => {
    const mediaId = await createReadyMedia(runtime, maker.userId);
    expect((await storage.list(`media/${mediaId}/`)).length).toBeGreaterThan(0);
    await runtime.ctx.db.transaction((tx) => runtime.modules.media.scheduleDeletion(tx, [mediaId]));
    expect(await runtime.modules.media.get(mediaId)).toBeNull();
    await eventually(async () => (await storage.list(`media/${mediaId}/`)).length === 0, 'files removed');
  }, 60_000);
});
