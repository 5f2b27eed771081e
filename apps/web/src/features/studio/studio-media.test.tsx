import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Story } from '../../shared/api/types';
import { jsonResponse, renderWithApp } from '../../test/render';
import { serve } from '../../test/signed-in';
import { fieldsFromStory, moveItem, removeItem, toStoryFields } from './studio-draft';
import { GalleryEditor } from './studio-media';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';

const ready = (id: string) => ({
  id,
  kind: 'image',
  status: 'ready',
  progress: 100,
  posterUrl: `/v1/play/t/${id}/poster.jpg`,
});

function Harness({ initial, seen }: { initial: string[]; seen: (gallery: string[]) => void }) {
  const [gallery, setGallery] = useState(initial);
  return (
    <GalleryEditor
      gallery={gallery}
      onChange={(next) => {
        seen(next);
        setGallery(next);
      }}
    />
  );
}

const order = () =>
  within(screen.getByRole('list', { name: 'Gallery items' }))
    .getAllByRole('listitem')
    .map((li) => li.getAttribute('data-media-id'));

describe('moveItem and removeItem', () => {
  it('moves one place up or down and leaves the list as it is at either end', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    expect(removeItem(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
  });
});

describe('GalleryEditor', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reorders with the move buttons and removes an item, each change handed on in the new order', async () => {
    serve(Object.fromEntries([A, B, C].map((id) => [`GET /v1/media/${id}`, () => jsonResponse(ready(id))])));
    const seen = vi.fn();
    renderWithApp(<Harness initial={[A, B, C]} seen={seen} />);
    await screen.findByAltText('Gallery item 1');

    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Move gallery item 1 up' }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Move gallery item 3 down' }).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Move gallery item 3 up' }));
    expect(seen).toHaveBeenLastCalledWith([A, C, B]);
    expect(order()).toEqual([A, C, B]);

    fireEvent.click(screen.getByRole('button', { name: 'Move gallery item 1 down' }));
    expect(seen).toHaveBeenLastCalledWith([C, A, B]);

    fireEvent.click(screen.getByRole('button', { name: 'Remove gallery item 2' }));
    expect(seen).toHaveBeenLastCalledWith([C, B]);
    await waitFor(() => expect(order()).toEqual([C, B]));
  });
});

describe('MediaThumb', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the 320 px thumbnail for the 96 px square, the poster only for denser screens', async () => {
    serve({
      [`GET /v1/media/${A}`]: () => jsonResponse({ ...ready(A), thumbUrl: `/v1/play/t/${A}/thumb.jpg` }),
      [`GET /v1/media/${B}`]: () => jsonResponse(ready(B)),
    });
    renderWithApp(<Harness initial={[A, B]} seen={vi.fn()} />);
    const withThumb = await screen.findByAltText<HTMLImageElement>('Gallery item 1');
    expect(withThumb.getAttribute('src')).toBe(`/v1/play/t/${A}/thumb.jpg`);
    expect(withThumb.getAttribute('srcset')).toBe(`/v1/play/t/${A}/thumb.jpg 320w, /v1/play/t/${A}/poster.jpg 640w`);
    expect(withThumb.getAttribute('sizes')).toBe('96px');
    // Media processed before thumbnails existed keeps its poster.
    const posterOnly = await screen.findByAltText<HTMLImageElement>('Gallery item 2');
    expect(posterOnly.getAttribute('src')).toBe(`/v1/play/t/${B}/poster.jpg`);
    expect(posterOnly.getAttribute('srcset')).toBeNull();
  });
});

describe('the studio draft', () => {
  it('saves the gallery in order and each process step’s media', () => {
    const story = {
      title: 'Bowl',
      description: '',
      category: 'woodwork',
      heroMediaId: null,
      gallery: [{ mediaId: B }, { mediaId: A }],
      processSteps: [{ title: 'Turning', body: 'On the lathe', mediaId: C, media: null }],
      materials: [],
      notes: '',
      location: null,
      offerPolicy: null,
      reserveMinor: null,
      buyNowMinor: null,
    } as unknown as Story;
    const body = toStoryFields(fieldsFromStory(story));
    expect(body.gallery).toEqual([B, A]);
    expect(body.processSteps).toEqual([{ title: 'Turning', body: 'On the lathe', mediaId: C }]);
  });
});
