import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type Session } from '../../../test/client';
import { startTestServer } from '../../../test/harness';
import type { Runtime } from '../../composition/runtime';
import { mediaIdOf, tusMetadata, tusRequest, waitForMedia } from './media-test-support';
import { makeClip } from './pipeline/test-clips';

let runtime: Runtime;
let dir: string;
let clip: Buffer;
let maker: Session;
let otherMaker: Session;
let viewer: Session;
let baseUrl: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'uploads-test-'));
  [runtime] = await Promise.all([
    startTestServer({ env: { MAX_UPLOAD_BYTES: String(5 * 1024 * 1024), MEDIA_X264_PRESET: 'ultrafast' } }),
    makeClip(dir, 'clip.mp4', { width: 360, height: 640, seconds: 1, fps: 10, audio: true }).then(async (file) => {
      clip = await readFile(file);
    }),
  ]);
  const api = apiClient(runtime);
  [maker, otherMaker, viewer] = await Promise.all([
    api.signInMaker('potter@example.com', 'Ana Potter'),
    api.signInMaker('weaver@example.com', 'Bo Weaver'),
    api.signIn('viewer@example.com'),
  ]);
  baseUrl = await runtime.app!.listen({ port: 0, host: '127.0.0.1' });
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
  await rm(dir, { recursive: true, force: true });
});

const create = (token: string, length: number, type = 'video/mp4') =>
  tusRequest(runtime, 'POST', '/v1/uploads', {
    token,
    headers: { 'upload-length': String(length), 'upload-metadata': tusMetadata(type) },
  });

/** Sends `bytes` as a PATCH at `offset` but drops the connection after `sendOnly` bytes. */
function patchAndDrop(mediaId: string, token: string, offset: number, bytes: Buffer, sendOnly: number): Promise<void> {
  return new Promise((resolve) => {
    const req = http.request(`${baseUrl}/v1/uploads/${mediaId}`, {
      method: 'PATCH',
      headers: {
        'tus-resumable': '1.0.0',
        authorization: `Bearer ${token}`,
        'content-type': 'application/offset+octet-stream',
        'upload-offset': String(offset),
        'content-length': String(bytes.length),
      },
    });
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    req.write(bytes.subarray(0, sendOnly), () => setTimeout(() => req.destroy(), 100));
  });
}

