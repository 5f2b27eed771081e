import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../../test/harness';
import { apiClient, type Session } from '../../../test/client';
import type { Runtime } from '../../composition/runtime';
import { createReadyMedia } from '../media/test-fixtures';
import type { StoryView } from './schemas';
import { createDraft, createUploadingMedia, email, offerPolicy, type Api } from './test-support';

let runtime: Runtime;
let api: Api;
let maker: Session;
let otherMaker: Session;

beforeAll(async () => {
  runtime = await startTestServer();
  api = apiClient(runtime);
  maker = await api.signInMaker(email('maker'), 'Ada Clay');
  otherMaker = await api.signInMaker(email('other'), 'Bo Wood');
}, 60_000);
afterAll(() => runtime?.stop());

type ErrorAnswer = { error: { code: string } };
const publish = (id: string, token: string) =>
  api.call<StoryView & ErrorAnswer>('POST', `/v1/stories/${id}/publish`, { token });

describe('publishing', () => {
  it('needs a hero video: none → 422 hero_video_not_ready', async () => {
    const res = await api.call<StoryView>('POST', '/v1/stories', {
      token: maker.accessToken,
      body: { title: 'T', offerPolicy },
    });
    const answer = await publish(res.body.id, maker.accessToken);
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('hero_video_not_ready');
  });

  it('needs the hero to be ready: still uploading → 422; deleted meanwhile → 422', async () => {
    const uploading = await createUploadingMedia(api, maker);
    const res = await api.call<StoryView>('POST', '/v1/stories', {
      token: maker.accessToken,
      body: { title: 'T', offerPolicy, heroMediaId: uploading },
    });
    expect(res.status).toBe(201);
    const answer = await publish(res.body.id, maker.accessToken);
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('hero_video_not_ready');

    const draft = await createDraft(runtime, api, maker);
    await runtime.ctx.db.transaction((tx) => runtime.modules.media.scheduleDeletion(tx, [draft.heroMediaId!]));
    expect((await publish(draft.id, maker.accessToken)).body.error.code).toBe('hero_video_not_ready');
  }, 60_000);

  it('needs an offer policy', async () => {
    const heroMediaId = await createReadyMedia(runtime, maker.userId);
    const res = await api.call<StoryView>('POST', '/v1/stories', {
      token: maker.accessToken,
      body: { title: 'T', heroMediaId },
    });
    const answer = await publish(res.body.id, maker.accessToken);
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('offer_policy_required');
  }, 60_000);

  it('publishes with a ready hero and an offer policy; publishing again changes nothing', async () => {
    const draft = await createDraft(runtime, api, maker);
    const first = await publish(draft.id, maker.accessToken);
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('published');
    expect(Math.abs(Date.parse(first.body.publishedAt!) - Date.now())).toBeLessThan(60_000);
    const again = await publish(draft.id, maker.accessToken);
    expect(again.status).toBe(200);
    expect(again.body.publishedAt).toBe(first.body.publishedAt);
  }, 60_000);

  it('is for the owner only', async () => {
    const draft = await createDraft(runtime, api, maker);
    expect((await publish(draft.id, otherMaker.accessToken)).status).toBe(404);
    expect((await api.call('POST', `/v1/stories/${draft.id}/publish`)).status).toBe(401);
    const stillDraft = await api.call<StoryView>('GET', `/v1/stories/${draft.id}`, { token: maker.accessToken });
    expect(stillDraft.body.status).toBe('draft');
  }, 60_000);
});
