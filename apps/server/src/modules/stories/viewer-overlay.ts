import type { Caller } from '../../platform/http/types';
import type { MediaView } from '../media';
import type { StoriesDeps } from './deps';
import type { StoryCard } from './schemas';
import { viewerStandingAmong } from './story-repo';

/**
 * What of a page of feed cards belongs to one viewer, laid over the page every viewer shares. It is
 * read for each request and never cached, so one viewer's likes never reach another and a like
 * shows on the liker's next read.
 */
export interface ViewerOverlay {
  /** Per story on the page: whether the viewer liked it, and its like count now (theirs included). */
  standing: Map<string, { liked: boolean; likeCount: number }>;
  /**
   * Hero videos the shared page leaves out because they were taken down, which this viewer still
   * plays (their own, or any for an admin), with URLs that do.
   */
  heroes: Map<string, MediaView>;
}

/**
 * A story on the shared page whose hero has no URLs: its media was taken down (withheld) or is gone.
 * A published story's hero was ready when it was published, so this is rare.
 */
function heroLeftOut(card: StoryCard): boolean {
  return card.heroMediaId !== null && card.playbackUrl === null && card.posterUrl === null;
}

/** The heroes left out of the shared page that this viewer may still be shown: the owner's, or any for an admin. */
export function heroesToAsk(cards: StoryCard[], caller: Caller): string[] {
  const admin = caller.roles.includes('admin');
  return cards.flatMap((card) =>
    heroLeftOut(card) && (admin || card.maker.id === caller.userId) ? [card.heroMediaId!] : [],
  );
}

/** The viewer's overlay for these cards: one query, and a second only when a left-out hero may be theirs to see. */
export async function readViewerOverlay(deps: StoriesDeps, caller: Caller, cards: StoryCard[]): Promise<ViewerOverlay> {
  const heroIds = heroesToAsk(cards, caller);
  const [standing, heroes] = await Promise.all([
    viewerStandingAmong(
      deps.db,
      caller.userId,
      cards.map((c) => c.id),
    ),
    heroIds.length
      ? deps.media.views(heroIds, caller.sessionId, { userId: caller.userId, admin: caller.roles.includes('admin') })
      : Promise.resolve(new Map<string, MediaView>()),
  ]);
  return { standing, heroes };
}

/** The card as this viewer sees it; the shared card is left as it is. */
export function withOverlay(card: StoryCard, overlay: ViewerOverlay): StoryCard {
  const standing = overlay.standing.get(card.id);
  const hero = card.heroMediaId === null ? undefined : overlay.heroes.get(card.heroMediaId);
  return {
    ...card,
    ...(hero ? { posterUrl: hero.posterUrl ?? null, playbackUrl: hero.playbackUrl ?? null } : {}),
    // A story gone between the page and this read keeps the shared count, and no like.
    likeCount: standing?.likeCount ?? card.likeCount,
    likedByMe: standing?.liked ?? false,
  };
}
