import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';
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

// One real transcode per clip length for the whole test run, shared by every test process through
// the run's fixture folder; every fixture media item gets its own copy of the output.
const processed = new Map<number, Promise<ProcessedClip>>();

async function processOnce(seconds: number): Promise<ProcessedClip> {
  const shared = path.join(inject('fixtureDir'), `clip-${seconds}s`);
  const stored = await readStored(shared);
  if (stored) return stored;
  // Made aside and moved into place in one step: a process racing this one either finds the
  // complete folder or makes its own and keeps whichever landed first.
  await mkdir(inject('fixtureDir'), { recursive: true });
  const dir = await mkdtemp(path.join(inject('fixtureDir'), 'making-'));
  const clip = await makeClip(dir, 'clip.mp4', { width: 360, height: 640, seconds, fps: 10, audio: true });
  const probe = await probeVideo(clip);
  if (!probe.ok) throw new Error(`fixture clip rejected: ${probe.code}`);
  const result = await transcodeVideo({
    input: clip,
    probe: probe.video,
    outputDir: path.join(dir, 'out'),
    watermarkName: 'Fixture Maker',
    preset: 'ultrafast',
  });
  await writeFile(path.join(dir, 'result.json'), JSON.stringify(result));
  try {
    await rename(dir, shared);
  } catch {
    await rm(dir, { recursive: true, force: true });
  }
  const landed = await readStored(shared);
  if (!landed) throw new Error(`fixture clip missing from ${shared}`);
  return landed;
}

async function readStored(dir: string): Promise<ProcessedClip | null> {
  try {
    const result = JSON.parse(await readFile(path.join(dir, 'result.json'), 'utf8')) as TranscodeResult;
    return { outputDir: path.join(dir, 'out'), result };
  } catch {
    return null;
  }
}

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
