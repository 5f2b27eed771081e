import { Trans, useLingui } from '@lingui/react/macro';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { STORY_CATEGORIES } from '@vw/domain';
import { trackEvent } from '../../shared/analytics/analytics-events';
import { loadHls } from '../../shared/player/load-hls';
import { usePlayback } from '../../shared/player/playback-context';
import { useFeedQuery } from '../../shared/queries/feed/use-feed-query';
import { useAuctionLive } from '../../shared/realtime/use-auction-live';
import { useViewer } from '../../shared/session/use-viewer';
import { Icon } from '../../shared/ui/icons';
import { EmptyState, ErrorState } from '../../shared/ui/states';
import { CATEGORY_NAMES } from '../../shared/ui/category-names';
import { FeedItem } from './feed-item';
import { loadFeedSnapshot, resumeIndex, saveFeedSnapshot } from './feed-resume';
import { playerModeFor } from './player-window';
import { useActiveIndex } from './use-active-index';
import { useRenewPlayback } from './use-renew-playback';
import './feed.css';

/** The product's name, the same in every language. */
const BRAND_NAME = 'Video Window';

function usePageVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState !== 'hidden');
  useEffect(() => {
    const onChange = () => setVisible(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);
  return visible;
}

/** The feed: one story per screen, swiped vertically; resumes where the viewer left off. */
export default function FeedScreen() {
  const [params, setParams] = useSearchParams();
  const category = params.get('category');
  const viewer = useViewer();
  // For you (everyone's stories) or Following (the makers the viewer follows; signed in only).
  const following = params.get('feed') === 'following';
  // Each tab resumes on its own: the snapshot is kept under the tab and the category.
  const resumeKey = following ? `following:${category ?? ''}` : category;
  const snapshot = useMemo(() => loadFeedSnapshot(resumeKey), [resumeKey]);
  const feed = useFeedQuery(category, snapshot?.data, { following, enabled: !following || viewer.signedIn });
  const playback = usePlayback();
  const visible = usePageVisible();
  const renewPlayback = useRenewPlayback();
  const items = useMemo(() => feed.data?.pages.flatMap((page) => page.items) ?? [], [feed.data]);
  const container = useRef<HTMLDivElement>(null);
  const initialIndex = snapshot ? resumeIndex(snapshot.data, snapshot.storyId, snapshot.index) : 0;
  const { activeIndex, scrollToIndex } = useActiveIndex(container, initialIndex);
  const restored = useRef(false);
  const shownStory = useRef<string | null>(snapshot?.storyId ?? null);
  const active = items[activeIndex];
  // The story whose video last showed frames: the next item starts buffering once it is the active one.
  const [playingId, setPlayingId] = useState<string | null>(null);
  const { t } = useLingui();

  // The player's library is fetched while the feed is, not after it: the first frame comes sooner.
  // (Browsers without MediaSource play HLS themselves and never need it.)
  useEffect(() => {
    if ('MediaSource' in window) void loadHls();
  }, []);

  // Land on the remembered item once the (restored) pages are on screen.
  useLayoutEffect(() => {
    if (restored.current || items.length === 0) return;
    restored.current = true;
    if (initialIndex > 0) scrollToIndex(Math.min(initialIndex, items.length - 1));
  }, [items.length, initialIndex, scrollToIndex]);

  // Fresh pages may shift items: keep the story the viewer is watching on screen. Only when the
  // items changed: after a swipe the shown story is about to change, and following it back would
  // bounce the viewer between the two items.
  const anchoredItems = useRef(items);
  useEffect(() => {
    if (anchoredItems.current === items) return;
    anchoredItems.current = items;
    const watching = shownStory.current;
    if (!watching || items[activeIndex]?.id === watching) return;
    const moved = items.findIndex((item) => item.id === watching);
    if (moved >= 0) scrollToIndex(moved);
  }, [items, activeIndex, scrollToIndex]);

  useEffect(() => {
    if (active) shownStory.current = active.id;
  }, [active]);

  // One impression each time a story comes on screen (and again when the viewer comes back to the page).
  // The position is read when the story arrives on screen: items shifting later do not re-count it.
  const activeId = active?.id;
  const activePosition = useRef(activeIndex);
  activePosition.current = activeIndex;
  useEffect(() => {
    if (activeId && visible) {
      trackEvent({ type: 'feed_impression', storyId: activeId, feedPosition: activePosition.current });
    }
  }, [activeId, visible]);

  // Remember pages and position (debounced) for the next visit.
  useEffect(() => {
    if (!feed.data) return;
    const timer = setTimeout(() => {
      saveFeedSnapshot({ category: resumeKey, data: feed.data, storyId: active?.id ?? null, index: activeIndex });
    }, 400);
    return () => clearTimeout(timer);
  }, [feed.data, resumeKey, active, activeIndex]);

  // Fetch the next page while three items are still ahead.
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = feed;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && activeIndex >= items.length - 3) void fetchNextPage();
  }, [activeIndex, items.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  useAuctionLive(active?.auction?.state === 'active' ? active.auction.auctionId : null, active?.id);

  const { muted, setMuted } = playback;
  const toggleSound = useCallback(() => setMuted(!muted), [muted, setMuted]);
  const mute = useCallback(() => setMuted(true), [setMuted]);

  const chooseCategory = (value: string) => {
    restored.current = false;
    shownStory.current = null;
    setParams(
      { ...(value ? { category: value } : {}), ...(following ? { feed: 'following' } : {}) },
      { replace: true },
    );
    scrollToIndex(0);
  };

  const chooseTab = (toFollowing: boolean) => {
    if (toFollowing === following) return;
    restored.current = false;
    shownStory.current = null;
    setParams({ ...(category ? { category } : {}), ...(toFollowing ? { feed: 'following' } : {}) }, { replace: true });
    scrollToIndex(0);
  };

  return (
    <main id="main" className="feed-screen" aria-label={t`Feed`}>
      <header className="feed-top">
        <span className="feed-brand">{BRAND_NAME}</span>
        <label className="visually-hidden" htmlFor="feed-category">
          <Trans>Category</Trans>
        </label>
        <select
          id="feed-category"
          className="feed-category"
          value={category ?? ''}
          onChange={(e) => chooseCategory(e.target.value)}
        >
          <option value="">{t`All crafts`}</option>
          {STORY_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(CATEGORY_NAMES[c])}
            </option>
          ))}
        </select>
        <Link to="/search" className="feed-search" aria-label={t`Search`}>
          <Icon name="search" />
        </Link>
      </header>
      <div className="feed-tabs" role="tablist" aria-label={t`Feed`}>
        {([false, true] as const).map((tab) => (
          <button
            key={String(tab)}
            type="button"
            role="tab"
            className="feed-tab"
            aria-selected={following === tab}
            onClick={() => chooseTab(tab)}
          >
            {tab ? t({ message: 'Following', context: 'feed tab' }) : t`For you`}
          </button>
        ))}
      </div>
      <div ref={container} className="feed-scroller" tabIndex={0} aria-label={t`Stories, swipe up for the next`}>
        {feed.isPending && (
          <div className="feed-item feed-loading" role="status">
            <span className="spinner" aria-hidden="true" />
            <span className="visually-hidden">
              <Trans>Loading the feed…</Trans>
            </span>
          </div>
        )}
        {feed.isError && items.length === 0 && (
          <div className="feed-item feed-message">
            <ErrorState error={feed.error} title={t`The feed could not load`} onRetry={() => void feed.refetch()} />
          </div>
        )}
        {following && !viewer.signedIn && (
          <div className="feed-item feed-message">
            <EmptyState title={t`Follow the makers you love`}>
              <p>
                <Trans>Sign in and follow makers to see their new stories here.</Trans>
              </p>
              <Link className="btn btn-primary" to="/sign-in">
                <Trans>Sign in</Trans>
              </Link>
            </EmptyState>
          </div>
        )}
        {following && feed.isSuccess && items.length === 0 && (
          <div className="feed-item feed-message">
            <EmptyState title={t`Nothing from the makers you follow yet`}>
              <p>
                <Trans>Follow makers from their pages: their new stories appear here.</Trans>
              </p>
              <Link className="btn btn-primary" to="/search">
                <Trans>Discover makers</Trans>
              </Link>
            </EmptyState>
          </div>
        )}
        {!following && feed.isSuccess && items.length === 0 && (
          <div className="feed-item feed-message">
            <EmptyState title={t({ message: 'No stories yet', context: 'feed' })}>
              <p>
                <Trans>When makers publish their pieces, they appear here.</Trans>
              </p>
              {viewer.isMaker && (
                <Link className="btn btn-primary" to="/studio">
                  <Trans>Tell your first story</Trans>
                </Link>
              )}
            </EmptyState>
          </div>
        )}
        {items.map((item, index) => (
          <FeedItem
            key={item.id}
            item={item}
            index={index}
            total={items.length}
            mode={
              visible
                ? playerModeFor(index, activeIndex, playingId === active?.id)
                : playerModeFor(index, activeIndex) && 'idle'
            }
            muted={muted}
            signedIn={viewer.signedIn}
            sessionId={viewer.session?.sessionId ?? null}
            onToggleSound={toggleSound}
            onAutoplayBlocked={mute}
            onExpired={renewPlayback}
            onPlaying={setPlayingId}
          />
        ))}
        {isFetchingNextPage && (
          <div className="feed-more" role="status">
            <Trans>Loading more stories…</Trans>
          </div>
        )}
      </div>
    </main>
  );
}
