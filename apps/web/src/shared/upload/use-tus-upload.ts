import { t } from '@lingui/core/macro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Upload, type DetailedError, type PreviousUpload } from 'tus-js-client';
import { authFetch } from '../api/client';

export type UploadStatus = 'idle' | 'uploading' | 'paused' | 'error' | 'done';

export interface UploadState {
  status: UploadStatus;
  /** Whole percent of bytes on the server. */
  progress: number;
  bytesUploaded: number;
  bytesTotal: number;
  fileName: string | null;
  /** True when this upload continues one that stopped earlier (same file, found by fingerprint). */
  resumed: boolean;
  mediaId: string | null;
  error: string | null;
}

const INITIAL: UploadState = {
  status: 'idle',
  progress: 0,
  bytesUploaded: 0,
  bytesTotal: 0,
  fileName: null,
  resumed: false,
  mediaId: null,
  error: null,
};

/** Chunks let an interrupted upload resume near where it stopped (and suit S3 multipart). */
const CHUNK_BYTES = 8 * 1024 * 1024;

function reasonOf(error: Error): string {
  const detailed = error as DetailedError;
  const body = detailed.originalResponse?.getBody();
  if (body) {
    try {
      const parsed = JSON.parse(body) as { error?: { message?: string } };
      if (parsed.error?.message) return parsed.error.message;
    } catch {
      // Not the uniform error body: fall through to the status.
    }
  }
  const status = detailed.originalResponse?.getStatus();
  if (status === 413) return t`This file is too large.`;
  if (status === 415) return t`This file type is not accepted. Upload a video or an image.`;
  if (!detailed.originalResponse) return t`The connection dropped. Resume when you are back online.`;
  return status === undefined ? t`The upload failed (no answer).` : t`The upload failed (${status}).`;
}

/**
 * A resumable (tus 1.0) upload to /v1/uploads with progress. Choosing the same file again after a
 * reload or a dropped connection continues from the bytes the server already has.
 */
export function useTusUpload(onComplete: (mediaId: string) => void) {
  const [state, setState] = useState<UploadState>(INITIAL);
  const upload = useRef<Upload | null>(null);
  const completed = useRef(onComplete);
  useEffect(() => {
    completed.current = onComplete;
  });

  const start = useCallback(async (file: File) => {
    upload.current?.abort().catch(() => undefined);
    setState({ ...INITIAL, status: 'uploading', fileName: file.name, bytesTotal: file.size });
    const instance: Upload = new Upload(file, {
      endpoint: `${window.location.origin}/v1/uploads`,
      chunkSize: CHUNK_BYTES,
      retryDelays: [0, 1000, 3000, 5000, 10000],
      metadata: { filename: file.name, filetype: file.type || 'application/octet-stream' },
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onBeforeRequest: async (request) => {
        const token = await authFetch.accessToken();
        if (token) request.setHeader('Authorization', `Bearer ${token}`);
      },
      onShouldRetry: (error) => {
        const status = error.originalResponse?.getStatus() ?? 0;
        if (status === 401) {
          void authFetch.refresh();
          return true;
        }
        return status === 0 || status === 409 || status === 423 || status === 429 || status >= 500;
      },
      onProgress: (sent, total) => {
        setState((s) => ({
          ...s,
          bytesUploaded: sent,
          bytesTotal: total,
          progress: total > 0 ? Math.floor((sent / total) * 100) : 0,
        }));
      },
      onSuccess: () => {
        const mediaId = instance.url?.split('/').filter(Boolean).pop() ?? null;
        setState((s) => ({ ...s, status: 'done', progress: 100, mediaId }));
        if (mediaId) completed.current(mediaId);
      },
      onError: (error) => setState((s) => ({ ...s, status: 'error', error: reasonOf(error) })),
    });
    upload.current = instance;
    let previous: PreviousUpload[] = [];
    try {
      previous = await instance.findPreviousUploads();
    } catch {
      previous = [];
    }
    const last = previous[0];
    if (last) {
      instance.resumeFromPreviousUpload(last);
      setState((s) => ({ ...s, resumed: true }));
    }
    instance.start();
  }, []);

  const pause = useCallback(() => {
    void upload.current?.abort();
    setState((s) => (s.status === 'uploading' ? { ...s, status: 'paused' } : s));
  }, []);

  const resume = useCallback(() => {
    if (!upload.current) return;
    setState((s) => ({ ...s, status: 'uploading', error: null }));
    upload.current.start();
  }, []);

  const cancel = useCallback(() => {
    // Terminates the upload on the server too (tus termination).
    void upload.current?.abort(true).catch(() => undefined);
    upload.current = null;
    setState(INITIAL);
  }, []);

  useEffect(() => () => void upload.current?.abort().catch(() => undefined), []);

  return { state, start, pause, resume, cancel };
}
