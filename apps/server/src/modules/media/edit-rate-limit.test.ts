import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type Session } from '../../../test/client';
import { startTestServer } from '../../../test/harness';
import type { Runtime } from '../../composition/runtime';
import { updateMedia } from './repo';
import { createReadyMedia } from './test-fixtures';

let runtime: Runtime;
let maker: Session;
let otherMaker: Session;

/** A ready video that can be edited (it keeps an original; the edit's processing itself does not matter here). */
async function editableVideo(ownerId: string): Promise<string> {
  const id = await createReadyMedia(runtime, ownerId);
  await updateMedia(runtime.ctx.db, id, { sourceKey: 'uploads/kept-original', sourceDurationMs: 10_000 });
  return id;
}

beforeAll(async () => {
  runtime = await startTestServer({ env: { EDIT_RATE_LIMIT_PER_HOUR: '2' } });
  const api = apiClient(runtime);
  [maker, otherMaker] = await Promise.all([
    api.signInMaker('edit-limit@example.com', 'Limited Maker'),
    api.signInMaker('edit-limit-other@example.com', 'Other Maker'),
  ]);
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
});

describe('studio edits', () => {
  it('security review: studio edits have no limit — each user gets EDIT_RATE_LIMIT_PER_HOUR edits, then 429 with Retry-After', async () => {
    const api = apiClient(runtime);
    const mediaId = await editableVideo(maker.userId);
    const edit = (token: string, id = mediaId) =>
      api.call<{ error?: { code: string } }>('POST', `/v1/media/${id}/edits`, { token, body: { trimEndMs: 9000 } });

    expect((await edit(maker.accessToken)).status).toBe(202);
    expect((await edit(maker.accessToken)).status).toBe(202);
    const third = await edit(maker.accessToken);
    expect(third.status).toBe(429);
    expect(third.body.error?.code).toBe('rate_limited');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);

    // Another maker keeps their own budget.
    const theirs = await editableVideo(otherMaker.userId);
    expect((await edit(otherMaker.accessToken, theirs)).status).toBe(202);
  });
});
