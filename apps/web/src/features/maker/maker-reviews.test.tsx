import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../shared/api/client';
import type { Review } from '../../shared/queries/reviews/types';
import { jsonResponse, renderWithApp } from '../../test/render';
import { serve, signInAs } from '../../test/signed-in';
import { MakerReviews } from './maker-reviews';

const MAKER = '0b8e2a4c-6a43-4f7e-9d55-1f1f3c2b9a10';
const review = (id: string, patch: Partial<Review> = {}): Review => ({
  id,
  makerId: MAKER,
  rating: 5,
  text: `Review ${id}`,
  createdAt: '2026-03-01T10:00:00.000Z',
  buyer: { displayName: `buyer ${id}`, deleted: false },
  ...patch,
});

describe('MakerReviews', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.clear('session_ended');
  });

  it('shows the average and count, the reviews with answers, and loads older pages by cursor', async () => {
    const calls = serve({
      [`GET /v1/makers/${MAKER}/reviews`]: (req) =>
        new URL(req.url).searchParams.get('cursor') === 'c1'
          ? jsonResponse({ items: [review('r3', { rating: 3 })], average: 4.33, count: 3, nextCursor: null })
          : jsonResponse({
              items: [
                review('r1', { reply: { text: 'Thanks, Ann!', createdAt: '2026-03-02T00:00:00.000Z' } }),
                review('r2', { text: null, buyer: { displayName: 'Deleted user', deleted: true } }),
              ],
              average: 4.33,
              count: 3,
              nextCursor: 'c1',
            }),
    });
    renderWithApp(<MakerReviews makerId={MAKER} makerName="Oak & Ash" viewer={{ signedIn: false, userId: null }} />);
    const list = await screen.findByRole('list', { name: 'Reviews of Oak & Ash' });
    expect(screen.getByText('4.3 of 5 (3 reviews)')).toBeTruthy();
    expect(list.textContent).toContain('Thanks, Ann!');
    expect(screen.getByRole('article', { name: 'Review by Deleted user' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Report review/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'More reviews' }));
    expect(await screen.findByText('Review r3')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'More reviews' })).toBeNull();
    expect(calls.map((c) => new URL(c.url).searchParams.get('cursor'))).toEqual([null, 'c1']);
  });

  it('lets a signed-in viewer report a review with a reason', async () => {
    signInAs();
    const calls = serve({
      [`GET /v1/makers/${MAKER}/reviews`]: () =>
        jsonResponse({ items: [review('r1')], average: 5, count: 1, nextCursor: null }),
      'POST /v1/reviews/r1/report': () =>
        jsonResponse({ id: 'p1', reviewId: 'r1', createdAt: '2026-03-03T00:00:00.000Z' }, 201),
    });
    renderWithApp(<MakerReviews makerId={MAKER} makerName="Oak & Ash" viewer={{ signedIn: true, userId: 'u1' }} />);
    fireEvent.click(await screen.findByRole('button', { name: /Report review/ }));
    fireEvent.change(screen.getByLabelText('What is wrong with this review?'), { target: { value: 'Spam' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send report' }));
    expect(await screen.findByRole('status')).toBeTruthy();
    const sent = calls.find((c) => c.method === 'POST')!;
    expect(await sent.json()).toEqual({ reason: 'Spam' });
    expect(screen.queryByRole('button', { name: 'Answer this review' })).toBeNull();
  });

  it('offers the maker an answer on their own page, and no report button', async () => {
    signInAs(['viewer', 'maker']);
    serve({
      [`GET /v1/makers/${MAKER}/reviews`]: () =>
        jsonResponse({ items: [review('r1')], average: 5, count: 1, nextCursor: null }),
    });
    renderWithApp(<MakerReviews makerId={MAKER} makerName="Oak & Ash" viewer={{ signedIn: true, userId: MAKER }} />);
    expect(await screen.findByRole('button', { name: 'Answer this review' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Report review/ })).toBeNull();
  });
});
