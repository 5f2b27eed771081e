import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeRejectionError, probeVideo } from './probe.js';
import type { ProbeResult, VideoProbe } from './probe-classify.js';
import { cutInHalf, garbleMediaData, makeClip, runTool } from './test-clips.js';

let dir: string;
const clip: Record<string, string> = {};
const at = (name: string): string => path.join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'probe-test-'));
  const [portrait, faststart] = await Promise.all([
    makeClip(dir, 'portrait.mp4', { width: 360, height: 640, seconds: 2, fps: 15, audio: true }),
    makeClip(dir, 'faststart.mp4', { width: 360, height: 640, seconds: 2, fps: 15, audio: true, faststart: true }),
    runTool('ffmpeg', ['-y', '-f', 'lavfi', '-i', 'sine=d=2', '-c:a', 'aac', at('audio.m4a')]),
    runTool('ffmpeg', [
      '-y',
      '-f',
      'lavfi',
      '-i',
      'color=s=64x64:r=1:d=200',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      at('long.mp4'),
    ]),
    runTool('ffmpeg', [
      '-y',
      '-f',
      'lavfi',
      '-i',
      'color=s=5000x4000:r=1:d=1',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      at('bomb.mp4'),
    ]),
    runTool('ffmpeg', [
      '-y',
      '-f',
      'lavfi',
      '-i',
      'color=s=4200x240:r=1:d=1',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      at('wide.mp4'),
    ]),
    runTool('ffmpeg', ['-y', '-f', 'lavfi', '-i', 'color=s=64x64:d=1', '-frames:v', '1', at('cover.jpg')]),
    makeClip(dir, 'hlg.mp4', {
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
    }),
  ]);
  Object.assign(clip, { portrait, faststart });
  await Promise.all([
    runTool('ffmpeg', ['-y', '-i', portrait, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', at('rotated.mp4')]),
    runTool('ffmpeg', [
      '-y',
      '-i',
      at('audio.m4a'),
      '-i',
      at('cover.jpg'),
      '-map',
      '0',
      '-map',
      '1',
      '-c',
      'copy',
      '-disposition:v:0',
      'attached_pic',
      at('cover-art.m4a'),
    ]),
    cutInHalf(portrait, at('cut-no-index.mp4')),
    cutInHalf(faststart, at('cut-faststart.mp4')),
    garbleMediaData(faststart, at('garbled.mp4')),
    writeFile(at('notes.txt'), 'Glaze recipe: 3 parts feldspar, 2 parts silica.\n'.repeat(50)),
    writeFile(at('empty.mp4'), ''),
    writeFile(at('fake.mkv'), Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(4000, 0x5a)])),
  ]);
}, 60_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

function accepted(result: ProbeResult): VideoProbe {
  if (!result.ok) throw new Error(`expected acceptance, got ${result.code}: ${result.message}`);
  return result.video;
}

describe('probeVideo', () => {
  it('accepts a portrait clip and describes it', async () => {
    const video = accepted(await probeVideo(clip.portrait ?? ''));
    expect(video).toMatchObject({
      width: 360,
      height: 640,
      rotation: 0,
      orientation: 'portrait',
      fps: 15,
      videoCodec: 'h264',
      hasAudio: true,
      audioCodec: 'aac',
      hdrTransfer: null,
    });
    expect(video.durationSeconds).toBeCloseTo(2, 1);
    expect(video.bytes).toBeGreaterThan(0);
  });

  it('applies the display rotation to width, height and orientation', async () => {
    const video = accepted(await probeVideo(at('rotated.mp4')));
    expect(video).toMatchObject({ width: 640, height: 360, orientation: 'landscape' });
    expect([90, 270]).toContain(video.rotation);
  });

  it('flags HDR sources for tone mapping', async () => {
    expect(accepted(await probeVideo(at('hlg.mp4'))).hdrTransfer).toBe('arib-std-b67');
  });

  it.each([
    ['a text file', 'notes.txt', 'not_a_video'],
    ['an empty file', 'empty.mp4', 'not_a_video'],
    ['an audio-only file', 'audio.m4a', 'not_a_video'],
    ['an audio file with cover art', 'cover-art.m4a', 'not_a_video'],
    ['an MP4 cut off before its index', 'cut-no-index.mp4', 'truncated'],
    ['a fast-start MP4 cut in half', 'cut-faststart.mp4', 'truncated'],
    ['a video track that does not decode', 'garbled.mp4', 'undecodable'],
    ['a Matroska header followed by junk', 'fake.mkv', 'undecodable'],
    ['a 200 s clip', 'long.mp4', 'too_long'],
    ['a 5000×4000 frame (pixel cap)', 'bomb.mp4', 'resolution_too_large'],
    ['a 4200 px wide frame (width cap)', 'wide.mp4', 'resolution_too_large'],
  ])('rejects %s', async (_label, file, code) => {
    const result = await probeVideo(at(file));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(code);
      expect(result.message).not.toBe('');
    }
  });

  it('rejects a file above the byte limit before running any tool', async () => {
    const result = await probeVideo(clip.portrait ?? '', {
      limits: { maxBytes: 1000 },
      tools: { ffmpegPath: '/nonexistent/ffmpeg', ffprobePath: '/nonexistent/ffprobe' },
    });
    expect(result).toMatchObject({ ok: false, code: 'too_large', details: { maxBytes: 1000 } });
    if (!result.ok) expect(probeRejectionError(result)).toMatchObject({ name: 'MediaRejection', code: 'too_large' });
  });

  it('honours a configured duration limit', async () => {
    const result = await probeVideo(clip.portrait ?? '', { limits: { maxDurationSeconds: 1 } });
    expect(result).toMatchObject({ ok: false, code: 'too_long' });
    if (!result.ok) expect(probeRejectionError(result)).toMatchObject({ name: 'MediaRejection', code: 'too_long' });
  });

  it('reports a missing file and a missing tool as errors, not verdicts', async () => {
    await expect(probeVideo(at('nope.mp4'))).rejects.toMatchObject({ code: 'media_source_missing' });
    await expect(
      probeVideo(clip.portrait ?? '', { tools: { ffmpegPath: 'ffmpeg', ffprobePath: '/nonexistent/ffprobe' } }),
    ).rejects.toMatchObject({ code: 'media_tool_missing' });
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(probeVideo(clip.portrait ?? '', { signal: controller.signal })).rejects.toMatchObject({
      code: 'probe_cancelled',
    });
  });
});
