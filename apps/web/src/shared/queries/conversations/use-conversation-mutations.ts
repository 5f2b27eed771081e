import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** Opens (or finds) the conversation about a story or an order, optionally with a first message. */
export function useStartConversationMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { storyId: string } | { orderId: string }) => unwrap(api.POST('/v1/conversations', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.conversations }),
  });
}

/** Sends a message; the thread and the list refresh with it. */
export function useSendMessageMutation(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) =>
      unwrap(api.POST('/v1/conversations/{id}/messages', { params: { path: { id: conversationId } }, body: { text } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.conversations }),
  });
}

/** Marks a conversation read; the badge takes the remaining count. */
export function useMarkConversationReadMutation(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/v1/conversations/{id}/read', { params: { path: { id: conversationId } } })),
    onSuccess: (answer) => {
      queryClient.setQueryData(queryKeys.conversationsUnread, answer);
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversationList });
    },
  });
}

/** Reports a message of the other party to the moderators. */
export function useReportMessageMutation() {
  return useMutation({
    mutationFn: ({ messageId, reason }: { messageId: string; reason: string }) =>
      unwrap(api.POST('/v1/messages/{id}/report', { params: { path: { id: messageId } }, body: { reason } })),
  });
}

/** Blocks or unblocks a user; conversations and the blocked list refresh. */
export function useBlockMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, block }: { userId: string; block: boolean }) =>
      unwrap(
        block
          ? api.PUT('/v1/users/{id}/block', { params: { path: { id: userId } } })
          : api.DELETE('/v1/users/{id}/block', { params: { path: { id: userId } } }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations });
      void queryClient.invalidateQueries({ queryKey: queryKeys.blocks });
    },
  });
}
