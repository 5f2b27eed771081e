import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type Session } from '../../../test/client';
import { startTestServer } from '../../../test/harness';
import type { Runtime } from '../../composition/runtime';
import { createReadyMedia, isReady, uploadBytes, waitForMedia } from '../media/test-fixtures';

let runtime: Runtime;
let api: ReturnType<typeof apiClient>;
let dir: string;
let photo: Buffer;
let maker: Session;

type Profile = {
  userId: string;
  displayName: string;
  bio: string | null;
  city: string | null;
  country: string | null;
  avatarUrl: string | null;
};
type Failure = { error: { code: string } };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'maker-avatar-test-'));
  const file = path.join(dir, 'avatar.png');
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=s=320x320:d=1', '-frames:v', '1', file]);
  photo = await readFile(file);
  runtime = await startTestServer();
  api = apiClient(runtime);
  maker = await api.signInMaker('weaver@example.com', 'Loom Room');
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** Uploads an image through tus (as the web app does) and waits until the pipeline made it ready. */
async function uploadImage(session: Session): Promise<string> {
  const mediaId = await uploadBytes(runtime, session.accessToken, photo, 'image/png', 'avatar.png');
  await waitForMedia(runtime, mediaId, session.accessToken, isReady);
  return mediaId;
}

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`never happened: ${what}`);
}

const edit = (session: Session, body: Record<string, unknown>) =>
  api.call<Profile & Failure>('PATCH', '/v1/makers/me', { token: session.accessToken, body });

describe('PATCH /v1/makers/me', () => {
  it('changes the name, bio, city and country; keys left out stay, blanks clear', async () => {
    const res = await edit(maker, {
      displayName: '  Loom & Thread ',
      bio: 'Hand-woven wool',
      city: 'Galway',
      country: 'ie',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      displayName: 'Loom & Thread',
      bio: 'Hand-woven wool',
      city: 'Galway',
      country: 'IE',
    });

    const partial = await edit(maker, { bio: 'Wool and linen' });
    expect(partial.body).toMatchObject({ displayName: 'Loom & Thread', bio: 'Wool and linen', city: 'Galway' });

    const cleared = await edit(maker, { city: '  ', country: '' });
    expect(cleared.body).toMatchObject({ city: null, country: null, bio: 'Wool and linen' });

    const pub = await api.call<Profile>('GET', `/v1/makers/${maker.userId}`);
    expect(pub.body).toMatchObject({ displayName: 'Loom & Thread', bio: 'Wool and linen', city: null });
  });

  it('refuses bad input with 400 and a non-maker with 404 maker_not_found', async () => {
    expect((await edit(maker, { displayName: '' })).status).toBe(400);
    expect((await edit(maker, { country: 'Ireland' })).status).toBe(400);
    expect((await edit(maker, { bio: 'x'.repeat(2001) })).status).toBe(400);
    expect((await edit(maker, { avatarMediaId: 'not-an-id' })).status).toBe(400);
    const viewer = await api.signIn('just-looking@example.com');
    const res = await edit(viewer, { bio: 'hello' });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('maker_not_found');
    const anonymous = await api.call('PATCH', '/v1/makers/me', { body: { bio: 'hello' } });
    expect(anonymous.status).toBe(401);
  });

  it('sets an uploaded image as the avatar, signed fresh on every read and handed to other modules; null removes it', async () => {
    const imageId = await uploadImage(maker);
    const res = await edit(maker, { avatarMediaId: imageId });
    expect(res.status).toBe(200);
    expect(res.body.avatarUrl).toContain(`/${imageId}/`);

    const pub = await api.call<Profile>('GET', `/v1/makers/${maker.userId}`);
    expect(pub.body.avatarUrl).toContain(`/${imageId}/`);
    const file = await runtime.app!.inject({ method: 'GET', url: pub.body.avatarUrl! });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');

    const me = await api.call<{ maker: Profile }>('GET', '/v1/me', { token: maker.accessToken });
    expect(me.body.maker.avatarUrl).toContain(`/${imageId}/`);
    const profiles = await runtime.modules.identity.makerProfiles([maker.userId]);
    expect(profiles.get(maker.userId)?.avatarUrl).toContain(`/${imageId}/`);

    const removed = await edit(maker, { avatarMediaId: null });
    expect(removed.body.avatarUrl).toBeNull();
  });

  it('deletes the previous avatar image, its media and its files, when a new one is set or the avatar removed', async () => {
    // Local storage: renditions under DATA_DIR/media/media/<id>/, the original under DATA_DIR/uploads/<id>.
    const renditions = (id: string) => path.join(runtime.ctx.config.DATA_DIR, 'media', 'media', id);
    const original = (id: string) => path.join(runtime.ctx.config.DATA_DIR, 'uploads', id);
    const first = await uploadImage(maker);
    const second = await uploadImage(maker);
    expect((await edit(maker, { avatarMediaId: first })).status).toBe(200);
    const firstUrl = (await api.call<Profile>('GET', `/v1/makers/${maker.userId}`)).body.avatarUrl!;
    expect(existsSync(renditions(first)) && existsSync(original(first))).toBe(true);
    // Setting the same avatar again keeps it.
    expect((await edit(maker, { avatarMediaId: first, bio: 'Still weaving' })).status).toBe(200);
    expect(await runtime.modules.media.get(first)).not.toBeNull();

    const replaced = await edit(maker, { avatarMediaId: second });
    expect(replaced.body.avatarUrl).toContain(`/${second}/`);
    expect(await runtime.modules.media.get(first)).toBeNull();
    expect((await api.call('GET', `/v1/media/${first}`, { token: maker.accessToken })).status).toBe(404);
    expect((await runtime.app!.inject({ method: 'GET', url: firstUrl })).statusCode).toBe(404);
    await eventually(async () => !existsSync(renditions(first)), 'old avatar renditions removed');
    await eventually(async () => !existsSync(original(first)), 'old avatar upload removed');
    expect(existsSync(renditions(second))).toBe(true);
    // Other edits leave the avatar alone; removing it deletes it too.
    expect((await edit(maker, { city: 'Cork' })).body.avatarUrl).toContain(`/${second}/`);
    expect(await runtime.modules.media.get(second)).not.toBeNull();
    expect((await edit(maker, { avatarMediaId: null })).body.avatarUrl).toBeNull();
    expect(await runtime.modules.media.get(second)).toBeNull();
  }, 60_000);

  it('refuses an avatar that is a video, someone else’s, or unknown (422)', async () => {
    const video = await createReadyMedia(runtime, maker.userId);
    const asVideo = await edit(maker, { avatarMediaId: video });
    expect(asVideo.status).toBe(422);
    expect(asVideo.body.error.code).toBe('avatar_must_be_image');

    const other = await api.signInMaker('potter-next-door@example.com', 'Next Door');
    const theirs = await uploadImage(other);
    const notMine = await edit(maker, { avatarMediaId: theirs });
    expect(notMine.status).toBe(422);
    expect(notMine.body.error.code).toBe('avatar_media_not_found');

    const unknown = await edit(maker, { avatarMediaId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('avatar_media_not_found');
  });
});
