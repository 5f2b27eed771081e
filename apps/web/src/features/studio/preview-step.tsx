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

/** Step 7: how the story will look, what is still missing, and publishing. */
export function PreviewStep({ story, studio }: StepProps) {
  const navigate = useNavigate();
  const session = useSession();
  const { muted } = usePlayback();
  const { fields, saveState, saveNow } = studio;
  const media = useMediaQuery(fields.heroMediaId);
  const publish = usePublishStoryMutation();
  const checks = [
    { ok: Boolean(fields.heroMediaId), text: 'A video is uploaded' },
    { ok: media.data?.status === 'ready', text: 'The video is ready to play' },
    { ok: fields.title.trim().length > 0, text: 'The story has a title' },
    { ok: fields.minOfferMinor !== null, text: 'A minimum offer is set' },
    {
      ok: Boolean(fields.shipping && shippingPolicyProblem(fields.shipping) === null),
      text: 'Shipping is set (where it ships and what it costs)',
    },
  ];
  const ready = checks.every((c) => c.ok) && saveState === 'saved';
  const published = story.status === 'published';

  return (
    <div className="stack">
      <h2>Preview</h2>
      <article className="preview-card" aria-label="Feed preview">
        {media.data?.status === 'ready' && media.data.playbackUrl ? (
          // Plays as it will in the feed: muted, looping, filling the card.
          <VideoPlayer
            src={media.data.playbackUrl}
            poster={media.data.posterUrl}
            mode="active"
            muted={muted}
            label={`Video: ${fields.title || 'Untitled story'}`}
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
          <span className="chip">{fields.category}</span>
          <strong className="preview-title">{fields.title || 'Untitled story'}</strong>
          {fields.minOfferMinor !== null && (
            <span>Offers from {formatMoney(fields.minOfferMinor, fields.currency)}</span>
          )}
        </div>
      </article>
      <ul className="list" aria-label="Before publishing">
        {checks.map((c) => (
          <li key={c.text} className="row">
            <span className={c.ok ? 'check-ok' : 'check-missing'} aria-hidden="true">
              <Icon name={c.ok ? 'check' : 'close'} size={18} />
            </span>
            <span>
              {c.text}
              <span className="visually-hidden">{c.ok ? ': done' : ': missing'}</span>
            </span>
          </li>
        ))}
      </ul>
      {saveState !== 'saved' && (
        <button type="button" className="btn btn-secondary" onClick={saveNow}>
          Save changes now
        </button>
      )}
      {publish.isError && (
        <p role="alert" className="field-error">
          Not published: {messageOf(publish.error)}
        </p>
      )}
      {published ? (
        <p className="alert alert-success" role="status">
          This story is published. Changes you make are saved to it directly.
        </p>
      ) : (
        <button
          type="button"
          className="btn btn-primary btn-block"
          disabled={!ready || publish.isPending}
          onClick={() => publish.mutate(story.id, { onSuccess: () => void navigate(`/stories/${story.id}`) })}
        >
          {publish.isPending ? 'Publishing…' : 'Publish story'}
        </button>
      )}
      <button type="button" className="btn btn-ghost" onClick={() => void navigate(`/stories/${story.id}`)}>
        Open the story page
      </button>
      <hr className="divider" />
      <StoryStatusActions storyId={story.id} status={story.status} />
    </div>
  );
}
