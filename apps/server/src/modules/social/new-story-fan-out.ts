/**
 * A followed maker's new story reaches every follower, fanned out by jobs so publishing answers
 * at once however many followers there are: the publishing transaction enqueues one planning
 * job; it cuts the followers into id ranges of `fanOutBatchSize` (by keyset over follower ids)
 * and enqueues one batch job per range; each batch writes its followers' `new_story`
 * notifications in one statement. The notification's dedupe key (recipient, story) makes a
 * re-run batch, a re-run plan or a republished story notify nobody twice. The plan and each batch
 * first ask whether the story is still public: one withdrawn, taken down or deleted after it was
 * published notifies none of the followers its jobs had not reached yet.
 */
import { z } from 'zod';
import type { Executor } from '../../platform/db/client';
import { idSchema } from '../../platform/ids';
import { declareTask, defineTask, enqueue, type TaskDefinition } from '../../platform/jobs';
import { notice } from '../notifications';
import type { StoryPublished } from '../stories';
import type { SocialDeps } from './deps';
import { socialMessages } from './messages';
import { batchEnd, followersInRange } from './repo';

const story = {
  storyId: idSchema,
  makerId: idSchema,
  title: z.string().max(500),
};

export const PLAN_NEW_STORY_TASK = declareTask('social:plan-new-story', z.object(story));
export const NOTIFY_NEW_STORY_TASK = declareTask(
  'social:notify-new-story',
  z.object({
    ...story,
    /** Null when the maker has no public name: the notice then says "a maker you follow" in each reader's language. */
    makerName: z.string().max(500).nullable(),
    /** The range of follower ids (after, through]; null `after` starts at the first, null `through` runs to the last. */
    after: idSchema.nullable(),
    through: idSchema.nullable(),
  }),
);
export type NewStoryBatch = z.output<typeof NOTIFY_NEW_STORY_TASK.payload>;

/** Called inside the publishing transaction: the fan-out exists only if the story went live. */
export async function enqueueNewStoryFanOut(tx: Executor, published: StoryPublished): Promise<void> {
  await enqueue(
    tx,
    PLAN_NEW_STORY_TASK,
    { storyId: published.storyId, makerId: published.makerId, title: published.title },
    { jobKey: `social:plan-new-story:${published.storyId}` },
  );
}

/** Cuts the maker's followers into batches and enqueues one job per batch. */
export async function planNewStory(
  deps: SocialDeps,
  input: { storyId: string; makerId: string; title: string },
): Promise<number> {
  if (!(await deps.stories.storyVisibleTo(input.storyId, null))) return 0;
  const makerName = (await deps.identity.makerProfile(input.makerId))?.displayName ?? null;
  const ranges: { after: string | null; through: string | null }[] = [];
  let after: string | null = null;
  for (;;) {
    const through: string | null = await batchEnd(deps.db, {
      makerId: input.makerId,
      after,
      size: deps.fanOutBatchSize,
    });
    ranges.push({ after, through });
    if (through === null) break;
    after = through;
  }
  await deps.db.transaction(async (tx) => {
    for (const range of ranges) {
      await enqueue(
        tx,
        NOTIFY_NEW_STORY_TASK,
        { ...input, makerName, ...range },
        // One job per range: a re-run plan replaces a batch still waiting instead of adding another.
        { jobKey: `social:notify-new-story:${input.storyId}:${range.after ?? 'first'}` },
      );
    }
  });
  return ranges.length;
}

/** Writes the `new_story` notifications of one batch of followers; returns how many were new. */
export async function notifyNewStoryBatch(deps: SocialDeps, batch: NewStoryBatch): Promise<number> {
  if (!(await deps.stories.storyVisibleTo(batch.storyId, null))) return 0;
  const followers = await followersInRange(deps.db, {
    makerId: batch.makerId,
    after: batch.after,
    through: batch.through,
  });
  if (followers.length === 0) return 0;
  return deps.db.transaction((tx) =>
    deps.notifications.notifyMany(
      tx,
      followers.map((userId) => ({
        userId,
        kind: 'new_story' as const,
        message: notice(socialMessages, 'newStory', {
          maker: batch.makerName ?? socialMessages.phrase('aMakerYouFollow'),
          title: batch.title,
        }),
        data: { storyId: batch.storyId, makerId: batch.makerId },
        link: `/stories/${batch.storyId}`,
        dedupeKey: `new_story:${batch.storyId}`,
      })),
    ),
  );
}

/** The fan-out's jobs. */
export function newStoryTasks(deps: SocialDeps): TaskDefinition[] {
  return [
    defineTask(PLAN_NEW_STORY_TASK, async (payload) => {
      const batches = await planNewStory(deps, payload);
      deps.logger.debug({ storyId: payload.storyId, batches }, 'new story fan-out planned');
    }),
    defineTask(NOTIFY_NEW_STORY_TASK, async (payload) => {
      await notifyNewStoryBatch(deps, payload);
    }),
  ];
}
