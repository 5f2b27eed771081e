import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../test/render';
import { DemoBanner } from './demo-banner';

const serveEnvironment = (demo: boolean) =>
  vi.stubGlobal('fetch', async (request: Request) =>
    new URL(request.url).pathname === '/v1/environment'
      ? jsonResponse({ demo })
      : jsonResponse({ error: { code: 'not_found', message: 'none' } }, 404),
  );

describe('DemoBanner', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('security review: demo banner — the app shows a visible demo banner on a demo deployment', async () => {
    serveEnvironment(true);
    renderWithApp(<DemoBanner />);
    const banner = await screen.findByRole('note', { name: /demo/i });
    expect(banner.textContent).toMatch(/no real money/i);
  });

  it('shows nothing on a real deployment', async () => {
    serveEnvironment(false);
    const { container, queryClient } = renderWithApp(<DemoBanner />);
    await vi.waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(container.innerHTML).toBe('');
  });
});
