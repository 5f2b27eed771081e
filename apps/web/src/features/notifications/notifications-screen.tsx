import { Trans, useLingui } from '@lingui/react/macro';
import { useNavigate } from 'react-router';
import { useMarkAllReadMutation } from '../../shared/queries/notifications/use-mark-all-read-mutation';
import { useMarkReadMutation } from '../../shared/queries/notifications/use-mark-read-mutation';
import { useNotificationsQuery } from '../../shared/queries/notifications/use-notifications-query';
import { useUnreadCountQuery } from '../../shared/queries/notifications/use-unread-count-query';
import type { NotificationItem } from '../../shared/api/types';
import { formatAgo } from '../../shared/time/format';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states';
import { WebPushOptIn } from './web-push-opt-in';
import './notifications.css';

/** The notification centre: newest first, unread marked, tap to open what it is about. */
export default function NotificationsScreen() {
  const navigate = useNavigate();
  const list = useNotificationsQuery();
  const unread = useUnreadCountQuery();
  const markRead = useMarkReadMutation();
  const markAll = useMarkAllReadMutation();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const { t } = useLingui();

  const open = (n: NotificationItem) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (n.link) void navigate(n.link);
  };

  return (
    <main id="main" className="page">
      <div className="page-header">
        <h1>
          <Trans>Notifications</Trans>
        </h1>
        {(unread.data ?? 0) > 0 && (
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => markAll.mutate()}
            disabled={markAll.isPending}
          >
            <Trans>Mark all read</Trans>
          </button>
        )}
      </div>
      <WebPushOptIn />
      {list.isPending && <Loading label={t`Loading notifications`} />}
      {list.isError && (
        <ErrorState error={list.error} title={t`Notifications could not load`} onRetry={() => void list.refetch()} />
      )}
      {list.isSuccess && items.length === 0 && (
        <EmptyState title={t`Nothing yet`}>
          <Trans>Bids, wins and shipping updates will show up here.</Trans>
        </EmptyState>
      )}
      <ul className="list" aria-label={t`Notifications`}>
        {items.map((n) => (
          <li key={n.id}>
            <button type="button" className="notification" data-unread={!n.readAt || undefined} onClick={() => open(n)}>
              {!n.readAt && <span className="unread-dot" aria-hidden="true" />}
              <span className="stack notification-text">
                <strong>
                  {n.title}
                  {!n.readAt && <span className="visually-hidden"> {t`(unread)`}</span>}
                </strong>
                <span className="muted">{n.body}</span>
                <span className="subtle">{formatAgo(n.createdAt)}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      {list.hasNextPage && (
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => void list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
        >
          {list.isFetchingNextPage ? t`Loading…` : t`Show older`}
        </button>
      )}
    </main>
  );
}
