import { Trans, useLingui } from '@lingui/react/macro';
import { shippingPolicyProblem } from '@vw/domain';
import { useNavigate } from 'react-router';
import { messageOf } from '../../shared/api/api-error';
import { formatMoney } from '../../shared/money';
import { usePlayback } from '../../shared/player/playback-context';
import { VideoPlayer } from '../../shared/player/video-player';
import { usePublishStoryMutation } from '../../shared/queries/studio/use-publish-story-mutation';
import { useMediaQuery } from '../../shared/queries/studio/use-media-query';
import { useSession } from '../../shared/session/use-session';
import { Icon } from '../../shared/ui/icons';
import { StoryStatusActions } from './story-status-actions';
import type { StepProps } from './studio-steps';
import { CATEGORY_NAMES } from '../../shared/ui/category-names';

/** Step 7: how the story will look, what is still missing, and publishing. */
export function PreviewStep({ story, studio }: StepProps) {
  const { t } = useLingui();
  const navigate = useNavigate();
  const session = useSession();
  const { muted } = usePlayback();
  const { fields, saveState, saveNow } = studio;
  const media = useMediaQuery(fields.heroMediaId);
  const publish = usePublishStoryMutation();
  const checks = [
    { ok: Boolean(fields.heroMediaId), text: t`A video is uploaded` },
    { ok: media.data?.status === 'ready', text: t`The video is ready to play` },
    { ok: fields.title.trim().length > 0, text: t`The story has a title` },
    { ok: fields.minOfferMinor !== null, text: t`A minimum offer is set` },
    {
      ok: Boolean(fields.shipping && shippingPolicyProblem(fields.shipping) === null),
      text: t`Shipping is set (where it ships and what it costs)`,
    },
  ];
  const ready = checks.every((c) => c.ok) && saveState === 'saved';
  const published = story.status === 'published';
  const publishProblem = publish.isError ? messageOf(publish.error) : '';
  const title = fields.title || t`Untitled story`;
  const minOffer = fields.minOfferMinor !== null ? formatMoney(fields.minOfferMinor, fields.currency) : null;

  return (
    <div className="stack">
      <h2>{t({ message: 'Preview', context: 'studio step' })}</h2>
      <article className="preview-card" aria-label={t`Feed preview`}>
        {media.data?.status === 'ready' && media.data.playbackUrl ? (
          // Plays as it will in the feed: muted, looping, filling the card.
          <VideoPlayer
            src={media.data.playbackUrl}
            poster={media.data.posterUrl}
            mode="active"
            muted={muted}
            label={t`Video: ${title}`}
            sessionId={session?.sessionId ?? null}
            storyId={story.id}
            onExpired={() => void media.refetch()}
          />
        ) : media.data?.posterUrl ? (
          <img src={media.data.posterUrl} alt="" />
        ) : (
          <div className="preview-blank" />
        )}
        <div className="preview-info">
          <span className="chip">{t(CATEGORY_NAMES[fields.category])}</span>
          <strong className="preview-title">{title}</strong>
          {minOffer !== null && <span>{t`Offers from ${minOffer}`}</span>}
        </div>
      </article>
      <ul className="list" aria-label={t`Before publishing`}>
        {checks.map(({ ok, text: item }) => (
          <li key={item} className="row">
            <span className={ok ? 'check-ok' : 'check-missing'} aria-hidden="true">
              <Icon name={ok ? 'check' : 'close'} size={18} />
            </span>
            <span aria-hidden="true">{item}</span>
            <span className="visually-hidden">{ok ? t`${item}: done` : t`${item}: missing`}</span>
          </li>
        ))}
      </ul>
      {saveState !== 'saved' && (
        <button type="button" className="btn btn-secondary" onClick={saveNow}>
          <Trans>Save changes now</Trans>
        </button>
      )}
      {publish.isError && (
        <p role="alert" className="field-error">
          {t`Not published: ${publishProblem}`}
        </p>
      )}
      {published ? (
        <p className="alert alert-success" role="status">
          <Trans>This story is published. Changes you make are saved to it directly.</Trans>
        </p>
      ) : (
        <button
          type="button"
          className="btn btn-primary btn-block"
          disabled={!ready || publish.isPending}
          onClick={() => publish.mutate(story.id, { onSuccess: () => void navigate(`/stories/${story.id}`) })}
        >
          {publish.isPending ? t`Publishing…` : t`Publish story`}
        </button>
      )}
      <button type="button" className="btn btn-ghost" onClick={() => void navigate(`/stories/${story.id}`)}>
        <Trans>Open the story page</Trans>
      </button>
      <hr className="divider" />
      <StoryStatusActions storyId={story.id} status={story.status} />
    </div>
  );
}
