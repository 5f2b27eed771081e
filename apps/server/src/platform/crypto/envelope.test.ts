import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LookupHasher, PersonalDataCipher } from './envelope';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('personal data cipher', () => {
  it('round-trips and never stores the plaintext', () => {
    const c = new PersonalDataCipher([key('k1')]);
    const stored = c.encrypt('+14155550123');
    expect(stored).not.toContain('4155550123');
    expect(stored.startsWith('v1.k1.')).toBe(true);
    expect(c.decrypt(stored)).toBe('+14155550123');
    expect(c.encrypt('same')).not.toBe(c.encrypt('same'));
  });

  it('rotates without downtime: old values open after a new key is added, and re-wrap moves them', () => {
    const k1 = key('k1');
    const old = new PersonalDataCipher([k1]);
    const stored = old.encrypt('Maria Silva');
    const rotated = new PersonalDataCipher([key('k2'), k1]);
    expect(rotated.decrypt(stored)).toBe('Maria Silva');
    expect(rotated.needsRewrap(stored)).toBe(true);
    const rewrapped = rotated.rewrap(stored);
    expect(rewrapped.startsWith('v1.k2.')).toBe(true);
    expect(rotated.needsRewrap(rewrapped)).toBe(false);
    expect(rotated.decrypt(rewrapped)).toBe('Maria Silva');
    // the body is unchanged: only the 32-byte data key was re-encrypted
    expect(rewrapped.split('.')[3]).toBe(stored.split('.')[3]);
  });

  it('refuses tampered values and unknown keys', () => {
    const c = new PersonalDataCipher([key('k1')]);
    const stored = c.encrypt('secret');
    const parts = stored.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[body.length - 1]! ^= 1;
    parts[3] = body.toString('base64url');
    expect(() => c.decrypt(parts.join('.'))).toThrow();
    expect(() => new PersonalDataCipher([key('other')]).decrypt(stored)).toThrow(/unknown data encryption key/);
    expect(() => new PersonalDataCipher([{ id: 'short', key: randomBytes(16) }])).toThrow();
  });

  it('security review: a truncated authentication tag is refused', () => {
    const c = new PersonalDataCipher([key('k1')]);
    const parts = c.encrypt('').split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    // GCM's short tags are prefixes of the full one: 12 bytes of IV and the first 4 of the tag.
    parts[3] = body.subarray(0, 16).toString('base64url');
    expect(() => c.decrypt(parts.join('.'))).toThrow();
  });

  it('parses keys from configuration', () => {
    const c = PersonalDataCipher.fromConfig(
      `new:${randomBytes(32).toString('base64')},old:${randomBytes(32).toString('base64')}`,
    );
    expect(c.primaryKeyId).toBe('new');
  });
});

describe('look-up hasher', () => {
  it('is stable per purpose and differs across purposes', () => {
    const h = new LookupHasher('s'.repeat(32));
    expect(h.hash('phone', '+1555')).toBe(h.hash('phone', '+1555'));
    expect(h.hash('phone', '+1555')).not.toBe(h.hash('otp', '+1555'));
    expect(h.equals(h.hash('a', 'b'), h.hash('a', 'b'))).toBe(true);
    expect(h.equals(h.hash('a', 'b'), h.hash('a', 'c'))).toBe(false);
  });
});
