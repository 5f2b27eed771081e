import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock';
import type { Config } from '../../config';
import type { Database } from '../../platform/db/client';
import type { Metrics } from '../../platform/metrics';
import type { Realtime } from '../../platform/realtime/realtime';
import type { Storage } from '../../platform/storage';
import type { IdentityService } from '../identity';
import type { PlaybackUrls } from './playback-urls';
import type { UploadStore } from './upload-store';

/** What this module calls of the identity service: the route guard and the watermark's name. */
export type IdentityPort = Pick<IdentityService, 'guard' | 'displayName'>;

/** The other modules this one calls, every port required. */
export interface MediaPorts {
  identity: IdentityPort;
}

/** What the media module's use cases are built from. */
export interface MediaDeps {
  db: Database;
  clock: Clock;
  config: Config;
  logger: Logger;
  realtime: Realtime;
  storage: Storage;
  uploads: UploadStore;
  urls: PlaybackUrls;
  /** Signs playback tokens. */
  signingSecret: string;
  /** The maker's public name, burned into the video as the watermark. */
  displayName: (userId: string) => Promise<string | null>;
  /** Process metrics (transcode durations). */
  metrics: Metrics;
}
