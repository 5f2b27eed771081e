import type { Executor } from '../../platform/db/client';
import type { StoriesDeps } from './deps';
import { eraseLikesOfUser, eraseViewsOfViewer, likesOfUser, viewsOfViewer } from './engagement-repo';
import { presentReport } from './file-report';
import { anonymiseReporter, reportsByReporter } from './report-repo';
import { archiveStoriesOfDeletedMaker, storiesOfMaker } from './story-repo';

/** The user's stories (as their maker, reserve included), likes, counted views and reports. */
export async function exportStoriesData(deps: StoriesDeps, userId: string): Promise<Record<string, unknown>> {
  const [own, liked, viewed, filed] = await Promise.all([
    storiesOfMaker(deps.db, userId),
    likesOfUser(deps.db, userId),
    viewsOfViewer(deps.db, `u:${userId}`),
    reportsByReporter(deps.db, userId),
  ]);
  return {
    stories: own,
    likes: liked.map((l) => ({ storyId: l.storyId, likedAt: l.createdAt.toISOString() })),
    views: viewed,
    reports: filed.map(presentReport),
  };
}

/**
 * A deleted account: its likes go (counters follow), its views are forgotten, its reports stay for
 * moderation without the reporter, and its stories leave the feed with their location cleared.
 */
export async function eraseStoriesData(deps: StoriesDeps, tx: Executor, userId: string): Promise<void> {
  await eraseLikesOfUser(tx, userId);
  await eraseViewsOfViewer(tx, `u:${userId}`);
  await anonymiseReporter(tx, userId);
  await archiveStoriesOfDeletedMaker(tx, userId, deps.clock.now());
}
