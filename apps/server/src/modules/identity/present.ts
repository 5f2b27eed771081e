import { SOURCE_LOCALE, type Locale } from '../../platform/i18n';
import type { MakerProfileRow } from './maker-repo';
import type { UserRow } from './user-repo';

export interface PublicUser {
  id: string;
  email: string | null;
  username: string;
  country: string | null;
  /** The language the account is written to in; English until the person chooses another. */
  locale: Locale;
  roles: string[];
  status: string;
  totpEnabled: boolean;
  createdAt: string;
}

export function presentUser(u: UserRow): PublicUser {
  return {
    id: u.id,
    email: u.email,
    username: u.username,
    country: u.country,
    locale: u.locale ?? SOURCE_LOCALE,
    roles: u.roles,
    status: u.status,
    totpEnabled: u.totpEnabledAt !== null,
    createdAt: u.createdAt.toISOString(),
  };
}

export interface MakerProfile {
  userId: string;
  displayName: string;
  bio: string | null;
  city: string | null;
  country: string | null;
  avatarUrl: string | null;
  createdAt: string;
}

/** A maker profile; `avatarUrl` is signed by the caller (see maker-avatars.ts). */
export function presentMaker(m: MakerProfileRow, avatarUrl: string | null): MakerProfile {
  return {
    userId: m.userId,
    displayName: m.displayName,
    bio: m.bio,
    city: m.city,
    country: m.country,
    avatarUrl,
    createdAt: m.createdAt.toISOString(),
  };
}
