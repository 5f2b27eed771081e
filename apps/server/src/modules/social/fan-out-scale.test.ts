/**
 * A maker with 50,000 followers publishes: the request answers before the fan-out is done, every
 * follower then has exactly one `new_story` notification, and a batch run twice notifies nobody
 * twice. The test prints what it measured (docs/performance.md keeps the figures).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer } from '../../../test/harness';
import { apiClient, type Session } from '../../../test/client';
import type { Runtime } from '../../composition/runtime';
import { enqueue, startWorker, taskList, type WorkerHandle } from '../../platform/jobs';
import { waitUntil } from '../notifications/test-support';
import { createDraft, email, type Api } from '../stories/test-support';
import { NOTIFY_NEW_STORY_TASK, PLAN_NEW_STORY_TASK } from './new-story-fan-out';

const FOLLOWERS = 50_000;

let runtime: Runtime;
let api: Api;
let maker: Session;
let worker: WorkerHandle | null = null;

beforeAll(async () => {
  // No product worker: a worker of the test's own runs the sign-in mail and the fan-out, and leaves
  // the 50,000 deliveries queued (their cost is the notifications module's, measured there).
  runtime = await startTestServer({ env: { ROLES: 'api' } });
  const tasks = runtime.modules.list.filter((m) => m.name === 'platform' || m.name === 'social');
  worker = await startWorker({
    pool: runtime.ctx.pool,
    tasks: taskList(tasks.flatMap((m) => m.tasks ?? [])),
    crontab: '',
    logger: runtime.ctx.logger,
    concurrency: 2,
    pollIntervalMs: 50,
  });
  api = apiClient(runtime);
  maker = await api.signInMaker(email('popular'), 'Gus Weaver');
  // The followers, in bulk: ids only, as the follows table holds them; the counter as following would leave it.
  await runtime.ctx.db.execute(sql`insert into social.follows (maker_id, follower_id, created_at)
    select ${maker.userId}::uuid, gen_random_uuid(), now() from generate_series(1, ${FOLLOWERS})`);
  await runtime.ctx.db.execute(sql`insert into social.follower_counts (maker_id, follower_count)
    values (${maker.userId}, ${FOLLOWERS})`);
  await runtime.ctx.db.execute(sql`analyze social.follows`);
}, 120_000);
afterAll(async () => {
  await worker?.stop();
  await runtime?.stop();
});

const newStoryCount = async (storyId: string): Promise<{ total: number; recipients: number }> => {
  const result = await runtime.ctx.db.execute<{ total: number; recipients: number }>(
    sql`select count(*)::int as total, count(distinct user_id)::int as recipients from notifications.notifications
        where kind = 'new_story' and dedupe_key = ${`new_story:${storyId}`}`,
  );
  return result.rows[0]!;
};

const socialJobsLeft = async (): Promise<number> => {
  const result = await runtime.ctx.db.execute<{ n: number }>(
    sql`select count(*)::int as n from graphile_worker.jobs where task_identifier like 'social:%'`,
  );
  return result.rows[0]!.n;
};

it('notifies 50,000 followers once each, in batches after publishing has answered', async () => {
  const draft = await createDraft(runtime, api, maker, { title: 'A loom in spring' });

  const started = performance.now();
  const res = await api.call('POST', `/v1/stories/${draft.id}/publish`, { token: maker.accessToken });
  const publishMs = performance.now() - started;
  expect(res.status).toBe(200);
  // Publishing enqueued the fan-out and answered: the notifications are not all written yet.
  expect((await newStoryCount(draft.id)).total).toBeLessThan(FOLLOWERS);

  const done = await waitUntil(async () => {
    const count = await newStoryCount(draft.id);
    return count.total >= FOLLOWERS ? count : null;
  }, 300_000);
  const fanOutMs = performance.now() - started;
  expect(done).toEqual({ total: FOLLOWERS, recipients: FOLLOWERS });
  console.log(
    `fan-out done ${fanOutMs.toFixed(0)} ms after publishing (publish answered in ${publishMs.toFixed(0)} ms)`,
  );

  // The first batch again, exactly as planned, then the whole plan again: nobody is told twice.
  const first = await runtime.ctx.db.execute<{ follower_id: string }>(
    sql`select follower_id from social.follows where maker_id = ${maker.userId}
        order by follower_id offset 999 limit 1`,
  );
  const batch = { storyId: draft.id, makerId: maker.userId, title: 'A loom in spring', makerName: 'Gus Weaver' };
  await runtime.ctx.db.transaction(async (tx) => {
    await enqueue(tx, NOTIFY_NEW_STORY_TASK, { ...batch, after: null, through: first.rows[0]!.follower_id });
    await enqueue(tx, PLAN_NEW_STORY_TASK, { storyId: draft.id, makerId: maker.userId, title: batch.title });
  });
  await waitUntil(async () => (await socialJobsLeft()) === 0, 120_000);
  expect(await newStoryCount(draft.id)).toEqual({ total: FOLLOWERS, recipients: FOLLOWERS });

  // What reading the count from the follows index would cost, against the counter row.
  const countStarted = performance.now();
  await runtime.ctx.db.execute(sql`select count(*) from social.follows where maker_id = ${maker.userId}`);
  const indexCountMs = performance.now() - countStarted;
  const counterStarted = performance.now();
  const profile = await api.call<{ followerCount: number }>('GET', `/v1/makers/${maker.userId}`);
  const profileMs = performance.now() - counterStarted;
  expect(profile.body.followerCount).toBe(FOLLOWERS);

  console.log(
    `new story fan-out to ${FOLLOWERS} followers: publish answered in ${publishMs.toFixed(0)} ms; ` +
      `last notification written ${fanOutMs.toFixed(0)} ms after the publish request; ` +
      `count(*) over the follows index ${indexCountMs.toFixed(1)} ms; maker profile with the counter row ${profileMs.toFixed(1)} ms`,
  );
}, 420_000);
