import { Link, useNavigate } from 'react-router';
import { useSignOutMutation } from '../../shared/queries/auth/use-sign-out-mutation';
import { useViewer } from '../../shared/session/use-viewer';
import { Loading } from '../../shared/ui/states';

/** The signed-in user: profile, security, selling, admin, sign-out. */
export default function AccountScreen() {
  const viewer = useViewer();
  const navigate = useNavigate();
  const signOut = useSignOutMutation();
  const me = viewer.me;
  const leave = (everywhere: boolean) => signOut.mutate({ everywhere }, { onSettled: () => void navigate('/') });
  return (
    <main id="main" className="page">
      <h1>Account</h1>
      {!me ? (
        <Loading label="Loading your account" lines={2} />
      ) : (
        <section className="card stack">
          <strong>{me.maker?.displayName ?? me.username}</strong>
          <span className="muted">{me.email ?? me.phone ?? ''}</span>
          <span className="row">
            {me.roles.map((r) => (
              <span key={r} className="chip">
                {r}
              </span>
            ))}
          </span>
        </section>
      )}
      <nav aria-label="Account" className="stack">
        <Link className="btn btn-secondary btn-block" to="/orders">
          Orders
        </Link>
        {viewer.isMaker ? (
          <>
            <Link className="btn btn-secondary btn-block" to="/studio">
              Studio
            </Link>
            <Link className="btn btn-secondary btn-block" to="/dashboard">
              Dashboard
            </Link>
          </>
        ) : (
          <Link className="btn btn-secondary btn-block" to="/become-maker">
            Become a maker
          </Link>
        )}
        <Link className="btn btn-secondary btn-block" to="/account/security">
          Two-step verification {me?.totpEnabled ? '(on)' : '(off)'}
        </Link>
        {viewer.isAdmin && (
          <Link className="btn btn-secondary btn-block" to="/admin">
            Admin
          </Link>
        )}
      </nav>
      <hr className="divider" />
      <button
        type="button"
        className="btn btn-ghost btn-block"
        onClick={() => leave(false)}
        disabled={signOut.isPending}
      >
        Sign out
      </button>
      <button
        type="button"
        className="btn btn-ghost btn-block"
        onClick={() => leave(true)}
        disabled={signOut.isPending}
      >
        Sign out on every device
      </button>
    </main>
  );
}
