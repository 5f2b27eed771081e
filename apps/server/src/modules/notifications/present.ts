import type { NotificationRow } from './repo';

/** A notification as clients see it. */
export function presentNotification(n: NotificationRow) {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    data: n.data,
    link: n.link,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}

export type PresentedNotification = ReturnType<typeof presentNotification>;
