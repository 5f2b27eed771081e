import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useSearchParams } from 'react-router';
import { AdminOrders } from './admin-orders';
import { AnalyticsExport } from './analytics-export';
import { AuditLog } from './audit-log';
import { MessageReports } from './message-reports';
import { ModerationQueue } from './moderation-queue';
import { ReviewReports } from './review-reports';
import { UserSuspension } from './user-suspension';

const TABS = [
  { key: 'reports', label: msg`Moderation` },
  { key: 'messages', label: msg`Reported messages` },
  { key: 'reviews', label: msg`Reported reviews` },
  { key: 'orders', label: msg`Orders` },
  { key: 'users', label: msg`Users` },
  { key: 'audit', label: msg`Audit log` },
  { key: 'analytics', label: msg`Analytics export` },
] as const;

/** Admin: moderation queue, reported messages and reviews, orders (disputes to resolve), user suspension, audit log, analytics export. */
export default function AdminScreen() {
  const [params, setParams] = useSearchParams();
  const { i18n, t } = useLingui();
  const tab = TABS.find((entry) => entry.key === params.get('tab'))?.key ?? 'reports';
  const current = TABS.find((entry) => entry.key === tab);
  return (
    <main id="main" className="page">
      <h1>
        <Trans>Admin</Trans>
      </h1>
      <div className="tabs" role="tablist" aria-label={t`Admin sections`}>
        {TABS.map((entry) => (
          <button
            key={entry.key}
            type="button"
            role="tab"
            className="tab"
            aria-selected={tab === entry.key}
            onClick={() => setParams({ tab: entry.key })}
          >
            {i18n._(entry.label)}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={current ? i18n._(current.label) : undefined}>
        {tab === 'reports' && <ModerationQueue />}
        {tab === 'messages' && <MessageReports />}
        {tab === 'reviews' && <ReviewReports />}
        {tab === 'orders' && <AdminOrders />}
        {tab === 'users' && <UserSuspension />}
        {tab === 'audit' && <AuditLog />}
        {tab === 'analytics' && <AnalyticsExport />}
      </div>
    </main>
  );
}
