import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sealFirstForm } from '../../../test/first-form';
import { LookupHasher, PersonalDataCipher } from './envelope';

const key = (id: string) => ({ id, key: randomBytes(32) });
const phoneOf = (rowId: string) => ({ purpose: 'identity.users.phone', rowId });
const row = phoneOf('7b0c1c2e-0000-4000-8000-000000000001');

describe('personal data cipher', () => {
  it('round-trips and never stores the plaintext', () => {
    const c = new PersonalDataCipher([key('k1')]);
    const stored = c.encrypt('+14155550123', row);
    expect(stored).not.toContain('4155550123');
    expect(stored.startsWith('v2.k1.')).toBe(true);
    expect(c.decrypt(stored, row)).toBe('+14155550123');
    expect(c.encrypt('same', row)).not.toBe(c.encrypt('same', row));
  });

  it('rotates without downtime: old values open after a new key is added, and re-wrap moves them', () => {
    const k1 = key('k1');
    const old = new PersonalDataCipher([k1]);
    const stored = old.encrypt('Maria Silva', row);
    const rotated = new PersonalDataCipher([key('k2'), k1]);
    expect(rotated.decrypt(stored, row)).toBe('Maria Silva');
    expect(rotated.needsRewrap(stored)).toBe(true);
    const rewrapped = rotated.rewrap(stored, row);
    expect(rewrapped.startsWith('v2.k2.')).toBe(true);
    expect(rotated.needsRewrap(rewrapped)).toBe(false);
    expect(rotated.decrypt(rewrapped, row)).toBe('Maria Silva');
    // the body is unchanged: only the 32-byte data key was re-encrypted
    expect(rewrapped.split('.')[3]).toBe(stored.split('.')[3]);
  });

  it('refuses tampered values and unknown keys', () => {
    const c = new PersonalDataCipher([key('k1')]);
    const stored = c.encrypt('secret', row);
    const parts = stored.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[body.length - 1]! ^= 1;
    parts[3] = body.toString('base64url');
    expect(() => c.decrypt(parts.join('.'), row)).toThrow();
    expect(() => new PersonalDataCipher([key('other')]).decrypt(stored, row)).toThrow(/unknown data encryption key/);
    expect(() => new PersonalDataCipher([{ id: 'short', key: randomBytes(16) }])).toThrow();
  });

  it('security review: a truncated authentication tag is refused', () => {
    const c = new PersonalDataCipher([key('k1')]);
    const parts = c.encrypt('', row).split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    // GCM's short tags are prefixes of the full one: 12 bytes of IV and the first 4 of the tag.
    parts[3] = body.subarray(0, 16).toString('base64url');
    expect(() => c.decrypt(parts.join('.'), row)).toThrow();
  });

  it('security review: a ciphertext is bound to its row and purpose — copied to another row or purpose it does not decrypt', () => {
    const c = new PersonalDataCipher([key('k1')]);
    const stored = c.encrypt('+14155550123', row);
    expect(c.decrypt(stored, row)).toBe('+14155550123');
    // another user's row, the same column
    expect(() => c.decrypt(stored, phoneOf('7b0c1c2e-0000-4000-8000-000000000002'))).toThrow();
    // the same row, another column
    expect(() => c.decrypt(stored, { purpose: 'identity.users.totp_secret', rowId: row.rowId })).toThrow();
    // a purpose and row that run together differently are still different
    expect(() =>
      c.decrypt(c.encrypt('x', { purpose: 'a.b', rowId: 'c:d' }), { purpose: 'a.b:c', rowId: 'd' }),
    ).toThrow();
    // the wrapped data key is bound too: grafting another row's key onto this body fails
    const other = c.encrypt('+14155550123', phoneOf('other')).split('.');
    const parts = stored.split('.');
    parts[2] = other[2]!;
    expect(() => c.decrypt(parts.join('.'), row)).toThrow();
    expect(() => c.encrypt('x', { purpose: '', rowId: 'r' })).toThrow();
  });

  it('still opens values in the first stored form (no associated data) and re-wraps them into the bound form', () => {
    const k1 = key('k1');
    const c = new PersonalDataCipher([k1]);
    const old = sealFirstForm(k1, 'Maria Silva');
    expect(c.decrypt(old, row)).toBe('Maria Silva');
    expect(c.needsRewrap(old)).toBe(true);
    const moved = c.rewrap(old, row);
    expect(moved.startsWith('v2.k1.')).toBe(true);
    expect(c.needsRewrap(moved)).toBe(false);
    expect(c.decrypt(moved, row)).toBe('Maria Silva');
    expect(() => c.decrypt(moved, phoneOf('other'))).toThrow();
    // an old value under an older key moves to the newest key and the bound form at once
    const rotated = new PersonalDataCipher([key('k2'), k1]);
    const both = rotated.rewrap(sealFirstForm(k1, 'Rita'), row);
    expect(both.startsWith('v2.k2.')).toBe(true);
    expect(rotated.decrypt(both, row)).toBe('Rita');
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
