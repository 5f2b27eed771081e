import { Trans } from '@lingui/react/macro';
import { QueryErrorResetBoundary } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { useLocation } from 'react-router';

/**
 * Each screen inside its own error boundary: a screen that fails to render shows a short message
 * and "Try again" instead of taking the whole app down. Trying again resets the boundary and the
 * failed queries, so they are fetched anew; moving to another page resets it too.
 */
export function ScreenBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary
          onReset={reset}
          resetKeys={[pathname]}
          fallbackRender={({ resetErrorBoundary }) => (
            <main id="main" className="page">
              <div role="alert" className="alert alert-error stack">
                <strong>
                  <Trans>This screen could not be shown</Trans>
                </strong>
                <p>
                  <Trans>Something went wrong while opening it. Your bids, offers and orders are safe.</Trans>
                </p>
                <div>
                  <button type="button" className="btn btn-secondary btn-small" onClick={resetErrorBoundary}>
                    <Trans>Try again</Trans>
                  </button>
                </div>
              </div>
            </main>
          )}
        >
          {children}
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}
