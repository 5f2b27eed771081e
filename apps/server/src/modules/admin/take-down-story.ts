import { DomainError } from '../../platform/errors';
import type { AdminDeps } from './deps';

/**
 * An admin archives a story: the same take-down as unpublishing (out of the feed, archived,
 * marked moderated so the maker cannot republish it), audited as `story.archive`. Repeating it
 * changes nothing.
 */
export async function archiveStory(
  deps: AdminDeps,
  input: { adminId: string; storyId: string; reason: string | null },
): Promise<{ storyId: string; status: string; moderated: boolean; changed: boolean }> {
  const event = await deps.stories.unpublishByAdmin({ ...input, action: 'archive' });
  const story = (await deps.stories.storiesByIds([input.storyId])).get(input.storyId);
  if (!story) throw new DomainError('story_not_found', 'No such story');
  return { storyId: story.id, status: story.status, moderated: story.moderated, changed: event !== null };
}
