import { Link, useNavigate } from 'react-router';
import { useExportDataMutation } from '../../shared/queries/account/use-export-data-mutation';
import { useSignOutMutation } from '../../shared/queries/auth/use-sign-out-mutation';
import { useViewer } from '../../shared/session/use-viewer';
import { FormError, Loading } from '../../shared/ui/states';
import { DeleteAccount } from './delete-account';
import { AppearanceSetting } from './appearance-setting';
import { InstallApp } from './install-app';
import { MakerProfileForm } from './maker-profile-form';
import { UsernameForm } from './username-form';
import { ShipToSetting } from './ship-to-setting';
import './account.css';

/** The signed-in user: profile, settings, security, selling, admin, their data, sign-out, deleting the account. */
export default function AccountScreen() {
  const viewer = useViewer();
  const navigate = useNavigate();
  const signOut = useSignOutMutation();
  const exportData = useExportDataMutation();
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
          <UsernameForm username={me.username} />
          <ShipToSetting />
          <span className="row">
            {me.roles.map((r) => (
              <span key={r} className="chip">
                {r}
              </span>
            ))}
          </span>
        </section>
      )}
      {me?.maker && <MakerProfileForm profile={me.maker} />}
      <nav aria-label="Account" className="stack">
        <Link className="btn btn-secondary btn-block" to="/orders">
          Orders
        </Link>
        <Link className="btn btn-secondary btn-block" to="/activity">
          My activity
        </Link>
        <Link className="btn btn-secondary btn-block" to="/watchlist">
          Watchlist
        </Link>
        <Link className="btn btn-secondary btn-block" to="/account/following">
          Makers I follow
        </Link>
        {viewer.isMaker ? (
          <>
            <Link className="btn btn-secondary btn-block" to="/studio">
              Studio
            </Link>
            <Link className="btn btn-secondary btn-block" to="/dashboard">
              Dashboard
            </Link>
            <Link className="btn btn-secondary btn-block" to="/studio/payouts">
              Payouts
            </Link>
          </>
        ) : (
          <Link className="btn btn-secondary btn-block" to="/become-maker">
            Become a maker
          </Link>
        )}
        <Link className="btn btn-secondary btn-block" to="/settings/notifications">
          Notification settings
        </Link>
        <Link className="btn btn-secondary btn-block" to="/account/security">
          Two-step verification {me?.totpEnabled ? '(on)' : '(off)'}
        </Link>
        {viewer.isAdmin && (
          <Link className="btn btn-secondary btn-block" to="/admin">
            Admin
          </Link>
        )}
      </nav>
      <AppearanceSetting />
      <InstallApp />
      <nav aria-label="About Video Window" className="stack">
        <Link className="btn btn-ghost btn-block" to="/help">
          Help: how offers, auctions and orders work
        </Link>
        <Link className="btn btn-ghost btn-block" to="/terms">
          Terms of use
        </Link>
        <Link className="btn btn-ghost btn-block" to="/privacy">
          Privacy: your data
        </Link>
      </nav>
      <hr className="divider" />
      <button
        type="button"
        className="btn btn-secondary btn-block"
        onClick={() => exportData.mutate()}
        disabled={exportData.isPending}
      >
        {exportData.isPending ? 'Preparing your data…' : 'Download my data'}
      </button>
      {exportData.isSuccess && (
        <p className="alert alert-success" role="status">
          Your data was downloaded as a JSON file.
        </p>
      )}
      <FormError error={exportData.error} />
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
      <hr className="divider" />
      <DeleteAccount />
    </main>
  );
}
