import { useAuditLogQuery } from '../../shared/queries/admin/use-audit-log-query';
import { formatDateTime } from '../../shared/time/format';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states';

/** Every admin action, newest first. */
export function AuditLog() {
  const log = useAuditLogQuery();
  if (log.isPending) return <Loading label="Loading the audit log" />;
  if (log.isError)
    return <ErrorState error={log.error} title="The audit log could not load" onRetry={() => void log.refetch()} />;
  if (log.data.length === 0) return <EmptyState title="No admin actions yet" />;
  return (
    <ul className="list" aria-label="Audit log">
      {log.data.map((e) => (
        <li key={String(e.id)} className="card">
          <div className="row-between">
            <strong>{e.action.replace(/[._]/g, ' ')}</strong>
            <span className="subtle">{formatDateTime(e.createdAt)}</span>
          </div>
          {e.targetId && (
            <p className="subtle mono">
              {e.targetType ?? 'target'} {e.targetId}
            </p>
          )}
          {e.reason && <p>{e.reason}</p>}
          {e.actorId && <p className="subtle mono">by {e.actorId}</p>}
        </li>
      ))}
    </ul>
  );
}
