import { DomainError } from '../../platform/errors';
import type { ConversationsDeps } from './deps';
import { presentParty } from './present';
import { addBlock, blocksOf, removeBlock } from './repo';
import type { PartyView } from './schemas';

/**
 * Blocks or unblocks a user (idempotent). A blocked user cannot message the blocker, nor offer or
 * bid on the blocker's stories, and their messages are hidden from the blocker.
 */
export async function setBlock(
  deps: ConversationsDeps,
  blockerId: string,
  blockedId: string,
  blocked: boolean,
): Promise<{ blocked: boolean }> {
  if (blockerId === blockedId) throw new DomainError('cannot_block_self', 'You cannot block yourself');
  const accounts = await deps.identity.accountsOf([blockedId]);
  if (!accounts.has(blockedId)) throw new DomainError('user_not_found', 'No such user');
  if (blocked) await addBlock(deps.db, blockerId, blockedId, deps.clock.now());
  else await removeBlock(deps.db, blockerId, blockedId);
  return { blocked };
}

/** The users the caller blocked, most recent first. */
export async function listBlocks(
  deps: ConversationsDeps,
  blockerId: string,
): Promise<{ items: { user: PartyView; blockedAt: string }[] }> {
  const rows = await blocksOf(deps.db, blockerId);
  const accounts = await deps.identity.accountsOf(rows.map((r) => r.blockedId));
  return {
    items: rows.map((r) => ({ user: presentParty(r.blockedId, accounts), blockedAt: r.createdAt.toISOString() })),
  };
}
