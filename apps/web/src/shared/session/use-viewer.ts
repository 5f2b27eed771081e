import { useMeQuery } from '../queries/auth/use-me-query';
import { readAccessClaims } from './jwt';
import { useSession } from './use-session';

/** Who is looking: signed in or not, and with which roles (from /v1/me, else the token). */
export function useViewer() {
  const session = useSession();
  const me = useMeQuery();
  const roles = me.data?.roles ?? (session ? (readAccessClaims(session.accessToken)?.roles ?? []) : []);
  return {
    session,
    signedIn: session !== null,
    userId: session?.userId ?? null,
    me: me.data ?? null,
    meQuery: me,
    isMaker: roles.includes('maker'),
    isAdmin: roles.includes('admin'),
  };
}
