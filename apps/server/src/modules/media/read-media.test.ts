import { randomUUID } from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer } from '../../../test/harness';
import type { Runtime } from '../../composition/runtime';
import { createMediaDeps } from './index';
import { publishVersion } from './publish-version';
import { readMedia } from './read-media';
import { addVersion, lockMedia } from './repo';
import { createReadyMedia } from './test-fixtures';

let runtime: Runtime;
beforeAll(async () => {
  runtime = await startTestServer();
}, 60_000);
afterAll(() => runtime?.stop());

it('reads an item again when its edit was published between the read of the item and of the edit', async () => {
  const id = await createReadyMedia(runtime, randomUUID());
  const deps = createMediaDeps(runtime.ctx, async () => 'Maker');
  const edit = await deps.db.transaction(async (tx) => addVersion(tx, (await lockMedia(tx, id))!, {}, new Date()));
  expect(await readMedia(deps, id)).toMatchObject({ version: 1, edit: { version: edit, status: 'processing' } });

  // The real database, where the edit is published right after the first read of the item.
  let reads = 0;
  const pool = runtime.ctx.pool;
  const racing = {
    query: async (...args: unknown[]) => {
      const result = await (pool.query as (...a: unknown[]) => Promise<unknown>).apply(pool, args);
      if (++reads === 1) {
        const outcome = { durationMs: 1000, width: 360, height: 640, hasCaptions: false, hasThumbnail: false };
        expect(await publishVersion(deps, id, edit, outcome)).toBe('published');
      }
      return result;
    },
  };
  const view = await readMedia({ ...deps, db: drizzle({ client: racing as unknown as typeof pool }) }, id);
  // As read first, the item still played version 1 and named version 2 as its edit; that edit is
  // now published, so the item is read again rather than shown playing version 1 with no edit.
  expect(reads).toBeGreaterThan(2);
  expect(view).toMatchObject({ status: 'ready', version: edit });
  expect(view?.edit).toBeUndefined();
});
