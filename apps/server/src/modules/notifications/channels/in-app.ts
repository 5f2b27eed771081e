import { liveMessage, userChannel } from '@vw/domain';
import type { Database } from '../../../platform/db/client';
import type { Realtime } from '../../../platform/realtime/realtime';
import { presentNotification } from '../present';
import { unreadCount } from '../repo';
import type { ChannelSender } from './channel';

/** The notification centre is the stored row itself; this pushes it to the user's open sessions. */
export function inAppChannel(db: Database, realtime: Realtime): ChannelSender {
  return {
    async send({ notification }) {
      const count = await unreadCount(db, notification.userId);
      await realtime.publishMessage(
        liveMessage(userChannel(notification.userId), 'notification', {
          notification: presentNotification(notification),
          unreadCount: count,
        }),
      );
      return { status: 'sent' };
    },
  };
}
