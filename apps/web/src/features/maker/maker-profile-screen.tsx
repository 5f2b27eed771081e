import { msg, plural } from '@lingui/core/macro';
import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatTag } from '../../shared/i18n/i18n';
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

/** An average rating with one decimal, in the viewer's locale ("4.5", "4,5"). */
function formatRating(average: number): string {
  return new Intl.NumberFormat(formatTag(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(average);
}

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
  const { i18n, t } = useLingui();
  const name = maker?.displayName ?? '';
  const rating = maker?.rating.average != null ? formatRating(maker.rating.average) : null;
  const reviewCount = maker?.rating.count ?? 0;
  const since = maker ? formatDay(maker.since) : '';
  const followers = maker?.followerCount ?? 0;

  return (
    <main id="main" className="page">
      {profile.isPending && <Loading label={t`Loading the maker`} lines={2} />}
      {profile.isError && (
        <ErrorState error={profile.error} title={t`This maker could not load`} onRetry={() => void profile.refetch()} />
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
              <span className="muted">
                <Trans>Maker since {since}</Trans>
              </span>
            </div>
          </div>
          <dl className="maker-facts">
            <div>
              <dt>
                <Trans>Followers</Trans>
              </dt>
              <dd data-testid="follower-count">
                <Plural value={followers} one="# follower" other="# followers" />
              </dd>
            </div>
            <div>
              <dt>
                <Trans>Rating</Trans>
              </dt>
              <dd data-testid="rating">
                {rating === null
                  ? t`No reviews yet`
                  : i18n._(msg`${rating} of 5 (${plural(reviewCount, { one: '# review', other: '# reviews' })})`)}
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
              {maker.following ? t({ message: 'Following', context: 'follow button' }) : t`Follow`}
            </button>
          )}
          {!viewer.signedIn && (
            <Link className="btn btn-primary" to="/sign-in">
              <Trans>Sign in to follow</Trans>
            </Link>
          )}
          <FormError error={follow.error} />
          {maker.bio && <p>{maker.bio}</p>}
          <ShareButton path={`/m/${maker.userId}`} title={maker.displayName} noun="maker" />
          <section className="stack" aria-labelledby="maker-pieces">
            <h2 id="maker-pieces">
              <Trans>Pieces</Trans>
            </h2>
            <div className="tabs" role="tablist" aria-label={t`Pieces`}>
              {(['published', 'sold'] as const).map((which) => (
                <button
                  key={which}
                  type="button"
                  role="tab"
                  className="tab"
                  aria-selected={tab === which}
                  onClick={() => setParams(which === 'sold' ? { tab: 'sold' } : {}, { replace: true })}
                >
                  {which === 'sold' ? t({ message: 'Sold', context: 'pieces' }) : t`On sale`}
                </button>
              ))}
            </div>
            {stories.isPending && <Loading label={t`Loading the maker's pieces`} lines={2} />}
            {stories.isError && (
              <ErrorState
                error={stories.error}
                title={t`The pieces could not load`}
                onRetry={() => void stories.refetch()}
              />
            )}
            {stories.isSuccess && items.length === 0 && (
              <EmptyState
                title={
                  tab === 'sold'
                    ? t({ message: 'Nothing sold yet', context: 'maker profile' })
                    : t`Nothing on sale right now`
                }
              />
            )}
            <ul className="list" aria-label={tab === 'sold' ? t`Sold by ${name}` : t`Pieces by ${name}`}>
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
