import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** What one playback token grants: every file of one version of one video, until `expiresAt`. */
export interface PlaybackGrant {
  mediaId: string;
  version: number;
  /** Unix seconds. */
  expiresAt: number;
  /** The viewer's session, so a leaked URL can be traced back (not a secret). */
  sessionId?: string | null;
  /** Issued to the owner or an admin: still plays once the media is withheld (taken down). */
  privileged?: boolean;
}

// The tag is the session's, prefixed with `p` on privileged tokens; the signature covers it.
const TOKEN_PATTERN = /^([1-9][0-9]{0,8})\.([0-9]{1,12})\.(p?(?:[0-9a-f]{12}|0))\.([A-Za-z0-9_-]{43})$/;

function signingKey(secret: string): Buffer {
  // A key of its own, so a playback signature can never be replayed as another internal token.
  return createHmac('sha256', secret).update('media-playback-token').digest();
}

function sessionTag(sessionId: string | null | undefined): string {
  return sessionId ? createHash('sha256').update(sessionId).digest('hex').slice(0, 12) : '0';
}

function signature(secret: string, mediaId: string, version: number, expiresAt: number, tag: string): string {
  return createHmac('sha256', signingKey(secret))
    .update(`${mediaId}|${version}|${expiresAt}|${tag}`)
    .digest('base64url');
}

/**
 * The token goes in the URL path (`/v1/play/<token>/<mediaId>/master.m3u8`), so the relative
 * URIs inside the playlists resolve under it and carry it without rewriting a playlist.
 */
export function signPlaybackToken(secret: string, grant: PlaybackGrant): string {
  const tag = `${grant.privileged ? 'p' : ''}${sessionTag(grant.sessionId)}`;
  return `${grant.version}.${grant.expiresAt}.${tag}.${signature(secret, grant.mediaId, grant.version, grant.expiresAt, tag)}`;
}

export type PlaybackTokenCheck =
  | { ok: true; version: number; expiresAt: number; sessionTag: string; privileged: boolean }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

/** Checks a token against the media id of the URL it came with; `nowMs` from the clock. */
export function verifyPlaybackToken(secret: string, token: string, mediaId: string, nowMs: number): PlaybackTokenCheck {
  const match = TOKEN_PATTERN.exec(token);
  if (!match) return { ok: false, reason: 'malformed' };
  const version = Number(match[1]);
  const expiresAt = Number(match[2]);
  const tag = match[3]!;
  const expected = Buffer.from(signature(secret, mediaId, version, expiresAt, tag));
  const given = Buffer.from(match[4]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'bad_signature' };
  if (expiresAt * 1000 <= nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, version, expiresAt, sessionTag: tag.replace(/^p/, ''), privileged: tag.startsWith('p') };
}
