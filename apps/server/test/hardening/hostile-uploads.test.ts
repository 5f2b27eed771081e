/**
 * Uploads from a hostile or broken client, over real sockets: headers that lie about the size,
 * a "video" that is text, a tiny video declaring a gigantic frame (a decompression bomb for the
 * decoder), and bodies that stall or trickle (slowloris) while other clients are being served.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaIdOf, tusMetadata, waitForMedia } from '../../src/modules/media/media-test-support';
import { runTool } from '../../src/modules/media/pipeline/test-clips';
import type { Runtime } from '../../src/composition/runtime';
import { apiClient, type Session } from '../client';
import { startTestServer } from '../harness';

const IDLE_SECONDS = 1;
const MIN_BYTES_PER_SECOND = 200;

let runtime: Runtime;
let baseUrl: string;
let dir: string;
let maker: Session;
let otherMaker: Session;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hostile-uploads-'));
  runtime = await startTestServer({
    env: {
      UPLOAD_IDLE_TIMEOUT_SECONDS: String(IDLE_SECONDS),
      UPLOAD_MIN_BYTES_PER_SECOND: String(MIN_BYTES_PER_SECOND),
      MEDIA_X264_PRESET: 'ultrafast',
    },
  });
  const api = apiClient(runtime);
  [maker, otherMaker] = await Promise.all([
    api.signInMaker('hostile-uploader@example.com', 'Hostile Uploader'),
    api.signInMaker('honest-uploader@example.com', 'Honest Uploader'),
  ]);
  baseUrl = await runtime.app!.listen({ port: 0, host: '127.0.0.1' });
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
  await rm(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One request over a socket; `send` writes the body as it likes. Resolves with the answer, or
 * with `closed` when the server dropped the connection without one.
 */
function request(
  method: string,
  url: string,
  headers: Record<string, string>,
  send: (req: http.ClientRequest) => Promise<void> | void = (req) => void req.end(),
): Promise<Answer | { closed: true; afterMs: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const req = http.request(`${baseUrl}${url}`, { method, headers: { 'tus-resumable': '1.0.0', ...headers } });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', () => resolve({ closed: true, afterMs: Date.now() - started }));
    });
    req.on('error', () => resolve({ closed: true, afterMs: Date.now() - started }));
    void Promise.resolve(send(req)).catch(() => undefined);
  });
}

function answered(res: Answer | { closed: true }): Answer {
  if ('closed' in res) throw new Error('the server closed the connection without an answer');
  return res;
}

const auth = (who: Session) => ({ authorization: `Bearer ${who.accessToken}` });

async function createUpload(who: Session, length: number, type = 'video/mp4'): Promise<string> {
  const res = answered(
    await request('POST', '/v1/uploads', {
      ...auth(who),
      'upload-length': String(length),
      'upload-metadata': tusMetadata(type),
    }),
  );
  expect(res.status, res.body).toBe(201);
  return mediaIdOf({ status: res.status, headers: res.headers, body: res.body });
}

async function offsetOf(who: Session, mediaId: string): Promise<number> {
  const res = answered(await request('HEAD', `/v1/uploads/${mediaId}`, auth(who)));
  expect(res.status).toBe(200);
  return Number(res.headers['upload-offset']);
}

async function storedBytes(mediaId: string): Promise<number> {
  const info = await stat(path.join(runtime.ctx.config.DATA_DIR, 'uploads', mediaId)).catch(() => null);
  return info?.size ?? 0;
}

const patchHeaders = (who: Session, offset: number, extra: Record<string, string> = {}) => ({
  ...auth(who),
  'content-type': 'application/offset+octet-stream',
  'upload-offset': String(offset),
  ...extra,
});

