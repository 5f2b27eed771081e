import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type Session } from '../../../test/client';
import { createTestDatabase, startTestServer } from '../../../test/harness';
import { ManualClock } from '../../platform/clock';
import type { Runtime } from '../../composition/runtime';
import { createMediaDeps } from './index';
import type { MediaDeps } from './deps';
import { uploadFile } from './media-test-support';
import { makeClip } from './pipeline/test-clips';
import { processVersion } from './process-version';
import { recoverStalledTask } from './recover-stalled';
import { claimVersion, findMedia } from './repo';
import { createReadyMedia } from './test-fixtures';

// No worker in this process: the test plays the workers itself, so it decides when one "dies".
let runtime: Runtime;
let deps: MediaDeps;
let dir: string;
let maker: Session;
let mediaId: string;
const clock = new ManualClock(Date.now());

const get = (url: string, headers: Record<string, string> = {}) => runtime.app!.inject({ method: 'GET', url, headers });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'media-playback-test-'));
  const clip = makeClip(dir, 'clip.mp4', { width: 360, height: 640, seconds: 2, fps: 15, audio: true });
  // Signing in needs the mail job, so it happens on a full process, which then stops.
  const databaseUrl = await createTestDatabase();
  const full = await startTestServer({ databaseUrl });
  maker = await apiClient(full).signInMaker('jeweller@example.com', 'Di Jeweller');
  await full.stop();
  runtime = await startTestServer({ databaseUrl, clock, env: { ROLES: 'api', MEDIA_X264_PRESET: 'ultrafast' } });
  deps = createMediaDeps(runtime.ctx, (userId) => runtime.modules.identity.displayName(userId));
  mediaId = await uploadFile(runtime, maker.accessToken, await clip);
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('a processing job whose worker died', () => {
  it('is taken over once its lease expires, overwriting what the dead worker left', async () => {
    expect((await findMedia(deps.db, mediaId))?.status).toBe('processing');
    // A worker claims version 1, stores a half-written playlist, and dies.
    const lease = new Date(clock.now().getTime() + runtime.ctx.config.MEDIA_LEASE_SECONDS * 1000);
    expect(await claimVersion(deps.db, mediaId, 1, clock.now(), lease)).toBeDefined();
    await deps.storage.put(`media/${mediaId}/v1/master.m3u8`, '#EXTM3U\n# half written');

    // While the lease runs, nobody else may start.
    await expect(processVersion(deps, mediaId, 1, { lastAttempt: false })).rejects.toThrow(/processed elsewhere/);

    // The lease runs out; the recovery cron queues a fresh job for the version.
    clock.advance(runtime.ctx.config.MEDIA_LEASE_SECONDS * 1000 + 1000);
    await recoverStalledTask(deps).handler({}, {} as never);
    const jobs = await deps.db.execute<{ key: string }>(
      sql`select key from graphile_worker.jobs where task_identifier = 'media:process'`,
    );
    expect(jobs.rows.map((r) => r.key)).toContain(`media.process:${mediaId}:v1`);

    // Another worker runs it to the end.
    await processVersion(deps, mediaId, 1, { lastAttempt: false });
    const media = await findMedia(deps.db, mediaId);
    expect(media).toMatchObject({ status: 'ready', readyVersion: 1, progress: 100 });
    const master = await deps.storage.get(`media/${mediaId}/v1/master.m3u8`);
    const text = (await master.body.toArray()).join('');
    expect(text).toContain('#EXT-X-STREAM-INF');

    // Running the job again (a duplicate delivery) changes nothing.
    await processVersion(deps, mediaId, 1, { lastAttempt: true });
    expect(await findMedia(deps.db, mediaId)).toMatchObject({ status: 'ready', readyVersion: 1 });
  }, 60_000);
});

