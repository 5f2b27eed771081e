/**
 * Transcodes run in a lane of their own: an auction ends on time while four of them wait or run,
 * instead of waiting for a free slot behind them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../src/composition/runtime';
import { openAuctionWith, publishedStory, waitFor } from '../src/modules/auctions/test-support';
import { uploadFile } from '../src/modules/media/media-test-support';
import { makeClip } from '../src/modules/media/pipeline/test-clips';
import { apiClient, type Session } from './client';
import { startTestServer } from './harness';

let runtime: Runtime;
let dir: string;
let clips: string[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'job-lanes-'));
  const started = startTestServer({
    env: {
      AUCTION_DURATION_SECONDS: '2',
      SOFT_CLOSE_SECONDS: '1',
      MEDIA_JOB_CONCURRENCY: '1',
      // Slow enough that no transcode can finish before the auction's end comes due.
      MEDIA_X264_PRESET: 'medium',
    },
  });
  // One clip, uploaded four times: four media items, four transcodes.
  const clip = await makeClip(dir, 'clip.mp4', { width: 480, height: 854, seconds: 6, fps: 30 });
  clips = [clip, clip, clip, clip];
  runtime = await started;
}, 180_000);

afterAll(async () => {
  await runtime?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function mediaStatuses(ids: string[], maker: Session): Promise<string[]> {
  return Promise.all(
    ids.map(async (id) => {
      const res = await runtime.app!.inject({
        method: 'GET',
        url: `/v1/media/${id}`,
        headers: { authorization: `Bearer ${maker.accessToken}` },
      });
      return res.json<{ status: string }>().status;
    }),
  );
}

describe('job lanes', () => {
  it('ends an auction on time while four transcodes are queued or running', async () => {
    const api = apiClient(runtime);
    const maker = await api.signInMaker('lanes-maker@example.com', 'Lane Maker');
    const buyer = await api.signIn('lanes-buyer@example.com');
    const storyId = await publishedStory(runtime, api, maker);
    const uploads = await Promise.all(clips.map((clip) => uploadFile(runtime, maker.accessToken, clip)));
    // A transcode has begun before the auction opens; each takes several times the auction's 2 s.
    await waitFor(async () => (await mediaStatuses(uploads, maker)).includes('processing'), 30_000);

    const auction = await openAuctionWith(api, storyId, buyer);
    const ended = await waitFor(async () => {
      const res = await api.call<{ status: string }>('GET', `/v1/auctions/${auction.id}`);
      return res.body.status !== 'active' ? res.body.status : null;
    }, 30_000);
    const atEnd = await mediaStatuses(uploads, maker);
    expect(ended).not.toBe('active');
    // Not one transcode had finished when the auction ended: its end did not wait for a slot.
    expect(atEnd.filter((s) => s === 'ready')).toEqual([]);
    expect(atEnd.filter((s) => s === 'failed')).toEqual([]);
  }, 120_000);
});
