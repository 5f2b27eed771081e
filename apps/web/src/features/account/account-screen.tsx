import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Link, useNavigate } from 'react-router';
import { LanguageSetting } from '../../shared/i18n/language-setting';
import { useAccountLocaleMutation } from '../../shared/queries/account/use-account-locale-mutation';
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

/** The roles an account can hold, as the person reads them. */
type Role = 'viewer' | 'maker' | 'admin';
const ROLE_LABELS: Record<Role, MessageDescriptor> = {
  viewer: msg({ message: 'viewer', context: 'role' }),
  maker: msg({ message: 'maker', context: 'role' }),
  admin: msg({ message: 'admin', context: 'role' }),
};
const isRole = (role: string): role is Role => Object.hasOwn(ROLE_LABELS, role);

/** The signed-in user: profile, settings, security, selling, admin, their data, sign-out, deleting the account. */
export default function AccountScreen() {
  const viewer = useViewer();
  const navigate = useNavigate();
  const signOut = useSignOutMutation();
  const exportData = useExportDataMutation();
  const keepLocale = useAccountLocaleMutation();
  const me = viewer.me;
  const { t } = useLingui();
  // The feed is shown before the session is forgotten, in the same render, so this screen never
  // sends the person to sign in on their way out.
  const leave = (everywhere: boolean) =>
    signOut.mutate({ everywhere, leave: () => navigate('/', { replace: true, flushSync: true }) });
  return (
    <main id="main" className="page">
      <h1>
        <Trans>Account</Trans>
      </h1>
      {!me ? (
        <Loading label={t`Loading your account`} lines={2} />
      ) : (
        <section className="card stack">
          <strong>{me.maker?.displayName ?? me.username}</strong>
          <span className="muted">{me.email ?? me.phone ?? ''}</span>
          <UsernameForm username={me.username} />
          <ShipToSetting />
          <span className="row">
            {me.roles.map((r) => (
              <span key={r} className="chip">
                {isRole(r) ? t(ROLE_LABELS[r]) : r}
              </span>
            ))}
          </span>
        </section>
      )}
      {me?.maker && <MakerProfileForm profile={me.maker} />}
      <nav aria-label={t`Account`} className="stack">
        <Link className="btn btn-secondary btn-block" to="/orders">
          <Trans>Orders</Trans>
        </Link>
        <Link className="btn btn-secondary btn-block" to="/activity">
          <Trans>My activity</Trans>
        </Link>
        <Link className="btn btn-secondary btn-block" to="/watchlist">
          <Trans>Watchlist</Trans>
        </Link>
        <Link className="btn btn-secondary btn-block" to="/account/following">
          <Trans>Makers I follow</Trans>
        </Link>
        {viewer.isMaker ? (
          <>
            <Link className="btn btn-secondary btn-block" to="/studio">
              <Trans>Studio</Trans>
            </Link>
            <Link className="btn btn-secondary btn-block" to="/dashboard">
              <Trans>Dashboard</Trans>
            </Link>
            <Link className="btn btn-secondary btn-block" to="/studio/payouts">
              <Trans>Payouts</Trans>
            </Link>
          </>
        ) : (
          <Link className="btn btn-secondary btn-block" to="/become-maker">
            <Trans>Become a maker</Trans>
          </Link>
        )}
        <Link className="btn btn-secondary btn-block" to="/settings/notifications">
          <Trans>Notification settings</Trans>
        </Link>
        <Link className="btn btn-secondary btn-block" to="/account/security">
          {me?.totpEnabled ? t`Two-step verification (on)` : t`Two-step verification (off)`}
        </Link>
        {viewer.isAdmin && (
          <Link className="btn btn-secondary btn-block" to="/admin">
            <Trans>Admin</Trans>
          </Link>
        )}
      </nav>
      <LanguageSetting onChosen={(locale) => keepLocale.mutate(locale)} />
      <FormError error={keepLocale.error} />
      <AppearanceSetting />
      <InstallApp />
      <nav aria-label={t`About Video Window`} className="stack">
        <Link className="btn btn-ghost btn-block" to="/help">
          <Trans>Help: how offers, auctions and orders work</Trans>
        </Link>
        <Link className="btn btn-ghost btn-block" to="/terms">
          <Trans>Terms of use</Trans>
        </Link>
        <Link className="btn btn-ghost btn-block" to="/privacy">
          <Trans>Privacy: your data</Trans>
        </Link>
      </nav>
      <hr className="divider" />
      <button
        type="button"
        className="btn btn-secondary btn-block"
        onClick={() => exportData.mutate()}
        disabled={exportData.isPending}
      >
        {exportData.isPending ? t`Preparing your data…` : t`Download my data`}
      </button>
      {exportData.isSuccess && (
        <p className="alert alert-success" role="status">
          <Trans>Your data was downloaded as a JSON file.</Trans>
        </p>
      )}
      <FormError error={exportData.error} />
      <button
        type="button"
        className="btn btn-ghost btn-block"
        onClick={() => leave(false)}
        disabled={signOut.isPending}
      >
        <Trans>Sign out</Trans>
      </button>
      <button
        type="button"
        className="btn btn-ghost btn-block"
        onClick={() => leave(true)}
        disabled={signOut.isPending}
      >
        <Trans>Sign out on every device</Trans>
      </button>
      <hr className="divider" />
      <DeleteAccount />
    </main>
  );
}
