/**
 * The logs of the whole test run, scanned once every file has finished: every test server writes
 * its log lines (debug level) into the run's log folder, and `findLeaks` looks there for what the
 * logger must never let through — addresses, phone numbers, tokens and secrets — whatever the test
 * that produced them was about. Each pattern matches only the unmasked form: the logger writes
 * `r***@example.com` and `+***`.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface Leak {
  file: string;
  kind: string;
  sample: string;
}

/**
 * A credential is recognised only as a whole token: not preceded by a character that base64url
 * text or a dotted token could carry, so random bytes in encoded text (a sealed value, a
 * signature, a hash) that happen to spell `-rt_…` or `_eyJ…` are not taken for one.
 */
const WHOLE = String.raw`(?<![A-Za-z0-9_.-])`;
const token = (body: string) => new RegExp(WHOLE + body, 'g');

const PATTERNS: [kind: string, pattern: RegExp][] = [
  ['email address', /(?<![\w.%+*-])[A-Za-z0-9][\w.%+-]*[\w%+-]@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g],
  ['phone number', token(String.raw`\+[1-9]\d{7,14}(?!\d)`)],
  ['access token (JWT)', token(String.raw`eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]+`)],
  ['refresh token', token(String.raw`rt_[\w-]{20,}`)],
  ['Stripe secret key', token(String.raw`sk_(?:test|live)_[A-Za-z0-9]{8,}`)],
  ['webhook secret', token(String.raw`whsec_[\w+/=-]{8,}`)],
  ['bearer credential', token(String.raw`Bearer [\w.-]{16,}`)],
];

/**
 * Values sealed by the data cipher (`v1.<key id>.<wrapped key>.<ciphertext>`): ciphertext, not a
 * credential, whatever its bytes spell; taken out before the patterns run.
 */
const SEALED = /(?<![\w.-])v\d+\.[\w-]+\.[\w-]{16,}\.[\w-]{16,}/g;

/** Addresses that are the product's own, not anybody's personal data. */
const OWN_ADDRESSES = /^(?:no-?reply|support|hello)@/i;

export async function findLeaks(dir: string): Promise<{ lines: number; leaks: Leak[] }> {
  const leaks: Leak[] = [];
  let lines = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const text = (await readFile(path.join(dir, name), 'utf8')).replace(SEALED, 'v[sealed]');
    lines += text.split('\n').length - 1;
    for (const [kind, pattern] of PATTERNS) {
      for (const match of text.matchAll(pattern)) {
        if (kind === 'email address' && OWN_ADDRESSES.test(match[0])) continue;
        leaks.push({ file: name, kind, sample: match[0].slice(0, 80) });
        break;
      }
    }
  }
  return { lines, leaks };
}
