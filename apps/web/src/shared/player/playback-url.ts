/**
 * Protected playback URLs look like `/v1/play/<token>/<mediaId>/<file>`; playlists refer to
 * their segments relatively, so every request of a video carries the token it was opened with.
 * When the app fetches a fresh URL (the token lasts minutes), requests still to come are sent
 * with the fresh token instead — playback goes on without reloading the source.
 */
const PLAY = /^(.*\/v1\/play\/)([^/]+)\/([^/?#]+)\/(.*)$/;

export function withFreshToken(requestUrl: string, freshPlaybackUrl: string | null): string {
  if (!freshPlaybackUrl) return requestUrl;
  const request = PLAY.exec(requestUrl);
  const fresh = PLAY.exec(new URL(freshPlaybackUrl, requestUrl).href);
  if (!request || !fresh) return requestUrl;
  const [, prefix, , mediaId, rest] = request;
  const [, , freshToken, freshMediaId] = fresh;
  if (mediaId !== freshMediaId) return requestUrl;
  return `${prefix}${freshToken}/${mediaId}/${rest}`;
}

/** What identifies the video behind a playback URL, whatever token it carries. */
export function playbackIdentity(url: string | null): string | null {
  if (!url) return null;
  const match = PLAY.exec(url);
  return match ? `${match[3]}/${match[4]}` : url;
}