/** Uploads a whole file in one creation-with-upload request over the socket; returns the media id. */
async function uploadWhole(who: Session, bytes: Buffer, type = 'video/mp4'): Promise<string> {
  const res = answered(
    await request(
      'POST',
      '/v1/uploads',
      {
        ...auth(who),
        'upload-length': String(bytes.length),
        'upload-metadata': tusMetadata(type),
        'content-type': 'application/offset+octet-stream',
        'content-length': String(bytes.length),
      },
      (req) => void req.end(bytes),
    ),
  );
  expect(res.status, res.body).toBe(201);
  return mediaIdOf({ status: res.status, headers: res.headers, body: res.body });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('uploads with lying headers', () => {
  it('refuses a PATCH whose Content-Length exceeds the declared Upload-Length, before storing a byte', async () => {
    const mediaId = await createUpload(maker, 1000);
    const body = Buffer.alloc(5000, 7);
    const res = answered(
      await request(
        'PATCH',
        `/v1/uploads/${mediaId}`,
        patchHeaders(maker, 0, { 'content-length': '5000' }),
        (req) => void req.end(body),
      ),
    );
    expect(res.status).toBe(413);
    expect(await offsetOf(maker, mediaId)).toBe(0);
    expect(await storedBytes(mediaId)).toBe(0);
  });

  it('refuses a chunked PATCH (no Content-Length) that runs past the declared length, and drops the upload', async () => {
    const mediaId = await createUpload(maker, 1000);
    const res = await request('PATCH', `/v1/uploads/${mediaId}`, patchHeaders(maker, 0), async (req) => {
      for (let i = 0; i < 10 && !req.destroyed; i++) {
        req.write(Buffer.alloc(500, 1));
        await sleep(10);
      }
      req.end();
    });
    if (!('closed' in res)) expect(res.status).toBe(413);
    // The first 1000 bytes fitted the declared length: kept, they would pass for a finished upload.
    expect(await storedBytes(mediaId)).toBe(0);
    expect(answered(await request('HEAD', `/v1/uploads/${mediaId}`, auth(maker))).status).toBe(404);
    expect(await runtime.modules.media.get(mediaId)).toBeNull();
  });

  it('refuses creation-with-upload whose body is longer than its Upload-Length, leaving no upload behind', async () => {
    const uploading = async () =>
      (
        await runtime.ctx.pool.query<{ n: number }>(
          `select count(*)::int as n from media.media where owner_id = $1 and status = 'uploading' and deleted_at is null`,
          [maker.userId],
        )
      ).rows[0]!.n;
    const before = await uploading();
    const res = answered(
      await request(
        'POST',
        '/v1/uploads',
        {
          ...auth(maker),
          'upload-length': '1000',
          'upload-metadata': tusMetadata('video/mp4'),
          'content-type': 'application/offset+octet-stream',
          'content-length': '5000',
        },
        (req) => void req.end(Buffer.alloc(5000, 3)),
      ),
    );
    expect(res.status).toBe(413);
    expect(await uploading()).toBe(before);
  });
});

describe('uploads whose bytes are not what they claim', () => {
  it('probes text sent as video/mp4 and fails it with a clear reason', async () => {
    const text = Buffer.from('Glaze recipe: 3 parts feldspar, 2 parts silica, 1 part whiting.\n'.repeat(200));
    const mediaId = await uploadWhole(maker, text, 'video/mp4');
    const view = await waitForMedia(runtime, mediaId, maker.accessToken, (v) => v.status === 'failed');
    expect(view.error?.code).toBe('not_a_video');
    expect(view.error?.message).toMatch(/not a video/i);
    expect(view.playbackUrl).toBeUndefined();
  });

  it('refuses a tiny video declaring an 8000×8000 frame from its headers, without decoding it', async () => {
    const bomb = path.join(dir, 'bomb.mp4');
    await runTool('ffmpeg', [
      '-y',
      ...['-f', 'lavfi', '-i', 'color=s=8000x8000:r=1:d=1'],
      ...['-frames:v', '1', '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '51'],
      bomb,
    ]);
    const bytes = await readFile(bomb);
    expect(bytes.length).toBeLessThan(512 * 1024);
    const started = Date.now();
    const mediaId = await uploadWhole(maker, bytes, 'video/mp4');
    const view = await waitForMedia(runtime, mediaId, maker.accessToken, (v) => v.status === 'failed');
    // The size is read from the stream headers and refused before any frame is decoded; the
    // decoder is capped at 4096×4096 pixels besides, so it could not allocate the frame anyway.
    expect(view.error?.code).toBe('resolution_too_large');
    expect(view.error?.message).toMatch(/frame is too large/i);
    expect(Date.now() - started).toBeLessThan(15_000);
    const versions = await runtime.ctx.pool.query<{ status: string; error_code: string }>(
      'select status, error_code from media.media_versions where media_id = $1',
      [mediaId],
    );
    expect(versions.rows).toEqual([{ status: 'failed', error_code: 'resolution_too_large' }]);
  });
});

describe('slow uploads (slowloris)', () => {
  async function healthMs(): Promise<number> {
    const started = Date.now();
    const res = answered(await request('GET', '/health', {}));
    expect(res.status).toBe(200);
    return Date.now() - started;
  }

  it('cuts off a PATCH that trickles bytes, keeps what arrived, and serves everyone else meanwhile', async () => {
    const length = 100_000;
    const mediaId = await createUpload(maker, length);
    let sentBytes = 0;
    let stop = false;
    const trickle = request(
      'PATCH',
      `/v1/uploads/${mediaId}`,
      patchHeaders(maker, 0, { 'content-length': String(length) }),
      async (req) => {
        req.write(Buffer.alloc(2_000, 9));
        sentBytes += 2_000;
        // 10 bytes every 200 ms: 50 B/s, under the 200 B/s floor but never idle.
        while (!stop && !req.destroyed) {
          await sleep(200);
          if (req.destroyed) break;
          req.write(Buffer.alloc(10, 9));
          sentBytes += 10;
        }
      },
    );
    // Others are served while the trickle goes on.
    const others: number[] = [];
    for (let i = 0; i < 5; i++) {
      others.push(await healthMs());
      await sleep(100);
    }
    const honest = await uploadWhole(otherMaker, Buffer.alloc(50_000, 5), 'video/mp4');
    expect(honest).toMatch(/^[0-9a-f-]{36}$/);

    const result = await Promise.race([trickle, sleep(15_000).then(() => null)]);
    stop = true;
    expect(result, 'the trickling upload was never cut off').not.toBeNull();
    expect(result && 'closed' in result).toBe(true);
    expect(Math.max(...others)).toBeLessThan(1_000);

    // What arrived is kept: the client can resume where it was cut off.
    const offset = await offsetOf(maker, mediaId);
    expect(offset).toBeGreaterThanOrEqual(2_000);
    expect(offset).toBeLessThanOrEqual(sentBytes);
    const rest = answered(
      await request(
        'PATCH',
        `/v1/uploads/${mediaId}`,
        patchHeaders(maker, offset, { 'content-length': String(length - offset) }),
        (req) => void req.end(Buffer.alloc(length - offset, 9)),
      ),
    );
    expect(rest.status).toBe(204);
    expect(rest.headers['upload-offset']).toBe(String(length));
  }, 30_000);

  it('cuts off a PATCH that stops sending after the idle timeout', async () => {
    const mediaId = await createUpload(maker, 10_000);
    const started = Date.now();
    const res = await request(
      'PATCH',
      `/v1/uploads/${mediaId}`,
      patchHeaders(maker, 0, { 'content-length': '10000' }),
      (req) => void req.write(Buffer.alloc(1_000, 4)),
    );
    expect('closed' in res).toBe(true);
    const tookMs = Date.now() - started;
    expect(tookMs).toBeGreaterThanOrEqual(IDLE_SECONDS * 1000 - 100);
    expect(tookMs).toBeLessThan(IDLE_SECONDS * 1000 * 3 + 1_000);
    expect(await offsetOf(maker, mediaId)).toBe(1_000);
  }, 15_000);
});
