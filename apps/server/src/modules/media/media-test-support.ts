import { readFile } from 'node:fs/promises';
import type { Runtime } from '../../composition/runtime';
import type { MediaView } from './present';

/** Test support: tus `Upload-Metadata` for a file type and name. */
export function tusMetadata(type: string, name = 'clip.mp4'): string {
  const b64 = (v: string): string => Buffer.from(v).toString('base64');
  return `filetype ${b64(type)},filename ${b64(name)}`;
}

export interface TusAnswer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

/** Test support: one tus request through the in-process app. */
export async function tusRequest(
  runtime: Runtime,
  method: 'POST' | 'HEAD' | 'PATCH' | 'DELETE',
  url: string,
  options: { token?: string; headers?: Record<string, string>; body?: Buffer } = {},
): Promise<TusAnswer> {
  const res = await runtime.app!.inject({
    method,
    url,
    headers: {
      'tus-resumable': '1.0.0',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body ? { 'content-type': 'application/offset+octet-stream' } : {}),
      ...options.headers,
    },
    ...(options.body ? { payload: options.body } : {}),
  });
  return { status: res.statusCode, headers: res.headers, body: res.body };
}

/** Test support: uploads a whole file in one creation-with-upload request; returns the media id. */
export async function uploadFile(runtime: Runtime, token: string, file: string, type = 'video/mp4'): Promise<string> {
  return uploadBytes(runtime, token, await readFile(file), type);
}

/** Test support: uploads bytes in one creation-with-upload request, as the app does; returns the media id. */
export async function uploadBytes(
  runtime: Runtime,
  token: string,
  body: Buffer,
  type: string,
  name?: string,
): Promise<string> {
  const res = await tusRequest(runtime, 'POST', '/v1/uploads', {
    token,
    headers: { 'upload-length': String(body.length), 'upload-metadata': tusMetadata(type, name) },
    body,
  });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${res.body}`);
  return mediaIdOf(res);
}

export function mediaIdOf(res: TusAnswer): string {
  const location = String(res.headers.location ?? '');
  const match = /^\/v1\/uploads\/([0-9a-f-]{36})$/.exec(location);
  if (!match) throw new Error(`unexpected Location ${location}`);
  return match[1]!;
}

/** Test support: polls `GET /v1/media/:id` until `done` says so (or the time runs out). */
export async function waitForMedia(
  runtime: Runtime,
  mediaId: string,
  token: string,
  done: (view: MediaView) => boolean,
  timeoutMs = 30_000,
): Promise<MediaView> {
  const deadline = Date.now() + timeoutMs;
  let last: MediaView | null = null;
  while (Date.now() < deadline) {
    const res = await runtime.app!.inject({
      method: 'GET',
      url: `/v1/media/${mediaId}`,
      headers: { authorization: `Bearer ${token}` },
    });
    if (res.statusCode === 200) {
      last = res.json<MediaView>();
      if (done(last)) return last;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`media ${mediaId} did not get there; last: ${JSON.stringify(last)}`);
}

export const isSettled = (view: MediaView): boolean =>
  (view.status === 'ready' && !view.edit) || view.status === 'failed' || view.edit?.status === 'failed';

/** Test support: for `waitForMedia`, ready; a failed item throws at once with its reason. */
export function isReady(view: MediaView): boolean {
  if (view.status === 'failed') throw new Error(`media failed: ${JSON.stringify(view)}`);
  return view.status === 'ready';
}