describe('playback with a path-scoped token', () => {
  it('serves master → media playlist → init → segment under one token, with cache headers and ranges', async () => {
    const view = await runtime.modules.media.get(mediaId);
    const master = await get(view!.playbackUrl!);
    expect(master.statusCode).toBe(200);
    expect(master.headers['content-type']).toBe('application/vnd.apple.mpegurl');
    expect(master.headers['cache-control']).toBe('no-cache');
    const base = view!.playbackUrl!.replace(/master\.m3u8$/, '');
    const variant = master.body.split('\n').find((l) => l.endsWith('.m3u8') && !l.startsWith('#'))!;
    expect(variant).not.toMatch(/^\//); // relative: it inherits the token from the master's URL

    const media = await get(base + variant);
    expect(media.statusCode).toBe(200);
    const variantDir = variant.slice(0, variant.lastIndexOf('/') + 1);
    const init = /#EXT-X-MAP:URI="([^"]+)"/.exec(media.body)![1]!;
    const segment = media.body.split('\n').find((l) => l.endsWith('.m4s'))!;

    const initRes = await get(base + variantDir + init);
    expect(initRes.statusCode).toBe(200);
    expect(initRes.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const segRes = await get(base + variantDir + segment);
    expect(segRes.statusCode).toBe(200);
    expect(segRes.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(segRes.headers['content-type']).toBe('video/iso.segment');
    expect(segRes.rawPayload.length).toBeGreaterThan(1000);

    const ranged = await get(base + variantDir + segment, { range: 'bytes=10-19' });
    expect(ranged.statusCode).toBe(206);
    expect(ranged.headers['content-range']).toBe(`bytes 10-19/${segRes.rawPayload.length}`);
    expect(ranged.rawPayload.equals(segRes.rawPayload.subarray(10, 20))).toBe(true);
    const past = await get(base + variantDir + segment, { range: `bytes=${segRes.rawPayload.length}-` });
    expect(past.statusCode).toBe(416);

    const poster = await get(view!.posterUrl!);
    expect(poster.statusCode).toBe(200);
    expect(poster.headers['content-type']).toBe('image/jpeg');
  });

  it('refuses a missing, altered, expired or other video token with 403 and the error body', async () => {
    const view = await runtime.modules.media.get(mediaId);
    const url = view!.playbackUrl!;
    const [, , , token] = url.split('/');
    const otherId = await createReadyMedia(runtime, maker.userId);
    const other = await runtime.modules.media.get(otherId);
    const otherToken = other!.playbackUrl!.split('/')[3]!;

    const missing = await get(`/v1/play/${mediaId}/master.m3u8`);
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ error: { code: 'playback_token_invalid' } });
    const empty = await get(`/v1/play/-/${mediaId}/master.m3u8`);
    expect(empty.statusCode).toBe(403);
    const altered = token!.slice(0, -2) + (token!.endsWith('AA') ? 'BB' : 'AA');
    const alteredRes = await get(url.replace(token!, altered));
    expect(alteredRes.statusCode).toBe(403);
    expect(alteredRes.json()).toMatchObject({ error: { code: 'playback_token_invalid' } });
    expect((await get(url.replace(token!, otherToken))).statusCode).toBe(403);
    expect((await get(other!.playbackUrl!)).statusCode).toBe(200);

    clock.advance(runtime.ctx.config.PLAYBACK_TOKEN_SECONDS * 1000 + 1000);
    const expired = await get(url);
    expect(expired.statusCode).toBe(403);
    expect(expired.json()).toMatchObject({ error: { code: 'playback_token_expired' } });
    // Asking for the media again gives a fresh token that plays.
    const renewed = await runtime.modules.media.get(mediaId);
    expect((await get(renewed!.playbackUrl!)).statusCode).toBe(200);
    // Paths outside the version folder's files are not served even with a valid token.
    const fresh = renewed!.playbackUrl!.replace('master.m3u8', '');
    expect((await get(`${fresh}..%2F..%2Fsecrets.json`)).statusCode).toBe(404);
  });
});
