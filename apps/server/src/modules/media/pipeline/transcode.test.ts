import { chmod, copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeVideo } from './probe.js';
import type { VideoProbe } from './probe-classify.js';
import { joinSegment, makeClip, runTool } from './test-clips.js';
import { transcodeVideo, type TranscodeOptions, type TranscodeResult } from './transcode.js';
import { findWatermarkFont } from './watermark.js';

let dir: string;
let run = 0;
const source: Record<'portrait' | 'landscape' | 'tall', { file: string; probe: VideoProbe }> = {} as never;

async function probed(file: string): Promise<{ file: string; probe: VideoProbe }> {
  const result = await probeVideo(file);
  if (!result.ok) throw new Error(`fixture rejected: ${result.code}`);
  return { file, probe: result.video };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'transcode-test-'));
  const [portrait, landscape, tall] = await Promise.all([
    makeClip(dir, 'portrait.mp4', { width: 360, height: 640, seconds: 3, fps: 30, audio: true }),
    makeClip(dir, 'landscape.mp4', { width: 640, height: 360, seconds: 3, fps: 30, audio: true }),
    makeClip(dir, 'tall.mp4', { width: 1080, height: 1920, seconds: 2, fps: 5 }),
  ]);
  source.portrait = await probed(portrait);
  source.landscape = await probed(landscape);
  source.tall = await probed(tall);
}, 60_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs a fast transcode into a fresh folder, recording progress. */
async function transcode(
  from: { file: string; probe: VideoProbe },
  extra: Partial<TranscodeOptions> = {},
): Promise<{ result: TranscodeResult; out: string; progress: number[] }> {
  const out = path.join(dir, `out-${++run}`);
  const progress: number[] = [];
  const result = await transcodeVideo({
    input: from.file,
    probe: from.probe,
    outputDir: out,
    watermarkName: 'Ana’s Clay Studio',
    preset: 'ultrafast',
    onProgress: (p) => progress.push(p),
    ...extra,
  });
  return { result, out, progress };
}

function playlistUris(playlist: string): string[] {
  return playlist.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
}

