import { Link, useParams, useSearchParams } from 'react-router';
import { useFollowMutation } from '../../shared/queries/maker/use-follow-mutation';
import {
  useMakerProfileQuery,
  useMakerPublishedStoriesQuery,
  useMakerSoldStoriesQuery,
} from '../../shared/queries/maker/use-maker-profile-query';
import { useViewer } from '../../shared/session/use-viewer';
import { formatDay } from '../../shared/time/format';
import { ReportButton } from '../../shared/ui/report-button';
import { UserBlockButton } from '../../shared/ui/message-buttons';
import { ShareButton } from '../../shared/ui/share-button';
import { EmptyState, ErrorState, FormError, Loading } from '../../shared/ui/states';
import { MakerReviews } from './maker-reviews';
import './maker.css';

const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/**
 * A maker's shop page: who they are, where they work, since when, their followers and rating, the
 * pieces on sale and the pieces sold; a signed-in viewer follows them from here.
 */
export default function MakerProfileScreen() {
  const { makerId } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'sold' ? 'sold' : 'published';
  const profile = useMakerProfileQuery(makerId);
  const published = useMakerPublishedStoriesQuery(makerId);
  const sold = useMakerSoldStoriesQuery(makerId, tab === 'sold');
  const stories = tab === 'sold' ? sold : published;
  const follow = useFollowMutation();
  const maker = profile.data;
  const place = [maker?.city, maker?.country].filter(Boolean).join(', ');
  const items = stories.data?.items ?? [];
  const viewer = useViewer();
  const ownPage = viewer.userId === maker?.userId;

  return (
    <main id="main" className="page">
      {profile.isPending && <Loading label="Loading the maker" lines={2} />}
      {profile.isError && (
        <ErrorState error={profile.error} title="This maker could not load" onRetry={() => void profile.refetch()} />
      )}
      {maker && (
        <>
          <div className="maker-header">
            {maker.avatarUrl ? (
              <img src={maker.avatarUrl} alt="" className="maker-avatar" />
            ) : (
              <span className="maker-avatar maker-avatar-initial" aria-hidden="true">
                {maker.displayName.slice(0, 1).toUpperCase()}
              </span>
            )}
            <div className="stack">
              <h1>{maker.displayName}</h1>
              {place && <span className="muted">{place}</span>}
              <span className="muted">Maker since {formatDay(maker.since)}</span>
            </div>
          </div>
          <dl className="maker-facts">
            <div>
              <dt>Followers</dt>
              <dd data-testid="follower-count">{count(maker.followerCount, 'follower', 'followers')}</dd>
            </div>
            <div>
              <dt>Rating</dt>
              <dd data-testid="rating">
                {maker.rating.average === null
                  ? 'No reviews yet'
                  : `${maker.rating.average.toFixed(1)} of 5 (${count(maker.rating.count, 'review', 'reviews')})`}
              </dd>
            </div>
          </dl>
          {viewer.signedIn && !ownPage && (
            <button
              type="button"
              className={maker.following ? 'btn btn-secondary' : 'btn btn-primary'}
              aria-pressed={maker.following === true}
              onClick={() => follow.mutate({ makerId: maker.userId, follow: !maker.following })}
            >
              {maker.following ? 'Following' : 'Follow'}
            </button>
          )}
          {!viewer.signedIn && (
            <Link className="btn btn-primary" to="/sign-in">
              Sign in to follow
            </Link>
          )}
          <FormError error={follow.error} />
          {maker.bio && <p>{maker.bio}</p>}
          <ShareButton path={`/m/${maker.userId}`} title={maker.displayName} noun="maker" />
          <section className="stack" aria-labelledby="maker-pieces">
            <h2 id="maker-pieces">Pieces</h2>
            <div className="tabs" role="tablist" aria-label="Pieces">
              {(['published', 'sold'] as const).map((t) => (
                <button
                  key={t}
                  type="button"
                  role="tab"
                  className="tab"
                  aria-selected={tab === t}
                  onClick={() => setParams(t === 'sold' ? { tab: 'sold' } : {}, { replace: true })}
                >
                  {t === 'sold' ? 'Sold' : 'On sale'}
                </button>
              ))}
            </div>
            {stories.isPending && <Loading label="Loading the maker's pieces" lines={2} />}
            {stories.isError && (
              <ErrorState
                error={stories.error}
                title="The pieces could not load"
                onRetry={() => void stories.refetch()}
              />
            )}
            {stories.isSuccess && items.length === 0 && (
              <EmptyState title={tab === 'sold' ? 'Nothing sold yet' : 'Nothing on sale right now'} />
            )}
            <ul
              className="list"
              aria-label={tab === 'sold' ? `Sold by ${maker.displayName}` : `Pieces by ${maker.displayName}`}
            >
              {items.map((story) => (
                <li key={story.id}>
                  <Link to={`/stories/${story.id}`} className="maker-piece">
                    {story.posterUrl ? (
                      <img src={story.posterUrl} alt="" />
                    ) : (
                      <span className="maker-piece-blank" aria-hidden="true" />
                    )}
                    <strong>{story.title}</strong>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
          <MakerReviews makerId={maker.userId} makerName={maker.displayName} viewer={viewer} />
          {viewer.signedIn && !ownPage && (
            <div className="row">
              <ReportButton targetType="user" targetId={maker.userId} />
              <UserBlockButton userId={maker.userId} name={maker.displayName} />
            </div>
          )}
        </>
      )}
    </main>
  );
}
