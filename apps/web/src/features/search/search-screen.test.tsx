import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../test/render';
import { serve } from '../../test/signed-in';
import { rememberSearch } from './recent-searches';
import SearchScreen from './search-screen';

const STORY_ID = '5d1c7f0e-2b7b-4a53-8a41-3c0d3e1b2f44';
const MAKER_ID = '0b8e2a4c-6a43-4f7e-9d55-1f1f3c2b9a10';

const card = {
  id: STORY_ID,
  title: 'Walnut bowl',
  category: 'woodwork',
  status: 'published',
  maker: { id: MAKER_ID, displayName: 'Oak & Ash', avatarUrl: null },
  heroMediaId: null,
  posterUrl: null,
  playbackUrl: null,
  auction: null,
  likeCount: 0,
  likedByMe: false,
  viewCount: 0,
  offerPolicy: { minOfferMinor: 10_000, currency: 'USD', autoRejectBelowMin: true },
  buyNowMinor: 25_000,
  publishedAt: '2026-12-01T00:00:00.000Z',
};

function render(route = '/search') {
  renderWithApp(
    <Routes>
      <Route path="/search" element={<SearchScreen />} />
    </Routes>,
    { route },
  );
}

describe('SearchScreen', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('searches once typing pauses, shows pieces, category counts and makers', async () => {
    const calls = serve({
      'GET /v1/search': () =>
        jsonResponse({ items: [card], nextCursor: null, facets: { category: { woodwork: 1, ceramics: 2 } } }),
      'GET /v1/search/makers': () =>
        jsonResponse({
          items: [
            {
              id: MAKER_ID,
              displayName: 'Oak & Ash',
              city: 'Bristol',
              country: 'GB',
              avatarUrl: null,
              followerCount: 3,
            },
          ],
          nextCursor: null,
        }),
    });
    render();
    const box = screen.getByRole('searchbox', { name: 'Search pieces and makers' });
    for (const text of ['w', 'wa', 'walnutt']) fireEvent.change(box, { target: { value: text } });
    const results = await screen.findByRole('list', { name: 'Search results' });
    const piece = await within(results).findByRole('link', { name: /Walnut bowl/ });
    expect(piece.getAttribute('href')).toBe(`/stories/${STORY_ID}`);
    expect(within(results).getByText('$250.00 · buy now')).toBeTruthy();
    const searched = calls.filter((c) => new URL(c.url).pathname === '/v1/search');
    expect(searched.map((c) => new URL(c.url).searchParams.get('q'))).toEqual(['walnutt']);
    const chips = screen.getByRole('group', { name: 'Categories' });
    expect(within(chips).getByRole('button', { name: /Ceramics 2/ })).toBeTruthy();
    expect(within(chips).getByRole('button', { name: /All 3/ }).getAttribute('aria-pressed')).toBe('true');
    const maker = await screen.findByRole('link', { name: /Oak & Ash.*Bristol, GB · 3 followers/ });
    expect(maker.getAttribute('href')).toBe(`/makers/${MAKER_ID}`);

    fireEvent.click(within(chips).getByRole('button', { name: /Woodwork 1/ }));
    await waitFor(() =>
      expect(calls.some((c) => new URL(c.url).searchParams.get('category') === 'woodwork')).toBe(true),
    );
  });

  it('with nothing asked, offers recent searches (clearable) and categories', async () => {
    serve({});
    rememberSearch('linen scarf');
    render();
    const recent = screen.getByRole('list', { name: 'Recent searches' });
    expect(within(recent).getByRole('button', { name: 'linen scarf' })).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Suggested categories' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Recent searches' })).toBeNull());
    expect(localStorage.getItem('vw.recent-searches')).toBeNull();
  });

  it('shows categories to try when nothing matches', async () => {
    serve({ 'GET /v1/search': () => jsonResponse({ items: [], nextCursor: null, facets: { category: {} } }) });
    render('/search?q=zzzz');
    expect(await screen.findByText('No pieces match')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Suggested categories' })).toBeTruthy();
  });
});
