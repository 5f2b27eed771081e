// Media pipeline benchmark (not a test): `node --import tsx bench/media.ts` (or BENCH_MEDIA=1 npm run bench).
// Makes a real-looking 1080×1920 clip (as a phone records it: continuous camera-like motion over
// fine detail, temporal sensor noise, ambient sound, about 12 Mb/s H.264), then times
//   1. upload-to-ready through the product: tus upload over HTTP to an embedded runtime, until
//      GET /v1/media/:id says ready (probe, transcode, storage, publication included);
//   2. a bare ffmpeg command line, written out below (not the product's own function): one decode,
//      the same three portrait rungs and caps, capped CRF, 2 s fMP4 HLS segments and a poster,
// and prints both, the ratio, and when the bare run had its first segment of every rung on disk.
// BENCH_MEDIA_SECONDS (30, else BENCH_SECONDS) and MEDIA_X264_PRESET (veryfast) change the clip
// length and the preset.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../apps/server/src/config';
import { createLogger } from '../apps/server/src/platform/logger';
import { startRuntime } from '../apps/server/src/composition/runtime';

const run = promisify(execFile);
const seconds = Number(process.env.BENCH_MEDIA_SECONDS ?? process.env.BENCH_SECONDS ?? 30);
const preset = process.env.MEDIA_X264_PRESET ?? 'veryfast';
const dir = await mkdtemp(path.join(tmpdir(), 'bench-media-'));
// The embedded PostgreSQL (run as `postgres` when we are root) must be able to reach DATA_DIR.
await chmod(dir, 0o711);
const elapsed = (from: number): string => `${((performance.now() - from) / 1000).toFixed(1)} s`;

