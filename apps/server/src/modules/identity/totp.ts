import { Secret, TOTP } from 'otpauth';

const PERIOD = 30;
/** Wrong codes a sign-in's TOTP step accepts before the step is dead. */
export const MAX_MFA_ATTEMPTS = 5;

/** A new random TOTP secret (base32). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: 'Video Window',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secretBase32),
  });
}

/**
 * Checks a code against the secret, accepting one step of clock drift, and refuses a step that was
 * already used (RFC 6238 §5.2). Returns the matched step or null.
 */
export function matchTotpStep(secretBase32: string, code: string, now: Date, lastStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32, 'check').validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 1000 / PERIOD) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}
