import { randomBytes } from 'node:crypto';
import { afterCommit } from '../../platform/db/unit-of-work';
import { DomainError } from '../../platform/errors';
import type { AppModule } from '../../platform/module';
import { deleteMfaChallengesOfUser } from './code-repo';
import type { IdentityDeps } from './deps';
import { unlinkProviderAccounts } from './federated-repo';
import { anonymiseMakerProfile } from './maker-repo';
import { deleteRecoveryCodesOfUser } from './recovery-code-repo';
import { revokeAllSessions } from './session-repo';
import { anonymiseUser } from './user-repo';

/**
 * Deletes the account: personal data erased, the row kept (anonymised) so orders and auction
 * records stay intact for the legally required record.
 */
export async function deleteAccount(deps: IdentityDeps, userId: string, modules: AppModule[]): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    if (!(await anonymiseUser(tx, userId, `deleted-${randomBytes(6).toString('hex')}`, now)))
      throw new DomainError('user_not_found', 'No such user');
    await anonymiseMakerProfile(tx, userId, now);
    await unlinkProviderAccounts(tx, userId);
    await deleteMfaChallengesOfUser(tx, userId);
    await deleteRecoveryCodesOfUser(tx, userId);
    await revokeAllSessions(tx, userId, 'account_deleted', now);
    for (const m of modules) {
      if (m.eraseUserData) await m.eraseUserData(tx, userId);
    }
    afterCommit(tx, () => deps.announceAccess({ userId, reason: 'session_ended' }));
  });
}
