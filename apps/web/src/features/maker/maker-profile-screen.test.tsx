import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../shared/api/client';
import { jsonResponse, renderWithApp } from '../../test/render';
import { me, serve, signInAs } from '../../test/signed-in';
import MakerProfileScreen from './maker-profile-screen';

const MAKER_ID = '0b8e2a4c-6a43-4f7e-9d55-1f1f3c2b9a10';
const STORY_ID = '5d1c7f0e-2b7b-4a53-8a41-3c0d3e1b2f44';

describe('MakerProfileScreen', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the maker’s profile from GET /v1/makers/{id} and links their published pieces', async () => {
    const calls = serve({
      [`GET /v1/makers/${MAKER_ID}`]: () =>
        jsonResponse({
          userId: MAKER_ID,
          displayName: 'Oak & Ash',
          bio: 'Bowls turned from fallen trees.',
          city: 'Bristol',
          country: 'GB',
          avatarUrl: null,
          createdAt: '2026-01-01T00:00:00.000Z',
          since: '2026-01-01T00:00:00.000Z',
          followerCount: 0,
          rating: { average: null, count: 0 },
        }),
      [`GET /v1/makers/${MAKER_ID}/stories`]: () =>
        jsonResponse({ items: [{ id: STORY_ID, title: 'Walnut bowl', posterUrl: null }], nextCursor: null }),
    });
    renderWithApp(
      <Routes>
        <Route path="/makers/:makerId" element={<MakerProfileScreen />} />
      </Routes>,
      { route: `/makers/${MAKER_ID}` },
    );
    expect(await screen.findByRole('heading', { name: 'Oak & Ash' })).toBeTruthy();
    expect(screen.getByText('Bristol, GB')).toBeTruthy();
    expect(screen.getByText('Bowls turned from fallen trees.')).toBeTruthy();
    const piece = await screen.findByRole('link', { name: 'Walnut bowl' });
    expect(piece.getAttribute('href')).toBe(`/stories/${STORY_ID}`);
    const storiesCall = calls.find((c) => c.url.includes('/stories'))!;
    expect(new URL(storiesCall.url).searchParams.get('status')).toBe('published');
  });
});

describe('MakerProfileScreen: the shop page and following', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.clear('session_ended');
  });

  const profile = (extra: Record<string, unknown> = {}) =>
    jsonResponse({
      userId: MAKER_ID,
      displayName: 'Oak & Ash',
      bio: null,
      city: 'Bristol',
      country: 'GB',
      avatarUrl: null,
      createdAt: '2025-03-02T00:00:00.000Z',
      since: '2025-03-02T00:00:00.000Z',
      followerCount: 41,
      rating: { average: null, count: 0 },
      ...extra,
    });
  const render = () =>
    renderWithApp(
      <Routes>
        <Route path="/makers/:makerId" element={<MakerProfileScreen />} />
      </Routes>,
      { route: `/makers/${MAKER_ID}` },
    );

  it('shows followers, rating and since, and the sold pieces on their own tab', async () => {
    const calls = serve({
      [`GET /v1/makers/${MAKER_ID}`]: () => profile({ rating: { average: 4.5, count: 2 } }),
      [`GET /v1/makers/${MAKER_ID}/stories`]: (req) =>
        jsonResponse({
          items: [
            {
              id: STORY_ID,
              title: new URL(req.url).searchParams.get('sold') === 'true' ? 'Sold jug' : 'Walnut bowl',
              posterUrl: null,
            },
          ],
          nextCursor: null,
        }),
    });
    render();
    expect((await screen.findByTestId('follower-count')).textContent).toBe('41 followers');
    expect(screen.getByText('4.5 of 5 (2 reviews)')).toBeTruthy();
    expect(screen.getByText(/Maker since/)).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Walnut bowl' })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Sold' }));
    expect(await screen.findByRole('link', { name: 'Sold jug' })).toBeTruthy();
    expect(calls.some((c) => new URL(c.url).searchParams.get('sold') === 'true')).toBe(true);
  });

  it('follows at once (count and button) and rolls back when the server refuses', async () => {
    signInAs();
    let answer = 200;
    serve({
      [`GET /v1/makers/${MAKER_ID}`]: () => profile({ following: false }),
      [`GET /v1/makers/${MAKER_ID}/stories`]: () => jsonResponse({ items: [], nextCursor: null }),
      'GET /v1/me': () => jsonResponse(me({ id: 'u1' })),
      [`PUT /v1/makers/${MAKER_ID}/follow`]: () =>
        answer === 200
          ? jsonResponse({ following: true, followerCount: 42 })
          : jsonResponse({ error: { code: 'maker_not_found', message: 'No such maker' } }, 404),
      [`DELETE /v1/makers/${MAKER_ID}/follow`]: () => jsonResponse({ following: false, followerCount: 41 }),
    });
    render();
    fireEvent.click(await screen.findByRole('button', { name: 'Follow' }));
    expect(await screen.findByRole('button', { name: 'Following' })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('follower-count').textContent).toBe('42 followers'));

    fireEvent.click(screen.getByRole('button', { name: 'Following' }));
    await waitFor(() => expect(screen.getByTestId('follower-count').textContent).toBe('41 followers'));
    answer = 404;
    fireEvent.click(await screen.findByRole('button', { name: 'Follow' }));
    // Optimistically followed, then rolled back with the refusal shown.
    expect(await screen.findByRole('alert')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Follow' })).toBeTruthy());
    expect(screen.getByTestId('follower-count').textContent).toBe('41 followers');
  });
});
