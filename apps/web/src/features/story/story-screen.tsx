import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { trackEvent } from '../../shared/analytics/analytics-events';
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
  const queryClient = useQueryClient();
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
        <button type="button" className="icon-btn" aria-label="Back" onClick={back}>
          <Icon name="back" />
        </button>
        <h1>{story?.title ?? 'Story'}</h1>
        {story && (
          <button
            type="button"
            className="icon-btn like-btn"
            aria-pressed={story.likedByMe}
            aria-label={story.likedByMe ? 'Unlike' : 'Like'}
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
      {storyQuery.isPending && <Loading label="Loading the story" />}
      {storyQuery.isError && !story && (
        <ErrorState
          error={storyQuery.error}
          title="This story could not load"
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
                by{' '}
                <Link to={`/makers/${story.makerId}`}>
                  <strong>{story.maker.displayName}</strong>
                </Link>
              </span>
              <MakerRating makerId={story.makerId} />
              <span className="chip">{story.category}</span>
            </p>
            <p className="subtle">
              {story.likeCount} {story.likeCount === 1 ? 'like' : 'likes'} · {story.viewCount}{' '}
              {story.viewCount === 1 ? 'view' : 'views'}
            </p>
          </div>
          {story.status !== 'published' && (
            <p className="alert alert-info" role="status">
              This story is {story.status === 'draft' ? 'a draft: only you can see it' : 'archived'}.
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
              Edit in the studio
            </Link>
          ) : (
            viewer.signedIn && (
              <>
                {story.status === 'published' && (
                  <MessageButton subject={{ storyId: story.id }} label="Ask the maker" />
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
