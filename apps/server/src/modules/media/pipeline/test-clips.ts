import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runProcess } from './run-process.js';

/** Test support: runs ffmpeg or ffprobe and fails loudly. */
export async function runTool(tool: 'ffmpeg' | 'ffprobe', args: string[]): Promise<string> {
  const run = await runProcess(tool, ['-hide_banner', '-v', 'error', ...args], { timeoutMs: 60_000 });
  if (run.exitCode !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

export interface ClipSpec {
  width: number;
  height: number;
  seconds: number;
  fps?: number;
  audio?: boolean;
  /** Index (moov) at the front, as phones and web uploads usually have it. */
  faststart?: boolean;
  extraArgs?: string[];
}

/** Test support: a small synthetic clip (moving test pattern, optional sine tone). */
export async function makeClip(dir: string, name: string, spec: ClipSpec): Promise<string> {
  const file = path.join(dir, name);
  const fps = spec.fps ?? 30;
  const inputs = ['-f', 'lavfi', '-i', `testsrc2=s=${spec.width}x${spec.height}:r=${fps}:d=${spec.seconds}`];
  if (spec.audio) inputs.push('-f', 'lavfi', '-i', `sine=f=440:sample_rate=48000:d=${spec.seconds}`);
  await runTool('ffmpeg', [
    '-y',
    ...inputs,
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'],
    ...(spec.audio ? ['-c:a', 'aac', '-b:a', '64k'] : []),
    ...(spec.faststart ? ['-movflags', '+faststart'] : []),
    ...(spec.extraArgs ?? []),
    file,
  ]);
  return file;
}

/** Test support: keeps the first half of a file, as an interrupted upload would. */
export async function cutInHalf(source: string, target: string): Promise<string> {
  const bytes = await readFile(source);
  await writeFile(target, bytes.subarray(0, Math.floor(bytes.length / 2)));
  return target;
}

/** Test support: overwrites everything after the `mdat` header with noise; the container stays intact. */
export async function garbleMediaData(source: string, target: string): Promise<string> {
  const bytes = Buffer.from(await readFile(source));
  const mdat = bytes.indexOf('mdat');
  if (mdat < 0) throw new Error('no mdat box');
  let seed = 7;
  for (let i = mdat + 4; i < bytes.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = seed >> 16;
  }
  await writeFile(target, bytes);
  return target;
}

/** Test support: the init segment plus one media segment, which ffprobe can read as one file. */
export async function joinSegment(initFile: string, segmentFile: string, target: string): Promise<string> {
  await writeFile(target, Buffer.concat([await readFile(initFile), await readFile(segmentFile)]));
  return target;
}
