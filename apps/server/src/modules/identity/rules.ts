import { createHash, randomBytes, randomInt } from 'node:crypto';
import { DomainError } from '../../platform/errors';

/** Emails are stored trimmed and lower-cased so one address is one account. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const E164 = /^\+[1-9]\d{6,14}$/;

/** Accepts E.164 with optional spaces, dashes or brackets; returns the bare E.164 form or null. */
export function normalizePhone(phone: string): string | null {
  const compact = phone.replace(/[\s().-]/g, '');
  return E164.test(compact) ? compact : null;
}

export const USERNAME = /^[a-z0-9][a-z0-9_.]{2,29}$/;

/** A username candidate from an email's local part: lower-case letters, digits, `_` and `.`. */
export function usernameFromEmail(email: string): string {
  const local = normalizeEmail(email).split('@')[0] ?? '';
  let base = local
    .replace(/\+.*$/, '')
    .replace(/[^a-z0-9_.]/g, '')
    .replace(/^[._]+/, '')
    .slice(0, 24);
  if (base.length < 3) base = `${base}user`.slice(0, 24);
  return base;
}

/** Adds a random numeric suffix when the preferred username is taken. */
export function usernameWithSuffix(base: string): string {
  return `${base.slice(0, 24)}${randomInt(1000, 999999)}`;
}

/** A uniformly random 6-digit one-time code. */
export function generateOtpCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export interface SendWindow {
  /** Creation times of the codes sent in the last hour, oldest first. */
  sentAt: Date[];
  limit: number;
}

/**
 * Seconds until another code may be sent, or 0 when the limit allows one now. The window is a
 * sliding hour: the oldest send in it decides when a slot frees up.
 */
export function retryAfterSeconds(window: SendWindow, now: Date): number {
  if (window.sentAt.length < window.limit) return 0;
  const oldest = window.sentAt[window.sentAt.length - window.limit]!;
  return Math.max(1, Math.ceil((oldest.getTime() + 3600_000 - now.getTime()) / 1000));
}

/**
 * The roles an account holds right now. The admin role follows ADMIN_EMAILS as configured today,
 * whatever was stored when the account last signed in: removing an address revokes it at once.
 */
export function effectiveRoles(
  stored: readonly string[],
  email: string | null,
  adminEmails: readonly string[],
): string[] {
  const roles = stored.filter((r) => r !== 'admin');
  if (email !== null && adminEmails.includes(email)) roles.push('admin');
  return roles;
}

/** Roles that act only with a second factor on: admin actions need TOTP. */
export const ROLES_NEEDING_TOTP: readonly string[] = ['admin'];

/** True when the user holds the role. */
export function hasRole(roles: readonly string[], role: 'viewer' | 'maker' | 'admin'): boolean {
  return roles.includes(role);
}

/** Refresh tokens and TOTP-step tokens are stored as their SHA-256 only. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
export const newRefreshToken = () => `rt_${randomBytes(32).toString('base64url')}`;
export const newMfaToken = () => `mfa_${randomBytes(32).toString('base64url')}`;

export type OtpChannel = 'email' | 'sms';

/** The normalised address a one-time code goes to; a malformed phone number is refused. */
export function destinationOf(channel: OtpChannel, raw: string): string {
  if (channel === 'email') return normalizeEmail(raw);
  const phone = normalizePhone(raw);
  if (!phone) throw new DomainError('invalid_phone', 'Phone numbers are written in E.164, like +14155550123');
  return phone;
}

export const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');

/** Google echoes the raw nonce; Apple's clients usually send its SHA-256. Accept either. */
export function nonceMatches(claim: unknown, nonce: string): boolean {
  if (typeof claim !== 'string' || !nonce) return false;
  return claim === nonce || claim === sha256Hex(nonce);
}
