import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../test/render';
import { serve } from '../../test/signed-in';
import { StoryStatusActions } from './story-status-actions';

const STORY_ID = '5d1c7f0e-2b7b-4a53-8a41-3c0d3e1b2f44';
const paths = (calls: Request[]) => calls.map((c) => `${c.method} ${new URL(c.url).pathname}`);

describe('StoryStatusActions', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('takes a published story off sale and archives it through the maker’s routes', async () => {
    const calls = serve({
      [`POST /v1/stories/${STORY_ID}/unpublish`]: () => jsonResponse({ id: STORY_ID, status: 'draft' }),
      [`POST /v1/stories/${STORY_ID}/archive`]: () => jsonResponse({ id: STORY_ID, status: 'archived' }),
    });
    renderWithApp(<StoryStatusActions storyId={STORY_ID} status="published" />);
    fireEvent.click(screen.getByRole('button', { name: 'Take off sale (back to draft)' }));
    await waitFor(() => expect(paths(calls)).toEqual([`POST /v1/stories/${STORY_ID}/unpublish`]));
    await waitFor(() =>
      expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Archive' }).disabled).toBe(false),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Archive' }));
    await waitFor(() => expect(paths(calls)).toContain(`POST /v1/stories/${STORY_ID}/archive`));
  });

  it('says why when the server refuses (an auction is under way)', async () => {
    serve({
      [`POST /v1/stories/${STORY_ID}/archive`]: () =>
        jsonResponse({ error: { code: 'auction_active', message: 'Not while its auction runs' } }, 409),
    });
    renderWithApp(<StoryStatusActions storyId={STORY_ID} status="published" />);
    fireEvent.click(screen.getByRole('button', { name: 'Archive' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This can’t change while the story’s auction or a purchase is in progress. Try again once it’s over.',
    );
  });

  it('deletes only after the second confirmation', async () => {
    const calls = serve({ [`DELETE /v1/stories/${STORY_ID}`]: () => new Response(null, { status: 204 }) });
    renderWithApp(<StoryStatusActions storyId={STORY_ID} status="draft" />);
    expect(screen.queryByRole('button', { name: 'Take off sale (back to draft)' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Delete story' }));
    expect(calls).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Delete for good' }));
    await waitFor(() => expect(paths(calls)).toEqual([`DELETE /v1/stories/${STORY_ID}`]));
  });
});
