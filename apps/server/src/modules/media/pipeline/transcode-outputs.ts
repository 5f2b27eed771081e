import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '../../../platform/errors.js';
import { addSubtitlesToMaster, buildSubtitlesPlaylist } from './hls-subtitles.js';
import { runProcess, type RunProcessResult } from './run-process.js';
import { layoutStoryboard, type StoryboardLayout, type StoryboardPlan } from './storyboard.js';
import { buildSpriteArgs, MASTER_PLAYLIST, STORYBOARD_IMAGE } from './transcode-args.js';

// The file work around the ffmpeg run: checking what it produced and adding what it does not.

export const STORYBOARD_VTT = 'storyboard.vtt';
const SUBTITLES_DIR = 'subtitles';

export function assertSucceeded(run: RunProcessResult): void {
  switch (run.endedBy) {
    case 'abort':
      throw new DomainError('transcode_cancelled', 'The transcode was cancelled.');
    case 'timeout':
    case 'idle':
      throw new DomainError('transcode_timed_out', 'The transcode took too long.', { endedBy: run.endedBy });
    case 'exit':
      if (run.exitCode !== 0) {
        throw new DomainError('transcode_failed', 'The video could not be transcoded.', {
          exitCode: run.exitCode,
          stderr: run.stderr.slice(-2000),
        });
      }
      break;
  }
}

/** Tiles the thumbnails the transcode extracted into the sprite; returns the layout used. */
export async function tileStoryboard(
  ffmpegPath: string,
  thumbnailsDir: string,
  plan: StoryboardPlan,
  outputDir: string,
  signal: AbortSignal | undefined,
): Promise<StoryboardLayout> {
  const thumbnails = (await readdir(thumbnailsDir)).filter((f) => f.endsWith('.jpg')).sort();
  if (thumbnails.length === 0) {
    throw new DomainError('transcode_failed', 'The transcode did not produce every output.', {
      missing: 'storyboard thumbnails',
    });
  }
  const layout = layoutStoryboard(plan, thumbnails.length);
  // A frame past the planned count can appear at the very end; it has no place in the index.
  for (const extra of thumbnails.slice(layout.count)) await rm(path.join(thumbnailsDir, extra));
  const run = await runProcess(
    ffmpegPath,
    buildSpriteArgs(thumbnailsDir, layout, path.join(outputDir, STORYBOARD_IMAGE)),
    {
      signal,
      timeoutMs: 60_000,
    },
  );
  assertSucceeded(run);
  await assertOutputs([STORYBOARD_IMAGE], outputDir);
  return layout;
}

export async function writeSubtitles(
  outputDir: string,
  vtt: string,
  captions: { language: string; label: string },
  durationSeconds: number,
): Promise<{ playlist: string; vtt: string; language: string }> {
  const vttFile = `${SUBTITLES_DIR}/captions.vtt`;
  const playlistFile = `${SUBTITLES_DIR}/index.m3u8`;
  const masterPath = path.join(outputDir, MASTER_PLAYLIST);
  const master = addSubtitlesToMaster(await readFile(masterPath, 'utf8'), {
    uri: playlistFile,
    language: captions.language,
    name: captions.label,
  });
  await mkdir(path.join(outputDir, SUBTITLES_DIR), { recursive: true });
  await writeFile(path.join(outputDir, vttFile), vtt, 'utf8');
  await writeFile(
    path.join(outputDir, playlistFile),
    buildSubtitlesPlaylist({ vttUri: 'captions.vtt', durationSeconds }),
    'utf8',
  );
  await writeFile(masterPath, master, 'utf8');
  return { playlist: playlistFile, vtt: vttFile, language: captions.language };
}

/** ffmpeg reads `%` in an output path as a numbering pattern. */
export function assertNoPattern(dir: string): void {
  if (dir.includes('%')) {
    throw new DomainError('transcode_output_dir_invalid', 'Media folders may not contain "%".', { dir });
  }
}

export async function prepareEmptyDir(dir: string): Promise<void> {
  assertNoPattern(path.resolve(dir));
  await mkdir(dir, { recursive: true });
  if ((await readdir(dir)).length > 0) {
    throw new DomainError('transcode_output_dir_not_empty', 'The output folder must be empty.', { dir });
  }
}

export async function assertOutputs(files: string[], dir: string): Promise<void> {
  for (const file of files) {
    const info = await stat(path.join(dir, file)).catch(() => null);
    if (!info?.isFile() || info.size === 0) {
      throw new DomainError('transcode_failed', 'The transcode did not produce every output.', { missing: file });
    }
  }
}

export async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(dir, relative)));
    else if (entry.isFile()) files.push(relative);
  }
  return files.sort();
}
