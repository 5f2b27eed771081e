import type { SharingDeps } from './deps';
import { oneLine, type LinkPreview } from './link-preview';

/**
 * The preview of a shared story: only a published story (not a draft, archived or taken down) of
 * a maker who may be shown; null otherwise, so the link answers 404 and leaks nothing.
 */
export async function storyPreview(deps: SharingDeps, storyId: string, origin: string): Promise<LinkPreview | null> {
  const story = (await deps.stories.storiesByIds([storyId])).get(storyId);
  if (!story || story.status !== 'published' || story.moderated) return null;
  const maker = await deps.identity.shareableMaker(story.makerId);
  if (!maker) return null;
  const imageUrl = story.heroMediaId ? await deps.media.previewImageUrl(story.heroMediaId) : null;
  return {
    title: story.title,
    description: oneLine(story.description) || `A one-of-a-kind piece by ${maker.displayName}, told in a short video.`,
    url: new URL(`/stories/${story.id}`, origin).toString(),
    imageUrl: imageUrl ? new URL(imageUrl, origin).toString() : null,
    imageAlt: story.title,
    type: 'article',
  };
}

/** The preview of a shared maker page: null for no maker, or one suspended or deleted. */
export async function makerPreview(deps: SharingDeps, makerId: string, origin: string): Promise<LinkPreview | null> {
  const maker = await deps.identity.shareableMaker(makerId);
  if (!maker) return null;
  const imageUrl = maker.avatarMediaId ? await deps.media.previewImageUrl(maker.avatarMediaId) : null;
  const place = [maker.city, maker.country].filter(Boolean).join(', ');
  const fallback = `Handmade, one-of-a-kind pieces by ${maker.displayName}${place ? ` in ${place}` : ''}.`;
  return {
    title: maker.displayName,
    description: oneLine(maker.bio ?? '') || fallback,
    url: new URL(`/makers/${maker.userId}`, origin).toString(),
    imageUrl: imageUrl ? new URL(imageUrl, origin).toString() : null,
    imageAlt: maker.displayName,
    type: 'profile',
  };
}
