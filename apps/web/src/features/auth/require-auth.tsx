import { Trans, useLingui } from '@lingui/react/macro';
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { useViewer } from '../../shared/session/use-viewer';
import { Loading } from '../../shared/ui/states';

/** Shows its children to a signed-in user (with the role, when one is named); sends others to sign in. */
export function RequireAuth({ role, children }: { role?: 'maker' | 'admin'; children: ReactNode }) {
  const viewer = useViewer();
  const location = useLocation();
  const { t } = useLingui();
  if (!viewer.signedIn) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  if (!role) return <>{children}</>;
  if (viewer.meQuery.isPending) return <Loading label={t`Checking your account`} />;
  const allowed = role === 'maker' ? viewer.isMaker : viewer.isAdmin;
  if (allowed) return <>{children}</>;
  return (
    <main className="page" id="main">
      <div className="center-screen">
        <div className="stack">
          <h1>{role === 'maker' ? t`For makers` : t`Admins only`}</h1>
          {role === 'maker' ? (
            <>
              <p className="muted">
                <Trans>Open your maker profile to sell your pieces.</Trans>
              </p>
              <Link className="btn btn-primary" to="/become-maker">
                <Trans>Become a maker</Trans>
              </Link>
            </>
          ) : (
            <p className="muted">
              <Trans>This page needs the admin role.</Trans>
            </p>
          )}
        </div>
      </div>
    </main>
  );
}
