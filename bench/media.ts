// Media pipeline benchmark (not a test): `node --import tsx bench/media.ts`.
// Generates a 1080×1920 clip, then times
//   1. upload-to-ready through the product: tus upload over HTTP to an embedded runtime, until
//      GET /v1/media/:id says ready (probe, transcode, storage, publication included);
//   2. the bare pipeline transcode (one ffmpeg process, same ladder and preset) on the same file,
// and prints both, the ratio, and when the bare run had its first segment of every rung on disk.
// BENCH_SECONDS (30) and MEDIA_X264_PRESET (veryfast) change the clip length and the preset.
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../apps/server/src/config';
import { createLogger } from '../apps/server/src/platform/logger';
import { startRuntime } from '../apps/server/src/composition/runtime';
import { chooseLadder, probeVideo, transcodeVideo, type X264Preset } from '../apps/server/src/modules/media/pipeline';
import { makeClip } from '../apps/server/src/modules/media/pipeline/test-clips';

const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const preset = (process.env.MEDIA_X264_PRESET ?? 'veryfast') as X264Preset;
const dir = await mkdtemp(path.join(tmpdir(), 'bench-media-'));
// The embedded PostgreSQL (run as `postgres` when we are root) must be able to reach DATA_DIR.
await chmod(dir, 0o711);
const elapsed = (from: number): string => `${((performance.now() - from) / 1000).toFixed(1)} s`;

console.log(`generating a ${seconds} s 1080×1920 clip…`);
const clip = await makeClip(dir, 'clip.mp4', { width: 1080, height: 1920, seconds, fps: 30, audio: true });
const bytes = await readFile(clip);

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

  console.log('bare: the pipeline transcode alone…');
  const probe = await probeVideo(clip);
  if (!probe.ok) throw new Error(probe.code);
  const rungs = chooseLadder(probe.video).rungs.map((r) => r.name);
  const out = path.join(dir, 'bare');
  const bareStart = performance.now();
  let firstRungs: string | null = null;
  const watch = setInterval(() => {
    if (!firstRungs && rungs.every((r) => existsSync(path.join(out, r, 'seg_000.m4s')))) {
      firstRungs = elapsed(bareStart);
    }
  }, 50);
  await transcodeVideo({ input: clip, probe: probe.video, outputDir: out, watermarkName: 'Bench Maker', preset });
  clearInterval(watch);
  const bareSeconds = (performance.now() - bareStart) / 1000;

  console.log('');
  console.log(
    `clip: ${seconds} s 1080×1920 @30 fps, ${(bytes.length / 1e6).toFixed(1)} MB, preset ${preset}, rungs ${rungs.join(', ')}`,
  );
  console.log(`product upload-to-ready: ${productSeconds.toFixed(1)} s`);
  console.log(`bare single ffmpeg:      ${bareSeconds.toFixed(1)} s`);
  console.log(`ratio (product / bare):  ${(productSeconds / bareSeconds).toFixed(2)}`);
  console.log(`bare: first segment of every rung on disk after ${firstRungs ?? 'n/a'}`);
  console.log('product: playable only once ready (a version is published whole, never half-processed)');
} finally {
  await runtime.stop();
  await rm(dir, { recursive: true, force: true });
}
