import { recordAudit } from '../../platform/audit';
import type { StoriesDeps } from './deps';
import { mediaIdsOf, storyNotFound } from './rules';
import type { StoryUnpublishedByAdmin } from './story-events';
import { lockStory, updateStory, type StoryRow } from './story-repo';
import { feedChanged } from './read-feed';

/**
 * An admin takes a story out of the feed (moderation). It becomes `archived` and marked moderated,
 * so the maker cannot publish it again, and its media is withheld (only the maker and admins play it). Audited in the same transaction; listeners (the maker's
 * notification) get a `story.unpublished_by_admin` event in it too, and the caller gets it back.
 * Repeating it changes nothing and emits nothing (`event: null`).
 */
export async function unpublishByAdmin(
  deps: StoriesDeps,
  input: {
    adminId: string;
    storyId: string;
    reason?: string | null | undefined;
    action?: 'unpublish' | 'archive' | undefined;
  },
): Promise<{ story: StoryRow; event: StoryUnpublishedByAdmin | null }> {
  const result = await deps.db.transaction(async (tx) => {
    const current = await lockStory(tx, input.storyId);
    if (!current) throw storyNotFound();
    if (current.moderatedAt) return { story: current, event: null };
    const now = deps.clock.now();
    const auctionActive = await deps.auctions().blocksStoryChanges(input.storyId, tx);
    const story = await updateStory(tx, input.storyId, {
      status: 'archived',
      moderatedAt: now,
      moderationReason: input.reason ?? null,
      updatedAt: now,
    });
    // Its videos and images stop playing for everyone but the maker and admins, links already shared included.
    await deps.media.withhold(tx, mediaIdsOf(current));
    await recordAudit(tx, {
      actorId: input.adminId,
      action: `story.${input.action ?? 'unpublish'}`,
      targetType: 'story',
      targetId: input.storyId,
      reason: input.reason ?? null,
      details: { previousStatus: current.status, auctionActive },
    });
    const event: StoryUnpublishedByAdmin = {
      type: 'story.unpublished_by_admin',
      storyId: story.id,
      makerId: story.makerId,
      title: story.title,
      adminId: input.adminId,
      reason: input.reason ?? null,
      auctionActive,
      at: now.toISOString(),
    };
    await deps.events.emit(tx, event);
    return { story, event };
  });
  await feedChanged(deps);
  return result;
}
