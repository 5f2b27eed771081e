import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { useAuditLogQuery } from '../../shared/queries/admin/use-audit-log-query';
import { formatDateTime } from '../../shared/time/format';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states';

/** What each admin action the server records is called; an action not listed shows its code. */
const ACTIONS: Record<string, MessageDescriptor | undefined> = {
  'user.suspend': msg`User suspended`,
  'user.reinstate': msg`User reinstated`,
  'story.unpublish': msg`Story unpublished`,
  'story.archive': msg`Story archived`,
  'report.actioned': msg`Report acted on`,
  'report.dismissed': msg`Report dismissed`,
  'review.remove': msg`Review removed`,
  'review.reports_dismissed': msg`Review reports dismissed`,
  'order.refund': msg`Order refunded`,
  'order.cancel': msg`Order cancelled`,
  'auction.bid_voided': msg`Bid voided`,
  'analytics.export': msg`Analytics exported`,
  read_conversation: msg`Conversation read`,
};

/** Every admin action, newest first. */
export function AuditLog() {
  const log = useAuditLogQuery();
  const { i18n, t } = useLingui();
  if (log.isPending) return <Loading label={t`Loading the audit log`} />;
  if (log.isError)
    return <ErrorState error={log.error} title={t`The audit log could not load`} onRetry={() => void log.refetch()} />;
  if (log.data.length === 0) return <EmptyState title={t`No admin actions yet`} />;
  return (
    <ul className="list" aria-label={t`Audit log`}>
      {log.data.map((e) => {
        const action = ACTIONS[e.action];
        const target = e.targetId;
        const actor = e.actorId;
        return (
          <li key={String(e.id)} className="card">
            <div className="row-between">
              <strong>{action ? i18n._(action) : <span className="mono">{e.action}</span>}</strong>
              <span className="subtle">{formatDateTime(e.createdAt)}</span>
            </div>
            {target && (
              <p className="subtle mono">{e.targetType ? `${e.targetType} ${target}` : t`target ${target}`}</p>
            )}
            {e.reason && <p>{e.reason}</p>}
            {actor && <p className="subtle mono">{t`by ${actor}`}</p>}
          </li>
        );
      })}
    </ul>
  );
}