console.log(`generating a ${seconds} s 1080×1920 camera-like clip…`);
const clip = path.join(dir, 'clip.mp4');
await run('ffmpeg', [
  ...['-hide_banner', '-v', 'error', '-y'],
  // A slow zoom into fine detail (global motion every frame), with temporal grain like a sensor's.
  ...['-f', 'lavfi', '-i', `mandelbrot=s=540x960:r=30:end_scale=0.05,trim=duration=${seconds}`],
  ...['-f', 'lavfi', '-i', `anoisesrc=color=pink:amplitude=0.05:sample_rate=48000:d=${seconds}`],
  ...['-vf', 'scale=1080:1920:flags=bicubic,noise=alls=10:allf=t,format=yuv420p'],
  ...['-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '12M', '-maxrate', '14M', '-bufsize', '24M'],
  ...['-c:a', 'aac', '-b:a', '128k', '-movflags', '+faststart', clip],
]);
const bytes = await readFile(clip);

/** The ladder as a plain ffmpeg command: the product's rungs and caps, typed out here. */
const RUNGS = [
  { name: '1080p', width: 1080, height: 1920, maxrateKbps: 5000, audioKbps: 128 },
  { name: '720p', width: 720, height: 1280, maxrateKbps: 2800, audioKbps: 128 },
  { name: '480p', width: 480, height: 854, maxrateKbps: 1200, audioKbps: 96 },
];
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
function bareArgs(input: string, out: string): string[] {
  const watermark = existsSync(FONT)
    ? `,drawtext=fontfile=${FONT}:text='Bench Maker':x=40:y=40:fontsize=42:fontcolor=white@0.8:shadowx=2:shadowy=2`
    : '';
  const graph =
    `[0:v]fps=30,scale=1080:1920:force_original_aspect_ratio=increase,crop=1080:1920,setsar=1${watermark},` +
    `split=4[v0][s1][s2][p];[s1]scale=720:1280:flags=bicubic[v1];[s2]scale=480:854:flags=bicubic[v2];` +
    `[p]trim=end_frame=1[poster]`;
  return [
    ...['-hide_banner', '-nostdin', '-v', 'error', '-y', '-i', input, '-filter_complex', graph],
    ...RUNGS.flatMap((_, i) => ['-map', `[v${i}]`, '-map', '0:a:0']),
    ...['-c:v', 'libx264', '-preset', preset, '-profile:v', 'high', '-crf', '23'],
    ...RUNGS.flatMap((r, i) => [
      `-maxrate:v:${i}`,
      `${r.maxrateKbps}k`,
      `-bufsize:v:${i}`,
      `${r.maxrateKbps * 2}k`,
      `-b:a:${i}`,
      `${r.audioKbps}k`,
    ]),
    ...['-g', '60', '-keyint_min', '60', '-sc_threshold', '0', '-c:a', 'aac', '-ac', '2', '-ar', '48000'],
    ...['-f', 'hls', '-hls_time', '2', '-hls_playlist_type', 'vod', '-hls_segment_type', 'fmp4'],
    ...['-hls_segment_filename', `${out}/%v/seg_%03d.m4s`, '-master_pl_name', 'master.m3u8'],
    ...['-var_stream_map', RUNGS.map((r, i) => `v:${i},a:${i},name:${r.name}`).join(' '), `${out}/%v/index.m3u8`],
    ...['-map', '[poster]', '-frames:v', '1', '-c:v', 'mjpeg', '-q:v', '3', '-update', '1', `${out}/poster.jpg`],
  ];
}

const config = loadConfig({
  ...process.env,
  NODE_ENV: 'development',
  DATA_DIR: path.join(dir, 'data'),
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  SEED_DEMO_DATA: 'false',
  MEDIA_X264_PRESET: preset,
});
const runtime = await startRuntime(config, { listen: true, logger: createLogger('warn') });
const base = runtime.url!;

async function json<T>(method: string, url: string, body?: unknown, token?: string): Promise<T> {
  const res = await fetch(base + url, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? null : await res.json()) as T;
}

try {
  // A maker, signed in through the development mailbox.
  const email = 'bench@example.com';
  await json('POST', '/v1/auth/email/start', { email });
  let code: string | undefined;
  for (let i = 0; i < 100 && !code; i++) {
    const box = await json<{ messages: { text: string }[] }>('GET', `/v1/dev/mailbox?to=${email}`);
    code = /(\d{6})/.exec(box.messages[0]?.text ?? '')?.[1];
    if (!code) await new Promise((r) => setTimeout(r, 50));
  }
  const { accessToken } = await json<{ accessToken: string }>('POST', '/v1/auth/email/verify', { email, code });
  await json('POST', '/v1/makers', { displayName: 'Bench Maker' }, accessToken);

  console.log('product: tus upload → ready…');
  const started = performance.now();
  const b64 = (v: string): string => Buffer.from(v).toString('base64');
  const created = await fetch(`${base}/v1/uploads`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${accessToken}`,
      'tus-resumable': '1.0.0',
      'upload-length': String(bytes.length),
      'upload-metadata': `filetype ${b64('video/mp4')},filename ${b64('bench.mp4')}`,
    },
  });
  const location = created.headers.get('location')!;
  const chunk = 8 * 1024 * 1024;
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    const res = await fetch(base + location, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${accessToken}`,
        'tus-resumable': '1.0.0',
        'upload-offset': String(offset),
        'content-type': 'application/offset+octet-stream',
      },
      body: bytes.subarray(offset, offset + chunk),
    });
    if (res.status !== 204) throw new Error(`PATCH ${res.status}`);
  }
  const uploaded = performance.now();
  const mediaId = location.split('/').pop()!;
  let status = 'processing';
  while (status === 'processing' || status === 'uploading') {
    await new Promise((r) => setTimeout(r, 200));
    status = (await json<{ status: string }>('GET', `/v1/media/${mediaId}`, undefined, accessToken)).status;
  }
  if (status !== 'ready') throw new Error(`media ended ${status}`);
  const productSeconds = (performance.now() - started) / 1000;
  console.log(`  upload ${((uploaded - started) / 1000).toFixed(1)} s, ready after ${elapsed(started)}`);

  console.log('bare: one ffmpeg command line…');
  const rungs = RUNGS.map((r) => r.name);
  const out = path.join(dir, 'bare');
  await mkdir(out);
  const bareStart = performance.now();
  let firstRungs: string | null = null;
  const watch = setInterval(() => {
    if (!firstRungs && rungs.every((r) => existsSync(path.join(out, r, 'seg_000.m4s')))) {
      firstRungs = elapsed(bareStart);
    }
  }, 50);
  await run('ffmpeg', bareArgs(clip, out));
  clearInterval(watch);
  const bareSeconds = (performance.now() - bareStart) / 1000;

  console.log('');
  console.log(
    `clip: ${seconds} s 1080×1920 @30 fps camera-like, ${(bytes.length / 1e6).toFixed(1)} MB, preset ${preset}, rungs ${rungs.join(', ')}`,
  );
  console.log(`product upload-to-ready: ${productSeconds.toFixed(1)} s`);
  console.log(`bare ffmpeg command:    ${bareSeconds.toFixed(1)} s`);
  console.log(`ratio (product / bare):  ${(productSeconds / bareSeconds).toFixed(2)}`);
  console.log(`bare: first segment of every rung on disk after ${firstRungs ?? 'n/a'}`);
  console.log('product: playable only once ready (a version is published whole, never half-processed)');
} finally {
  await runtime.stop();
  await rm(dir, { recursive: true, force: true });
}
