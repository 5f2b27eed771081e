import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { trackEvent } from '../../shared/analytics/analytics-events';
import type { StoryCategory } from '../../shared/api/types';
import { useLikeMutation } from '../../shared/queries/feed/use-like-mutation';
import { useRecordViewMutation } from '../../shared/queries/story/use-record-view-mutation';
import { useStoryQuery } from '../../shared/queries/story/use-story-query';
import { useViewer } from '../../shared/session/use-viewer';
import { Icon } from '../../shared/ui/icons';
import { ReportButton } from '../../shared/ui/report-button';
import { MessageButton } from '../../shared/ui/message-buttons';
import { WatchButton } from '../../shared/ui/watch-button';
import { ShareButton } from '../../shared/ui/share-button';
import { MakerRating } from '../../shared/ui/stars';
import { ErrorState, Loading } from '../../shared/ui/states';
import { useQueryClient } from '@tanstack/react-query';
import { refreshStoryAuction } from '../../shared/queries/auction/refresh-story-auction';
import { useChannel } from '../../shared/realtime/use-channel';
import { BidPanel } from './bid-panel';
import { MakerOffers } from './maker-offers';
import { OfferPanel } from './offer-panel';
import { StoryGallery } from './story-media';
import { StorySections } from './story-sections';
import { StoryVideo } from './story-video';
import { ShippingLine } from './shipping-line';
import { useShipTo } from '../../shared/shipping/use-ship-to';
import './story.css';

/** What a person reads for each craft category. */
const CATEGORY: Record<StoryCategory, MessageDescriptor> = {
  ceramics: msg`Ceramics`,
  woodwork: msg`Woodwork`,
  textiles: msg`Textiles`,
  jewelry: msg`Jewelry`,
  glass: msg`Glass`,
  leather: msg`Leather`,
  metalwork: msg`Metalwork`,
  paper: msg`Paper`,
  other: msg({ message: 'Other', context: 'category' }),
};

/** A story: the video, the maker's sections, and the offer or bid panel. */
export default function StoryScreen() {
  const { storyId } = useParams();
  const navigate = useNavigate();
  const viewer = useViewer();
  const storyQuery = useStoryQuery(storyId);
  const shipTo = useShipTo();
  const like = useLikeMutation();
  const recordView = useRecordViewMutation();
  const story = storyQuery.data;
  const makerName = story?.maker.displayName;
  const likes = story?.likeCount ?? 0;
  const views = story?.viewCount ?? 0;
  const queryClient = useQueryClient();
  const { t } = useLingui();
  // The first qualifying offer (anyone's) opens the auction: switch to bidding when it does,
  // fetching the new auction alone.
  useChannel(storyId ? `story:${storyId}` : null, (message) => {
    if (message.type === 'auction_started' && storyId) void refreshStoryAuction(queryClient, storyId);
  });

  const { mutate: countView } = recordView;
  useEffect(() => {
    if (!storyId) return;
    countView(storyId);
    trackEvent({ type: 'story_view', storyId });
  }, [storyId, countView]);

  const back = () => {
    if (window.history.length > 1) void navigate(-1);
    else void navigate('/');
  };

  return (
    <main id="main" className="page story-page">
      <div className="page-header">
        <button type="button" className="icon-btn" aria-label={t`Back`} onClick={back}>
          <Icon name="back" />
        </button>
        <h1>{story?.title ?? t`Story`}</h1>
        {story && (
          <button
            type="button"
            className="icon-btn like-btn"
            aria-pressed={story.likedByMe}
            aria-label={story.likedByMe ? t`Unlike` : t`Like`}
            data-liked={story.likedByMe || undefined}
            onClick={() =>
              viewer.signedIn
                ? like.mutate({ storyId: story.id, like: !story.likedByMe, likeCount: story.likeCount })
                : void navigate(`/sign-in?next=${encodeURIComponent(`/stories/${story.id}`)}`)
            }
          >
            <Icon name="heart" filled={story.likedByMe} />
          </button>
        )}
        {story && (
          <WatchButton
            storyId={story.id}
            title={story.title}
            className="icon-btn watch-btn"
            showLabel={false}
            iconSize={24}
          />
        )}
      </div>
      {storyQuery.isPending && <Loading label={t`Loading the story`} />}
      {storyQuery.isError && !story && (
        <ErrorState
          error={storyQuery.error}
          title={t`This story could not load`}
          onRetry={() => void storyQuery.refetch()}
        />
      )}
      {story && (
        <>
          <StoryVideo
            storyId={story.id}
            src={story.hero?.playbackUrl ?? null}
            poster={story.hero?.posterUrl ?? null}
            title={story.title}
            sessionId={viewer.session?.sessionId ?? null}
            onExpired={() => void storyQuery.refetch()}
          />
          <div className="story-meta">
            <p className="row">
              {story.maker.avatarUrl ? (
                <img className="story-avatar" src={story.maker.avatarUrl} alt="" />
              ) : (
                <span className="story-avatar" aria-hidden="true">
                  {story.maker.displayName.slice(0, 1).toUpperCase()}
                </span>
              )}
              <span>
                <Trans>
                  by{' '}
                  <Link to={`/makers/${story.makerId}`}>
                    <strong>{makerName}</strong>
                  </Link>
                </Trans>
              </span>
              <MakerRating makerId={story.makerId} />
              <span className="chip">{t(CATEGORY[story.category])}</span>
            </p>
            <p className="subtle">
              <Plural value={likes} one="# like" other="# likes" />
              {' · '}
              <Plural value={views} one="# view" other="# views" />
            </p>
          </div>
          {story.status !== 'published' && (
            <p className="alert alert-info" role="status">
              {story.status === 'draft' ? (
                <Trans>This story is a draft: only you can see it.</Trans>
              ) : (
                <Trans>This story is archived.</Trans>
              )}
            </p>
          )}
          <ShippingLine
            shipping={story.shipping}
            currency={story.offerPolicy?.currency ?? 'USD'}
            country={shipTo.country}
            onCountryChange={shipTo.setCountry}
          />
          {story.auction ? (
            <BidPanel
              auctionId={story.auction.auctionId}
              storyId={story.id}
              makerId={story.makerId}
              viewerId={viewer.userId}
              shippingCountry={shipTo.country}
            />
          ) : (
            <>
              <OfferPanel story={story} viewerId={viewer.userId} shippingCountry={shipTo.country} />
              {viewer.userId === story.makerId && <MakerOffers storyId={story.id} />}
            </>
          )}
          <StoryGallery
            story={story}
            storyId={story.id}
            sessionId={viewer.session?.sessionId ?? null}
            onExpired={() => void storyQuery.refetch()}
          />
          <StorySections
            story={story}
            storyId={story.id}
            sessionId={viewer.session?.sessionId ?? null}
            onExpired={() => void storyQuery.refetch()}
          />
          {story.status === 'published' && <ShareButton path={`/s/${story.id}`} title={story.title} noun="story" />}
          {viewer.userId === story.makerId ? (
            <Link className="btn btn-secondary" to={`/studio/${story.id}`}>
              <Trans>Edit in the studio</Trans>
            </Link>
          ) : (
            viewer.signedIn && (
              <>
                {story.status === 'published' && (
                  <MessageButton subject={{ storyId: story.id }} label={t`Ask the maker`} />
                )}
                <ReportButton targetType="story" targetId={story.id} />
              </>
            )
          )}
        </>
      )}
    </main>
  );
}
