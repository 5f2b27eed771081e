import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../shared/api/client';
import { jsonResponse, renderWithApp } from '../../test/render';
import { me, serve, signInAs } from '../../test/signed-in';
import FeedScreen from './feed-screen';

function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.search}</output>;
}

const render = (route = '/') =>
  renderWithApp(
    <Routes>
      <Route
        path="/"
        element={
          <>
            <FeedScreen />
            <Where />
          </>
        }
      />
    </Routes>,
    { route },
  );

// jsdom lays nothing out and has no scrolling; changing tabs scrolls the feed back to its top.
Element.prototype.scrollTo = () => undefined;

describe('FeedScreen: For you | Following', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.clear('session_ended');
  });

  it('asks for the followed makers’ stories and, with none, leads to discovery', async () => {
    signInAs();
    const calls = serve({
      'GET /v1/me': () => jsonResponse(me({ id: 'u1' })),
      'GET /v1/feed': () => jsonResponse({ items: [], nextCursor: null }),
    });
    render();
    await screen.findByText('No stories yet');
    fireEvent.click(screen.getByRole('tab', { name: 'Following' }));
    expect(await screen.findByText('Nothing from the makers you follow yet')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Discover makers' }).getAttribute('href')).toBe('/search');
    expect(screen.getByTestId('where').textContent).toBe('?feed=following');
    await waitFor(() => expect(calls.some((c) => new URL(c.url).searchParams.get('following') === 'true')).toBe(true));
    expect(screen.getByRole('tab', { name: 'Following' }).getAttribute('aria-selected')).toBe('true');
  });

  it('asks a signed-out viewer to sign in instead of loading the Following feed', async () => {
    const calls = serve({ 'GET /v1/feed': () => jsonResponse({ items: [], nextCursor: null }) });
    render('/?feed=following');
    expect(await screen.findByText('Follow the makers you love')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/sign-in');
    expect(calls.some((c) => new URL(c.url).searchParams.get('following') === 'true')).toBe(false);
  });
});
