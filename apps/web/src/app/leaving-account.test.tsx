import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import AccountScreen from '../features/account/account-screen';
import { RequireAuth } from '../features/auth/require-auth';
import { sessionStore } from '../shared/api/client';
import { jsonResponse, renderRoutes } from '../test/render';
import { me, serve, signInAs } from '../test/signed-in';

describe('leaving the account screen', () => {
  afterEach(() => vi.unstubAllGlobals());

  // The account screen needs a session: forgotten while it is still shown, it would send the
  // person to sign in instead of to the feed.
  const inTheApp = (leaving: string) => {
    signInAs();
    serve({ 'GET /v1/me': () => jsonResponse(me()), [leaving]: () => new Response(null, { status: 204 }) });
    return renderRoutes(
      [
        { path: '/', element: <p>The feed</p> },
        { path: '/sign-in', element: <p>Sign in</p> },
        {
          path: '/account',
          element: (
            <RequireAuth>
              <AccountScreen />
            </RequireAuth>
          ),
        },
      ],
      { route: '/account' },
    );
  };

  /** The feed is shown, the session forgotten, and no other screen was ever on the way. */
  async function leftForTheFeed({ router, visited }: ReturnType<typeof inTheApp>) {
    await screen.findByText('The feed');
    await waitFor(() => expect(sessionStore.get()).toBeNull());
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(router.state.location.pathname).toBe('/');
    expect(visited).toEqual(['/account', '/']);
  }

  it('after deleting the account, shows the feed and never the sign-in screen', async () => {
    const app = inTheApp('DELETE /v1/me');
    fireEvent.click(await screen.findByRole('button', { name: 'Delete my account' }));
    fireEvent.change(screen.getByLabelText('Type DELETE to confirm'), { target: { value: 'DELETE' } });
    fireEvent.click(screen.getByRole('button', { name: 'Delete my account for good' }));
    await leftForTheFeed(app);
  });

  it('after signing out, shows the feed and never the sign-in screen', async () => {
    const app = inTheApp('POST /v1/auth/sign-out');
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    await leftForTheFeed(app);
  });
});
