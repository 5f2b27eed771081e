import { recordAudit } from '../../platform/audit';
import { afterCommit } from '../../platform/db/unit-of-work';
import { DomainError } from '../../platform/errors';
import type { IdentityDeps } from './deps';
import { presentUser, type PublicUser } from './present';
import { findUserById, reactivateSuspended } from './user-repo';

/** Admin: lifts a suspension (audited); the user signs in again. */
export async function reinstateUser(
  deps: IdentityDeps,
  adminId: string,
  userId: string,
  reason: string | undefined,
): Promise<PublicUser> {
  return deps.db.transaction(async (tx) => {
    const row = await reactivateSuspended(tx, userId, deps.clock.now());
    if (!row) {
      const existing = await findUserById(tx, userId);
      if (!existing || existing.status === 'deleted') throw new DomainError('user_not_found', 'No such user');
      throw new DomainError('not_suspended', 'The account is not suspended');
    }
    await recordAudit(tx, {
      actorId: adminId,
      action: 'user.reinstate',
      targetType: 'user',
      targetId: userId,
      reason: reason ?? null,
    });
    // Its old tokens then answer `session_ended` (suspension revoked their sessions), not 403.
    afterCommit(tx, () => deps.announceAccess({ userId, reason: 'account_changed' }));
    return presentUser(row);
  });
}
