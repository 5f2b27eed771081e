import { useQuery } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render';
import { createRouter } from '../router';
import { ScreenBoundary } from './screen-boundary';

function Piece() {
  const piece = useQuery({
    queryKey: ['piece'],
    queryFn: async () => {
      const response = await fetch(new Request('http://localhost:8080/piece'));
      if (!response.ok) throw new Error('server error');
      return (await response.json()) as { title: string };
    },
    throwOnError: true,
  });
  return <h1>{piece.data?.title ?? 'Loading'}</h1>;
}

describe('ScreenBoundary', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('shows a short message when a screen fails, and "Try again" fetches the failed query anew', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let calls = 0;
    vi.stubGlobal('fetch', async () => {
      calls += 1;
      return calls === 1
        ? new Response('{}', { status: 500 })
        : new Response(JSON.stringify({ title: 'Walnut bowl' }), { status: 200 });
    });
    renderWithApp(
      <ScreenBoundary>
        <Piece />
      </ScreenBoundary>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/could not be shown/i);
    expect(screen.queryByRole('heading', { name: 'Walnut bowl' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Walnut bowl' })).toBeTruthy();
    expect(calls).toBe(2);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps the rest of the app on screen when one screen throws while rendering', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    function Broken(): never {
      throw new Error('bad data');
    }
    renderWithApp(
      <>
        <nav aria-label="Main">Feed</nav>
        <ScreenBoundary>
          <Broken />
        </ScreenBoundary>
      </>,
    );
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
  });

  it('wraps every screen of the router in its own boundary', () => {
    window.history.pushState({}, '', '/elsewhere');
    const screens = createRouter().routes[0]?.children ?? [];
    expect(screens.length).toBeGreaterThan(10);
    const unwrapped = screens.filter((route) => {
      const element = route.element as { type?: unknown } | null | undefined;
      return element?.type !== ScreenBoundary;
    });
    expect(unwrapped.map((route) => route.path)).toEqual([]);
  });
});
