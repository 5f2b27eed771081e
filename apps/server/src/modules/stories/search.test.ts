import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../../test/harness';
import { apiClient, type Session } from '../../../test/client';
import { ManualClock } from '../../platform/clock';
import type { Runtime } from '../../composition/runtime';
import { openAuctionWith, bid } from '../auctions/test-support';
import { createReadyMedia } from '../media/test-fixtures';
import type { StoryCard, StoryView } from './schemas';
import { createDraft, createPublished, email, type Api } from './test-support';

const clock = new ManualClock(Date.now());
const adminEmail = email('search-admin');
let runtime: Runtime;
let api: Api;
let admin: Session;
let ana: Session;
let ben: Session;
let cid: Session;
let buyer: Session;
let rival: Session;

interface Page {
  items: StoryCard[];
  nextCursor: string | null;
  facets: { category: Record<string, number> };
}
interface MakerPage {
  items: { id: string; displayName: string; city: string | null; country: string | null; followerCount: number }[];
  nextCursor: string | null;
}

const s: Record<string, StoryView> = {};
const hidden: Record<string, StoryView> = {};

async function publish(name: string, maker: Session, fields: Record<string, unknown>): Promise<void> {
  clock.advance(1_000);
  s[name] = await createPublished(runtime, api, maker, {
    heroMediaId: await createReadyMedia(runtime, maker.userId),
    ...fields,
  });
}