describe('tus uploads', () => {
  it('resumes after a dropped connection (HEAD, PATCH) and processes the whole file', async () => {
    const created = await create(maker.accessToken, clip.length);
    expect(created.status).toBe(201);
    expect(created.headers['tus-resumable']).toBe('1.0.0');
    const mediaId = mediaIdOf(created);

    const half = Math.floor(clip.length / 2);
    const first = await tusRequest(runtime, 'PATCH', `/v1/uploads/${mediaId}`, {
      token: maker.accessToken,
      headers: { 'upload-offset': '0' },
      body: clip.subarray(0, half),
    });
    expect(first.status).toBe(204);
    expect(first.headers['upload-offset']).toBe(String(half));

    // The second chunk is cut off part-way: the server keeps what arrived.
    await patchAndDrop(mediaId, maker.accessToken, half, clip.subarray(half), 1000);
    let offset = half;
    for (let i = 0; i < 50; i++) {
      const head = await tusRequest(runtime, 'HEAD', `/v1/uploads/${mediaId}`, { token: maker.accessToken });
      expect(head.status).toBe(200);
      expect(head.headers['upload-length']).toBe(String(clip.length));
      offset = Number(head.headers['upload-offset']);
      if (offset > half) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(offset).toBeGreaterThanOrEqual(half);
    expect(offset).toBeLessThan(clip.length);
    expect((await runtime.modules.media.get(mediaId))?.status).toBe('uploading');

    const rest = await tusRequest(runtime, 'PATCH', `/v1/uploads/${mediaId}`, {
      token: maker.accessToken,
      headers: { 'upload-offset': String(offset) },
      body: clip.subarray(offset),
    });
    expect(rest.status).toBe(204);
    expect(rest.headers['upload-offset']).toBe(String(clip.length));
    const stored = await readFile(path.join(runtime.ctx.config.DATA_DIR, 'uploads', mediaId));
    expect(stored.equals(clip)).toBe(true);

    const ready = await waitForMedia(
      runtime,
      mediaId,
      maker.accessToken,
      (v) => v.status !== 'processing' && v.status !== 'uploading',
    );
    expect(ready).toMatchObject({ status: 'ready', progress: 100 });
    expect(ready.playbackUrl).toMatch(/master\.m3u8$/);
  }, 60_000);

  it('accepts creation-with-upload in one request', async () => {
    const res = await tusRequest(runtime, 'POST', '/v1/uploads', {
      token: maker.accessToken,
      headers: { 'upload-length': String(clip.length), 'upload-metadata': tusMetadata('video/mp4') },
      body: clip,
    });
    expect(res.status).toBe(201);
    expect(res.headers['upload-offset']).toBe(String(clip.length));
    const view = await runtime.modules.media.get(mediaIdOf(res));
    expect(view?.status).toMatch(/processing|ready/);
  });

  it('terminates an unfinished upload and removes its bytes', async () => {
    const mediaId = mediaIdOf(await create(maker.accessToken, clip.length));
    await tusRequest(runtime, 'PATCH', `/v1/uploads/${mediaId}`, {
      token: maker.accessToken,
      headers: { 'upload-offset': '0' },
      body: clip.subarray(0, 100),
    });
    const file = path.join(runtime.ctx.config.DATA_DIR, 'uploads', mediaId);
    expect(existsSync(file)).toBe(true);
    const res = await tusRequest(runtime, 'DELETE', `/v1/uploads/${mediaId}`, { token: maker.accessToken });
    expect(res.status).toBe(204);
    expect(existsSync(file)).toBe(false);
    expect(await runtime.modules.media.get(mediaId)).toBeNull();
    const head = await tusRequest(runtime, 'HEAD', `/v1/uploads/${mediaId}`, { token: maker.accessToken });
    expect(head.status).toBe(404);
  });

  it('refuses an oversized upload (413) and a non-video type (415) before any byte, with the error body', async () => {
    const big = await create(maker.accessToken, 5 * 1024 * 1024 + 1);
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toMatchObject({ error: { code: 'upload_too_large' } });
    const text = await create(maker.accessToken, 100, 'text/plain');
    expect(text.status).toBe(415);
    expect(JSON.parse(text.body)).toMatchObject({ error: { code: 'unsupported_media_type' } });
    // Refused even when the bytes come along with the creation request.
    const withBody = await tusRequest(runtime, 'POST', '/v1/uploads', {
      token: maker.accessToken,
      headers: { 'upload-length': String(6 * 1024 * 1024), 'upload-metadata': tusMetadata('video/mp4') },
      body: Buffer.alloc(1024),
    });
    expect(withBody.status).toBe(413);
  });

  it('needs a signed-in maker for videos', async () => {
    expect((await tusRequest(runtime, 'POST', '/v1/uploads', { headers: { 'upload-length': '10' } })).status).toBe(401);
    const res = await create(viewer.accessToken, 100);
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'maker_required' } });
  });

  it('keeps other users away from an upload (HEAD, PATCH, DELETE)', async () => {
    const mediaId = mediaIdOf(await create(maker.accessToken, clip.length));
    const url = `/v1/uploads/${mediaId}`;
    const head = await tusRequest(runtime, 'HEAD', url, { token: otherMaker.accessToken });
    expect(head.status).toBe(403);
    const patch = await tusRequest(runtime, 'PATCH', url, {
      token: otherMaker.accessToken,
      headers: { 'upload-offset': '0' },
      body: clip.subarray(0, 10),
    });
    expect(patch.status).toBe(403);
    expect(JSON.parse(patch.body)).toMatchObject({ error: { code: 'upload_forbidden' } });
    expect((await tusRequest(runtime, 'DELETE', url, { token: otherMaker.accessToken })).status).toBe(403);
    const mine = await tusRequest(runtime, 'HEAD', url, { token: maker.accessToken });
    expect(mine.headers['upload-offset']).toBe('0');
    expect((await tusRequest(runtime, 'HEAD', '/v1/uploads/not-a-media-id', { token: maker.accessToken })).status).toBe(
      404,
    );
  });

  it('security review: upload IDOR — a HEAD, PATCH or DELETE whose query names another upload reaches only the upload of the route', async () => {
    const victim = mediaIdOf(await create(maker.accessToken, clip.length));
    await tusRequest(runtime, 'PATCH', `/v1/uploads/${victim}`, {
      token: maker.accessToken,
      headers: { 'upload-offset': '0' },
      body: clip.subarray(0, 100),
    });
    const mine = mediaIdOf(await create(otherMaker.accessToken, 1000));
    const forged = `/v1/uploads/${mine}?x=/${victim}`;

    const head = await tusRequest(runtime, 'HEAD', forged, { token: otherMaker.accessToken });
    expect(head.status).toBe(200);
    expect(head.headers['upload-length']).toBe('1000');
    expect(head.headers['upload-offset']).toBe('0');

    const patch = await tusRequest(runtime, 'PATCH', forged, {
      token: otherMaker.accessToken,
      headers: { 'upload-offset': '100' },
      body: Buffer.alloc(10, 0x41),
    });
    expect(patch.status).not.toBe(204);
    const patchMine = await tusRequest(runtime, 'PATCH', forged, {
      token: otherMaker.accessToken,
      headers: { 'upload-offset': '0' },
      body: Buffer.alloc(10, 0x41),
    });
    expect(patchMine.status).toBe(204);

    const del = await tusRequest(runtime, 'DELETE', forged, { token: otherMaker.accessToken });
    expect(del.status).toBe(204);
    expect(await runtime.modules.media.get(mine)).toBeNull();

    const after = await tusRequest(runtime, 'HEAD', `/v1/uploads/${victim}`, { token: maker.accessToken });
    expect(after.status).toBe(200);
    expect(after.headers['upload-offset']).toBe('100');
    const stored = await readFile(path.join(runtime.ctx.config.DATA_DIR, 'uploads', victim));
    expect(stored.equals(clip.subarray(0, 100))).toBe(true);
    expect((await runtime.modules.media.get(victim))?.status).toBe('uploading');
  });
});
