/** Test support for the stories module's tests (not used by the product). */
import type { Runtime } from '../../composition/runtime';
import type { apiClient, Session } from '../../../test/client';
import { createReadyMedia } from '../media/test-fixtures';
import type { AuctionsPort, StoriesDeps } from './deps';
import type { StoryView } from './schemas';
import { postgresSearchIndex } from './search-repo';
import { StoryEventHub } from './story-events';

export type Api = ReturnType<typeof apiClient>;

let counter = 0;
/** A unique address per call, so tests in one file never share accounts by accident. */
export const email = (who: string): string => `${who}-${Date.now().toString(36)}-${counter++}@example.com`;

export const offerPolicy = { minOfferMinor: 10_000, currency: 'USD', autoRejectBelowMin: true };

/** Ships from the US to every country for free, so tests about other things pay just the piece's price. */
export const freeShipping = {
  fromCountry: 'US',
  options: [
    { region: 'domestic', amountMinor: 0, dispatchDays: 2 },
    { region: 'international', amountMinor: 0, dispatchDays: 5 },
  ],
};

/** A draft with a ready hero video (a new one unless `fields.heroMediaId`) and an offer policy (publishable as it is). */
export async function createDraft(
  runtime: Runtime,
  api: Api,
  maker: Session,
  fields: Record<string, unknown> = {},
): Promise<StoryView> {
  const heroMediaId = (fields.heroMediaId as string | undefined) ?? (await createReadyMedia(runtime, maker.userId));
  const res = await api.call<StoryView>('POST', '/v1/stories', {
    token: maker.accessToken,
    body: { title: 'A walnut bowl', category: 'woodwork', heroMediaId, offerPolicy, shipping: freeShipping, ...fields },
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function createPublished(
  runtime: Runtime,
  api: Api,
  maker: Session,
  fields: Record<string, unknown> = {},
): Promise<StoryView> {
  const draft = await createDraft(runtime, api, maker, fields);
  const res = await api.call<StoryView>('POST', `/v1/stories/${draft.id}/publish`, { token: maker.accessToken });
  if (res.status !== 200) throw new Error(`publish failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A media item still uploading (created through tus, no bytes sent): never ready. */
export async function createUploadingMedia(api: Api, maker: Session): Promise<string> {
  const res = await api.call('POST', '/v1/uploads', {
    token: maker.accessToken,
    headers: {
      'tus-resumable': '1.0.0',
      'upload-length': '1000',
      'upload-metadata': `filetype ${Buffer.from('video/mp4').toString('base64')},filename ${Buffer.from('a.mp4').toString('base64')}`,
    },
  });
  const location = String(res.headers.location ?? '');
  const id = /\/v1\/uploads\/([0-9a-f-]{36})/.exec(location)?.[1];
  if (res.status !== 201 || !id) throw new Error(`upload creation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return id;
}

/** The module's deps over a running product, with the product's auctions module or a stand-in of the test's. */
export function storiesDepsOf(runtime: Runtime, auctions: AuctionsPort = runtime.modules.auctions): StoriesDeps {
  const { ctx, modules } = runtime;
  return {
    db: ctx.db,
    clock: ctx.clock,
    config: ctx.config,
    secrets: ctx.secrets,
    logger: ctx.logger,
    identity: modules.identity,
    media: modules.media,
    auctions: () => auctions,
    social: () => modules.social,
    events: new StoryEventHub(),
    cache: ctx.cache,
    followers: () => ({ followerCounts: async () => new Map() }),
    searchIndex: postgresSearchIndex(ctx.db),
  };
}

/** An auctions port whose "auction in progress" answer the test switches. */
export function fakeAuctions(blocking: Set<string>): AuctionsPort & { erased: string[] } {
  const erased: string[] = [];
  return {
    erased,
    summaries: async (ids) =>
      new Map(
        ids
          .filter((id) => blocking.has(id))
          .map((id) => [
            id,
            {
              auctionId: `auction-${id}`,
              state: 'active' as const,
              highBidMinor: 12_000,
              currency: 'USD',
              reserveMet: false,
              endsAt: '2026-01-04T00:00:00.000Z',
              minNextBidMinor: 12_700,
            },
          ]),
      ),
    blocksStoryChanges: async (id) => blocking.has(id),
    eraseStory: async (_tx, id) => {
      erased.push(id);
    },
    soldStoryIds: async () => [],
  };
}
