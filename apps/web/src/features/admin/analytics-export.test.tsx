import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../test/render';
import { serve } from '../../test/signed-in';
import { AnalyticsExport } from './analytics-export';

const NDJSON = '{"id":1,"type":"story_view"}\n{"id":2,"type":"play"}\n';

describe('AnalyticsExport', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('downloads the NDJSON of the chosen days (the last day included) as a file', async () => {
    const calls = serve({
      'GET /v1/admin/analytics/export': () =>
        new Response(NDJSON, { headers: { 'content-type': 'application/x-ndjson' } }),
    });
    const saved: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved.push(blob as Blob);
      return 'blob:export';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });

    renderWithApp(<AnalyticsExport />);
    fireEvent.change(screen.getByLabelText('First day'), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '2026-11-30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Download NDJSON' }));

    await waitFor(() => expect(names).toEqual(['analytics-2026-11-01-to-2026-12-01.ndjson']));
    const query = new URL(calls[0]!.url).searchParams;
    expect([query.get('from'), query.get('to')]).toEqual(['2026-11-01', '2026-12-01']);
    expect(saved[0]!.size).toBe(NDJSON.length);
    expect((await screen.findByRole('status')).textContent).toContain('Downloaded');
  });

  it('refuses a range that ends before it starts without asking the server, and shows the server’s refusal', async () => {
    const calls = serve({
      'GET /v1/admin/analytics/export': () =>
        jsonResponse({ error: { code: 'forbidden', message: 'Admins only' } }, 403),
    });
    renderWithApp(<AnalyticsExport />);
    fireEvent.change(screen.getByLabelText('First day'), { target: { value: '2026-11-10' } });
    fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '2026-11-09' } });
    fireEvent.click(screen.getByRole('button', { name: 'Download NDJSON' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The last day comes on or after the first.');
    expect(calls).toEqual([]);

    fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '2026-11-10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Download NDJSON' }));
    expect((await screen.findByRole('alert')).textContent).toBe('You don’t have permission to do this.');
    expect(calls).toHaveLength(1);
  });
});
