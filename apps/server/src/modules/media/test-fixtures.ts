import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Runtime } from '../../platform/runtime';
import { createMediaDeps } from './index';
import { probeVideo, transcodeVideo, type TranscodeResult } from './pipeline';
import { makeClip } from './pipeline/test-clips';
import { versionPrefix } from './media-storage';
import { publishVersion, uploadOutputs } from './publish-version';
import { addVersion, insertMedia, lockMedia } from './repo';

interface ProcessedClip {
  outputDir: string;
  result: TranscodeResult;
}

// One real transcode per test process; every fixture media item gets its own copy of the output.
let processed: Promise<ProcessedClip> | null = null;

async function processOnce(): Promise<ProcessedClip> {
  const dir = await mkdtemp(path.join(tmpdir(), 'media-fixture-'));
  const clip = await makeClip(dir, 'clip.mp4', { width: 360, height: 640, seconds: 1, fps: 10, audio: true });
  const probe = await probeVideo(clip);
  if (!probe.ok) throw new Error(`fixture clip rejected: ${probe.code}`);
  const outputDir = path.join(dir, 'out');
  const result = await transcodeVideo({
    input: clip,
    probe: probe.video,
    outputDir,
    watermarkName: 'Fixture Maker',
    preset: 'ultrafast',
  });
  return { outputDir, result };
}

/**
 * Test support: a video media item owned by `ownerId`, READY to play — its files are a real HLS
 * ladder (transcoded once per test process from a 1 s clip) in the runtime's storage, published
 * through the same code path as the processing job.
 */
export async function createReadyMedia(runtime: Runtime, ownerId: string): Promise<string> {
  processed ??= processOnce();
  const { outputDir, result } = await processed;
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
