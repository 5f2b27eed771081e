import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { Runtime } from '../../composition/runtime';
import { createMediaDeps } from './index';
import { fixtureClip, type ProcessedClip } from './fixture-clip';
import { versionPrefix } from './media-storage';
import { publishVersion, uploadOutputs } from './publish-version';
import { addVersion, insertMedia, lockMedia } from './repo';

// Uploads as the app makes them, for other modules' tests (which reach media only through this file).
export { isReady, uploadBytes, waitForMedia } from './media-test-support';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Fixtures made once for the whole run (a transcoded clip), shared by every test process. */
    fixtureDir: string;
  }
}

// Every fixture media item gets its own copy of a clip transcoded once for the whole run.
const processed = new Map<string, Promise<ProcessedClip>>();

/**
 * Test support: a video media item owned by `ownerId`, READY to play — its files are a real HLS
 * ladder (transcoded once per test process from a moving test pattern, 1 s unless `seconds` says
 * otherwise) in the runtime's storage, published through the same code path as the processing job.
 */
export async function createReadyMedia(
  runtime: Runtime,
  ownerId: string,
  clip: { seconds?: number; fixtureDir?: string } = {},
): Promise<string> {
  const seconds = clip.seconds ?? 1;
  // Under the test runner the clip comes from the run's shared folder; elsewhere (benchmarks) the caller names one.
  const fixtureDir = clip.fixtureDir ?? inject('fixtureDir');
  const key = `${fixtureDir}:${seconds}`;
  const once = processed.get(key) ?? fixtureClip(fixtureDir, seconds);
  processed.set(key, once);
  const { outputDir, result } = await once;
  const deps = createMediaDeps(runtime.ctx, async () => 'Fixture Maker');
  const id = randomUUID();
  const now = runtime.ctx.clock.now();
  const version = await deps.db.transaction(async (tx) => {
    await insertMedia(tx, {
      id,
      ownerId,
      kind: 'video',
      declaredSize: 1,
      declaredType: 'video/mp4',
      filename: 'fixture.mp4',
      now,
    });
    const media = await lockMedia(tx, id);
    return addVersion(tx, media!, {}, now);
  });
  await uploadOutputs(deps.storage, outputDir, result.files, versionPrefix(id, version));
  const top = result.renditions[0]!;
  const published = await publishVersion(deps, id, version, {
    durationMs: Math.round(result.durationSeconds * 1000),
    width: top.width,
    height: top.height,
    hasCaptions: false,
    hasThumbnail: false,
  });
  if (published !== 'published') throw new Error(`fixture media not published: ${published}`);
  return id;
}