function segmentDurations(playlist: string): number[] {
  return [...playlist.matchAll(/^#EXTINF:([\d.]+),/gm)].map((m) => Number(m[1]));
}

async function probeJson(file: string, entries: string): Promise<Record<string, unknown>> {
  return JSON.parse(await runTool('ffprobe', ['-of', 'json', '-show_entries', entries, file])) as Record<
    string,
    unknown
  >;
}

/** Width, height and the first video packet's flags of init + segment. */
async function inspectSegment(
  out: string,
  rendition: string,
  segment: string,
): Promise<{ width: number; height: number; firstKey: boolean }> {
  const playlist = await readFile(path.join(out, rendition, 'index.m3u8'), 'utf8');
  const init = /#EXT-X-MAP:URI="([^"]+)"/.exec(playlist)?.[1] ?? '';
  const joined = await joinSegment(
    path.join(out, rendition, init),
    path.join(out, rendition, segment),
    path.join(out, `${rendition}-${segment}.mp4`),
  );
  const json = await runTool('ffprobe', [
    '-of',
    'json',
    '-select_streams',
    'v:0',
    '-show_entries',
    'stream=width,height:packet=flags',
    '-read_intervals',
    '%+#1',
    '-show_packets',
    joined,
  ]);
  await rm(joined);
  const parsed = JSON.parse(json) as { streams: { width: number; height: number }[]; packets: { flags: string }[] };
  return {
    width: parsed.streams[0]?.width ?? 0,
    height: parsed.streams[0]?.height ?? 0,
    firstKey: parsed.packets[0]?.flags.startsWith('K') ?? false,
  };
}

describe('transcodeVideo', () => {
  it('produces a one-rung fMP4 HLS ladder, poster, storyboard and captions from a small portrait clip', async () => {
    const { result, out, progress } = await transcode(source.portrait, {
      captions: {
        language: 'en',
        label: 'English',
        cues: [
          { startMs: 0, endMs: 1500, text: 'Centring the clay' },
          { startMs: 1500, endMs: 3000, text: 'Pulling the walls' },
        ],
      },
    });

    const master = await readFile(path.join(out, 'master.m3u8'), 'utf8');
    expect(playlistUris(master)).toEqual(['360p/index.m3u8']);
    expect(master).toContain('RESOLUTION=360x640');
    expect(master).toMatch(/CODECS="avc1\.[0-9a-f]+,mp4a\.40\.2"/);

    const media = await readFile(path.join(out, '360p', 'index.m3u8'), 'utf8');
    expect(media).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
    expect(media).toMatch(/#EXT-X-MAP:URI="init[^"]*\.mp4"/);
    const segments = playlistUris(media);
    expect(segments.every((s) => s.endsWith('.m4s'))).toBe(true);
    expect(segmentDurations(media)).toEqual([2, 1]);
    for (const segment of segments) {
      const info = await inspectSegment(out, '360p', segment);
      expect(info).toEqual({ width: 360, height: 640, firstKey: true });
    }

    const poster = await probeJson(path.join(out, 'poster.jpg'), 'stream=width,height');
    expect(poster).toMatchObject({ streams: [{ width: 360, height: 640 }] });
    const sprite = await probeJson(path.join(out, 'storyboard.jpg'), 'stream=width,height');
    expect(sprite).toMatchObject({ streams: [{ width: 144 * 2, height: 256 }] });
    const storyboardVtt = await readFile(path.join(out, 'storyboard.vtt'), 'utf8');
    expect(storyboardVtt).toContain('00:00:02.000 --> 00:00:03.000\nstoryboard.jpg#xywh=144,0,144,256');

    expect(master).toContain('#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="English",LANGUAGE="en"');
    expect(master).toContain('SUBTITLES="subs"');
    const subtitles = await readFile(path.join(out, 'subtitles', 'index.m3u8'), 'utf8');
    expect(playlistUris(subtitles)).toEqual(['captions.vtt']);
    expect(await readFile(path.join(out, 'subtitles', 'captions.vtt'), 'utf8')).toContain('Pulling the walls');

    expect(progress.at(-1)).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(new Set(progress).size).toBe(progress.length);
    expect(result).toMatchObject({ watermark: 'burned', durationSeconds: 3, masterPlaylist: 'master.m3u8' });
    expect(result.renditions).toEqual([{ name: '360p', width: 360, height: 640, playlist: '360p/index.m3u8' }]);
    expect(result.files).toEqual(
      expect.arrayContaining([
        'master.m3u8',
        '360p/index.m3u8',
        'poster.jpg',
        'storyboard.jpg',
        'storyboard.vtt',
        'subtitles/captions.vtt',
      ]),
    );
    expect(result.files.filter((f) => f.endsWith('.m4s'))).toHaveLength(2);
    expect(result.files.some((f) => f.includes('watermark'))).toBe(false);
  });

  it('builds every rung at or below a 1080×1920 source, each at its own size', async () => {
    const { result, out } = await transcode(source.tall);
    const master = await readFile(path.join(out, 'master.m3u8'), 'utf8');
    expect(playlistUris(master)).toEqual(['1080p/index.m3u8', '720p/index.m3u8', '480p/index.m3u8']);
    expect(master).not.toContain('mp4a');
    for (const rung of result.renditions) {
      const media = await readFile(path.join(out, rung.playlist), 'utf8');
      expect(segmentDurations(media)).toEqual([2]);
      const info = await inspectSegment(out, rung.name, playlistUris(media)[0] ?? '');
      expect(info).toEqual({ width: rung.width, height: rung.height, firstKey: true });
    }
  });

  it('fits a landscape source into the portrait frame', async () => {
    const { result, out } = await transcode(source.landscape);
    expect(result.renditions).toEqual([{ name: '360p', width: 360, height: 640, playlist: '360p/index.m3u8' }]);
    const info = await inspectSegment(out, '360p', 'seg_000.m4s');
    expect(info).toMatchObject({ width: 360, height: 640 });
  });

  it('trims with input seeking, shortening the output', async () => {
    const { result, out, progress } = await transcode(source.portrait, { trim: { startMs: 500, endMs: 2500 } });
    expect(result.durationSeconds).toBe(2);
    const media = await readFile(path.join(out, '360p', 'index.m3u8'), 'utf8');
    const total = segmentDurations(media).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(1.9);
    expect(total).toBeLessThan(2.1);
    expect(progress.at(-1)).toBe(100);
  });

  it('burns the watermark in, whatever characters the name holds', async () => {
    const tricky = `O'Brien: "Pots" \\ [raku]; 100%{pts} , 陶器 ✨`;
    const marked = await transcode(source.portrait, { watermarkName: tricky, trim: { endMs: 1000 } });
    const plain = await transcode(source.portrait, { watermarkName: '  ', trim: { endMs: 1000 } });
    expect(marked.result.watermark).toBe('burned');
    expect(plain.result.watermark).toBe('skipped_empty_name');
    const [a, b] = await Promise.all([
      readFile(path.join(marked.out, 'poster.jpg')),
      readFile(path.join(plain.out, 'poster.jpg')),
    ]);
    expect(a.equals(b)).toBe(false);
  });

  it('escapes a font path full of filter-graph syntax', async () => {
    const font = await findWatermarkFont();
    expect(font).not.toBeNull();
    const odd = path.join(dir, `fonts 'a':b,c [d];e\\f`);
    await mkdir(odd, { recursive: true });
    const fontFile = path.join(odd, 'font.ttf');
    await copyFile(font ?? '', fontFile);
    const { result } = await transcode(source.portrait, { fontFile, trim: { endMs: 1000 } });
    expect(result.watermark).toBe('burned');
  });

  it('tone-maps an HDR (HLG) source to SDR BT.709', async () => {
    const file = await makeClip(dir, 'hlg.mp4', {
      width: 360,
      height: 640,
      seconds: 1,
      extraArgs: [
        '-pix_fmt',
        'yuv420p10le',
        '-color_primaries',
        'bt2020',
        '-color_trc',
        'arib-std-b67',
        '-colorspace',
        'bt2020nc',
      ],
    });
    const hdr = await probed(file);
    expect(hdr.probe.hdrTransfer).toBe('arib-std-b67');
    const { out } = await transcode(hdr);
    const playlist = await readFile(path.join(out, '360p', 'index.m3u8'), 'utf8');
    const init = /#EXT-X-MAP:URI="([^"]+)"/.exec(playlist)?.[1] ?? '';
    const joined = await joinSegment(
      path.join(out, '360p', init),
      path.join(out, '360p', 'seg_000.m4s'),
      path.join(dir, 'hdr-joined.mp4'),
    );
    const info = await probeJson(joined, 'stream=pix_fmt,color_transfer,color_primaries');
    expect(info).toMatchObject({
      streams: [{ pix_fmt: 'yuv420p', color_transfer: 'bt709', color_primaries: 'bt709' }],
    });
  });

  it('refuses bad captions before doing any work', async () => {
    const out = path.join(dir, 'never-made');
    await expect(
      transcodeVideo({
        input: source.portrait.file,
        probe: source.portrait.probe,
        outputDir: out,
        watermarkName: 'x',
        captions: { language: 'en', label: 'English', cues: [{ startMs: 0, endMs: 9000, text: 'too late' }] },
      }),
    ).rejects.toMatchObject({ code: 'captions_beyond_end' });
    await expect(stat(out)).rejects.toThrow();
  });

  it('refuses an output folder that is not empty', async () => {
    const out = path.join(dir, 'occupied');
    await mkdir(out);
    await writeFile(path.join(out, 'keep.txt'), 'mine');
    await expect(
      transcodeVideo({ input: source.portrait.file, probe: source.portrait.probe, outputDir: out, watermarkName: 'x' }),
    ).rejects.toMatchObject({ code: 'transcode_output_dir_not_empty' });
    expect(await readdir(out)).toEqual(['keep.txt']);
  });
});

describe('transcodeVideo process handling', () => {
  /** A stand-in for ffmpeg, so failures and hangs are exact and instant. */
  async function fakeFfmpeg(script: string): Promise<string> {
    const file = path.join(dir, `fake-ffmpeg-${++run}.sh`);
    await writeFile(file, `#!/bin/sh\n${script}\n`);
    await chmod(file, 0o755);
    return file;
  }

  const options = (ffmpegPath: string, extra: Partial<TranscodeOptions> = {}): TranscodeOptions => ({
    input: source.portrait.file,
    probe: source.portrait.probe,
    outputDir: path.join(dir, `out-${++run}`),
    watermarkName: 'x',
    tools: { ffmpegPath, ffprobePath: 'ffprobe' },
    ...extra,
  });

  it('kills ffmpeg when cancelled and removes partial output', async () => {
    const controller = new AbortController();
    const opts = options(await fakeFfmpeg('echo out_time_us=1000000\nexec sleep 30'), {
      signal: controller.signal,
      onProgress: (p) => p > 0 && controller.abort(),
    });
    const started = Date.now();
    await expect(transcodeVideo(opts)).rejects.toMatchObject({ code: 'transcode_cancelled' });
    expect(Date.now() - started).toBeLessThan(5000);
    await expect(stat(opts.outputDir)).rejects.toThrow();
  });

  it('gives up on a stalled ffmpeg', async () => {
    const opts = options(await fakeFfmpeg('exec sleep 30'), { stallTimeoutMs: 300 });
    await expect(transcodeVideo(opts)).rejects.toMatchObject({ code: 'transcode_timed_out' });
  });

  it('reports a failing ffmpeg with its error output', async () => {
    const opts = options(await fakeFfmpeg('echo "Conversion failed!" >&2\nexit 1'));
    await expect(transcodeVideo(opts)).rejects.toMatchObject({
      code: 'transcode_failed',
      details: { exitCode: 1, stderr: expect.stringContaining('Conversion failed!') as unknown },
    });
  });

  it('notices missing outputs even when ffmpeg says it succeeded', async () => {
    const opts = options(await fakeFfmpeg('exit 0'));
    await expect(transcodeVideo(opts)).rejects.toMatchObject({
      code: 'transcode_failed',
      details: { missing: 'master.m3u8' },
    });
  });
});
