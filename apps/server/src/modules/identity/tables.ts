import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { LOCALES } from '../../platform/i18n';

export const identity = pgSchema('identity');

export const users = identity.table(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Normalised (trimmed, lower-cased) for look-up; null once the account is deleted. */
    email: text('email'),
    username: text('username').notNull(),
    /** Keyed hash of the E.164 number, for look-up; the number itself is encrypted. */
    phoneLookup: text('phone_lookup'),
    phoneEncrypted: text('phone_encrypted'),
    roles: text('roles')
      .array()
      .notNull()
      .default(sql`'{viewer}'::text[]`),
    status: text('status', { enum: ['active', 'suspended', 'pending_verification', 'deleted'] })
      .notNull()
      .default('active'),
    /** Where the user receives their purchases (ISO 3166-1 alpha-2): shipping prices are quoted for it. */
    country: text('country'),
    /** The language the account is written to in (emails, texts, notifications); null until chosen. */
    locale: text('locale', { enum: LOCALES }),
    totpSecretEncrypted: text('totp_secret_encrypted'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    uniqueIndex('users_username_key').on(sql`lower(${t.username})`),
    uniqueIndex('users_phone_lookup_key').on(t.phoneLookup),
  ],
);

export const makerProfiles = identity.table('maker_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  displayName: text('display_name').notNull(),
  bio: text('bio'),
  city: text('city'),
  country: text('country'),
  avatarUrl: text('avatar_url'),
  /** An image the maker uploaded (media module); its URL is signed each time the profile is read. */
  avatarMediaId: uuid('avatar_media_id'),
  legalNameEncrypted: text('legal_name_encrypted'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const federatedIdentities = identity.table(
  'federated_identities',
  {
    provider: text('provider', { enum: ['google', 'apple'] }).notNull(),
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.subject] }), index('federated_identities_user_idx').on(t.userId)],
);

/** One-time codes; only their keyed hash is stored. */
export const otpCodes = identity.table(
  'otp_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel', { enum: ['email', 'sms'] }).notNull(),
    destinationLookup: text('destination_lookup').notNull(),
    ipLookup: text('ip_lookup').notNull(),
    codeHash: text('code_hash').notNull(),
    /** The language the code was asked for in; an account created by this code is given it. */
    locale: text('locale', { enum: LOCALES }),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('otp_codes_destination_idx').on(t.destinationLookup, t.createdAt),
    index('otp_codes_ip_idx').on(t.ipLookup, t.createdAt),
  ],
);

/** A sign-in session: one refresh-token family. */
export const sessions = identity.table(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    method: text('method').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const refreshTokens = identity.table(
  'refresh_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    rotatedAt: timestamp('rotated_at', { withTimezone: true }),
  },
  (t) => [index('refresh_tokens_session_idx').on(t.sessionId)],
);

/** The pending second step of a sign-in for an account with TOTP. */
export const mfaChallenges = identity.table('mfa_challenges', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  method: text('method').notNull(),
  attempts: integer('attempts').notNull().default(0),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  consumedAt: timestamp('consumed_at', { withTimezone: true }),
});

/**
 * Single-use recovery codes of an account with TOTP, for when the authenticator is lost; only
 * their keyed hash is stored. A new set replaces the old one.
 */
export const totpRecoveryCodes = identity.table(
  'totp_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('totp_recovery_codes_user_hash_key').on(t.userId, t.codeHash)],
);

/** Access-token signing keys; private halves encrypted. */
export const signingKeys = identity.table('signing_keys', {
  kid: text('kid').primaryKey(),
  alg: text('alg').notNull(),
  publicJwk: jsonb('public_jwk').notNull(),
  privateJwkEncrypted: text('private_jwk_encrypted').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** When the key starts signing; published from creation, so caches learn it first (null: created_at). */
  activatesAt: timestamp('activates_at', { withTimezone: true }),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

/** Nonces the server issued for Google/Apple sign-in; single use, stored as SHA-256 (hex) of the nonce. */
export const federatedNonces = identity.table(
  'federated_nonces',
  {
    nonceHash: text('nonce_hash').primaryKey(),
    provider: text('provider', { enum: ['google', 'apple'] }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('federated_nonces_expires_idx').on(t.expiresAt)],
);
