import { useLingui } from '@lingui/react/macro';
import { useNavigate } from 'react-router';
import { useWatchMutation } from '../queries/watchlist/use-watch-mutation';
import { useWatchingQuery } from '../queries/watchlist/use-watching-query';
import { useViewer } from '../session/use-viewer';
import { Icon } from './icons';

/**
 * Watch a story: its auction's opening, its last hour and last 10 minutes, and its end reach the
 * viewer. The toggle changes at once and rolls back if the server refuses; signed out, it leads
 * to sign-in and back.
 */
export function WatchButton({
  storyId,
  title,
  className = 'btn btn-ghost btn-small',
  iconSize = 18,
  showLabel = true,
  enabled = true,
}: {
  storyId: string;
  title: string;
  className?: string;
  iconSize?: number;
  showLabel?: boolean;
  /** False while the toggle is far from view (feed items not on screen ask the server nothing). */
  enabled?: boolean;
}) {
  const viewer = useViewer();
  const navigate = useNavigate();
  const watching = useWatchingQuery(storyId, viewer.signedIn && enabled);
  const mutation = useWatchMutation();
  const on = watching.data === true;
  const { t } = useLingui();

  const toggle = () => {
    if (!viewer.signedIn) {
      void navigate(`/sign-in?next=${encodeURIComponent(window.location.pathname)}`);
      return;
    }
    mutation.mutate({ storyId, watch: !on });
  };

  return (
    <button
      type="button"
      className={className}
      aria-pressed={on}
      aria-label={on ? t`Stop watching ${title}` : t`Watch ${title}`}
      onClick={toggle}
      data-watching={on || undefined}
    >
      <Icon name="bookmark" filled={on} size={iconSize} />
      {showLabel ? (
        <span aria-hidden="true">{on ? t`Watching` : t({ message: 'Watch', context: 'button' })}</span>
      ) : null}
    </button>
  );
}
