import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../api/client';
import { jsonResponse, renderWithApp } from '../../test/render';
import { me, serve, signInAs } from '../../test/signed-in';
import { WatchButton } from './watch-button';

const storyId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('WatchButton', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.clear('session_ended');
  });

  it('shows whether I watch the story and turns on at once when pressed', async () => {
    signInAs();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    serve({
      'GET /v1/me': () => jsonResponse(me({ id: 'u1' })),
      'GET /v1/me/watching': () => jsonResponse({ storyIds: [] }),
      [`PUT /v1/stories/${storyId}/watch`]: async () => {
        await held;
        return jsonResponse({ watching: true });
      },
    });
    renderWithApp(<WatchButton storyId={storyId} title="A walnut bowl" />);
    const button = await screen.findByRole('button', { name: 'Watch A walnut bowl', pressed: false });
    fireEvent.click(button);
    // Pressed before the server answers.
    expect(await screen.findByRole('button', { name: 'Stop watching A walnut bowl', pressed: true })).toBeTruthy();
    release();
    await waitFor(() => expect(screen.getByRole('button', { pressed: true }).textContent).toContain('Watching'));
  });

  it('rolls back when the server refuses', async () => {
    signInAs();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    serve({
      'GET /v1/me': () => jsonResponse(me({ id: 'u1' })),
      'GET /v1/me/watching': () => jsonResponse({ storyIds: [storyId] }),
      [`DELETE /v1/stories/${storyId}/watch`]: async () => {
        await held;
        return jsonResponse({ error: { code: 'story_not_found', message: 'No such story' } }, 404);
      },
    });
    renderWithApp(<WatchButton storyId={storyId} title="A walnut bowl" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Stop watching A walnut bowl', pressed: true }));
    expect(await screen.findByRole('button', { name: 'Watch A walnut bowl', pressed: false })).toBeTruthy();
    release();
    expect(await screen.findByRole('button', { name: 'Stop watching A walnut bowl', pressed: true })).toBeTruthy();
  });
});