async function search(query: string): Promise<Page> {
  const res = await api.call<Page>('GET', `/v1/search?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const ids = async (query: string): Promise<string[]> => (await search(query)).items.map((i) => i.id);
const idsOf = (...names: string[]): string[] => names.map((n) => s[n]!.id);

/** Every page of a search, following the cursors. */
async function readAll(query: string, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < 50; n++) {
    const page: Page = await search(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
    if (cursor === null) return seen;
  }
  throw new Error('search did not end');
}

beforeAll(async () => {
  runtime = await startTestServer({ clock, env: { ADMIN_EMAILS: adminEmail } });
  api = apiClient(runtime);
  admin = await api.signInAdmin(adminEmail);
  ana = await api.signInMaker(email('ana'), 'Ana Olaria');
  ben = await api.signInMaker(email('ben'), 'Ben Turner');
  cid = await api.signInMaker(email('cid'), 'Cid Carver');
  buyer = await api.signIn(email('buyer'));
  rival = await api.signIn(email('rival'));
  const profile = (who: Session, body: Record<string, unknown>) =>
    api.call('PATCH', '/v1/makers/me', { token: who.accessToken, body });
  expect((await profile(ana, { city: 'Évora', country: 'PT' })).status).toBe(200);
  expect((await profile(ben, { city: 'Bristol', country: 'GB' })).status).toBe(200);

  const policy = (minOfferMinor: number) => ({ minOfferMinor, currency: 'USD', autoRejectBelowMin: true });
  await publish('cerulean', ana, {
    title: 'Cerâmica azul',
    category: 'ceramics',
    description: 'A blue glazed bowl thrown on the wheel',
    offerPolicy: policy(10_000),
    buyNowMinor: 30_000,
  });
  await publish('bowls', ben, {
    title: 'Walnut bowls',
    category: 'woodwork',
    materials: ['walnut', 'linseed oil'],
    offerPolicy: policy(12_000),
  });
  await publish('stool', ben, {
    title: 'Oak stool',
    category: 'woodwork',
    description: 'Three legs and a round seat',
    processSteps: [{ title: 'Turning', body: 'The legs are turned from walnut offcuts', mediaId: null }],
    offerPolicy: policy(20_000),
  });
  await publish('scarf', ana, { title: 'Linen scarf', category: 'textiles', offerPolicy: policy(5_000) });
  await publish('spoon', ben, { title: 'Walnut spoon', category: 'woodwork', offerPolicy: policy(8_000) });
  // A live auction on the spoon, its high bid above every other price.
  const auction = await openAuctionWith(api, s.spoon!.id, buyer, 8_000);
  const raised = await bid(api, auction.id, rival, auction.minNextBidMinor!);
  expect(raised.status, JSON.stringify(raised.body)).toBe(201);

  // Never found: a draft, an archived story, a taken-down story, a suspended maker's story.
  hidden.draft = await createDraft(runtime, api, ben, { title: 'Walnut draft' });
  clock.advance(1_000);
  hidden.archived = await createPublished(runtime, api, ben, { title: 'Walnut archived' });
  expect((await api.call('POST', `/v1/stories/${hidden.archived.id}/archive`, { token: ben.accessToken })).status).toBe(
    200,
  );
  clock.advance(1_000);
  hidden.takenDown = await createPublished(runtime, api, ben, { title: 'Walnut taken down' });
  const takeDown = await api.call('POST', `/v1/admin/stories/${hidden.takenDown.id}/unpublish`, {
    token: admin.accessToken,
    body: { reason: 'Counterfeit' },
  });
  expect(takeDown.status).toBe(200);
  clock.advance(1_000);
  hidden.suspended = await createPublished(runtime, api, cid, { title: 'Walnut carving' });
  const suspend = await api.call('POST', `/v1/admin/users/${cid.userId}/suspend`, {
    token: admin.accessToken,
    body: { reason: 'Fraud' },
  });
  expect(suspend.status).toBe(200);
}, 120_000);
afterAll(() => runtime?.stop());

describe('GET /v1/search: words', () => {
  it('ignores accents both ways', async () => {
    expect(await ids('q=ceramica')).toEqual(idsOf('cerulean'));
    expect(await ids('q=Cer%C3%A2mica')).toEqual(idsOf('cerulean'));
    expect(await ids('q=evora')).toEqual([]); // the maker's city is not part of a story's text
  });

  it('matches English stems: bowls finds bowl and bowls', async () => {
    expect((await ids('q=bowls')).sort()).toEqual(idsOf('cerulean', 'bowls').sort());
    expect((await ids('q=bowl')).sort()).toEqual(idsOf('cerulean', 'bowls').sort());
  });

  it('tolerates one typo in a word of five letters or more, not more', async () => {
    const walnut = idsOf('bowls', 'stool', 'spoon').sort();
    expect((await ids('q=walnutt')).sort()).toEqual(walnut);
    expect((await ids('q=wlanut')).sort()).toEqual(walnut); // two letters swapped
    expect((await ids('q=wanut')).sort()).toEqual(walnut); // one missing
    expect(await ids('q=wxlnxt')).toEqual([]); // two typos
    expect(await ids('q=oaj')).toEqual([]); // short words must be spelt right
    expect(await ids('q=walnutt%20spoon')).toEqual(idsOf('spoon')); // every word must match
  });

  it('finds by the maker display name, and while typing (the last word as a prefix)', async () => {
    expect((await ids('q=olaria')).sort()).toEqual(idsOf('cerulean', 'scarf').sort());
    expect((await ids('q=waln')).sort()).toEqual(idsOf('bowls', 'stool', 'spoon').sort());
  });

  it('never finds drafts, archived, taken-down stories or a suspended maker’s stories', async () => {
    const found = await readAll('q=walnut', 50);
    for (const story of Object.values(hidden)) expect(found).not.toContain(story.id);
    expect(found.sort()).toEqual(idsOf('bowls', 'stool', 'spoon').sort());
    const everything = await readAll('', 50);
    for (const story of Object.values(hidden)) expect(everything).not.toContain(story.id);
    expect(everything).toHaveLength(5);
  });

  it('reads any text as words: query syntax, stop words and odd letters never fail', async () => {
    for (const q of ['the', "'walnut' & !oak:*", 'ŉ ß ǆ ½', 'a'.repeat(200), '((bowl', 'and or not']) {
      const res = await api.call('GET', `/v1/search?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
    expect((await ids(`q=${encodeURIComponent("'walnut' & !spoon")}`)).sort()).toEqual(idsOf('spoon'));
  });

  it('answers feed items', async () => {
    const [item] = (await search('q=cer%C3%A2mica')).items;
    expect(item).toMatchObject({
      id: s.cerulean!.id,
      title: 'Cerâmica azul',
      category: 'ceramics',
      status: 'published',
      maker: { id: ana.userId, displayName: 'Ana Olaria' },
      buyNowMinor: 30_000,
      auction: null,
    });
    const [spoon] = (await search('q=spoon')).items;
    expect(spoon!.auction?.state).toBe('active');
    expect(spoon!.auction?.highBidMinor).toBeGreaterThan(8_000);
  });
});

