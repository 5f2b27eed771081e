import { useEffect, useId, useRef } from 'react';
import { ProgressBar } from '../../shared/ui/progress-bar';
import type { LocalDraft } from './studio-draft';
import { useTusUpload } from '../../shared/upload/use-tus-upload';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Choose a video (or, with `accept`, an image) and upload it with progress, pause and resume.
 * `interrupted` is an upload a previous visit left part-way: choosing the same file again continues it.
 */
export function UploadPanel({
  interrupted,
  onProgress,
  onUploaded,
  accept = 'video/*',
  chooseText = 'Choose a video',
  hint = 'Vertical video, up to 3 minutes. MP4, MOV or WebM.',
  fileLabel = 'Video file',
}: {
  interrupted: LocalDraft['upload'];
  onProgress: (upload: LocalDraft['upload']) => void;
  onUploaded: (mediaId: string) => void;
  accept?: string;
  chooseText?: string;
  hint?: string;
  /** The file input's accessible name. */
  fileLabel?: string;
}) {
  const id = useId();
  const { state, start, pause, resume, cancel } = useTusUpload((mediaId) => {
    onProgress(null);
    onUploaded(mediaId);
  });

  // Remember how far it got, so a later visit can offer to resume this upload.
  const report = useRef(onProgress);
  useEffect(() => {
    report.current = onProgress;
  });
  const { status, fileName, bytesTotal, progress } = state;
  useEffect(() => {
    if ((status === 'uploading' || status === 'paused' || status === 'error') && fileName) {
      report.current({ fileName, size: bytesTotal, progress });
    }
  }, [status, fileName, bytesTotal, progress]);

  const choose = (file: File | undefined) => {
    if (!file) return;
    onProgress({ fileName: file.name, size: file.size, progress: 0 });
    void start(file);
  };

  const busy = state.status === 'uploading' || state.status === 'paused';
  return (
    <div className="stack upload-panel">
      {interrupted && state.status === 'idle' && (
        <p className="alert alert-info" role="status" data-testid="resume-hint">
          The upload of {interrupted.fileName} stopped at {interrupted.progress}%. Choose the same file to continue
          where it left off.
        </p>
      )}
      {!busy && state.status !== 'done' && (
        <label className="dropzone" htmlFor={`${id}-file`}>
          <strong>{interrupted ? 'Choose the file again' : chooseText}</strong>
          <span className="subtle">{hint}</span>
          <input
            id={`${id}-file`}
            type="file"
            accept={accept}
            className="visually-hidden"
            aria-label={fileLabel}
            onChange={(e) => choose(e.target.files?.[0])}
          />
        </label>
      )}
      {(busy || state.status === 'done' || state.status === 'error') && state.fileName && (
        <div className="stack">
          <div className="row-between">
            <span>
              {state.fileName}
              {state.resumed && <span className="chip chip-accent">Resumed</span>}
            </span>
            <span className="subtle" aria-hidden="true">
              {state.progress}%
            </span>
          </div>
          <ProgressBar value={state.progress} label={`Uploading ${state.fileName}`} />
          <span className="subtle" aria-live="polite">
            {state.status === 'done'
              ? 'Uploaded.'
              : state.status === 'paused'
                ? `Paused at ${megabytes(state.bytesUploaded)} of ${megabytes(state.bytesTotal)}.`
                : state.status === 'error'
                  ? ''
                  : `${megabytes(state.bytesUploaded)} of ${megabytes(state.bytesTotal)}`}
          </span>
        </div>
      )}
      {state.error && (
        <p role="alert" className="field-error">
          {state.error}
        </p>
      )}
      <div className="row">
        {state.status === 'uploading' && (
          <button type="button" className="btn btn-secondary btn-small" onClick={pause}>
            Pause upload
          </button>
        )}
        {(state.status === 'paused' || state.status === 'error') && (
          <button type="button" className="btn btn-primary btn-small" onClick={resume}>
            Resume upload
          </button>
        )}
        {busy && (
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => {
              cancel();
              onProgress(null);
            }}
          >
            Cancel
          </button>
        )}
      </div>
    </div>
  );
}
