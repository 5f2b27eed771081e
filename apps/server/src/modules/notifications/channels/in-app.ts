import { liveMessage, userChannel } from '@vw/domain';
import type { Database } from '../../../platform/db/client';
import type { Realtime } from '../../../platform/realtime/realtime';
import { presentNotification } from '../present';
import { unreadCount } from '../repo';
import { textOf, type ChannelSender } from './channel';

/** The notification centre is the stored row itself; this pushes it to the user's open sessions. */
export function inAppChannel(db: Database, realtime: Realtime): ChannelSender {
  return {
    async send(delivery) {
      const { notification } = delivery;
      const count = await unreadCount(db, notification.userId);
      const { locale } = await textOf(delivery);
      await realtime.publishMessage(
        liveMessage(userChannel(notification.userId), 'notification', {
          notification: presentNotification(notification, locale),
          unreadCount: count,
        }),
      );
      return { status: 'sent' };
    },
  };
}
