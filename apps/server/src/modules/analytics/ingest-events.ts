import { DomainError } from '../../platform/errors';
import type { Caller } from '../../platform/http/types';
import type { AnalyticsDeps } from './deps';
import { insertEvents } from './event-repo';
import type { ClientEvent } from './schemas';
import type { NewEventRow } from './tables';

/**
 * Stores a batch of client events. A signed-in viewer is known by their user id; an anonymous one
 * by the random client id their app generated (required then). Events naming a story that does
 * not exist are dropped, so nobody can fill the figures of made-up stories.
 */
export async function ingestClientEvents(
  deps: AnalyticsDeps,
  input: { caller: Caller | null; clientId: string | null; events: ClientEvent[] },
): Promise<{ accepted: number; dropped: number }> {
  if (input.caller === null && input.clientId === null) {
    throw new DomainError(
      'client_id_required',
      'Anonymous clients send their client id in the X-Client-Id header (a UUID)',
    );
  }
  const storyIds = [...new Set(input.events.flatMap((e) => (e.storyId ? [e.storyId] : [])))];
  const stories =
    storyIds.length > 0 ? await deps.stories.storiesByIds(storyIds) : new Map<string, { makerId: string }>();
  const now = deps.clock.now();
  const rows: NewEventRow[] = [];
  for (const e of input.events) {
    const story = e.storyId ? stories.get(e.storyId) : undefined;
    if (e.storyId && !story) continue;
    rows.push({
      type: e.type,
      source: 'client',
      occurredAt: now,
      clientTime: e.clientTime ? new Date(e.clientTime) : null,
      userId: input.caller?.userId ?? null,
      anonymousId: input.caller ? null : input.clientId,
      storyId: e.storyId ?? null,
      makerId: story?.makerId ?? null,
      mediaId: e.mediaId ?? null,
      positionMs: e.positionMs ?? null,
      durationMs: e.durationMs ?? null,
      feedPosition: e.feedPosition ?? null,
      cause: e.cause ?? null,
    });
  }
  await insertEvents(deps.db, rows);
  for (const row of rows) deps.countEvents(row.type, 'client', 1);
  return { accepted: rows.length, dropped: input.events.length - rows.length };
}
