import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type Session } from '../../../test/client';
import { startTestServer } from '../../../test/harness';
import type { Runtime } from '../../composition/runtime';
import { tusMetadata, tusRequest } from './media-test-support';

let runtime: Runtime;
let maker: Session;
let viewer: Session;

beforeAll(async () => {
  runtime = await startTestServer();
  const api = apiClient(runtime);
  [maker, viewer] = await Promise.all([
    api.signInMaker('image-limits-maker@example.com', 'Image Maker'),
    api.signIn('image-limits-viewer@example.com'),
  ]);
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
});

const errorOf = (body: string) => (JSON.parse(body) as { error: { code: string; details?: unknown } }).error;

const create = (token: string, length: number, type: string) =>
  tusRequest(runtime, 'POST', '/v1/uploads', {
    token,
    headers: { 'upload-length': String(length), 'upload-metadata': tusMetadata(type, 'piece.jpg') },
  });

describe('image uploads', () => {
  it('security review: any viewer can upload 2 GiB images — images are for makers and sized for images, refused at creation', async () => {
    const twentyMiB = 20 * 1024 * 1024;

    // A viewer has no use for an image upload (galleries and process steps belong to makers' stories).
    const fromViewer = await create(viewer.accessToken, 1000, 'image/jpeg');
    expect(fromViewer.status).toBe(403);
    expect(errorOf(fromViewer.body).code).toBe('maker_required');

    // A maker's image is refused on its declared length, before a byte of it is accepted.
    const huge = await create(maker.accessToken, 2 * 1024 * 1024 * 1024, 'image/png');
    expect(huge.status).toBe(413);
    expect(errorOf(huge.body)).toMatchObject({
      code: 'upload_too_large',
      details: { maxBytes: twentyMiB, kind: 'image' },
    });
    expect((await create(maker.accessToken, twentyMiB + 1, 'image/jpeg')).status).toBe(413);

    // Within the limit it is created; a video of the same size is still fine.
    expect((await create(maker.accessToken, twentyMiB, 'image/jpeg')).status).toBe(201);
    expect((await create(maker.accessToken, twentyMiB + 1, 'video/mp4')).status).toBe(201);
  });
});