describe('GET /v1/search: filters, sorts, facets', () => {
  it('filters by category, mode, price on what the piece costs now, and maker country', async () => {
    expect((await ids('category=woodwork')).sort()).toEqual(idsOf('bowls', 'stool', 'spoon').sort());
    expect(await ids('mode=auction')).toEqual(idsOf('spoon'));
    expect(await ids('mode=buy_now')).toEqual(idsOf('cerulean'));
    expect((await ids('mode=offers')).sort()).toEqual(idsOf('cerulean', 'bowls', 'stool', 'scarf').sort());
    // Prices now: cerulean 30,000 (buy now), bowls 12,000, stool 20,000, scarf 5,000 (minimum offers),
    // spoon its high bid (above 8,000, the opening offer).
    const spoonHigh = (await search('q=spoon')).items[0]!.auction!.highBidMinor!;
    expect(spoonHigh).toBeGreaterThan(8_000);
    expect((await ids('minPriceMinor=12000&maxPriceMinor=30000')).sort()).toEqual(
      idsOf('cerulean', 'bowls', 'stool').sort(),
    );
    expect(await ids(`minPriceMinor=${spoonHigh}&maxPriceMinor=${spoonHigh}`)).toEqual(idsOf('spoon'));
    // The spoon's minimum offer is 8,000, but what it costs now is its high bid.
    expect(await ids('maxPriceMinor=8000')).toEqual(idsOf('scarf'));
    expect((await ids('country=PT')).sort()).toEqual(idsOf('cerulean', 'scarf').sort());
    expect((await ids('country=gb&q=walnut&mode=offers')).sort()).toEqual(idsOf('bowls', 'stool').sort());
  });

  it('sorts by relevance (title above sections), newest, price both ways and ending soon', async () => {
    const relevance = await ids('q=walnut');
    expect(relevance.indexOf(s.bowls!.id)).toBeLessThan(relevance.indexOf(s.stool!.id));
    expect(relevance.indexOf(s.spoon!.id)).toBeLessThan(relevance.indexOf(s.stool!.id));
    expect(await ids('sort=newest')).toEqual(idsOf('spoon', 'scarf', 'stool', 'bowls', 'cerulean'));
    const spoonHigh = (await search('q=spoon')).items[0]!.auction!.highBidMinor!;
    const byPrice = [
      ['scarf', 5_000],
      ['bowls', 12_000],
      ['stool', 20_000],
      ['cerulean', 30_000],
      ['spoon', spoonHigh],
    ] as const;
    const ascending = [...byPrice].sort((a, b) => a[1] - b[1]).map(([name]) => name);
    expect(await ids('sort=price_asc')).toEqual(idsOf(...ascending));
    expect(await ids('sort=price_desc')).toEqual(idsOf(...ascending.reverse()));
    // The live auction first, then the rest newest first.
    expect(await ids('sort=ending_soon')).toEqual(idsOf('spoon', 'scarf', 'stool', 'bowls', 'cerulean'));
  });

  it('counts matches per category for the query, ignoring the category filter', async () => {
    const page = await search('q=walnut&category=ceramics');
    expect(page.items).toEqual([]);
    expect(page.facets.category).toEqual({ woodwork: 3 });
    expect((await search('mode=offers&category=textiles')).facets.category).toEqual({
      ceramics: 1,
      woodwork: 2,
      textiles: 1,
    });
  });

  it('walks keyset pages of every sort without duplicates or gaps', async () => {
    for (const sort of ['relevance', 'newest', 'price_asc', 'price_desc', 'ending_soon']) {
      for (const q of ['', 'q=walnut', 'q=walnut&category=woodwork']) {
        const whole = await ids(`${q}&sort=${sort}&limit=50`);
        for (const limit of [1, 2, 3]) expect(await readAll(`${q}&sort=${sort}`, limit)).toEqual(whole);
      }
    }
  });

  it('refuses bad parameters with 400 and a stable code', async () => {
    const code = async (query: string) => {
      const res = await api.call<{ error: { code: string } }>('GET', `/v1/search?${query}`);
      expect(res.status).toBe(400);
      return res.body.error.code;
    };
    expect(await code('sort=cheapest')).toBe('validation_failed');
    expect(await code('mode=raffle')).toBe('validation_failed');
    expect(await code('category=spaceships')).toBe('validation_failed');
    expect(await code('country=XX')).toBe('validation_failed');
    expect(await code('minPriceMinor=-1')).toBe('validation_failed');
    expect(await code('limit=0')).toBe('validation_failed');
    expect(await code('minPriceMinor=500&maxPriceMinor=100')).toBe('invalid_price_range');
    expect(await code('cursor=not-a-cursor')).toBe('invalid_cursor');
    const newest = (await search('sort=newest&limit=1')).nextCursor!;
    expect(await code(`sort=price_asc&cursor=${newest}`)).toBe('invalid_cursor');
  });
});

