import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../session/use-session';
import { queryKeys } from '../keys';

/** My conversations, latest activity first, a cursor page at a time. */
export function useConversationsQuery() {
  return useInfiniteQuery({
    queryKey: queryKeys.conversationList,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/v1/conversations', { params: { query: { cursor: pageParam ?? undefined, limit: 30 } }, signal }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** One of my conversations (the thread's header: who, about what, blocked or not). */
export function useConversationQuery(id: string) {
  return useQuery({
    queryKey: queryKeys.conversation(id),
    queryFn: ({ signal }) => unwrap(api.GET('/v1/conversations/{id}', { params: { path: { id } }, signal })),
  });
}

/** A thread's messages, newest first; each further page is older ("Load older"). */
export function useThreadQuery(id: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.thread(id),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/v1/conversations/{id}/messages', {
          params: { path: { id }, query: { cursor: pageParam ?? undefined, limit: 30 } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Unread messages over all my conversations (the tab bar badge); live messages update it. */
export function useConversationsUnreadQuery() {
  const session = useSession();
  return useQuery({
    queryKey: queryKeys.conversationsUnread,
    queryFn: ({ signal }) => unwrap(api.GET('/v1/conversations/unread-count', { signal })),
    enabled: session !== null,
    select: (data) => data.unreadCount,
    refetchInterval: 60_000,
    retry: false,
  });
}

/** The users I blocked. */
export function useBlocksQuery(enabled = true) {
  return useQuery({
    queryKey: queryKeys.blocks,
    queryFn: ({ signal }) => unwrap(api.GET('/v1/me/blocks', { signal })),
    enabled,
  });
}

/** Admin: reported messages, newest report first. */
export function useMessageReportsQuery() {
  return useInfiniteQuery({
    queryKey: queryKeys.messageReports,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/v1/admin/message-reports', {
          params: { query: { cursor: pageParam ?? undefined, limit: 20 } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Admin: a reported conversation (each read is audited), newest messages first. */
export function useAdminConversationQuery(id: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.adminConversation(id),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/v1/admin/conversations/{id}', {
          params: { path: { id }, query: { cursor: pageParam ?? undefined, limit: 30 } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.messages.nextCursor,
  });
}
