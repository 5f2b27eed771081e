import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { PersonalDataCipher } from '../crypto/envelope';
import { declareTask } from '../jobs/task-registry';
import type { OutgoingMessage } from './mailer';

const PURPOSE = 'platform.outgoing_message';

/** The payload of `platform:send-message`: a job has no row, so the sealed message is bound to an id of its own. */
// A type, not an interface: job payloads are records.
export type SealedMessage = { sealed: string; messageId: string };

/** Delivers one sealed message; a message sealed before messages had ids carries none. */
export const SEND_MESSAGE_TASK = declareTask(
  'platform:send-message',
  z.object({ sealed: z.string().min(1), messageId: z.string().optional() }),
  { formerNames: ['platform.send-message'] },
);

/** Seals a message for the job table, where addresses and codes must never sit readable. */
export function sealMessage(cipher: PersonalDataCipher, message: OutgoingMessage): SealedMessage {
  const messageId = randomUUID();
  return { sealed: cipher.encrypt(JSON.stringify(message), { purpose: PURPOSE, rowId: messageId }), messageId };
}

/** Opens a sealed message; one sealed before messages had ids (first stored form) opens without it. */
export function openMessage(cipher: PersonalDataCipher, payload: Partial<SealedMessage>): OutgoingMessage {
  if (typeof payload.sealed !== 'string') throw new Error('the message job carries no sealed message');
  const rowId = typeof payload.messageId === 'string' && payload.messageId ? payload.messageId : 'none';
  return JSON.parse(cipher.decrypt(payload.sealed, { purpose: PURPOSE, rowId })) as OutgoingMessage;
}
