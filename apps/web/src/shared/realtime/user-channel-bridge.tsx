import { useQueryClient } from '@tanstack/react-query';
import type { MediaItem } from '../api/types';
import { queryKeys } from '../queries/keys';
import { useSession } from '../session/use-session';
import { useChannel } from './use-channel';

interface UserEventData {
  mediaId?: string;
  status?: MediaItem['status'];
  progress?: number;
  unreadCount?: number;
  auctionId?: string;
  orderId?: string;
}

/** Routes the signed-in user's channel to the caches it changes (mounted once, in the app shell). */
export function UserChannelBridge() {
  const session = useSession();
  const queryClient = useQueryClient();
  useChannel(session ? `user:${session.userId}` : null, (message) => {
    const data = (message.data ?? {}) as UserEventData;
    if (message.type === 'notification') {
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    } else if (message.type === 'notifications_read' && typeof data.unreadCount === 'number') {
      queryClient.setQueryData(queryKeys.unreadCount, { unreadCount: data.unreadCount });
    } else if (message.type === 'media.progress' && data.mediaId) {
      const { mediaId, status, progress } = data;
      queryClient.setQueryData<MediaItem>(queryKeys.media(mediaId), (media) =>
        media && status !== undefined && progress !== undefined && media.status !== 'ready'
          ? { ...media, status, progress }
          : media,
      );
      if (status === 'ready' || status === 'failed' || progress === 100) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.media(mediaId) });
      }
    } else if (message.type.startsWith('payment') || message.type.startsWith('order')) {
      void queryClient.invalidateQueries({ queryKey: ['payment'] });
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
      void queryClient.invalidateQueries({ queryKey: ['order'] });
    } else if (data.auctionId) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.auction(data.auctionId) });
    }
  });
  return null;
}
