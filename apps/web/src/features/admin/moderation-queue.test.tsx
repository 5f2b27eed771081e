import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../test/render';
import { serve } from '../../test/signed-in';
import { ModerationQueue } from './moderation-queue';

const STORY_ID = '5d1c7f0e-2b7b-4a53-8a41-3c0d3e1b2f44';
const paths = (calls: Request[]) => calls.map((c) => `${c.method} ${new URL(c.url).pathname}`);

const report = (patch: Record<string, unknown>) => ({
  id: 'r1',
  reporterId: 'u2',
  targetType: 'story',
  targetId: STORY_ID,
  targetLabel: 'Walnut bowl',
  reason: 'Not handmade',
  status: 'open',
  createdAt: new Date().toISOString(),
  resolvedAt: null,
  ...patch,
});

describe('ModerationQueue', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('archives a reported story only after confirming, then resolves the report as actioned', async () => {
    const calls = serve({
      'GET /v1/admin/reports': () => jsonResponse({ items: [report({})] }),
      [`POST /v1/admin/stories/${STORY_ID}/archive`]: () =>
        jsonResponse({ id: STORY_ID, status: 'archived', moderated: true }),
      'POST /v1/admin/reports/r1/resolve': () => jsonResponse({ ...report({ status: 'actioned' }) }),
    });
    renderWithApp(<ModerationQueue />);
    fireEvent.click(await screen.findByRole('button', { name: 'Archive story' }));
    expect(paths(calls)).not.toContain(`POST /v1/admin/stories/${STORY_ID}/archive`);
    fireEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Archive story' }));
    fireEvent.click(screen.getByRole('button', { name: 'Archive for good' }));
    await waitFor(() => expect(paths(calls)).toContain('POST /v1/admin/reports/r1/resolve'));
    const archive = calls.find((c) => c.url.endsWith('/archive'))!;
    expect(await archive.json()).toEqual({ reason: 'Report r1: Not handmade' });
    const resolve = calls.find((c) => c.url.endsWith('/resolve'))!;
    expect(await resolve.json()).toMatchObject({ outcome: 'actioned' });
  });

  it('shows a report about a user with their profile and suspends them, resolving the report', async () => {
    const USER_ID = '0b8e2a4c-6a43-4f7e-9d55-1f1f3c2b9a10';
    const calls = serve({
      'GET /v1/admin/reports': () =>
        jsonResponse({
          items: [report({ id: 'r2', targetType: 'user', targetId: USER_ID, targetLabel: 'Maker Oak & Ash' })],
        }),
      [`POST /v1/admin/users/${USER_ID}/suspend`]: () => jsonResponse({ id: USER_ID, status: 'suspended' }),
      'POST /v1/admin/reports/r2/resolve': () => jsonResponse(report({ id: 'r2', status: 'actioned' })),
    });
    renderWithApp(<ModerationQueue />);
    expect(await screen.findByText('Maker Oak & Ash')).toBeTruthy();
    expect(screen.getByText('user')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open profile' }).getAttribute('href')).toBe(`/makers/${USER_ID}`);
    expect(screen.queryByRole('button', { name: 'Archive story' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Suspend user' }));
    await waitFor(() => expect(paths(calls)).toContain('POST /v1/admin/reports/r2/resolve'));
    expect(paths(calls)).toContain(`POST /v1/admin/users/${USER_ID}/suspend`);
  });
});
