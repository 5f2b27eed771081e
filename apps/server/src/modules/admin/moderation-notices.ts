import type { Executor } from '../../platform/db/client';
import type { StoryEvent } from '../stories';
import type { AdminDeps } from './deps';

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
          title: 'Your report was reviewed',
          body:
            event.outcome === 'actioned'
              ? 'Thank you: we reviewed your report and took action.'
              : 'We reviewed your report and found nothing against our rules.',
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
        title: subject.title,
        body: 'An admin reviewed a report and upheld it. Please check our rules; repeated breaches may lead to suspension.',
        data,
        dedupeKey: `moderation:report:${event.reportId}:subject`,
      });
      return;
    }
    case 'story.unpublished_by_admin': {
      await deps.notifications.notify(tx, {
        userId: event.makerId,
        kind: 'moderation_outcome',
        title: 'Your story was taken down',
        body: `"${event.title}" was taken down by moderation${event.reason ? `: ${event.reason}` : '.'}`,
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
): Promise<{ userId: string; title: string } | null> {
  switch (targetType) {
    case 'story': {
      const story = (await deps.stories.storiesByIds([targetId])).get(targetId);
      return story ? { userId: story.makerId, title: `A report on "${story.title}" was upheld` } : null;
    }
    case 'user':
      return { userId: targetId, title: 'A report about your account was upheld' };
    default: {
      const unknown: never = targetType;
      throw new Error(`unknown report target ${String(unknown)}`);
    }
  }
}
