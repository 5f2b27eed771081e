import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../shared/api/client';
import type { Review } from '../../shared/queries/reviews/types';
import { jsonResponse, renderWithApp } from '../../test/render';
import { serve, signInAs } from '../../test/signed-in';
import { OrderReview } from './order-review';

const MAKER = '0b8e2a4c-6a43-4f7e-9d55-1f1f3c2b9a10';
const order = { id: 'o1', status: 'delivered', buyerId: 'u1', makerId: MAKER };
const review = (patch: Partial<Review> = {}): Review => ({
  id: 'r1',
  makerId: MAKER,
  rating: 4,
  text: 'Lovely <b>bowl</b>',
  createdAt: '2026-03-01T10:00:00.000Z',
  buyer: { displayName: 'ann', deleted: false },
  ...patch,
});

describe('OrderReview', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.clear('session_ended');
  });

  it('lets the buyer of a delivered order rate it 1–5 with text, then shows their review', async () => {
    signInAs();
    let stored: Review | null = null;
    const calls = serve({
      'GET /v1/orders/o1/review': () =>
        jsonResponse({ review: stored, canReview: stored === null, reviewableUntil: '2026-05-01T00:00:00.000Z' }),
      'POST /v1/orders/o1/review': async (req) => {
        const body = (await req.clone().json()) as { rating: number; text?: string };
        stored = review({ rating: body.rating, text: body.text ?? null });
        return jsonResponse(stored, 201);
      },
    });
    renderWithApp(<OrderReview order={order} viewerId="u1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Leave a review' }));
    const post = screen.getByRole('button', { name: 'Post review' });
    expect((post as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: /^4 stars/ }));
    fireEvent.change(screen.getByLabelText('What did you think? (optional)'), {
      target: { value: 'Lovely <b>bowl</b>' },
    });
    fireEvent.click(post);
    expect(await screen.findByRole('heading', { name: 'Your review' })).toBeTruthy();
    const sent = calls.find((c) => c.method === 'POST')!;
    expect(await sent.json()).toEqual({ rating: 4, text: 'Lovely <b>bowl</b>' });
    // Text only: the markup is shown as typed, never rendered.
    expect(screen.getByText('Lovely <b>bowl</b>')).toBeTruthy();
    expect(screen.getByRole('img', { name: '4.0 of 5 stars' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Answer this review' })).toBeNull();
  });

  it('shows the server’s refusal, and nothing to a buyer whose window closed', async () => {
    signInAs();
    serve({
      'GET /v1/orders/o1/review': () => jsonResponse({ review: null, canReview: true, reviewableUntil: null }),
      'POST /v1/orders/o1/review': () =>
        jsonResponse({ error: { code: 'review_window_closed', message: 'Reviews are taken for 60 days' } }, 409),
    });
    renderWithApp(<OrderReview order={order} viewerId="u1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Leave a review' }));
    fireEvent.click(screen.getByRole('radio', { name: /^1 star:/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Post review' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The time to review this order has passed.');
  });

  it('lets the maker answer the buyer’s review once', async () => {
    signInAs(['viewer', 'maker']);
    let answered = false;
    const calls = serve({
      'GET /v1/orders/o1/review': () =>
        jsonResponse({
          review: review(answered ? { reply: { text: 'Thank you!', createdAt: '2026-03-02T00:00:00.000Z' } } : {}),
          canReview: false,
          reviewableUntil: null,
        }),
      'POST /v1/reviews/r1/reply': () => {
        answered = true;
        return jsonResponse(review({ reply: { text: 'Thank you!', createdAt: '2026-03-02T00:00:00.000Z' } }), 201);
      },
    });
    renderWithApp(<OrderReview order={{ ...order, buyerId: 'b1', makerId: 'u1' }} viewerId="u1" />);
    expect(await screen.findByRole('heading', { name: 'The buyer’s review' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Answer this review' }));
    fireEvent.change(screen.getByLabelText(/Your answer/), { target: { value: 'Thank you!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Post answer' }));
    expect(await screen.findByText('Thank you!')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Answer this review' })).toBeNull());
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('asks nothing before delivery', async () => {
    signInAs();
    const calls = serve({});
    renderWithApp(<OrderReview order={{ ...order, status: 'shipped' }} viewerId="u1" />);
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole('button', { name: 'Leave a review' })).toBeNull();
    expect(calls.filter((c) => c.url.includes('/review'))).toEqual([]);
  });
});
