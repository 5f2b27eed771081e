import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Story } from '../../shared/api/types';
import { jsonResponse, renderWithApp } from '../../test/render';
import { serve } from '../../test/signed-in';
import type { StepProps } from './studio-steps';
import { VideoStep } from './video-step';

const MEDIA_ID = '0b7e8f4a-6c1d-4e2f-9a3b-5c6d7e8f9a0b';
const paths = (calls: Request[]) => calls.map((c) => `${c.method} ${new URL(c.url).pathname}`);

function props(status: string, heroMediaId: string | null, setFields = vi.fn()): StepProps {
  const story = { id: 's1', status, heroMediaId } as unknown as Story;
  const studio = {
    fields: { heroMediaId: MEDIA_ID },
    draft: { upload: null },
    setFields,
    setUpload: vi.fn(),
  } as unknown as StepProps['studio'];
  return { story, studio };
}

const failed = () =>
  jsonResponse({
    id: MEDIA_ID,
    ownerId: 'u1',
    kind: 'video',
    status: 'failed',
    progress: 0,
    error: { code: 'unsupported_codec', message: 'The video codec is not supported.' },
  });

describe('VideoStep', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('deletes an upload the maker no longer wants, after a second confirmation, and asks for another', async () => {
    const calls = serve({
      [`GET /v1/media/${MEDIA_ID}`]: failed,
      [`DELETE /v1/media/${MEDIA_ID}`]: () => new Response(null, { status: 204 }),
    });
    const setFields = vi.fn();
    renderWithApp(<VideoStep {...props('draft', MEDIA_ID, setFields)} />);
    expect(await screen.findByText('The video codec is not supported.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delete this video' }));
    expect(paths(calls)).not.toContain(`DELETE /v1/media/${MEDIA_ID}`);
    fireEvent.click(screen.getByRole('button', { name: 'Delete for good' }));
    await waitFor(() => expect(paths(calls)).toContain(`DELETE /v1/media/${MEDIA_ID}`));
    await waitFor(() => expect(setFields).toHaveBeenCalledWith({ heroMediaId: null }));
  });

  it('keeps the upload when the maker changes their mind, and says why the server refuses', async () => {
    const calls = serve({
      [`GET /v1/media/${MEDIA_ID}`]: failed,
      [`DELETE /v1/media/${MEDIA_ID}`]: () =>
        jsonResponse({ error: { code: 'media_forbidden', message: 'This media is not yours.' } }, 403),
    });
    const setFields = vi.fn();
    renderWithApp(<VideoStep {...props('draft', MEDIA_ID, setFields)} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete this video' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(screen.queryByRole('button', { name: 'Delete for good' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Delete this video' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete for good' }));
    expect(await screen.findByText('This file isn’t yours.')).toBeTruthy();
    expect(paths(calls).filter((p) => p.startsWith('DELETE'))).toHaveLength(1);
    expect(setFields).not.toHaveBeenCalled();
  });

  it('does not offer to delete the video a published story plays', async () => {
    serve({ [`GET /v1/media/${MEDIA_ID}`]: failed });
    renderWithApp(<VideoStep {...props('published', MEDIA_ID)} />);
    expect(await screen.findByText('The video codec is not supported.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Delete this video' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Upload a different video' })).toBeTruthy();
  });
});
