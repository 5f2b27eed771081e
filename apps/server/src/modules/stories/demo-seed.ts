import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { idSchema } from '../../platform/ids';
import type { Config } from '../../config';
import { declareTask, defineTask, enqueue, type TaskDefinition } from '../../platform/jobs';
import { DEMO_MAKERS, DEMO_STORIES } from './demo-content';
import { ffmpegAvailable, renderDemoVideo } from './demo-videos';
import type { StoriesDeps } from './deps';
import { publishStory } from './publish-story';
import { columnsOf } from './story-fields';
import { anyStoryExists, findStory, insertStory } from './story-repo';

const publishPayload = z.object({ storyIds: z.array(idSchema), round: z.number().int().min(0) });

export const SEED_TASK = declareTask('stories:seed-demo', z.object({}), { formerNames: ['stories.seed-demo'] });
export const PUBLISH_DEMO_TASK = declareTask('stories:publish-demo', publishPayload, {
  formerNames: ['stories.publish-demo'],
});
/** One pending job each (the keys predate the task names and stay, so a queued job keeps its key). */
const SEED_JOB_KEY = 'stories.seed-demo';
const PUBLISH_DEMO_JOB_KEY = 'stories.publish-demo';
/** How long the demo stories wait for their videos before staying drafts (rounds of 2 s). */
const PUBLISH_ROUNDS = 300;

export type SeedOutcome = { status: 'seeded'; storyIds: string[] } | { status: 'skipped'; reason: string };

/** Demo data is on by default in development only; `SEED_DEMO_DATA=false` turns it off, `true` forces it. */
export function demoSeedEnabled(config: Pick<Config, 'SEED_DEMO_DATA' | 'NODE_ENV'>): boolean {
  return config.SEED_DEMO_DATA ?? config.NODE_ENV === 'development';
}

/**
 * On an empty database: three makers and their stories, each with a generated video that goes
 * through the real media pipeline. The stories are drafts until their videos are ready; the
 * `stories:publish-demo` job publishes them then. Skipped (with a log line) when there are stories
 * already or no ffmpeg (media processing needs it too).
 */
export async function seedDemoData(
  deps: StoriesDeps,
  options: { stories?: number; seconds?: number; ffmpeg?: string } = {},
): Promise<SeedOutcome> {
  const skip = (reason: string): SeedOutcome => {
    deps.logger.info({ reason }, 'demo data skipped');
    return { status: 'skipped', reason };
  };
  if (await anyStoryExists(deps.db)) return skip('the database already has stories');
  if (!(await ffmpegAvailable(options.ffmpeg))) return skip('ffmpeg is not available');

  deps.logger.info('creating demo data');
  const makerIds = new Map<string, string>();
  for (const maker of DEMO_MAKERS) {
    makerIds.set(maker.key, await deps.identity.provisionMaker(maker));
  }
  const chosen = DEMO_STORIES.slice(0, options.stories ?? DEMO_STORIES.length);
  const dir = await mkdtemp(path.join(tmpdir(), 'vw-demo-'));
  try {
    const heroes: string[] = [];
    for (const [i, demo] of chosen.entries()) {
      const maker = DEMO_MAKERS.find((m) => m.key === demo.makerKey)!;
      const file = await renderDemoVideo(dir, `story-${i}`, {
        pattern: demo.pattern,
        title: demo.story.title,
        maker: maker.displayName,
        seconds: options.seconds ?? 6 + (i % 3),
        ...(options.ffmpeg ? { ffmpeg: options.ffmpeg } : {}),
      });
      heroes.push(
        await deps.media.importFile({
          ownerId: makerIds.get(maker.key)!,
          file,
          filename: `${maker.key}-${i}.mp4`,
          contentType: 'video/mp4',
        }),
      );
    }
    const storyIds = await deps.db.transaction(async (tx) => {
      // Two workers may race here; the lock and the second look make one of them back off.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${SEED_TASK}))`);
      if (await anyStoryExists(tx)) {
        await deps.media.scheduleDeletion(tx, heroes);
        return null;
      }
      const ids: string[] = [];
      for (const [i, demo] of chosen.entries()) {
        const now = deps.clock.now();
        const row = await insertStory(tx, {
          ...columnsOf({ ...demo.story, heroMediaId: heroes[i]!, gallery: [heroes[i]!] }),
          title: demo.story.title,
          makerId: makerIds.get(demo.makerKey)!,
          status: 'draft',
          createdAt: now,
          updatedAt: now,
        });
        ids.push(row.id);
      }
      await enqueue(tx, PUBLISH_DEMO_TASK, { storyIds: ids, round: 0 }, { jobKey: PUBLISH_DEMO_JOB_KEY });
      return ids;
    });
    if (!storyIds) return skip('another worker seeded the database');
    deps.logger.info({ stories: storyIds.length }, 'demo data created; stories publish as their videos become ready');
    return { status: 'seeded', storyIds };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Publishes the demo drafts whose videos are ready; comes back in 2 s for the rest. */
export async function publishDemoStories(
  deps: StoriesDeps,
  payload: z.infer<typeof publishPayload>,
): Promise<string[]> {
  const waiting: string[] = [];
  const published: string[] = [];
  for (const id of payload.storyIds) {
    const story = await findStory(deps.db, id);
    if (!story || story.status !== 'draft' || !story.heroMediaId) continue;
    const hero = await deps.media.get(story.heroMediaId);
    if (hero?.status === 'failed') {
      deps.logger.warn({ storyId: id, error: hero.error }, 'demo video failed; the story stays a draft');
      continue;
    }
    if (!(await deps.media.isReadyAndOwnedBy(story.heroMediaId, story.makerId))) {
      waiting.push(id);
      continue;
    }
    await publishStory(deps, { userId: story.makerId, sessionId: 'demo-seed', roles: ['viewer', 'maker'] }, id);
    published.push(id);
  }
  if (waiting.length > 0 && payload.round < PUBLISH_ROUNDS) {
    await enqueue(
      deps.db,
      PUBLISH_DEMO_TASK,
      { storyIds: waiting, round: payload.round + 1 },
      { jobKey: PUBLISH_DEMO_JOB_KEY, runAt: new Date(deps.clock.now().getTime() + 2_000) },
    );
  }
  return published;
}

/** The seed's jobs: the one-off seed and the publisher that waits for the videos. */
export function demoSeedTasks(deps: StoriesDeps): TaskDefinition[] {
  return [
    defineTask(SEED_TASK, async () => {
      await seedDemoData(deps);
    }),
    defineTask(PUBLISH_DEMO_TASK, async (payload) => {
      await publishDemoStories(deps, payload);
    }),
  ];
}

/**
 * In a worker process with demo data on: queues the seed once (a job key, so several workers
 * starting together queue one job) without delaying start-up or readiness.
 */
export function scheduleDemoSeed(deps: StoriesDeps): void {
  if (!deps.config.ROLES.worker || !demoSeedEnabled(deps.config)) return;
  setTimeout(() => {
    enqueue(deps.db, SEED_TASK, {}, { jobKey: SEED_JOB_KEY, jobKeyMode: 'preserve_run_at', maxAttempts: 3 }).catch(
      (err: unknown) => deps.logger.warn({ err }, 'could not queue the demo data'),
    );
  }, 0).unref();
}
