import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { useViewer } from '../../shared/session/use-viewer';
import { Loading } from '../../shared/ui/states';

/** Shows its children to a signed-in user (with the role, when one is named); sends others to sign in. */
export function RequireAuth({ role, children }: { role?: 'maker' | 'admin'; children: ReactNode }) {
  const viewer = useViewer();
  const location = useLocation();
  if (!viewer.signedIn) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  if (!role) return <>{children}</>;
  if (viewer.meQuery.isPending) return <Loading label="Checking your account" />;
  const allowed = role === 'maker' ? viewer.isMaker : viewer.isAdmin;
  if (allowed) return <>{children}</>;
  return (
    <main className="page" id="main">
      <div className="center-screen">
        <div className="stack">
          <h1>{role === 'maker' ? 'For makers' : 'Admins only'}</h1>
          {role === 'maker' ? (
            <>
              <p className="muted">Open your maker profile to sell your pieces.</p>
              <Link className="btn btn-primary" to="/become-maker">
                Become a maker
              </Link>
            </>
          ) : (
            <p className="muted">This page needs the admin role.</p>
          )}
        </div>
      </div>
    </main>
  );
}
