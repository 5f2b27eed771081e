import { DomainError } from '../../platform/errors';
import type { StoriesDeps } from './deps';
import type { StoryFieldsInput } from './schemas';
import type { NewStoryRow, StoryRow } from './story-repo';

/** The columns an edit sets; keys absent from the input are left alone. */
export function columnsOf(input: StoryFieldsInput): Partial<NewStoryRow> {
  const set: Partial<NewStoryRow> = {};
  if (input.title !== undefined) set.title = input.title;
  if (input.description !== undefined) set.description = input.description;
  if (input.category !== undefined) set.category = input.category;
  if (input.heroMediaId !== undefined) set.heroMediaId = input.heroMediaId;
  if (input.gallery !== undefined) set.galleryMediaIds = input.gallery;
  if (input.processSteps !== undefined) {
    set.processSteps = input.processSteps.map((s) => ({ title: s.title, body: s.body, mediaId: s.mediaId ?? null }));
  }
  if (input.materials !== undefined) set.materials = input.materials;
  if (input.notes !== undefined) set.notes = input.notes;
  if (input.location !== undefined) {
    const l = input.location;
    set.locationCity = l?.city ?? null;
    set.locationCountry = l?.country ?? null;
    set.locationLat = l?.lat ?? null;
    set.locationLng = l?.lng ?? null;
  }
  if (input.offerPolicy !== undefined) {
    const p = input.offerPolicy;
    set.minOfferMinor = p?.minOfferMinor ?? null;
    set.currency = p?.currency ?? null;
    set.autoRejectBelowMin = p?.autoRejectBelowMin ?? null;
  }
  if (input.reserveMinor !== undefined) set.reserveMinor = input.reserveMinor;
  if (input.buyNowMinor !== undefined) set.buyNowMinor = input.buyNowMinor;
  if (input.shipping !== undefined) set.shipping = input.shipping;
  return set;
}

/** Media ids an edit attaches (hero, gallery, step media). */
function attachedMediaIds(input: StoryFieldsInput): string[] {
  return [
    ...(input.heroMediaId ? [input.heroMediaId] : []),
    ...(input.gallery ?? []),
    ...(input.processSteps ?? []).flatMap((s) => (s.mediaId ? [s.mediaId] : [])),
  ];
}

/**
 * A maker may only attach their own media, and the hero must be a video. Checked before the
 * write transaction so no connection is held while the media module answers.
 */
export async function assertMediaUsable(deps: StoriesDeps, makerId: string, input: StoryFieldsInput): Promise<void> {
  const ids = [...new Set(attachedMediaIds(input))];
  if (ids.length === 0) return;
  const views = await deps.media.views(ids);
  for (const id of ids) {
    const view = views.get(id);
    if (!view || view.ownerId !== makerId) {
      throw new DomainError('story_media_not_found', 'A media item is missing or is not yours', { mediaId: id });
    }
  }
  if (input.heroMediaId && views.get(input.heroMediaId)!.kind !== 'video') {
    throw new DomainError('hero_must_be_video', 'The hero must be a video', { mediaId: input.heroMediaId });
  }
}

/** The story as it would be after applying `set` (for checking rules before writing). */
export function merged(row: StoryRow, set: Partial<NewStoryRow>): StoryRow {
  return { ...row, ...set };
}
