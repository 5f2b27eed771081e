import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../shared/api/client';
import { jsonResponse, renderWithApp } from '../../test/render';
import { me, serve, signInAs } from '../../test/signed-in';
import MakerProfileScreen from './maker-profile-screen';

const MAKER_ID = '0b8e2a4c-6a43-4f7e-9d55-1f1f3c2b9a10';

const routes = (extra: Record<string, (r: Request) => Response> = {}) =>
  serve({
    [`GET /v1/makers/${MAKER_ID}`]: () =>
      jsonResponse({
        userId: MAKER_ID,
        displayName: 'Oak & Ash',
        bio: null,
        city: null,
        country: null,
        avatarUrl: null,
        createdAt: '2026-01-01T00:00:00.000Z',
        since: '2026-01-01T00:00:00.000Z',
        followerCount: 0,
        rating: { average: null, count: 0 },
      }),
    [`GET /v1/makers/${MAKER_ID}/stories`]: () => jsonResponse({ items: [], nextCursor: null }),
    [`GET /v1/makers/${MAKER_ID}/reviews`]: () =>
      jsonResponse({ items: [], average: null, count: 0, nextCursor: null }),
    'GET /v1/me': () => jsonResponse(me({ id: 'u1' })),
    ...extra,
  });

const render = () =>
  renderWithApp(
    <Routes>
      <Route path="/makers/:makerId" element={<MakerProfileScreen />} />
    </Routes>,
    { route: `/makers/${MAKER_ID}` },
  );

describe('MakerProfileScreen: report the maker', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.clear('session_ended');
  });

  it('sends a signed-in viewer’s report about the maker (a user) to the moderators', async () => {
    signInAs();
    const calls = routes({
      'POST /v1/reports': () =>
        jsonResponse(
          { id: 'r1', targetType: 'user', targetId: MAKER_ID, reason: 'Sells bought-in pieces', status: 'open' },
          201,
        ),
    });
    render();
    fireEvent.click(await screen.findByRole('button', { name: 'Report this maker' }));
    fireEvent.change(screen.getByLabelText('What is wrong with this maker?'), {
      target: { value: 'Sells bought-in pieces' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send report' }));
    // The page has other status regions (loading sections): find the report's own.
    expect(await screen.findByText(/the moderators will look at it/)).toBeTruthy();
    const sent = calls.find((c) => c.method === 'POST' && new URL(c.url).pathname === '/v1/reports')!;
    expect(await sent.json()).toEqual({ targetType: 'user', targetId: MAKER_ID, reason: 'Sells bought-in pieces' });
  });

  it('offers no report to a signed-out viewer', async () => {
    routes();
    render();
    expect(await screen.findByRole('heading', { name: 'Oak & Ash' })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Report this maker' })).toBeNull());
  });
});
