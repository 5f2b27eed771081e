import type { Executor } from '../../platform/db/client';
import { notice, type NotificationMessage } from '../notifications';
import type { StoryEvent } from '../stories';
import type { AdminDeps } from './deps';
import { adminMessages } from './messages';

/**
 * Tells the people concerned what moderation decided, inside the transaction of the decision
 * (outbox): the reporter hears the outcome of their report; the maker (or reported user) hears when
 * a report against them was upheld or their story was taken down. Dedupe keys make replays no-ops.
 */
export async function noticeModerationOutcome(deps: AdminDeps, tx: Executor, event: StoryEvent): Promise<void> {
  switch (event.type) {
    case 'report.resolved': {
      const data = {
        reportId: event.reportId,
        outcome: event.outcome,
        targetType: event.targetType,
        targetId: event.targetId,
      };
      if (event.reporterId) {
        await deps.notifications.notify(tx, {
          userId: event.reporterId,
          kind: 'moderation_outcome',
          message: notice(adminMessages, 'reportReviewed', { outcome: event.outcome }),
          data,
          dedupeKey: `moderation:report:${event.reportId}:reporter`,
        });
      }
      if (event.outcome !== 'actioned') return;
      const subject = await subjectOf(deps, event.targetType, event.targetId);
      if (subject === null) return;
      await deps.notifications.notify(tx, {
        userId: subject.userId,
        kind: 'moderation_outcome',
        message: subject.message,
        data,
        dedupeKey: `moderation:report:${event.reportId}:subject`,
      });
      return;
    }
    case 'story.unpublished_by_admin': {
      await deps.notifications.notify(tx, {
        userId: event.makerId,
        kind: 'moderation_outcome',
        message: event.reason
          ? notice(adminMessages, 'storyTakenDownWithReason', { title: event.title, reason: event.reason })
          : notice(adminMessages, 'storyTakenDown', { title: event.title }),
        data: { storyId: event.storyId, reason: event.reason },
        dedupeKey: `moderation:story:${event.storyId}:${event.at}`,
      });
      return;
    }
    default: {
      // A story event this module does not know yet concerns someone else: never fail its transaction.
      const _ignored: never = event;
      return;
    }
  }
}

async function subjectOf(
  deps: AdminDeps,
  targetType: 'story' | 'user',
  targetId: string,
): Promise<{ userId: string; message: NotificationMessage } | null> {
  switch (targetType) {
    case 'story': {
      const story = (await deps.stories.storiesByIds([targetId])).get(targetId);
      return story
        ? { userId: story.makerId, message: notice(adminMessages, 'storyReportUpheld', { title: story.title }) }
        : null;
    }
    case 'user':
      return { userId: targetId, message: notice(adminMessages, 'accountReportUpheld') };
    default: {
      const unknown: never = targetType;
      throw new Error(`unknown report target ${String(unknown)}`);
    }
  }
}
