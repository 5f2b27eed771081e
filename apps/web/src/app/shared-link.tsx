import { Navigate, useParams } from 'react-router';

/**
 * A shared link opened in the app (`/s/:storyId`, `/m/:makerId`: the server's preview page starts
 * the app there, and the service worker answers any navigation with the app): on to the story or
 * maker it names, replacing the link in the history so Back does not return to it.
 */
export function SharedLink({ to }: { to: 'stories' | 'makers' }) {
  const { storyId, makerId } = useParams();
  const id = (to === 'stories' ? storyId : makerId) ?? '';
  return <Navigate to={`/${to}/${encodeURIComponent(id)}`} replace />;
}
