import { useQueryClient } from '@tanstack/react-query';
import type { MediaItem } from '../api/types';
import { queryKeys } from '../queries/keys';
import { useSession } from '../session/use-session';
import { useChannel } from './use-channel';

/** Routes the signed-in user's channel to the caches it changes (mounted once, in the app shell). */
export function UserChannelBridge() {
  const session = useSession();
  const queryClient = useQueryClient();
  useChannel(session ? `user:${session.userId}` : null, (message) => {
    if (message.type === 'notification') {
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    } else if (message.type === 'message' || message.type === 'conversation_read') {
      queryClient.setQueryData(queryKeys.conversationsUnread, { unreadCount: message.data.unreadCount });
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversationList });
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversation(message.data.conversationId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.thread(message.data.conversationId) });
    } else if (message.type === 'notifications_read') {
      queryClient.setQueryData(queryKeys.unreadCount, { unreadCount: message.data.unreadCount });
    } else if (message.type === 'media.progress') {
      const { mediaId, status, progress } = message.data;
      queryClient.setQueryData<MediaItem>(queryKeys.media(mediaId), (media) =>
        media && media.status !== 'ready' ? { ...media, status, progress } : media,
      );
      if (status === 'ready' || status === 'failed' || progress === 100) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.media(mediaId) });
      }
    } else if (
      message.type === 'payment.updated' ||
      message.type === 'payment_window_paid' ||
      message.type === 'payment_window_opened' ||
      message.type === 'order.updated'
    ) {
      void queryClient.invalidateQueries({ queryKey: ['payment'] });
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
      void queryClient.invalidateQueries({ queryKey: ['order'] });
    } else if (message.type === 'outbid') {
      void queryClient.invalidateQueries({ queryKey: queryKeys.auction(message.data.auctionId) });
    }
  });
  return null;
}
