import { shippingOptionFor } from '@vw/domain';
import type { Caller } from '../../platform/http/types';
import type { MediaView } from '../media';
import type { AuctionSummary } from './auctions-link';
import type { StoriesDeps } from './deps';
import { mediaIdsOf } from './rules';
import type { StoryCard, StoryView } from './schemas';
import { likedAmong, type StoryCardRow, type StoryRow } from './story-repo';

interface MakerView {
  id: string;
  displayName: string;
  avatarUrl: string | null;
}

interface MediaRef {
  mediaId: string;
  kind: 'video' | 'image' | null;
  playbackUrl: string | null;
  posterUrl: string | null;
}

/** Everything a page of stories needs from other modules, fetched once per page rather than per story. */
interface Context {
  makers: Map<string, MakerView>;
  media: Map<string, MediaView>;
  auctions: Map<string, AuctionSummary>;
  liked: Set<string>;
}

async function loadContext(
  deps: StoriesDeps,
  stories: { id: string; makerId: string }[],
  mediaIds: string[],
  caller: Caller | null,
): Promise<Context> {
  const ids = stories.map((s) => s.id);
  const makerIds = [...new Set(stories.map((s) => s.makerId))];
  const [makers, media, auctions, liked] = await Promise.all([
    makerViews(deps, makerIds),
    mediaIds.length
      ? deps.media.views(
          mediaIds,
          caller?.sessionId ?? null,
          caller ? { userId: caller.userId, admin: caller.roles.includes('admin') } : null,
        )
      : Promise.resolve(new Map<string, MediaView>()),
    ids.length ? deps.auctions().summaries(ids) : Promise.resolve(new Map<string, AuctionSummary>()),
    caller ? likedAmong(deps.db, caller.userId, ids) : Promise.resolve(new Set<string>()),
  ]);
  return { makers, media, auctions, liked };
}

async function makerViews(deps: StoriesDeps, makerIds: string[]): Promise<Map<string, MakerView>> {
  const profiles = await deps.identity.makerProfiles(makerIds);
  return new Map(
    makerIds.map((id) => {
      const profile = profiles.get(id);
      return [id, { id, displayName: profile?.displayName ?? 'Maker', avatarUrl: profile?.avatarUrl ?? null }];
    }),
  );
}

function mediaRef(context: Context, mediaId: string, ownerView: boolean): MediaRef | null {
  const view = context.media.get(mediaId);
  const playable = view?.playbackUrl !== undefined || view?.posterUrl !== undefined;
  // Nothing half-processed is shown to viewers; the owner sees the slot (without URLs) while it processes.
  if (!playable && !ownerView) return null;
  return {
    mediaId,
    kind: view?.kind ?? null,
    playbackUrl: view?.playbackUrl ?? null,
    posterUrl: view?.posterUrl ?? null,
  };
}

function offerPolicyOf(
  row: Pick<StoryRow, 'minOfferMinor' | 'currency' | 'autoRejectBelowMin'>,
): StoryCard['offerPolicy'] {
  if (row.minOfferMinor === null || row.currency === null) return null;
  return {
    minOfferMinor: row.minOfferMinor,
    currency: row.currency,
    autoRejectBelowMin: row.autoRejectBelowMin ?? true,
  };
}

/** Feed items (and maker listing items). Never carries the reserve. */
export async function presentCards(
  deps: StoriesDeps,
  rows: StoryCardRow[],
  caller: Caller | null,
): Promise<StoryCard[]> {
  const heroIds = rows.flatMap((r) => (r.heroMediaId ? [r.heroMediaId] : []));
  const context = await loadContext(deps, rows, heroIds, caller);
  return rows.map((row) => {
    const hero = row.heroMediaId ? context.media.get(row.heroMediaId) : undefined;
    return {
      id: row.id,
      title: row.title,
      category: row.category,
      status: row.status,
      maker: context.makers.get(row.makerId)!,
      heroMediaId: row.heroMediaId,
      posterUrl: hero?.posterUrl ?? null,
      playbackUrl: hero?.playbackUrl ?? null,
      auction: context.auctions.get(row.id) ?? null,
      likeCount: row.likeCount,
      likedByMe: context.liked.has(row.id),
      viewCount: row.viewCount,
      offerPolicy: offerPolicyOf(row),
      buyNowMinor: row.buyNowMinor,
      publishedAt: row.publishedAt?.toISOString() ?? null,
    };
  });
}

/** The story page. `reserveMinor` is included only when the caller owns the story. */
export async function presentStory(
  deps: StoriesDeps,
  row: StoryRow,
  caller: Caller | null,
  country?: string,
): Promise<StoryView> {
  const owner = caller?.userId === row.makerId;
  const context = await loadContext(deps, [row], mediaIdsOf(row), caller);
  const view: StoryView = {
    id: row.id,
    makerId: row.makerId,
    maker: context.makers.get(row.makerId)!,
    title: row.title,
    description: row.description,
    category: row.category,
    status: row.status,
    heroMediaId: row.heroMediaId,
    hero: row.heroMediaId ? mediaRef(context, row.heroMediaId, owner) : null,
    gallery: row.galleryMediaIds.flatMap((id) => mediaRef(context, id, owner) ?? []),
    processSteps: row.processSteps.map((step) => ({
      title: step.title,
      body: step.body,
      mediaId: step.mediaId,
      media: step.mediaId ? mediaRef(context, step.mediaId, owner) : null,
    })),
    materials: row.materials,
    notes: row.notes,
    location:
      row.locationCity && row.locationCountry
        ? { city: row.locationCity, country: row.locationCountry, lat: row.locationLat, lng: row.locationLng }
        : null,
    offerPolicy: offerPolicyOf(row),
    buyNowMinor: row.buyNowMinor,
    shipping: row.shipping,
    ...(country === undefined ? {} : { shippingQuote: shippingQuoteOf(row, country) }),
    auction: context.auctions.get(row.id) ?? null,
    likeCount: row.likeCount,
    likedByMe: context.liked.has(row.id),
    viewCount: row.viewCount,
    moderated: row.moderatedAt !== null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
  if (owner) view.reserveMinor = row.reserveMinor;
  return view;
}

/** The price to ship the piece to `country`, in the story's currency; null when it does not ship there. */
function shippingQuoteOf(row: StoryRow, country: string): StoryView['shippingQuote'] {
  if (row.shipping === null || row.currency === null) return null;
  const option = shippingOptionFor(row.shipping, country);
  return option ? { amountMinor: option.amountMinor, currency: row.currency, dispatchDays: option.dispatchDays } : null;
}
