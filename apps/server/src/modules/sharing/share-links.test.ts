import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type Session } from '../../../test/client';
import { startTestServer } from '../../../test/harness';
import type { Runtime } from '../../composition/runtime';
import { isReady, uploadBytes, waitForMedia } from '../media/test-fixtures';
import { createDraft, createPublished, email, type Api } from '../stories/test-support';

let runtime: Runtime;
let api: Api;
let maker: Session;
let admin: Session;
const PUBLIC_URL = 'https://window.example';

beforeAll(async () => {
  runtime = await startTestServer({
    env: { ADMIN_EMAILS: 'share-admin@example.com', PUBLIC_URL, SHARE_IMAGE_TOKEN_SECONDS: String(3 * 86400) },
  });
  api = apiClient(runtime);
  maker = await api.signInMaker(email('share-maker'), 'Ann "Ash" <b>Wood</b>');
  admin = await api.signInAdmin('share-admin@example.com');
}, 60_000);

afterAll(() => runtime?.stop());

/** Every `<meta property|name=… content=…>` of a page, keyed by its property or name. */
function metaTags(html: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const m of html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)" \/>/g)) tags.set(m[1]!, m[2]!);
  return tags;
}

const unescape = (v: string) =>
  v
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

const open = (url: string) => runtime.app!.inject({ method: 'GET', url });

