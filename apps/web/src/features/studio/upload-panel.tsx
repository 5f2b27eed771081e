import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useId, useRef } from 'react';
import { ProgressBar } from '../../shared/ui/progress-bar';
import type { LocalDraft } from './studio-draft';
import { useTusUpload } from '../../shared/upload/use-tus-upload';
import { formatMegabytes, formatPercent } from './studio-text';

/**
 * Choose a video (or, with `accept`, an image) and upload it with progress, pause and resume.
 * `interrupted` is an upload a previous visit left part-way: choosing the same file again continues it.
 */
export function UploadPanel({
  interrupted,
  onProgress,
  onUploaded,
  accept = 'video/*',
  chooseText,
  hint,
  fileLabel,
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
  const { t } = useLingui();
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
  const uploaded = formatMegabytes(state.bytesUploaded);
  const total = formatMegabytes(state.bytesTotal);
  const uploadingName = state.fileName ?? '';
  const interruptedName = interrupted?.fileName ?? '';
  const interruptedAt = formatPercent(interrupted?.progress ?? 0);
  return (
    <div className="stack upload-panel">
      {interrupted && state.status === 'idle' && (
        <p className="alert alert-info" role="status" data-testid="resume-hint">
          {t`The upload of ${interruptedName} stopped at ${interruptedAt}. Choose the same file to continue where it left off.`}
        </p>
      )}
      {!busy && state.status !== 'done' && (
        <label className="dropzone" htmlFor={`${id}-file`}>
          <strong>{interrupted ? t`Choose the file again` : (chooseText ?? t`Choose a video`)}</strong>
          <span className="subtle">{hint ?? t`Vertical video, up to 3 minutes. MP4, MOV or WebM.`}</span>
          <input
            id={`${id}-file`}
            type="file"
            accept={accept}
            className="visually-hidden"
            aria-label={fileLabel ?? t`Video file`}
            onChange={(e) => choose(e.target.files?.[0])}
          />
        </label>
      )}
      {(busy || state.status === 'done' || state.status === 'error') && state.fileName && (
        <div className="stack">
          <div className="row-between">
            <span>
              {state.fileName}
              {state.resumed && (
                <span className="chip chip-accent">
                  <Trans>Resumed</Trans>
                </span>
              )}
            </span>
            <span className="subtle" aria-hidden="true">
              {formatPercent(state.progress)}
            </span>
          </div>
          <ProgressBar value={state.progress} label={t`Uploading ${uploadingName}`} />
          <span className="subtle" aria-live="polite">
            {state.status === 'done'
              ? t`Uploaded.`
              : state.status === 'paused'
                ? t`Paused at ${uploaded} of ${total}.`
                : state.status === 'error'
                  ? ''
                  : t`${uploaded} of ${total}`}
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
            <Trans>Pause upload</Trans>
          </button>
        )}
        {(state.status === 'paused' || state.status === 'error') && (
          <button type="button" className="btn btn-primary btn-small" onClick={resume}>
            <Trans>Resume upload</Trans>
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
            <Trans>Cancel</Trans>
          </button>
        )}
      </div>
    </div>
  );
}
