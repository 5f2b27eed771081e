/**
 * Protected playback URLs look like `/v1/play/<token>/<mediaId>/<file>`; playlists refer to
 * their segments relatively, so every request of a video carries the token it was opened with.
 * When the app fetches a fresh URL (the token lasts minutes), requests still to come are sent
 * with the fresh token instead — playback goes on without reloading the source.
 */
const PLAY = /^(.*\/v1\/play\/)([^/]+)\/([^/?#]+)\/(.*)$/;

export function withFreshToken(requestUrl: string, freshPlaybackUrl: string | null): string {
  if (!freshPlaybackUrl) return requestUrl;
  // Without a CDN the server hands out relative URLs, and hls.js asks for the master playlist by
  // the URL it was given: either may be relative, so both are read against the page's address.
  const request = PLAY.exec(absoluteUrl(requestUrl));
  const fresh = PLAY.exec(absoluteUrl(freshPlaybackUrl));
  if (!request || !fresh) return requestUrl;
  const [, prefix, , mediaId, rest] = request;
  const [, , freshToken, freshMediaId] = fresh;
  if (mediaId !== freshMediaId) return requestUrl;
  return `${prefix}${freshToken}/${mediaId}/${rest}`;
}

/** `url` made absolute against the page's address (as the browser would resolve it). */
export function absoluteUrl(url: string): string {
  return new URL(url, globalThis.location?.href).href;
}

/** The media id in a protected playback URL, or null for any other URL. */
export function mediaIdOf(url: string | null): string | null {
  if (!url) return null;
  return PLAY.exec(absoluteUrl(url))?.[3] ?? null;
}

/** What identifies the video behind a playback URL, whatever token it carries. */
export function playbackIdentity(url: string | null): string | null {
  if (!url) return null;
  const match = PLAY.exec(url);
  return match ? `${match[3]}/${match[4]}` : url;
}
