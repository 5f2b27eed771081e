import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../test/render';
import { serve } from '../../test/serve';
import { ReviewReports } from './review-reports';

const MAKER = '0b8e2a4c-6a43-4f7e-9d55-1f1f3c2b9a10';
const report = {
  id: 'p1',
  reason: 'Insults the maker',
  createdAt: new Date().toISOString(),
  reporterId: null,
  review: {
    id: 'r1',
    makerId: MAKER,
    rating: 1,
    text: 'Rubbish',
    createdAt: '2026-03-01T10:00:00.000Z',
    buyer: { displayName: 'troll', deleted: false },
  },
};

describe('ReviewReports', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('removes a reported review only with a reason, and keeps another by dismissing its reports', async () => {
    let open = [report, { ...report, id: 'p2', review: { ...report.review, id: 'r2', text: 'Fine' } }];
    const calls = serve({
      'GET /v1/admin/review-reports': () => jsonResponse({ items: open, nextCursor: null }),
      'POST /v1/admin/reviews/r1/remove': () => {
        open = open.filter((r) => r.review.id !== 'r1');
        return jsonResponse({ reviewId: 'r1', reportsResolved: 1, rating: { average: null, count: 0 } });
      },
      'POST /v1/admin/reviews/r2/dismiss-reports': () => {
        open = open.filter((r) => r.review.id !== 'r2');
        return jsonResponse({ reviewId: 'r2', reportsResolved: 1, rating: { average: 5, count: 1 } });
      },
    });
    renderWithApp(<ReviewReports />);
    const list = await screen.findByRole('list', { name: 'Reported reviews' });
    expect(list.textContent).toContain('Insults the maker');
    const [first, second] = screen.getAllByRole('button', { name: 'Remove review' });
    expect((first as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getAllByLabelText(/Reason/)[0]!, { target: { value: 'Abusive' } });
    fireEvent.click(first!);
    await waitFor(() => expect(screen.queryByText('Rubbish')).toBeNull());
    expect(second).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Keep (dismiss reports)' }));
    expect(await screen.findByText('No reported reviews')).toBeTruthy();
    const posts = calls.filter((c) => c.method === 'POST');
    expect(await posts[0]!.json()).toEqual({ reason: 'Abusive' });
    expect(new URL(posts[1]!.url).pathname).toBe('/v1/admin/reviews/r2/dismiss-reports');
  });
});
