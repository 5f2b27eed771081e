/** All SQL of the reviews module. */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import type { KeysetPosition } from '../../platform/keyset-cursor';
import {
  makerRatings,
  reviewReports,
  reviews,
  type ReportResolution,
  type ReviewReportRow,
  type ReviewRow,
} from './tables';

export async function findReview(db: Executor, id: string): Promise<ReviewRow | null> {
  const [row] = await db.select().from(reviews).where(eq(reviews.id, id));
  return row ?? null;
}

export async function findReviewOfOrder(db: Executor, orderId: string): Promise<ReviewRow | null> {
  const [row] = await db.select().from(reviews).where(eq(reviews.orderId, orderId));
  return row ?? null;
}

/** Inserts the order's review; null when the order already has one (concurrent posts: the unique key decides). */
export async function insertReview(tx: Executor, row: typeof reviews.$inferInsert): Promise<ReviewRow | null> {
  const [inserted] = await tx.insert(reviews).values(row).onConflictDoNothing({ target: reviews.orderId }).returning();
  return inserted ?? null;
}

/** Counts a new rating into the maker's aggregate (one atomic upsert, whatever runs beside it). */
export async function addToRating(tx: Executor, makerId: string, rating: number, now: Date): Promise<void> {
  await tx
    .insert(makerRatings)
    .values({ makerId, ratingSum: rating, ratingCount: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: makerRatings.makerId,
      set: {
        ratingSum: sql`${makerRatings.ratingSum} + ${rating}`,
        ratingCount: sql`${makerRatings.ratingCount} + 1`,
        updatedAt: now,
      },
    });
}

/** Takes a removed review's rating out of the maker's aggregate. */
export async function removeFromRating(tx: Executor, makerId: string, rating: number, now: Date): Promise<void> {
  await tx
    .update(makerRatings)
    .set({
      ratingSum: sql`${makerRatings.ratingSum} - ${rating}`,
      ratingCount: sql`${makerRatings.ratingCount} - 1`,
      updatedAt: now,
    })
    .where(eq(makerRatings.makerId, makerId));
}

export async function ratingRow(db: Executor, makerId: string): Promise<{ sum: number; count: number }> {
  const [row] = await db
    .select({ sum: makerRatings.ratingSum, count: makerRatings.ratingCount })
    .from(makerRatings)
    .where(eq(makerRatings.makerId, makerId));
  return row ?? { sum: 0, count: 0 };
}

/** The maker's reviews on show, newest first, by keyset on (created_at, id). */
export async function listMakerReviews(
  db: Executor,
  makerId: string,
  after: KeysetPosition | null,
  limit: number,
): Promise<ReviewRow[]> {
  return db
    .select()
    .from(reviews)
    .where(
      and(
        eq(reviews.makerId, makerId),
        isNull(reviews.removedAt),
        after
          ? sql`(${reviews.createdAt}, ${reviews.id}) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(limit + 1);
}

/** The maker's one answer; null when the review already has one, was removed, or is not theirs. */
export async function setReply(
  tx: Executor,
  input: { reviewId: string; makerId: string; text: string; at: Date },
): Promise<ReviewRow | null> {
  const [row] = await tx
    .update(reviews)
    .set({ replyText: input.text, repliedAt: input.at })
    .where(
      and(
        eq(reviews.id, input.reviewId),
        eq(reviews.makerId, input.makerId),
        isNull(reviews.repliedAt),
        isNull(reviews.removedAt),
      ),
    )
    .returning();
  return row ?? null;
}

/** Marks a review removed; null when it already was (so its rating leaves the aggregate once). */
export async function markRemoved(
  tx: Executor,
  input: { reviewId: string; adminId: string; reason: string; at: Date },
): Promise<ReviewRow | null> {
  const [row] = await tx
    .update(reviews)
    .set({ removedAt: input.at, removedBy: input.adminId, removedReason: input.reason })
    .where(and(eq(reviews.id, input.reviewId), isNull(reviews.removedAt)))
    .returning();
  return row ?? null;
}

/** A report of a review, or the reporter's earlier report of it. */
export async function insertReport(
  db: Executor,
  row: { reviewId: string; reporterId: string; reason: string; createdAt: Date },
): Promise<{ report: ReviewReportRow; created: boolean }> {
  const [inserted] = await db.insert(reviewReports).values(row).onConflictDoNothing().returning();
  if (inserted) return { report: inserted, created: true };
  const [existing] = await db
    .select()
    .from(reviewReports)
    .where(and(eq(reviewReports.reviewId, row.reviewId), eq(reviewReports.reporterId, row.reporterId)));
  return { report: existing!, created: false };
}

/** Open reports, newest first, each with its review, by keyset on (created_at, id). */
export async function listOpenReports(
  db: Executor,
  after: KeysetPosition | null,
  limit: number,
): Promise<{ report: ReviewReportRow; review: ReviewRow }[]> {
  return db
    .select({ report: reviewReports, review: reviews })
    .from(reviewReports)
    .innerJoin(reviews, eq(reviews.id, reviewReports.reviewId))
    .where(
      and(
        isNull(reviewReports.resolvedAt),
        after
          ? sql`(${reviewReports.createdAt}, ${reviewReports.id}) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(reviewReports.createdAt), desc(reviewReports.id))
    .limit(limit + 1);
}

/** Closes every open report of a review; answers how many were open. */
export async function resolveReports(
  tx: Executor,
  input: { reviewId: string; adminId: string; resolution: ReportResolution; at: Date },
): Promise<number> {
  const closed = await tx
    .update(reviewReports)
    .set({ resolvedAt: input.at, resolvedBy: input.adminId, resolution: input.resolution })
    .where(and(eq(reviewReports.reviewId, input.reviewId), isNull(reviewReports.resolvedAt)))
    .returning({ id: reviewReports.id });
  return closed.length;
}

export async function reviewsWrittenBy(db: Executor, buyerId: string): Promise<ReviewRow[]> {
  return db.select().from(reviews).where(eq(reviews.buyerId, buyerId)).orderBy(reviews.createdAt);
}

export async function reviewsReceivedBy(db: Executor, makerId: string): Promise<ReviewRow[]> {
  return db.select().from(reviews).where(eq(reviews.makerId, makerId)).orderBy(reviews.createdAt);
}

/** A deleted buyer's reviews keep their ratings (and so the maker's aggregate) and lose their text. */
export async function eraseReviewTextsOf(tx: Executor, buyerId: string, at: Date): Promise<void> {
  await tx
    .update(reviews)
    .set({ text: null, textErasedAt: at })
    .where(and(eq(reviews.buyerId, buyerId), isNull(reviews.textErasedAt)));
}

/** A deleted maker's answers lose their text. */
export async function eraseRepliesOf(tx: Executor, makerId: string, at: Date): Promise<void> {
  await tx
    .update(reviews)
    .set({ replyText: null, replyErasedAt: at })
    .where(and(eq(reviews.makerId, makerId), isNull(reviews.replyErasedAt), sql`${reviews.repliedAt} is not null`));
}

/** A deleted reporter's reports stay for moderation without them. */
export async function anonymiseReporter(tx: Executor, userId: string): Promise<void> {
  await tx.update(reviewReports).set({ reporterId: null }).where(eq(reviewReports.reporterId, userId));
}
