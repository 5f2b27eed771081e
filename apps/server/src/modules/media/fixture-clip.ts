import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { probeVideo, transcodeVideo, type TranscodeResult } from './pipeline';
import { makeClip } from './pipeline/test-clips';

export interface ProcessedClip {
  outputDir: string;
  result: TranscodeResult;
}

/**
 * A test clip of `seconds` (a moving pattern with sound, 360×640), transcoded once per test run:
 * stored in the run's fixture folder, so every test process after the first reads it from there.
 */
export async function fixtureClip(fixtureDir: string, seconds: number): Promise<ProcessedClip> {
  const shared = path.join(fixtureDir, `clip-${seconds}s`);
  const stored = await readStored(shared);
  if (stored) return stored;
  // Made aside and moved into place in one step: a process racing this one either finds the
  // complete folder or makes its own and keeps whichever landed first.
  await mkdir(fixtureDir, { recursive: true });
  const dir = await mkdtemp(path.join(fixtureDir, 'making-'));
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
