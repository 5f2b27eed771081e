import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../shared/api/client';
import { jsonResponse, renderWithApp } from '../../test/render';
import { me, serve, signInAs } from '../../test/signed-in';
import FollowingScreen from './following-screen';

const maker = (n: number) => ({
  userId: `0b8e2a4c-6a43-4f7e-9d55-1f1f3c2b9a1${n}`,
  displayName: `Maker ${n}`,
  bio: null,
  city: 'Porto',
  country: 'PT',
  avatarUrl: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  followerCount: n,
  followedAt: '2026-02-01T00:00:00.000Z',
});

describe('FollowingScreen', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.clear('session_ended');
  });

  it('lists the makers I follow with links to their pages, and loads the next page on request', async () => {
    signInAs();
    const calls = serve({
      'GET /v1/me': () => jsonResponse(me({ id: 'u1' })),
      'GET /v1/me/following': (req) =>
        new URL(req.url).searchParams.get('cursor') === 'next'
          ? jsonResponse({ items: [maker(2)], nextCursor: null })
          : jsonResponse({ items: [maker(1)], nextCursor: 'next' }),
    });
    renderWithApp(<FollowingScreen />);
    const first = await screen.findByRole('link', { name: /Maker 1/ });
    expect(first.getAttribute('href')).toBe(`/makers/${maker(1).userId}`);
    expect(first.textContent).toContain('Porto, PT · 1 follower');
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByRole('link', { name: /Maker 2/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    expect(calls.filter((c) => c.url.includes('/v1/me/following'))).toHaveLength(2);
  });

  it('leads to discovery when I follow nobody', async () => {
    signInAs();
    serve({
      'GET /v1/me': () => jsonResponse(me({ id: 'u1' })),
      'GET /v1/me/following': () => jsonResponse({ items: [], nextCursor: null }),
    });
    renderWithApp(<FollowingScreen />);
    expect(await screen.findByText('You follow no makers yet')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Discover makers' }).getAttribute('href')).toBe('/search');
  });
});
