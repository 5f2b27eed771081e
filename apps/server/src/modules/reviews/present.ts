import type { AccountCard } from '../identity';
import type { ReviewView } from './schemas';
import type { ReviewRow } from './tables';

/** A review as anyone sees it: the buyer's public name (or "Deleted user"), the text only as typed. */
export function presentReview(row: ReviewRow, accounts: Map<string, AccountCard>): ReviewView {
  const buyer = accounts.get(row.buyerId);
  const buyerDeleted = row.textErasedAt !== null || (buyer?.deleted ?? true);
  return {
    id: row.id,
    makerId: row.makerId,
    rating: row.rating,
    text: row.textErasedAt === null ? row.text : null,
    createdAt: row.createdAt.toISOString(),
    buyer: { displayName: buyerDeleted ? 'Deleted user' : buyer!.displayName, deleted: buyerDeleted },
    ...(row.replyText !== null && row.repliedAt !== null && row.replyErasedAt === null
      ? { reply: { text: row.replyText, createdAt: row.repliedAt.toISOString() } }
      : {}),
  };
}

/** Presents several reviews with one look-up of their buyers' accounts. */
export async function presentReviews(
  rows: ReviewRow[],
  accountsOf: (ids: string[]) => Promise<Map<string, AccountCard>>,
): Promise<ReviewView[]> {
  const accounts = await accountsOf(rows.map((r) => r.buyerId));
  return rows.map((r) => presentReview(r, accounts));
}
