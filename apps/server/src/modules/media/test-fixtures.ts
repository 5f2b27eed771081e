import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { Runtime } from '../../platform/runtime';
import { createMediaDeps } from './index';
import { fixtureClip, type ProcessedClip } from './fixture-clip';
import { versionPrefix } from './media-storage';
import { publishVersion, uploadOutputs } from './publish-version';
import { addVersion, insertMedia, lockMedia } from './repo';

// Every fixture media item gets its own copy of a clip transcoded once for the whole run.
const processed = new Map<number, Promise<ProcessedClip>>();
const processOnce = (seconds: number) => fixtureClip(inject('fixtureDir'), seconds);

/**
 * Test support: a video media item owned by `ownerId`, READY to play — its files are a real HLS
 * ladder (transcoded once per test process from a moving test pattern, 1 s unless `seconds` says
 * otherwise) in the runtime's storage, published through the same code path as the processing job.
 */
export async function createReadyMedia(
  runtime: Runtime,
  ownerId: string,
  clip: { seconds?: number } = {},
): Promise<string> {
  const seconds = clip.seconds ?? 1;
  const once = processed.get(seconds) ?? processOnce(seconds);
  processed.set(seconds, once);
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
  });
  if (published !== 'published') throw new Error(`fixture media not published: ${published}`);
  return id;
}
