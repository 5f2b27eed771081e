import { Trans, useLingui } from '@lingui/react/macro';
import { Suspense } from 'react';
import { Outlet, ScrollRestoration } from 'react-router';
import { useAccountLocale } from '../../shared/i18n/use-account-locale';
import { UserChannelBridge } from '../../shared/realtime/user-channel-bridge';
import { Loading } from '../../shared/ui/states';
import { BottomNav } from './bottom-nav';
import { DemoBanner } from './demo-banner';
import { OfflineNotice } from './offline-notice';
import { ReconnectingBanner } from './reconnecting-banner';
import './layout.css';

/** Frame of every screen: skip link, the screen, the bottom navigation; the account's language once signed in. */
export function AppShell() {
  const { t } = useLingui();
  useAccountLocale();
  return (
    <>
      <a className="skip-link" href="#main">
        <Trans>Skip to content</Trans>
      </a>
      <DemoBanner />
      <UserChannelBridge />
      <OfflineNotice />
      <ReconnectingBanner />
      <Suspense
        fallback={
          <div className="page">
            <Loading label={t`Opening`} />
          </div>
        }
      >
        <Outlet />
      </Suspense>
      <BottomNav />
      <ScrollRestoration />
    </>
  );
}
