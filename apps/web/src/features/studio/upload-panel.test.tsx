import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../../test/render';
import { UploadPanel } from './upload-panel';

interface FakeOptions {
  onProgress: (sent: number, total: number) => void;
  onSuccess: () => void;
  onError: (error: Error) => void;
  metadata: Record<string, string>;
  endpoint: string;
}

const tus = vi.hoisted(() => {
  class FakeUpload {
    static instances: FakeUpload[] = [];
    static previous: { size: number; uploadUrl: string }[] = [];
    url: string | null = null;
    starts = 0;
    aborts: boolean[] = [];
    resumedFrom: unknown = null;
    constructor(
      readonly file: File,
      readonly options: FakeOptions,
    ) {
      FakeUpload.instances.push(this);
    }
    findPreviousUploads() {
      return Promise.resolve(FakeUpload.previous);
    }
    resumeFromPreviousUpload(previous: unknown) {
      this.resumedFrom = previous;
    }
    start() {
      this.starts += 1;
    }
    abort(terminate = false) {
      this.aborts.push(terminate);
      return Promise.resolve();
    }
  }
  return { FakeUpload };
});

vi.mock('tus-js-client', () => ({ Upload: tus.FakeUpload }));

const video = () => new File([new Uint8Array(200)], 'bowl.mp4', { type: 'video/mp4' });

function choose(file: File) {
  fireEvent.change(screen.getByLabelText('Video file'), { target: { files: [file] } });
}

describe('UploadPanel', () => {
  beforeEach(() => {
    tus.FakeUpload.instances = [];
    tus.FakeUpload.previous = [];
  });

  it('uploads with tus, shows progress, pauses and resumes, and reports the media id', async () => {
    const onUploaded = vi.fn();
    const onProgress = vi.fn();
    renderWithI18n(<UploadPanel interrupted={null} onProgress={onProgress} onUploaded={onUploaded} />);
    choose(video());
    await waitFor(() => expect(tus.FakeUpload.instances[0]?.starts).toBe(1));
    const upload = tus.FakeUpload.instances[0]!;
    expect(upload.options.endpoint).toBe('http://localhost:8080/v1/uploads');
    expect(upload.options.metadata).toEqual({ filename: 'bowl.mp4', filetype: 'video/mp4' });

    act(() => upload.options.onProgress(50, 200));
    const bar = screen.getByRole('progressbar', { name: 'Uploading bowl.mp4' });
    expect(bar.getAttribute('aria-valuenow')).toBe('25');
    // How far it got is remembered for a later visit.
    expect(onProgress).toHaveBeenLastCalledWith({ fileName: 'bowl.mp4', size: 200, progress: 25 });

    fireEvent.click(screen.getByRole('button', { name: 'Pause upload' }));
    expect(upload.aborts).toEqual([false]);
    expect(screen.getByText(/^Paused at/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Resume upload' }));
    expect(upload.starts).toBe(2);

    act(() => upload.options.onProgress(200, 200));
    upload.url = 'http://localhost:8080/v1/uploads/7f1c2d3e-0000-4000-8000-000000000001';
    act(() => upload.options.onSuccess());
    expect(bar.getAttribute('aria-valuenow')).toBe('100');
    expect(onUploaded).toHaveBeenCalledWith('7f1c2d3e-0000-4000-8000-000000000001');
    expect(onProgress).toHaveBeenLastCalledWith(null);
  });

  it('offers to resume an interrupted upload and continues from the bytes already sent', async () => {
    tus.FakeUpload.previous = [{ size: 200, uploadUrl: 'http://localhost:8080/v1/uploads/abc' }];
    renderWithI18n(
      <UploadPanel
        interrupted={{ fileName: 'bowl.mp4', size: 200, progress: 43 }}
        onProgress={vi.fn()}
        onUploaded={vi.fn()}
      />,
    );
    expect(screen.getByTestId('resume-hint').textContent).toContain('stopped at 43%');
    expect(screen.getByText('Choose the file again')).toBeTruthy();
    choose(video());
    await waitFor(() => expect(tus.FakeUpload.instances[0]?.starts).toBe(1));
    const upload = tus.FakeUpload.instances[0]!;
    expect(upload.resumedFrom).toEqual(tus.FakeUpload.previous[0]);
    expect(screen.getByText('Resumed')).toBeTruthy();
    act(() => upload.options.onProgress(86, 200));
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('43');
  });

  it('shows why the server refused the file, and lets the maker retry', async () => {
    renderWithI18n(<UploadPanel interrupted={null} onProgress={vi.fn()} onUploaded={vi.fn()} />);
    choose(video());
    await waitFor(() => expect(tus.FakeUpload.instances[0]?.starts).toBe(1));
    const upload = tus.FakeUpload.instances[0]!;
    const refusal = Object.assign(new Error('tus: unexpected response'), {
      originalResponse: {
        getStatus: () => 413,
        getBody: () =>
          JSON.stringify({ error: { code: 'upload_too_large', message: 'The video is larger than 500 MB.' } }),
      },
    });
    act(() => upload.options.onError(refusal));
    expect(screen.getByRole('alert').textContent).toBe('The video is larger than 500 MB.');
    expect(screen.getByRole('button', { name: 'Resume upload' })).toBeTruthy();
  });
});