describe('the search index follows writes at once', () => {
  it('an edit, a withdrawal and a maker’s new display name are searchable in the next request', async () => {
    const edit = await api.call('PATCH', `/v1/stories/${s.scarf!.id}`, {
      token: ana.accessToken,
      body: { title: 'Indigo scarf', materials: ['indigo'] },
    });
    expect(edit.status).toBe(200);
    expect(await ids('q=indigo')).toEqual(idsOf('scarf'));
    expect(await ids('q=linen')).toEqual([]);

    const rename = await api.call('PATCH', '/v1/makers/me', {
      token: ana.accessToken,
      body: { displayName: 'Ana Barro' },
    });
    expect(rename.status).toBe(200);
    expect((await ids('q=barro')).sort()).toEqual(idsOf('cerulean', 'scarf').sort());
    expect(await ids('q=olaria')).toEqual([]);

    expect((await api.call('POST', `/v1/stories/${s.scarf!.id}/unpublish`, { token: ana.accessToken })).status).toBe(
      200,
    );
    expect(await ids('q=indigo')).toEqual([]);
  });

  it('a reinstated maker’s stories come back', async () => {
    expect(await ids('q=carving')).toEqual([]);
    const res = await api.call('POST', `/v1/admin/users/${cid.userId}/reinstate`, {
      token: admin.accessToken,
      body: { reason: 'Appeal upheld' },
    });
    expect(res.status).toBe(200);
    expect(await ids('q=carving')).toEqual([hidden.suspended!.id]);
    await api.call('POST', `/v1/admin/users/${cid.userId}/suspend`, { token: admin.accessToken, body: {} });
    expect(await ids('q=carving')).toEqual([]);
  });
});

describe('GET /v1/search/makers', () => {
  it('finds makers by display name and city, accent-insensitive and with one typo', async () => {
    const find = async (q: string) => {
      const res = await api.call<MakerPage>('GET', `/v1/search/makers?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      return res.body.items.map((m) => m.id);
    };
    expect(await find('Ben Turner')).toEqual([ben.userId]);
    expect(await find('turnr')).toEqual([ben.userId]);
    expect(await find('bristol')).toEqual([ben.userId]);
    expect(await find('evora')).toEqual([ana.userId]);
    expect(await find('Évora')).toEqual([ana.userId]);
    expect(await find('cid carver')).toEqual([]); // suspended
    const res = await api.call<MakerPage>('GET', '/v1/search/makers?q=turner');
    expect(res.body.items[0]).toMatchObject({
      id: ben.userId,
      displayName: 'Ben Turner',
      city: 'Bristol',
      country: 'GB',
      followerCount: 0,
    });
  });

  it('shows each maker’s follower count', async () => {
    const follow = await api.call('PUT', `/v1/makers/${ben.userId}/follow`, { token: buyer.accessToken });
    expect(follow.status).toBe(200);
    const res = await api.call<MakerPage>('GET', '/v1/search/makers?q=turner');
    expect(res.body.items[0]).toMatchObject({ id: ben.userId, followerCount: 1 });
  });

  it('pages by cursor and refuses an empty query or a bad cursor with 400', async () => {
    const first = await api.call<MakerPage>('GET', '/v1/search/makers?q=a&limit=1');
    expect(first.status).toBe(200);
    expect((await api.call('GET', '/v1/search/makers?q=')).status).toBe(400);
    expect((await api.call('GET', '/v1/search/makers?q=ben&cursor=zzz')).status).toBe(400);
  });
});
