import { z } from 'zod';
import { queryInt } from '../../platform/http/query-int';
import { idSchema } from '../../platform/ids';
import { MAX_REVIEW_TEXT_LENGTH } from './rules';

// ---- input ----

export const idParam = z.object({ id: idSchema });

/** Plain text of 1–1,000 characters (Unicode code points), not blank, no NUL. */
export const reviewText = z
  .string()
  .max(MAX_REVIEW_TEXT_LENGTH * 2)
  .refine((t) => t.trim().length > 0, 'the text cannot be blank')
  .refine((t) => [...t].length <= MAX_REVIEW_TEXT_LENGTH, `at most ${MAX_REVIEW_TEXT_LENGTH} characters`)
  .refine((t) => !t.includes('\u0000'), 'no NUL characters')
  .describe(`1 to ${MAX_REVIEW_TEXT_LENGTH} characters of plain text`);

export const reviewBody = z.object({
  rating: z.number().int().min(1).max(5).describe('1 (poor) to 5 (excellent)'),
  text: reviewText.optional(),
});

export const replyBody = z.object({ text: reviewText });

export const reportBody = z.object({ reason: z.string().trim().min(1).max(1000) });

export const removeBody = z.object({ reason: z.string().trim().min(1).max(1000) });

export const dismissBody = z.object({ note: z.string().trim().max(1000).optional() }).optional();

export const pageQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: queryInt({ min: 1, max: 50 }).default(20),
});

// ---- output ----

export const rating = z.object({ average: z.number().nullable(), count: z.number().int() });

export const review = z.object({
  id: idSchema,
  makerId: idSchema,
  rating: z.number().int(),
  /** Plain text as typed (render as text); null when the buyer wrote none or deleted their account. */
  text: z.string().nullable(),
  createdAt: z.string(),
  buyer: z.object({ displayName: z.string(), deleted: z.boolean() }),
  /** The maker's answer, once given. */
  reply: z.object({ text: z.string(), createdAt: z.string() }).optional(),
});

export const makerReviewPage = z.object({
  items: z.array(review),
  average: z.number().nullable(),
  count: z.number().int(),
  nextCursor: z.string().nullable(),
});

export const orderReview = z.object({
  review: review.nullable(),
  /** Whether the caller (the buyer) may review the order now. */
  canReview: z.boolean(),
  /** The end of the review window once the order was delivered. */
  reviewableUntil: z.string().nullable(),
});

export const reportAnswer = z.object({ id: idSchema, reviewId: idSchema, createdAt: z.string() });

export const adminReviewReport = z.object({
  id: idSchema,
  reason: z.string(),
  createdAt: z.string(),
  reporterId: idSchema.nullable(),
  review,
});
export const adminReviewReportPage = z.object({ items: z.array(adminReviewReport), nextCursor: z.string().nullable() });

export const moderationAnswer = z.object({
  reviewId: idSchema,
  /** Open reports of the review closed by this action. */
  reportsResolved: z.number().int(),
  rating,
});

export type ReviewView = z.infer<typeof review>;
