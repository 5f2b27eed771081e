import { DomainError } from '../../platform/errors';
import type { Executor } from '../../platform/db/client';
import { dayStart } from './days';
import { eventsPage, type EventPosition } from './event-repo';
import type { ExportedEvent } from './schemas';
import type { EventRow } from './tables';

const PAGE_SIZE = 1000;

/** The export range from the query: times as given, dates as their UTC midnight; `to` after `from`. */
export function exportRange(query: { from: string; to: string }): { start: Date; end: Date } {
  const parse = (v: string) => (v.length === 10 ? dayStart(v) : new Date(v));
  const range = { start: parse(query.from), end: parse(query.to) };
  if (range.end.getTime() <= range.start.getTime()) throw new DomainError('invalid_range', '`to` must be after `from`');
  return range;
}

export function presentEvent(row: EventRow): ExportedEvent {
  return {
    id: row.id,
    type: row.type,
    source: row.source,
    occurredAt: row.occurredAt.toISOString(),
    clientTime: row.clientTime?.toISOString() ?? null,
    userId: row.userId,
    anonymousId: row.anonymousId,
    storyId: row.storyId,
    makerId: row.makerId,
    mediaId: row.mediaId,
    auctionId: row.auctionId,
    positionMs: row.positionMs,
    durationMs: row.durationMs,
    feedPosition: row.feedPosition,
    cause: row.cause,
    amountMinor: row.amountMinor,
    currency: row.currency,
  };
}

/**
 * The events of a range as NDJSON, one page of lines per chunk. A keyset cursor over
 * (occurred_at, id) fetches the next page only when the reader asks for more, so memory stays at
 * one page however large the range, and no connection is held while a slow client reads.
 */
export async function* exportEventLines(
  db: Executor,
  range: { start: Date; end: Date },
  pageSize = PAGE_SIZE,
): AsyncGenerator<string> {
  let after: EventPosition | null = null;
  for (;;) {
    const rows = await eventsPage(db, range, after, pageSize);
    if (rows.length === 0) return;
    yield rows.map((row) => `${JSON.stringify(presentEvent(row))}\n`).join('');
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = { occurredAt: last.occurredAt, id: last.id };
  }
}
