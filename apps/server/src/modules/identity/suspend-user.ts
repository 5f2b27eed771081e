import { recordAudit } from '../../platform/audit';
import { afterCommit } from '../../platform/db/unit-of-work';
import { DomainError } from '../../platform/errors';
import type { IdentityDeps } from './deps';
import { presentUser, type PublicUser } from './present';
import { revokeAllSessions } from './session-repo';
import { setStatusUnlessDeleted } from './user-repo';

/** Admin: suspends an account. Every session is revoked and every call answers 403 from now on. */
export async function suspendUser(
  deps: IdentityDeps,
  adminId: string,
  userId: string,
  reason: string | undefined,
): Promise<PublicUser> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const row = await setStatusUnlessDeleted(tx, userId, 'suspended', now);
    if (!row) throw new DomainError('user_not_found', 'No such user');
    await revokeAllSessions(tx, userId, 'suspended', now);
    await recordAudit(tx, {
      actorId: adminId,
      action: 'user.suspend',
      targetType: 'user',
      targetId: userId,
      reason: reason ?? null,
    });
    // Session checks are dropped and live connections close only once the revocation has committed.
    afterCommit(tx, () => deps.announceAccess({ userId, reason: 'account_suspended' }));
    return presentUser(row);
  });
}
