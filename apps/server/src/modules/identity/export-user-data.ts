import type { AppModule } from '../../platform/module';
import type { IdentityDeps } from './deps';
import { listLinkedSignIns } from './federated-repo';
import { getMe } from './get-me';
import { findMakerProfile } from './maker-repo';
import { sealedFor } from './sealed-columns';
import { listSessionsOfUser } from './session-repo';

/** Everything the product holds about the user, as one JSON document. */
export async function exportUserData(
  deps: IdentityDeps,
  userId: string,
  modules: AppModule[],
): Promise<Record<string, unknown>> {
  const me = await getMe(deps, userId);
  const userSessions = await listSessionsOfUser(deps.db, userId);
  const linked = await listLinkedSignIns(deps.db, userId);
  const maker = await findMakerProfile(deps.db, userId);
  const out: Record<string, unknown> = {
    exportedAt: deps.clock.now().toISOString(),
    account: me,
    legalName: maker?.legalNameEncrypted
      ? deps.secrets.cipher.decrypt(maker.legalNameEncrypted, sealedFor('legalName', maker.userId))
      : null,
    sessions: userSessions,
    linkedSignIns: linked,
  };
  for (const m of modules) {
    if (m.exportUserData) out[m.name] = await m.exportUserData(userId);
  }
  return out;
}
