import { fireEvent, screen } from '@testing-library/react';
import { renderWithI18n } from '../../test/render';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShareButton } from './share-button';

const STORY = '11111111-1111-4111-8111-111111111111';
const link = `${window.location.origin}/s/${STORY}`;

function stubNavigator(parts: { share?: unknown; clipboard?: unknown }) {
  vi.stubGlobal('navigator', { ...navigator, share: undefined, canShare: undefined, ...parts });
}

const button = () => renderWithI18n(<ShareButton path={`/s/${STORY}`} title="A walnut bowl" noun="story" />);

describe('ShareButton', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('opens the share sheet with the shared link when the browser has one', async () => {
    const share = vi.fn().mockResolvedValue(undefined);
    const writeText = vi.fn().mockResolvedValue(undefined);
    stubNavigator({ share, clipboard: { writeText } });
    button();
    fireEvent.click(screen.getByRole('button', { name: 'Share this story' }));
    await vi.waitFor(() => expect(share).toHaveBeenCalledWith({ title: 'A walnut bowl', url: link }));
    expect(writeText).not.toHaveBeenCalled();
    expect(screen.queryByText('Link copied')).toBeNull();
  });

  it('copies the link and says so where there is no share sheet', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    stubNavigator({ clipboard: { writeText } });
    button();
    fireEvent.click(screen.getByRole('button', { name: 'Share this story' }));
    expect((await screen.findByRole('status')).textContent).toBe('Link copied');
    expect(writeText).toHaveBeenCalledWith(link);
  });

  it('copies the link when the share sheet fails, but not when the viewer closes it', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    const share = vi.fn().mockRejectedValueOnce(new DOMException('closed', 'AbortError'));
    stubNavigator({ share, clipboard: { writeText } });
    button();
    fireEvent.click(screen.getByRole('button', { name: 'Share this story' }));
    await vi.waitFor(() => expect(share).toHaveBeenCalledTimes(1));
    expect(writeText).not.toHaveBeenCalled();

    share.mockRejectedValueOnce(new DOMException('not allowed', 'NotAllowedError'));
    fireEvent.click(screen.getByRole('button', { name: 'Share this story' }));
    expect((await screen.findByRole('status')).textContent).toBe('Link copied');
    expect(writeText).toHaveBeenCalledWith(link);
  });

  it('shows the link to copy by hand when the clipboard refuses', async () => {
    stubNavigator({ clipboard: { writeText: vi.fn().mockRejectedValue(new Error('denied')) } });
    button();
    fireEvent.click(screen.getByRole('button', { name: 'Share this story' }));
    expect((await screen.findByLabelText<HTMLInputElement>('Copy this link')).value).toBe(link);
  });
});
