/**
 * What the player does about a playback error: most are passing (a slow segment, a token that
 * expired a moment ago) and are recovered from without the viewer noticing; a few mean the video
 * cannot play, and the viewer is told so and offered a retry.
 */

/** Why a video could not play, as the viewer is told and as analytics records it. */
export type PlaybackFailureCause = 'token_refused' | 'not_found' | 'network' | 'media' | 'unsupported' | 'other';

export interface PlaybackFailure {
  cause: PlaybackFailureCause;
  /** The player's own word for it (hls.js error details, or the media element's error code). */
  detail: string;
}

/** An error as hls.js reports it, reduced to what the decision needs. */
export interface PlayerError {
  fatal: boolean;
  /** hls.js's error type: networkError, mediaError, keySystemError, muxError or otherError. */
  type: string;
  details: string;
  /** HTTP status of the failed request, when there was one (0: no answer at all). */
  status?: number | undefined;
}

/** Recoveries already spent on the current video (reset when a segment arrives again). */
export interface RecoveriesSpent {
  tokenRefusals: number;
  networkRetries: number;
  mediaRecoveries: number;
  /** Segments answered 404 or 410 since the last one arrived. */
  missingSegments: number;
}

export const NO_RECOVERIES_SPENT: RecoveriesSpent = {
  tokenRefusals: 0,
  networkRetries: 0,
  mediaRecoveries: 0,
  missingSegments: 0,
};

/** A token refused this many times in a row is not an expiry any more: the viewer may not watch. */
export const MAX_TOKEN_REFUSALS = 3;
/** hls.js has retried each request already; these are whole restarts on top. */
export const MAX_NETWORK_RETRIES = 2;
export const MAX_MEDIA_RECOVERIES = 2;

export type RecoveryStep =
  | { kind: 'ignore' }
  /** Ask for a fresh playback URL, then load again with it. */
  | { kind: 'renew-token' }
  /** Load again from where loading stopped (the master playlist too, if that is what failed). */
  | { kind: 'reload'; delayMs: number }
  | { kind: 'recover-media'; swapAudioCodec: boolean }
  | { kind: 'fail'; failure: PlaybackFailure };

const MANIFEST_ERRORS = new Set(['manifestLoadError', 'manifestLoadTimeOut', 'manifestParsingError']);

/** True when the master playlist itself did not arrive: only loading the source again helps. */
export function isManifestError(error: Pick<PlayerError, 'details'>): boolean {
  return MANIFEST_ERRORS.has(error.details);
}

/**
 * The next step for `error`, given what was spent; `spent` is what the step counts against.
 * `renditions` is how many renditions the stream offers.
 *
 * A segment that is gone (404, 410) is not an error the player calls fatal: it tries the same
 * segment in the other renditions, then again and again in the last one with a growing delay
 * (about half a minute in all). A missing segment is not a passing failure, so once every
 * rendition has answered that its segment is gone, the viewer is told at once.
 */
export function recoveryFor(
  error: PlayerError,
  spent: RecoveriesSpent,
  renditions = 1,
): { step: RecoveryStep; spent: RecoveriesSpent } {
  const fail = (cause: PlaybackFailureCause): { step: RecoveryStep; spent: RecoveriesSpent } => ({
    step: { kind: 'fail', failure: { cause, detail: error.details } },
    spent,
  });
  if (!error.fatal) {
    if (error.details === 'fragLoadError' && (error.status === 404 || error.status === 410)) {
      const missingSegments = spent.missingSegments + 1;
      spent = { ...spent, missingSegments };
      if (missingSegments >= Math.max(1, renditions)) return fail('not_found');
    }
    return { step: { kind: 'ignore' }, spent };
  }
  if (error.details === 'manifestIncompatibleCodecsError' || error.details === 'bufferIncompatibleCodecsError') {
    return fail('unsupported');
  }
  switch (error.type) {
    case 'networkError': {
      if (error.status === 401 || error.status === 403) {
        const tokenRefusals = spent.tokenRefusals + 1;
        if (tokenRefusals >= MAX_TOKEN_REFUSALS) return fail('token_refused');
        return { step: { kind: 'renew-token' }, spent: { ...spent, tokenRefusals } };
      }
      if (error.status === 404 || error.status === 410) return fail('not_found');
      if (spent.networkRetries >= MAX_NETWORK_RETRIES) return fail('network');
      const networkRetries = spent.networkRetries + 1;
      return { step: { kind: 'reload', delayMs: 2000 * networkRetries }, spent: { ...spent, networkRetries } };
    }
    case 'mediaError': {
      if (spent.mediaRecoveries >= MAX_MEDIA_RECOVERIES) return fail('media');
      const mediaRecoveries = spent.mediaRecoveries + 1;
      // The usual second attempt: the audio codec the playlist named may be the wrong AAC profile.
      return {
        step: { kind: 'recover-media', swapAudioCodec: mediaRecoveries > 1 },
        spent: { ...spent, mediaRecoveries },
      };
    }
    case 'muxError':
      return fail('media');
    default:
      return fail('other');
  }
}
