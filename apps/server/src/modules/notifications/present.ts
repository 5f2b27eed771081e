import type { Locale } from '../../platform/i18n';
import { localise } from './message';
import type { NotificationRow } from './repo';

/** A notification as its reader sees it, in their language. */
export function presentNotification(n: NotificationRow, locale: Locale) {
  const { title, body } = localise(n, locale);
  return {
    id: n.id,
    kind: n.kind,
    title,
    body,
    data: n.data,
    link: n.link,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}

export type PresentedNotification = ReturnType<typeof presentNotification>;
