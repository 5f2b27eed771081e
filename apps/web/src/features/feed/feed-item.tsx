import type { MessageDescriptor } from '@lingui/core';
import { msg, plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { memo } from 'react';
import { Link, useNavigate } from 'react-router';
import type { StoryCard } from '../../shared/api/types';
import { VideoPlayer, type PlayerMode } from '../../shared/player/video-player';
import { useLikeMutation } from '../../shared/queries/feed/use-like-mutation';
import { WatchButton } from '../../shared/ui/watch-button';
import { Countdown } from '../../shared/ui/countdown';
import { Icon } from '../../shared/ui/icons';
import { Money } from '../../shared/ui/money';
import { CATEGORY_NAMES } from '../../shared/ui/category-names';

interface FeedItemProps {
  item: StoryCard;
  index: number;
  total: number;
  mode: PlayerMode | null;
  muted: boolean;
  signedIn: boolean;
  sessionId: string | null;
  onToggleSound: () => void;
  onAutoplayBlocked: () => void;
  onExpired: (storyId: string) => void;
  /** The video of this story shows frames. */
  onPlaying?: (storyId: string) => void;
}

/** An auction that is no longer taking bids, as its chip reads. */
const AUCTION_OVER: Record<string, MessageDescriptor | undefined> = {
  ended: msg`Auction ended`,
  awaiting_payment: msg`Auction awaiting payment`,
  paid: msg`Auction paid`,
  cancelled: msg`Auction cancelled`,
  lapsed: msg`Auction lapsed`,
  payment_expired: msg`Auction payment expired`,
};

function PriceLine({ item }: { item: StoryCard }) {
  const { auction, offerPolicy, buyNowMinor } = item;
  const { t } = useLingui();
  if (auction && auction.state === 'active') {
    const highBid =
      auction.highBidMinor !== null ? <Money minor={auction.highBidMinor} currency={auction.currency} /> : '—';
    return (
      <p className="feed-price">
        <Trans>
          <span className="feed-price-label">Current bid</span> {highBid}
        </Trans>
        <span className="feed-dot" aria-hidden="true">
          ·
        </span>
        <Trans>
          <Countdown endsAt={auction.endsAt} /> <span className="feed-price-label">left</span>
        </Trans>
        <span className={`chip ${auction.reserveMet ? 'chip-success' : ''}`}>
          {auction.reserveMet ? t`Reserve met` : t`Reserve not met`}
        </span>
      </p>
    );
  }
  if (auction) {
    const over = Object.hasOwn(AUCTION_OVER, auction.state) ? AUCTION_OVER[auction.state] : undefined;
    const state = auction.state.replace(/_/g, ' ');
    return (
      <p className="feed-price">
        <span className="chip">{over ? t(over) : t`Auction ${state}`}</span>
      </p>
    );
  }
  return (
    <p className="feed-price">
      {offerPolicy && (
        <Trans>
          <span className="feed-price-label">Offers from</span>{' '}
          <Money minor={offerPolicy.minOfferMinor} currency={offerPolicy.currency} />
        </Trans>
      )}
      {buyNowMinor !== null && offerPolicy && (
        <>
          <span className="feed-dot" aria-hidden="true">
            ·
          </span>
          <Trans>
            <span className="feed-price-label">Buy now</span>{' '}
            <Money minor={buyNowMinor} currency={offerPolicy.currency} />
          </Trans>
        </>
      )}
    </p>
  );
}

/** One full-screen feed item: the video (or its poster when far from view) and what is on sale. */
export const FeedItem = memo(function FeedItem(props: FeedItemProps) {
  const { item, index, total, mode, muted, signedIn, sessionId } = props;
  const like = useLikeMutation();
  const navigate = useNavigate();
  const titleId = `feed-title-${item.id}`;
  const { i18n, t } = useLingui();
  const title = item.title;
  const likes = item.likeCount;
  // One sentence with the count in the right plural; built as a descriptor so the count stays inside it.
  const likeLabel = i18n._(
    item.likedByMe
      ? msg`Unlike ${title}, ${plural(likes, { one: '# like', other: '# likes' })}`
      : msg`Like ${title}, ${plural(likes, { one: '# like', other: '# likes' })}`,
  );

  const toggleLike = () => {
    if (!signedIn) {
      void navigate(`/sign-in?next=${encodeURIComponent('/')}`);
      return;
    }
    like.mutate({ storyId: item.id, like: !item.likedByMe, likeCount: item.likeCount });
  };

  return (
    <article
      className="feed-item"
      aria-labelledby={titleId}
      aria-roledescription="video"
      aria-posinset={index + 1}
      aria-setsize={total}
      data-active={mode === 'active' || undefined}
    >
      <div className="feed-media">
        {mode ? (
          <VideoPlayer
            src={item.playbackUrl}
            poster={item.posterUrl}
            mode={mode}
            muted={muted}
            label={t`Video: ${title}`}
            sessionId={sessionId}
            storyId={item.id}
            trackViewing
            onAutoplayBlocked={props.onAutoplayBlocked}
            onExpired={() => props.onExpired(item.id)}
            onPlaying={() => props.onPlaying?.(item.id)}
          />
        ) : (
          item.posterUrl && <img className="feed-poster" src={item.posterUrl} alt="" loading="lazy" />
        )}
      </div>
      {mode === 'active' && (
        <button
          type="button"
          className="feed-sound-area"
          // The accessible name starts with the visible pill text, so voice control users can say what they see.
          aria-label={muted ? t`Tap for sound` : t`Mute`}
          aria-pressed={!muted}
          onClick={props.onToggleSound}
        >
          {muted && (
            <span className="feed-sound-pill">
              <Icon name="soundOff" size={18} /> <Trans>Tap for sound</Trans>
            </span>
          )}
        </button>
      )}
      <div className="feed-rail">
        <button
          type="button"
          className="feed-rail-btn"
          aria-pressed={item.likedByMe}
          aria-label={likeLabel}
          onClick={toggleLike}
          data-liked={item.likedByMe || undefined}
        >
          <Icon name="heart" filled={item.likedByMe} size={30} />
          <span aria-hidden="true">{item.likeCount}</span>
        </button>
        <WatchButton
          storyId={item.id}
          title={item.title}
          className="feed-rail-btn"
          iconSize={28}
          showLabel={false}
          enabled={mode === 'active'}
        />
        <button
          type="button"
          className="feed-rail-btn"
          aria-label={muted ? t`Sound on` : t`Sound off`}
          aria-pressed={!muted}
          onClick={props.onToggleSound}
        >
          <Icon name={muted ? 'soundOff' : 'soundOn'} size={28} />
        </button>
      </div>
      <div className="feed-info">
        <p className="feed-maker">
          {item.maker.avatarUrl ? (
            <img src={item.maker.avatarUrl} alt="" className="feed-avatar" />
          ) : (
            <span className="feed-avatar feed-avatar-initial" aria-hidden="true">
              {item.maker.displayName.slice(0, 1).toUpperCase()}
            </span>
          )}
          <Link to={`/makers/${item.maker.id}`} className="feed-maker-link">
            {item.maker.displayName}
          </Link>
          <span className="chip">{t(CATEGORY_NAMES[item.category])}</span>
        </p>
        <h2 id={titleId} className="feed-title">
          {item.title}
        </h2>
        <PriceLine item={item} />
        <Link to={`/stories/${item.id}`} className="btn btn-primary feed-cta" aria-label={t`View story: ${title}`}>
          <Trans>View story</Trans>
        </Link>
      </div>
    </article>
  );
});
