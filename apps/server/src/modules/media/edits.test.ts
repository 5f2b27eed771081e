import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type Session } from '../../../test/client';
import { startTestServer } from '../../../test/harness';
import type { Runtime } from '../../composition/runtime';
import { isSettled, uploadFile, waitForMedia } from './media-test-support';
import { makeClip } from './pipeline/test-clips';
import type { MediaView } from './present';

let runtime: Runtime;
let dir: string;
let maker: Session;
let other: Session;
let clip: string;

const get = (url: string) => runtime.app!.inject({ method: 'GET', url });
const edit = (mediaId: string, body: unknown, token = maker.accessToken) =>
  apiClient(runtime).call<MediaView & { error: { code: string } }>('POST', `/v1/media/${mediaId}/edits`, {
    token,
    body,
  });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'media-edits-test-'));
  const made = makeClip(dir, 'clip.mp4', { width: 360, height: 640, seconds: 3, fps: 15, audio: true });
  runtime = await startTestServer({ env: { MAX_VIDEO_SECONDS: '2', MEDIA_X264_PRESET: 'ultrafast' } });
  const api = apiClient(runtime);
  [maker, other] = await Promise.all([api.signInMaker('carver@example.com', 'Ed Carver'), api.signIn('x@example.com')]);
  clip = await made;
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('studio edits', () => {
  it('rescues a too-long upload by trimming it, adds captions, and keeps the old version playing until the new one is ready', async () => {
    const mediaId = await uploadFile(runtime, maker.accessToken, clip);
    const failed = await waitForMedia(runtime, mediaId, maker.accessToken, isSettled);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'too_long' } });

    // Trim to the last 2 s, with a caption typed on the trimmed timeline.
    const first = await edit(mediaId, {
      trimStartMs: 1000,
      captions: [{ startMs: 0, endMs: 900, text: 'Centring the clay' }],
    });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ status: 'processing', progress: 0 });
    expect(first.body.error).toBeUndefined();
    const v2 = await waitForMedia(runtime, mediaId, maker.accessToken, isSettled);
    expect(v2).toMatchObject({ status: 'ready', version: 2 });
    expect(v2.durationMs).toBeGreaterThanOrEqual(1900);
    expect(v2.durationMs).toBeLessThanOrEqual(2100);

    const master = await get(v2.playbackUrl!);
    expect(master.body).toContain('TYPE=SUBTITLES');
    const subsUri = /TYPE=SUBTITLES[^\n]*URI="([^"]+)"/.exec(master.body)![1]!;
    const base = v2.playbackUrl!.replace(/master\.m3u8$/, '');
    const subsPlaylist = await get(base + subsUri);
    expect(subsPlaylist.statusCode).toBe(200);
    const vttUri = subsPlaylist.body.split('\n').find((l) => l.endsWith('.vtt'))!;
    const subsDir = subsUri.slice(0, subsUri.lastIndexOf('/') + 1);
    const vtt = await get(base + subsDir + vttUri);
    expect(vtt.statusCode).toBe(200);
    expect(vtt.body).toContain('Centring the clay');
    expect(vtt.body).toContain('00:00:00.000 -->');

    // A second edit replaces the captions (trim kept); version 2 plays meanwhile.
    const second = await edit(mediaId, {
      webvtt: 'WEBVTT\n\n00:00:00.500 --> 00:00:01.500\nGlazing\n',
    });
    expect(second.status).toBe(202);
    expect(second.body).toMatchObject({ status: 'ready', version: 2, edit: { version: 3, status: 'processing' } });
    expect(second.body.playbackUrl).toMatch(/master\.m3u8$/);
    expect((await get(second.body.playbackUrl!)).statusCode).toBe(200);
    const v3 = await waitForMedia(runtime, mediaId, maker.accessToken, isSettled);
    expect(v3).toMatchObject({ status: 'ready', version: 3 });
    expect(v3.edit).toBeUndefined();
    expect(v3.durationMs).toBeLessThanOrEqual(2100);
    // Tokens already handed out for version 2 keep working for a while (players mid-stream).
    expect((await get(v2.playbackUrl!)).statusCode).toBe(200);
    const v3vtt = await get(`${v3.playbackUrl!.replace(/master\.m3u8$/, '')}${subsDir}${vttUri}`);
    expect(v3vtt.body).toContain('Glazing');
    expect(v3vtt.body).not.toContain('Centring');

    // Trimming the end back to the whole source is too long again: the edit fails, version 3 plays on.
    const third = await edit(mediaId, { trimStartMs: 0 });
    expect(third.status).toBe(202);
    const after = await waitForMedia(runtime, mediaId, maker.accessToken, isSettled);
    expect(after).toMatchObject({ status: 'ready', version: 3, edit: { version: 4, status: 'failed' } });
    expect(after.edit?.error?.code).toBe('too_long');
  }, 60_000);

  it('validates edits before processing and lets only the owner edit', async () => {
    const mediaId = await uploadFile(runtime, maker.accessToken, clip);
    await waitForMedia(runtime, mediaId, maker.accessToken, isSettled);
    const outOfOrder = await edit(mediaId, {
      trimEndMs: 2000,
      captions: [
        { startMs: 1000, endMs: 1500, text: 'b' },
        { startMs: 0, endMs: 500, text: 'a' },
      ],
    });
    expect(outOfOrder.status).toBe(422);
    expect(outOfOrder.body.error.code).toBe('captions_out_of_order');
    const beyond = await edit(mediaId, { trimEndMs: 1500, captions: [{ startMs: 0, endMs: 1800, text: 'late' }] });
    expect(beyond.body.error.code).toBe('captions_beyond_end');
    const badTrim = await edit(mediaId, { trimStartMs: 5000 });
    expect(badTrim.status).toBe(422);
    expect(badTrim.body.error.code).toBe('trim_invalid');
    const badVtt = await edit(mediaId, { webvtt: 'not a caption file' });
    expect(badVtt.body.error.code).toBe('captions_missing_header');
    const both = await edit(mediaId, { captions: [], webvtt: 'WEBVTT\n' });
    expect(both.status).toBe(400);
    expect((await edit(mediaId, { trimEndMs: 2000 }, other.accessToken)).status).toBe(403);
    expect((await edit(mediaId, { trimEndMs: 2000 }, '')).status).toBe(401);
  });
});