describe('shared story links (GET /s/:storyId)', () => {
  it('answer the app page with Open Graph and Twitter tags, every value escaped', async () => {
    const title = 'The "best" bowl <script>alert(1)</script> & co';
    const story = await createPublished(runtime, api, maker, {
      title,
      description: `Turned from one piece of walnut.\n\nOiled ${'and waxed '.repeat(40)}by hand.`,
    });
    const res = await open(`/s/${story.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).not.toContain('<script>alert(1)');
    expect(res.body).toContain('The &quot;best&quot; bowl &lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    const tags = metaTags(res.body);
    expect(unescape(tags.get('og:title')!)).toBe(title);
    expect(unescape(tags.get('twitter:title')!)).toBe(title);
    expect(tags.get('og:type')).toBe('article');
    expect(tags.get('og:url')).toBe(`${PUBLIC_URL}/stories/${story.id}`);
    expect(res.body).toContain(`<link rel="canonical" href="${PUBLIC_URL}/stories/${story.id}" />`);
    expect(tags.get('twitter:card')).toBe('summary_large_image');
    // The description on one line, cut to 200 characters at a word.
    const description = unescape(tags.get('og:description')!);
    expect(description.startsWith('Turned from one piece of walnut. Oiled and waxed')).toBe(true);
    expect(description.length).toBeLessThanOrEqual(200);
    expect(description.endsWith('…')).toBe(true);
    expect(tags.get('description')).toBe(tags.get('og:description'));
    // The shell's own title and description gave way to the story's.
    expect(res.body.match(/<title>/g)).toHaveLength(1);
    expect(res.body.match(/name="description"/g)).toHaveLength(1);

    // The image: the hero video's poster, absolute under PUBLIC_URL, signed for days, and served.
    const image = tags.get('og:image')!;
    expect(tags.get('twitter:image')).toBe(image);
    expect(image).toMatch(new RegExp(`^${PUBLIC_URL}/v1/play/[^/]+/${story.heroMediaId}/poster\\.jpg$`));
    const expiresAt = Number(/\/v1\/play\/\d+\.(\d+)\./.exec(image)![1]);
    const now = Date.now() / 1000;
    expect(expiresAt).toBeGreaterThanOrEqual(now + 3 * 86400 - 5);
    expect(expiresAt).toBeLessThanOrEqual(now + 4 * 86400);
    expect(expiresAt % 86400).toBe(0);
    const poster = await open(image.slice(PUBLIC_URL.length));
    expect(poster.statusCode).toBe(200);
    expect(poster.headers['content-type']).toBe('image/jpeg');
    // The same link an hour later names the same image URL (caches keep it).
    expect(metaTags((await open(`/s/${story.id}`)).body).get('og:image')).toBe(image);
  });

  it('answer 404 without tags for an unknown id, a draft, an archived or taken-down story, and a suspended maker', async () => {
    const noTags = async (url: string) => {
      const res = await open(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).not.toContain('og:');
      expect(res.body).not.toContain('twitter:');
    };
    await noTags('/s/00000000-0000-4000-8000-000000000000');
    await noTags('/s/not-a-story');

    const draft = await createDraft(runtime, api, maker, { title: 'Still in the studio' });
    await noTags(`/s/${draft.id}`);

    const archived = await createPublished(runtime, api, maker, { title: 'Withdrawn' });
    expect(
      (await api.call('POST', `/v1/stories/${archived.id}/archive`, { token: maker.accessToken })).status,
    ).toBeLessThan(300);
    await noTags(`/s/${archived.id}`);

    const takenDown = await createPublished(runtime, api, maker, { title: 'Reported' });
    const posterOfTakenDown = metaTags((await open(`/s/${takenDown.id}`)).body).get('og:image')!;
    const down = await api.call('POST', `/v1/admin/stories/${takenDown.id}/unpublish`, {
      token: admin.accessToken,
      body: { reason: 'not handmade' },
    });
    expect(down.status).toBe(200);
    await noTags(`/s/${takenDown.id}`);
    // Its preview image, handed out before, stops too.
    expect((await open(posterOfTakenDown.slice(PUBLIC_URL.length))).statusCode).toBe(403);

    const other = await api.signInMaker(email('suspended-maker'), 'Soon Suspended');
    const theirs = await createPublished(runtime, api, other, { title: 'A vase' });
    expect((await open(`/s/${theirs.id}`)).statusCode).toBe(200);
    expect((await open(`/m/${other.userId}`)).statusCode).toBe(200);
    const suspended = await api.call('POST', `/v1/admin/users/${other.userId}/suspend`, {
      token: admin.accessToken,
      body: { reason: 'fraud' },
    });
    expect(suspended.status).toBeLessThan(300);
    await noTags(`/s/${theirs.id}`);
    await noTags(`/m/${other.userId}`);
  });
});

describe('shared maker links (GET /m/:makerId)', () => {
  it('answer the maker’s name, bio and avatar, escaped', async () => {
    const edited = await api.call('PATCH', '/v1/makers/me', {
      token: maker.accessToken,
      body: { bio: 'Bowls & spoons from "fallen" trees', city: 'Leeds', country: 'GB' },
    });
    expect(edited.status).toBe(200);
    const res = await open(`/m/${maker.userId}`);
    expect(res.statusCode).toBe(200);
    const tags = metaTags(res.body);
    expect(unescape(tags.get('og:title')!)).toBe('Ann "Ash" <b>Wood</b>');
    expect(res.body).not.toContain('<b>Wood</b>');
    expect(unescape(tags.get('og:description')!)).toBe('Bowls & spoons from "fallen" trees');
    expect(tags.get('og:type')).toBe('profile');
    expect(tags.get('og:url')).toBe(`${PUBLIC_URL}/makers/${maker.userId}`);
    // No avatar yet: a small card without a picture.
    expect(tags.get('og:image')).toBeUndefined();
    expect(tags.get('twitter:card')).toBe('summary');

    const avatar = await uploadImage(maker);
    expect(
      (await api.call('PATCH', '/v1/makers/me', { token: maker.accessToken, body: { avatarMediaId: avatar } })).status,
    ).toBe(200);
    const withAvatar = metaTags((await open(`/m/${maker.userId}`)).body);
    expect(withAvatar.get('twitter:card')).toBe('summary_large_image');
    const image = withAvatar.get('og:image')!;
    expect(image).toMatch(new RegExp(`^${PUBLIC_URL}/v1/play/[^/]+/${avatar}/poster\\.jpg$`));
    const served = await open(image.slice(PUBLIC_URL.length));
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');

    await noTagsFor(`/m/00000000-0000-4000-8000-000000000000`);
    const viewer = await api.signIn(email('just-a-viewer'));
    await noTagsFor(`/m/${viewer.userId}`);
  });
});

/** Uploads a small PNG through tus, as the app does, and waits until the pipeline made it ready. */
async function uploadImage(session: Session): Promise<string> {
  const photo = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR4nGM4UaFBEmIY1TCqYfhqAAADaGgQ43GRdgAAAABJRU5ErkJggg==',
    'base64',
  );
  const mediaId = await uploadBytes(runtime, session.accessToken, photo, 'image/png', 'me.png');
  await waitForMedia(runtime, mediaId, session.accessToken, isReady);
  return mediaId;
}

async function noTagsFor(url: string): Promise<void> {
  const res = await open(url);
  expect(res.statusCode, url).toBe(404);
  expect(res.body).not.toContain('og:');
}
