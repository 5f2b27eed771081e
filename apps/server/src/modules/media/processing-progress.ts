import { liveMessage, userChannel } from '@vw/domain';
import type { MediaDeps } from './deps';
import { renewLease, updateMedia } from './repo';

/** Share of the bar the transcode takes; storing the outputs takes the rest up to 99. */
export const TRANSCODE_SHARE = 0.95;
const MIN_STEP = 2;

/**
 * Records a version's progress (at most every 2 %) and renews its lease — on progress and on a
 * timer, so a long silent step (uploading outputs) does not look like a dead worker. When the
 * version stops being wanted (a newer edit, deletion), `signal` aborts the work.
 */
export class ProcessingProgress {
  private readonly controller = new AbortController();
  private last = -MIN_STEP;
  private chain: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly deps: Pick<MediaDeps, 'db' | 'clock' | 'config' | 'realtime' | 'logger'>,
    private readonly media: { id: string; ownerId: string; playing: boolean },
    private readonly version: number,
  ) {
    const everyMs = Math.max(1000, (deps.config.MEDIA_LEASE_SECONDS * 1000) / 3);
    this.timer = setInterval(() => this.enqueue(Math.max(0, this.last)), everyMs);
    this.timer.unref();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  leaseUntil(): Date {
    return new Date(this.deps.clock.now().getTime() + this.deps.config.MEDIA_LEASE_SECONDS * 1000);
  }

  /** Reports a whole percent (ignored unless it moved by at least the step). */
  report(percent: number): void {
    const value = Math.min(99, Math.max(0, Math.floor(percent)));
    if (value - this.last < MIN_STEP) return;
    this.last = value;
    this.enqueue(value, true);
  }

  /** Waits for pending writes and stops the lease timer. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.chain;
  }

  private enqueue(progress: number, announce = false): void {
    this.chain = this.chain
      .then(() => this.write(progress, announce))
      .catch((err: unknown) => {
        this.deps.logger.warn({ err, mediaId: this.media.id }, 'recording media progress failed');
      });
  }

  private async write(progress: number, announce: boolean): Promise<void> {
    if (this.controller.signal.aborted) return;
    const wanted = await renewLease(this.deps.db, this.media.id, this.version, progress, this.leaseUntil());
    if (!wanted) {
      this.controller.abort();
      return;
    }
    // While an earlier version plays, the media item stays ready; the edit's progress is on its version.
    if (!this.media.playing) await updateMedia(this.deps.db, this.media.id, { progress });
    if (announce) {
      await this.deps.realtime.publishMessage(
        liveMessage(userChannel(this.media.ownerId), 'media.progress', {
          mediaId: this.media.id,
          version: this.version,
          status: 'processing',
          progress,
        }),
      );
    }
  }
}
