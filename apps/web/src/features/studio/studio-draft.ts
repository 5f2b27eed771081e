import { shippingPolicyProblem, type ShippingPolicy } from '@vw/domain';
import type { Story, StoryCategory, StoryFields } from '../../shared/api/types';
import type { Caption } from '../../shared/queries/studio/use-media-edits-mutation';

export interface ProcessStepDraft {
  title: string;
  body: string;
  /** An image or video showing the step. */
  mediaId: string | null;
}

/** The list with the item at `index` moved one place up (-1) or down (1); unchanged at either end. */
export function moveItem<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** The list without the item at `index`. */
export function removeItem<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** Everything the maker edits in the studio (what autosave sends, and what the local copy keeps). */
export interface DraftFields {
  title: string;
  description: string;
  category: StoryCategory;
  heroMediaId: string | null;
  /** Media ids of the gallery's images and videos, in the order shown. */
  gallery: string[];
  processSteps: ProcessStepDraft[];
  materials: string[];
  notes: string;
  location: { city: string; country: string } | null;
  currency: string;
  minOfferMinor: number | null;
  autoRejectBelowMin: boolean;
  reserveMinor: number | null;
  buyNowMinor: number | null;
  /** Absent in copies kept before shipping could be set: left as the server has it. */
  shipping?: ShippingPolicy | null;
}

/** Trim and captions waiting to be sent to the pipeline. */
export interface DraftEdits {
  trimStartMs: number | null;
  trimEndMs: number | null;
  captions: Caption[];
}

export interface LocalDraft {
  storyId: string;
  fields: DraftFields;
  edits: DraftEdits;
  /** Local time of the last change not yet confirmed by the server (null: all saved). */
  unsavedSince: number | null;
  /** An upload that stopped part-way, to offer resuming it. */
  upload: { fileName: string; size: number; progress: number } | null;
}

export function fieldsFromStory(story: Story): DraftFields {
  return {
    title: story.title,
    description: story.description,
    category: story.category,
    heroMediaId: story.heroMediaId,
    gallery: story.gallery.map((m) => m.mediaId),
    processSteps: story.processSteps.map((s) => ({ title: s.title, body: s.body, mediaId: s.mediaId })),
    materials: story.materials,
    notes: story.notes,
    location: story.location ? { city: story.location.city, country: story.location.country } : null,
    currency: story.offerPolicy?.currency ?? 'USD',
    minOfferMinor: story.offerPolicy?.minOfferMinor ?? null,
    autoRejectBelowMin: story.offerPolicy?.autoRejectBelowMin ?? true,
    reserveMinor: story.reserveMinor ?? null,
    buyNowMinor: story.buyNowMinor,
    shipping: story.shipping,
  };
}

/** The PATCH body for the fields as they stand (invalid partial entries are left out, not sent). */
export function toStoryFields(fields: DraftFields): StoryFields {
  const body: StoryFields = {
    description: fields.description,
    category: fields.category,
    heroMediaId: fields.heroMediaId,
    gallery: [...new Set(fields.gallery)],
    processSteps: fields.processSteps
      .filter((s) => s.title.trim())
      .map((s) => ({ title: s.title.trim(), body: s.body, mediaId: s.mediaId ?? null })),
    materials: fields.materials,
    notes: fields.notes,
    location:
      fields.location && fields.location.city.trim() && /^[A-Za-z]{2}$/.test(fields.location.country)
        ? { city: fields.location.city.trim(), country: fields.location.country.toUpperCase() }
        : null,
    offerPolicy:
      fields.minOfferMinor !== null
        ? {
            minOfferMinor: fields.minOfferMinor,
            currency: fields.currency,
            autoRejectBelowMin: fields.autoRejectBelowMin,
          }
        : null,
    reserveMinor: fields.reserveMinor,
    buyNowMinor: fields.buyNowMinor,
  };
  // Shipping goes out once it is complete; a half-edited one waits (the server keeps the last).
  if (fields.shipping && shippingPolicyProblem(fields.shipping) === null) body.shipping = fields.shipping;
  if (fields.title.trim()) body.title = fields.title.trim();
  return body;
}

const key = (storyId: string) => `vw.studio-draft.${storyId}`;

export function loadLocalDraft(storyId: string): LocalDraft | null {
  try {
    const text = localStorage.getItem(key(storyId));
    return text ? (JSON.parse(text) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function saveLocalDraft(draft: LocalDraft): void {
  try {
    localStorage.setItem(key(draft.storyId), JSON.stringify(draft));
  } catch {
    // A full storage only loses the offline copy; the server copy is still saved.
  }
}

export function removeLocalDraft(storyId: string): void {
  localStorage.removeItem(key(storyId));
}

export const EMPTY_EDITS: DraftEdits = { trimStartMs: null, trimEndMs: null, captions: [] };
