import { Trans, useLingui } from '@lingui/react/macro';
import type { ReactNode } from 'react';
import { ApiError, messageOf } from '../api/api-error';

/** A loading placeholder that tells assistive technology what is loading. */
export function Loading({ label, lines = 3 }: { label?: string; lines?: number }) {
  const { t } = useLingui();
  const what = label ?? t`Loading`;
  return (
    <div role="status" aria-live="polite" aria-busy="true" className="stack">
      <span className="visually-hidden">{t`${what}…`}</span>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="skeleton" style={{ height: i === 0 ? '12rem' : '1.25rem' }} />
      ))}
    </div>
  );
}

/** Why something could not load, and a way to try again. */
export function ErrorState({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const { t } = useLingui();
  const unavailable = error instanceof ApiError && error.isNotFound && error.code === 'not_found';
  return (
    <div role="alert" className="alert alert-error">
      <div className="stack">
        <strong>{unavailable ? t`Not available yet` : (title ?? t`Could not load this`)}</strong>
        <p>{unavailable ? t`This part of Video Window is not available on this server yet.` : messageOf(error)}</p>
        {onRetry && (
          <div>
            <button type="button" className="btn btn-secondary btn-small" onClick={onRetry}>
              <Trans>Try again</Trans>
            </button>
          </div>
        )}
      </div>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <strong>{title}</strong>
      {children}
    </div>
  );
}

/** A form's error, announced when it appears. */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p role="alert" className="field-error">
      {messageOf(error)}
    </p>
  );
}
