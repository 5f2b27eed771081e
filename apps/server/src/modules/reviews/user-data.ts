import type { Executor } from '../../platform/db/client';
import type { ReviewsDeps } from './deps';
import { anonymiseReporter, eraseRepliesOf, eraseReviewTextsOf, reviewsReceivedBy, reviewsWrittenBy } from './repo';
import type { ReviewRow } from './tables';

/** The reviews the user wrote as a buyer and those they received as a maker, with the answers. */
export async function exportReviewData(deps: ReviewsDeps, userId: string): Promise<Record<string, unknown>> {
  const [written, received] = await Promise.all([
    reviewsWrittenBy(deps.db, userId),
    reviewsReceivedBy(deps.db, userId),
  ]);
  const exported = (r: ReviewRow) => ({
    id: r.id,
    orderId: r.orderId,
    rating: r.rating,
    text: r.text,
    createdAt: r.createdAt.toISOString(),
    reply: r.replyText === null ? null : { text: r.replyText, createdAt: r.repliedAt?.toISOString() ?? null },
    removed: r.removedAt !== null,
  });
  return {
    written: written.map((r) => ({ ...exported(r), makerId: r.makerId })),
    received: received.map(exported),
  };
}

/**
 * A deleted account: the text of its reviews is erased and their ratings stay (so every maker's
 * rating stays what it was; the review shows from a deleted user); the text of its answers as a
 * maker is erased; its reports stay for moderation without the reporter.
 */
export async function eraseReviewData(deps: ReviewsDeps, tx: Executor, userId: string): Promise<void> {
  const now = deps.clock.now();
  await eraseReviewTextsOf(tx, userId, now);
  await eraseRepliesOf(tx, userId, now);
  await anonymiseReporter(tx, userId);
}
