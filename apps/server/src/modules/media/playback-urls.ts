import type { Clock } from '../../platform/clock';
import { signPlaybackToken, type PlaybackGrant } from './playback-token';

/** The path prefix every protected media file is served under. */
export const PLAY_PATH = '/v1/play';
export const MASTER_FILE = 'master.m3u8';
export const POSTER_FILE = 'poster.jpg';
/** A small copy of the poster, 320 px wide, for thumbnails in lists (the studio's gallery). */
export const THUMB_FILE = 'thumb.jpg';
/** A gallery image's full-size file. */
export const IMAGE_FILE = 'image.jpg';

export interface PlaybackUrlOptions {
  secret: string;
  clock: Clock;
  tokenSeconds: number;
  /** CDN or public origin in front of `/v1/play`; relative URLs when unset. */
  baseUrl: string | null;
}

/** Fresh signed URLs for one version of a media item. */
export class PlaybackUrls {
  constructor(private readonly options: PlaybackUrlOptions) {}

  /** Unix seconds at which a token signed now stops working. */
  expiresAt(): number {
    return Math.floor(this.options.clock.now().getTime() / 1000) + this.options.tokenSeconds;
  }

  /** URL of `file` (relative to the version folder) under a token for the version. */
  fileUrl(mediaId: string, version: number, file: string, sessionId?: string | null, privileged = false): string {
    return this.signed({ mediaId, version, expiresAt: this.expiresAt(), sessionId, privileged }, file);
  }

  /**
   * URL of `file` under a token of no session that works until `expiresAt` (Unix seconds): for
   * links that outlive a page view, such as a shared link's preview image.
   */
  fileUrlUntil(mediaId: string, version: number, file: string, expiresAt: number): string {
    return this.signed({ mediaId, version, expiresAt }, file);
  }

  private signed(grant: PlaybackGrant, file: string): string {
    const token = signPlaybackToken(this.options.secret, grant);
    return `${this.options.baseUrl ?? ''}${PLAY_PATH}/${token}/${grant.mediaId}/${file}`;
  }
}
