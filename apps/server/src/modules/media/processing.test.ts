import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { apiClient, type Session } from '../../../test/client';
import { startTestServer } from '../../../test/harness';
import type { Runtime } from '../../composition/runtime';
import { isSettled, uploadFile, waitForMedia } from './media-test-support';
import { cutInHalf, makeClip, runTool } from './pipeline/test-clips';

let runtime: Runtime;
let dir: string;
let maker: Session;
const at = (name: string): string => path.join(dir, name);
const lavfi = (source: string, out: string, codec: string[] = ['-c:v', 'libx264', '-preset', 'ultrafast']) =>
  runTool('ffmpeg', ['-y', '-f', 'lavfi', '-i', source, ...codec, at(out)]);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'media-processing-test-'));
  const started = startTestServer({ env: { MAX_VIDEO_SECONDS: '3', MEDIA_X264_PRESET: 'ultrafast' } });
  await Promise.all([
    makeClip(dir, 'good.mp4', { width: 360, height: 640, seconds: 2, fps: 15, audio: true }),
    makeClip(dir, 'faststart.mp4', { width: 360, height: 640, seconds: 2, fps: 15, faststart: true }),
    lavfi('sine=d=1', 'audio.m4a', ['-c:a', 'aac']),
    lavfi('color=s=64x64:r=1:d=5', 'long.mp4'),
    lavfi('color=s=4200x240:r=1:d=1', 'wide.mp4'),
    lavfi('testsrc2=s=800x600:d=1', 'photo.jpg', ['-frames:v', '1']),
    writeFile(at('notes.txt'), 'Glaze recipe: 3 parts feldspar, 2 parts silica.\n'.repeat(50)),
  ]);
  await cutInHalf(at('faststart.mp4'), at('cut.mp4'));
  runtime = await started;
  maker = await apiClient(runtime).signInMaker('glassblower@example.com', 'Cy Glass');
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** The pixel width of the JPEG served at `url`. */
async function servedWidth(url: string, saveAs: string): Promise<number> {
  const served = await runtime.app!.inject({ method: 'GET', url });
  expect(served.statusCode).toBe(200);
  await writeFile(at(saveAs), served.rawPayload);
  const probed = await runTool('ffprobe', [
    '-v',
    'error',
    '-show_entries',
    'stream=width',
    '-of',
    'csv=p=0',
    at(saveAs),
  ]);
  return Number(probed.trim());
}

describe('media processing', () => {
  it.each([
    ['a text file', 'notes.txt', 'not_a_video'],
    ['an audio-only file', 'audio.m4a', 'not_a_video'],
    ['an MP4 cut off mid-upload', 'cut.mp4', 'truncated'],
    ['a clip over MAX_VIDEO_SECONDS', 'long.mp4', 'too_long'],
    ['a frame wider than 4096 px', 'wide.mp4', 'resolution_too_large'],
  ])('fails %s with its reason, and the server stays ready', async (_label, file, code) => {
    const mediaId = await uploadFile(runtime, maker.accessToken, at(file));
    const view = await waitForMedia(runtime, mediaId, maker.accessToken, isSettled);
    expect(view.status).toBe('failed');
    expect(view.error?.code).toBe(code);
    expect(view.error?.message).not.toBe('');
    expect(view.playbackUrl).toBeUndefined();
    expect((await runtime.app!.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
    // Failed media is the owner's business only.
    const other = await apiClient(runtime).call('GET', `/v1/media/${mediaId}`);
    expect(other.status).toBe(404);
  });

  it('makes an upload ready, reporting progress live on the owner channel', async () => {
    const baseUrl = await runtime.app!.listen({ port: 0, host: '127.0.0.1' });
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/v1/realtime?token=${maker.accessToken}`);
    const events: { type: string; channel?: string; data?: { mediaId: string; status: string; progress: number } }[] =
      [];
    ws.on('message', (raw: Buffer) => events.push(JSON.parse(raw.toString()) as (typeof events)[number]));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    ws.send(JSON.stringify({ type: 'subscribe', channel: `user:${maker.userId}` }));
    for (let i = 0; i < 100 && !events.some((e) => e.type === 'subscribed'); i++)
      await new Promise((r) => setTimeout(r, 20));

    const mediaId = await uploadFile(runtime, maker.accessToken, at('good.mp4'));
    const view = await waitForMedia(runtime, mediaId, maker.accessToken, isSettled);
    expect(view).toMatchObject({ status: 'ready', progress: 100, version: 1, width: 360, height: 640 });
    expect(view.durationMs).toBeGreaterThanOrEqual(1900);
    expect(view.playbackUrl).toMatch(new RegExp(`^/v1/play/[^/]+/${mediaId}/master\\.m3u8$`));
    expect(view.posterUrl).toMatch(/poster\.jpg$/);
    expect(await servedWidth(view.thumbUrl!, 'video-thumb.jpg')).toBe(320);
    // The transcode time is recorded for the operations dashboard.
    const scraped = await runtime.ctx.metrics.registry.metrics();
    expect(scraped).toMatch(/transcode_seconds_count\{kind="video"\} [1-9]/);

    for (let i = 0; i < 100 && !events.some((e) => e.data?.status === 'ready'); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    ws.close();
    const progress = events
      .filter((e) => e.type === 'media.progress' && e.data?.mediaId === mediaId)
      .map((e) => e.data!);
    expect(progress[0]).toMatchObject({ status: 'processing', progress: 0 });
    expect(progress.at(-1)).toMatchObject({ status: 'ready', progress: 100 });
    const percents = progress.map((p) => p.progress);
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
    expect(percents.some((p) => p > 0 && p < 100)).toBe(true);

    // Anyone may look at ready media, with its own fresh URL, but not at the studio's state.
    const anonymous = await apiClient(runtime).call<{ playbackUrl: string }>('GET', `/v1/media/${mediaId}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.playbackUrl).toMatch(/master\.m3u8$/);
  });

  it('turns an uploaded image into a JPEG, a 640 px poster and a 320 px thumbnail', async () => {
    const mediaId = await uploadFile(runtime, maker.accessToken, at('photo.jpg'), 'image/jpeg');
    const view = await waitForMedia(runtime, mediaId, maker.accessToken, isSettled);
    expect(view).toMatchObject({ kind: 'image', status: 'ready', width: 800, height: 600 });
    expect(view.imageUrl).toMatch(/image\.jpg$/);
    expect(view.playbackUrl).toBeUndefined();
    const image = await runtime.app!.inject({ method: 'GET', url: view.imageUrl! });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    // Small previews get the thumbnail, not the poster or the full image.
    expect(await servedWidth(view.posterUrl!, 'poster.jpg')).toBe(640);
    expect(view.thumbUrl).toMatch(new RegExp(`^/v1/play/[^/]+/${mediaId}/thumb\\.jpg$`));
    expect(await servedWidth(view.thumbUrl!, 'thumb.jpg')).toBe(320);
  });
});
