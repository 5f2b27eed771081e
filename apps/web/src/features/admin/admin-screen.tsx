import { useSearchParams } from 'react-router';
import { AdminOrders } from './admin-orders';
import { AnalyticsExport } from './analytics-export';
import { AuditLog } from './audit-log';
import { MessageReports } from './message-reports';
import { ModerationQueue } from './moderation-queue';
import { ReviewReports } from './review-reports';
import { UserSuspension } from './user-suspension';

const TABS = [
  { key: 'reports', label: 'Moderation' },
  { key: 'messages', label: 'Reported messages' },
  { key: 'reviews', label: 'Reported reviews' },
  { key: 'orders', label: 'Orders' },
  { key: 'users', label: 'Users' },
  { key: 'audit', label: 'Audit log' },
  { key: 'analytics', label: 'Analytics export' },
] as const;

/** Admin: moderation queue, reported messages and reviews, orders (disputes to resolve), user suspension, audit log, analytics export. */
export default function AdminScreen() {
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((t) => t.key === params.get('tab'))?.key ?? 'reports';
  return (
    <main id="main" className="page">
      <h1>Admin</h1>
      <div className="tabs" role="tablist" aria-label="Admin sections">
        {TABS.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            className="tab"
            aria-selected={tab === t.key}
            onClick={() => setParams({ tab: t.key })}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={TABS.find((t) => t.key === tab)?.label}>
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
