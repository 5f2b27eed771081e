import type { ReactNode } from 'react';
import { ApiError, messageOf } from '../api/api-error';

/** A loading placeholder that tells assistive technology what is loading. */
export function Loading({ label = 'Loading', lines = 3 }: { label?: string; lines?: number }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true" className="stack">
      <span className="visually-hidden">{label}…</span>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="skeleton" style={{ height: i === 0 ? '12rem' : '1.25rem' }} />
      ))}
    </div>
  );
}

/** Why something could not load, and a way to try again. */
export function ErrorState({
  error,
  title = 'Could not load this',
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  const unavailable = error instanceof ApiError && error.isNotFound && error.code === 'not_found';
  return (
    <div role="alert" className="alert alert-error">
      <div className="stack">
        <strong>{unavailable ? 'Not available yet' : title}</strong>
        <p>{unavailable ? 'This part of Video Window is not available on this server yet.' : messageOf(error)}</p>
        {onRetry && (
          <div>
            <button type="button" className="btn btn-secondary btn-small" onClick={onRetry}>
              Try again
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
