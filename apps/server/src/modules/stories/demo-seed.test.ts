import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, startTestServer } from '../../../test/harness';
import { apiClient } from '../../../test/client';
import type { Runtime } from '../../composition/runtime';
import { createReadyMedia } from '../media/test-fixtures';
import { DEMO_MAKERS, DEMO_STORIES } from './demo-content';
import { demoSeedEnabled, publishDemoStories, seedDemoData } from './demo-seed';
import type { MediaService } from '../media';
import type { StoriesDeps } from './deps';
import type { StoryCard } from './schemas';
import { createUploadingMedia, email, storiesDepsOf } from './test-support';

const run = promisify(execFile);

let runtime: Runtime;
let deps: StoriesDeps;
const imported: { ownerId: string; filename: string; width: number; height: number; seconds: number }[] = [];

/** Stands in for the media module's import: checks the generated file, answers with ready media. */
const importFile: MediaService['importFile'] = async (input) => {
  const { stdout } = await run('ffprobe', [
    ...['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height:format=duration', '-of', 'json'],
    input.file,
  ]);
  const probe = JSON.parse(stdout) as { streams: { width: number; height: number }[]; format: { duration: string } };
  imported.push({
    ownerId: input.ownerId,
    filename: input.filename,
    width: probe.streams[0]!.width,
    height: probe.streams[0]!.height,
    seconds: Number(probe.format.duration),
  });
  return createReadyMedia(runtime, input.ownerId);
};

beforeAll(async () => {
  runtime = await startTestServer();
  deps = storiesDepsOf(runtime);
}, 60_000);
afterAll(() => runtime?.stop());

describe('demo data', () => {
  it('is on by default in development only, and SEED_DEMO_DATA decides otherwise', () => {
    expect(demoSeedEnabled({ NODE_ENV: 'development', SEED_DEMO_DATA: undefined })).toBe(true);
    expect(demoSeedEnabled({ NODE_ENV: 'test', SEED_DEMO_DATA: undefined })).toBe(false);
    expect(demoSeedEnabled({ NODE_ENV: 'production', SEED_DEMO_DATA: undefined })).toBe(false);
    expect(demoSeedEnabled({ NODE_ENV: 'development', SEED_DEMO_DATA: false })).toBe(false);
    expect(demoSeedEnabled({ NODE_ENV: 'test', SEED_DEMO_DATA: true })).toBe(true);
  });

  it('is skipped without ffmpeg', async () => {
    const withImport = { ...deps, media: { ...deps.media, importFile } };
    expect(await seedDemoData(withImport, { ffmpeg: '/nonexistent/ffmpeg' })).toEqual({
      status: 'skipped',
      reason: 'ffmpeg is not available',
    });
    expect(imported).toEqual([]);
  });

  it('creates makers and stories with generated portrait videos; they are published once ready', async () => {
    const outcome = await seedDemoData({ ...deps, media: { ...deps.media, importFile } }, { stories: 3, seconds: 6 });
    expect(outcome.status).toBe('seeded');
    expect(imported).toHaveLength(3);
    for (const clip of imported) {
      expect([clip.width, clip.height]).toEqual([720, 1280]);
      expect(clip.seconds).toBeGreaterThanOrEqual(5.9);
      expect(clip.seconds).toBeLessThanOrEqual(8.1);
    }
    // The publish job runs on the worker.
    const api = apiClient(runtime);
    await expect
      .poll(async () => (await api.call<{ items: StoryCard[] }>('GET', '/v1/feed')).body.items.length, {
        timeout: 20_000,
      })
      .toBe(3);
    const feed = await api.call<{ items: StoryCard[] }>('GET', '/v1/feed');
    expect(feed.body.items.map((s) => s.title).sort()).toEqual(
      DEMO_STORIES.slice(0, 3)
        .map((d) => d.story.title)
        .sort(),
    );
    expect(feed.body.items.every((s) => s.playbackUrl && s.posterUrl)).toBe(true);
    const makerNames = new Set(feed.body.items.map((s) => s.maker.displayName));
    expect([...makerNames].every((n) => DEMO_MAKERS.some((m) => m.displayName === n))).toBe(true);
    // The demo makers are real accounts with maker profiles.
    const mara = await api.signIn(DEMO_MAKERS[0]!.email);
    const me = await api.call<{ roles: string[]; maker: { displayName: string } }>('GET', '/v1/me', {
      token: mara.accessToken,
    });
    expect(me.body.roles).toContain('maker');
    expect(me.body.maker.displayName).toBe(DEMO_MAKERS[0]!.displayName);
  }, 90_000);

  it('does nothing on a database that has stories', async () => {
    const before = imported.length;
    expect(await seedDemoData({ ...deps, media: { ...deps.media, importFile } })).toEqual({
      status: 'skipped',
      reason: 'the database already has stories',
    });
    expect(imported).toHaveLength(before);
  });

  it('keeps waiting for videos still processing and publishes nothing half-processed', async () => {
    const api = apiClient(runtime);
    const maker = await api.signInMaker(email('waiting'), 'Slow Maker');
    const uploading = await createUploadingMedia(api, maker);
    const draft = await api.call<{ id: string }>('POST', '/v1/stories', {
      token: maker.accessToken,
      body: { title: 'Waiting', heroMediaId: uploading, offerPolicy: { minOfferMinor: 100 } },
    });
    expect(await publishDemoStories(deps, { storyIds: [draft.body.id], round: 0 })).toEqual([]);
    const queued = await runtime.ctx.db.execute<{ payload: { storyIds: string[]; round: number } }>(
      sql`select p.payload from graphile_worker.jobs j join graphile_worker._private_jobs p on p.id = j.id
          where j.task_identifier = 'stories:publish-demo'`,
    );
    expect(queued.rows.map((r) => r.payload)).toEqual([{ storyIds: [draft.body.id], round: 1 }]);
    await runtime.ctx.db.execute(sql`select graphile_worker.remove_job('stories.publish-demo')`);
  });
});

describe('demo data at start-up', () => {
  let seeded: Runtime;
  const lines: string[] = [];
  beforeAll(async () => {
    // A database that already has a story, so the queued seed looks and backs off at once.
    const databaseUrl = await createTestDatabase();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(
      `insert into stories.stories (maker_id, title, created_at, updated_at) values ($1, 'Existing', now(), now())`,
      [randomUUID()],
    );
    await client.end();
    seeded = await startTestServer({ databaseUrl, env: { SEED_DEMO_DATA: 'true' }, logLines: lines });
  }, 60_000);
  afterAll(() => seeded?.stop());

  it('is queued by the worker at start and run as a job, without holding up start-up', async () => {
    await expect
      .poll(() => lines.find((l) => l.includes('demo data skipped')), { timeout: 60_000, interval: 200 })
      .toContain('the database already has stories');
  }, 90_000);
});
