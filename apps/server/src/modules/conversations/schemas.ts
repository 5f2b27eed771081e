import { queryInt } from '../../platform/http/query-int.js';
import { z } from 'zod';
import { idSchema } from '../../platform/ids';
import { MAX_MESSAGE_LENGTH } from './rules';

// ---- input ----

export const idParam = z.object({ id: idSchema });

/** Text only: 1–2,000 characters (Unicode code points), not blank, no NUL. */
export const messageText = z
  .string()
  .max(MAX_MESSAGE_LENGTH * 2)
  .refine((t) => t.trim().length > 0, 'a message needs some text')
  .refine((t) => [...t].length <= MAX_MESSAGE_LENGTH, `at most ${MAX_MESSAGE_LENGTH} characters`)
  .refine((t) => !t.includes('\u0000'), 'no NUL characters')
  .describe(`1 to ${MAX_MESSAGE_LENGTH} characters of plain text`);

/** About a story (the caller asks its maker) or an order (the caller is its buyer or maker); optionally a first message. */
export const startBody = z
  .object({ storyId: idSchema.optional(), orderId: idSchema.optional(), text: messageText.optional() })
  .refine((b) => (b.storyId === undefined) !== (b.orderId === undefined), 'give storyId or orderId, not both');

export const sendBody = z.object({ text: messageText });

export const pageQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: queryInt({ min: 1, max: 50 }).default(30),
});

export const reportBody = z.object({ reason: z.string().trim().min(1).max(1000) });

// ---- output ----

export const message = z.object({
  id: idSchema,
  conversationId: idSchema,
  senderId: idSchema,
  /** Empty once the sender deleted their account. */
  text: z.string(),
  createdAt: z.string(),
  /** Whether links in the text may be made clickable (the sender's account is at least 7 days old). */
  linksAllowed: z.boolean(),
  senderDeleted: z.boolean(),
});

export const party = z.object({ id: idSchema, displayName: z.string(), deleted: z.boolean() });

export const conversation = z.object({
  id: idSchema,
  subject: z.object({ type: z.enum(['story', 'order']), id: idSchema }),
  storyId: idSchema,
  title: z.string(),
  otherParty: party,
  lastMessage: message.nullable(),
  unreadCount: z.number().int(),
  /** Whether the caller blocked the other party (their messages are hidden from the caller). */
  blocked: z.boolean(),
  /** Whether the other party blocked the caller (the caller cannot message them). */
  blockedByOther: z.boolean(),
  lastActivityAt: z.string(),
});

export const conversationPage = z.object({ items: z.array(conversation), nextCursor: z.string().nullable() });
export const messagePage = z.object({ items: z.array(message), nextCursor: z.string().nullable() });
export const startAnswer = z.object({ conversation, message: message.nullable() });
export const unreadAnswer = z.object({ unreadCount: z.number().int() });
export const blockState = z.object({ blocked: z.boolean() });
export const blockList = z.object({ items: z.array(z.object({ user: party, blockedAt: z.string() })) });
export const reportAnswer = z.object({ id: idSchema, messageId: idSchema, createdAt: z.string() });

export const adminReport = z.object({
  id: idSchema,
  reason: z.string(),
  createdAt: z.string(),
  reporterId: idSchema.nullable(),
  message,
});
export const adminReportPage = z.object({ items: z.array(adminReport), nextCursor: z.string().nullable() });
export const adminConversation = z.object({
  id: idSchema,
  subject: z.object({ type: z.enum(['story', 'order']), id: idSchema }),
  title: z.string(),
  parties: z.array(party),
  reports: z.array(adminReport.omit({ message: true }).extend({ messageId: idSchema })),
  messages: messagePage,
});

export type MessageView = z.infer<typeof message>;
export type ConversationView = z.infer<typeof conversation>;
export type PartyView = z.infer<typeof party>;
