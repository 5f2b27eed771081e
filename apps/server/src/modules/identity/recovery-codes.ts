import { randomInt } from 'node:crypto';
import type { LookupHasher } from '../../platform/crypto/envelope';

/** How many recovery codes an account gets at a time. */
export const RECOVERY_CODE_COUNT = 10;

/** Lower-case letters and digits without the look-alikes (0/o, 1/l/i), so a code read aloud or copied by hand survives. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const LENGTH = 10;

/** A new recovery code, written `xxxxx-xxxxx` (about 50 bits). */
export function newRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** The code as typed, without spaces or dashes and in lower case; null when it cannot be a recovery code. */
export function normaliseRecoveryCode(typed: string): string | null {
  const code = typed.replace(/[\s-]/g, '').toLowerCase();
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

/** The keyed hash stored for a user's (normalised) recovery code. */
export function recoveryCodeHash(lookup: LookupHasher, userId: string, normalised: string): string {
  return lookup.hash('totp:recovery', `${userId}:${normalised}`);
}

/** A fresh set: the codes to show the user once, and the hashes to store. */
export function newRecoveryCodeSet(lookup: LookupHasher, userId: string): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  return { codes, hashes: codes.map((c) => recoveryCodeHash(lookup, userId, normaliseRecoveryCode(c)!)) };
}
