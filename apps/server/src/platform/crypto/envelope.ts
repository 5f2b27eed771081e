import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * What a sealed value belongs to: its purpose (`<schema>.<table>.<column>`, or a name for values
 * outside a table) and the row that holds it. It is the AES-GCM associated data of the value, so a
 * ciphertext copied to another row or column does not open.
 */
export interface SealedFor {
  purpose: string;
  rowId: string;
}

/**
 * Application-level encryption of personal data (AES-256-GCM, envelope style).
 *
 * Every value gets its own random data key; that key is wrapped by a key-encryption key (KEK)
 * from configuration. The stored text names the KEK, so adding a new KEK in front of the list
 * rotates without downtime: new writes use it, old values still open, and `rewrap` moves an old
 * value to the newest KEK by re-encrypting only its 32-byte data key.
 *
 * Stored form: `v2.<kekId>.<wrappedKey>.<body>` (base64url parts, each `iv ‖ tag ‖ ciphertext`);
 * both the wrapped key and the body carry `<purpose>:<rowId>` as associated data. Values of the
 * first form, `v1.` (no associated data), still open and are moved to `v2.` by `rewrap`.
 */
export class PersonalDataCipher {
  private readonly keys: Map<string, Buffer>;
  private readonly primaryId: string;

  constructor(keks: { id: string; key: Buffer }[]) {
    if (keks.length === 0) throw new Error('at least one data encryption key is required');
    for (const k of keks) {
      if (k.key.length !== 32) throw new Error(`data encryption key "${k.id}" must be 32 bytes`);
      if (!/^[A-Za-z0-9_-]+$/.test(k.id)) throw new Error(`bad data encryption key id "${k.id}"`);
    }
    this.keys = new Map(keks.map((k) => [k.id, k.key]));
    this.primaryId = keks[0]!.id;
  }

  /** Parses `id:base64,id:base64` (newest first). */
  static fromConfig(value: string): PersonalDataCipher {
    const keks = value.split(',').map((part) => {
      const [id, b64] = part.trim().split(':');
      if (!id || !b64) throw new Error('DATA_ENCRYPTION_KEYS entries look like id:base64key');
      return { id, key: Buffer.from(b64, 'base64') };
    });
    return new PersonalDataCipher(keks);
  }

  encrypt(plaintext: string, boundTo: SealedFor): string {
    const aad = associatedData(boundTo);
    return this.seal(randomBytes(32), Buffer.from(plaintext, 'utf8'), aad);
  }

  decrypt(stored: string, boundTo: SealedFor): string {
    const aad = associatedData(boundTo);
    const { version, kekId, wrapped, body } = parse(stored);
    // The first form has no associated data; it opens until `rewrap` has moved it.
    const bound = version === 'v2' ? aad : undefined;
    const dataKey = open(this.kek(kekId), wrapped, bound);
    return open(dataKey, body, bound).toString('utf8');
  }

  /** True when the value was wrapped by an older KEK or is of the first (unbound) form. */
  needsRewrap(stored: string): boolean {
    const { version, kekId } = parse(stored);
    return version !== 'v2' || kekId !== this.primaryId;
  }

  /**
   * Re-wraps the data key under the newest KEK; the ciphertext body is unchanged. A value of the
   * first form is sealed again, bound to `boundTo`.
   */
  rewrap(stored: string, boundTo: SealedFor): string {
    const aad = associatedData(boundTo);
    const { version, kekId, wrapped, body } = parse(stored);
    if (version === 'v1') return this.encrypt(this.decrypt(stored, boundTo), boundTo);
    if (kekId === this.primaryId) return stored;
    const dataKey = open(this.kek(kekId), wrapped, aad);
    const rewrapped = seal(this.keys.get(this.primaryId)!, dataKey, aad);
    return ['v2', this.primaryId, rewrapped.toString('base64url'), body.toString('base64url')].join('.');
  }

  get primaryKeyId(): string {
    return this.primaryId;
  }

  private seal(dataKey: Buffer, plaintext: Buffer, aad: Buffer): string {
    const wrapped = seal(this.keys.get(this.primaryId)!, dataKey, aad);
    const body = seal(dataKey, plaintext, aad);
    return ['v2', this.primaryId, wrapped.toString('base64url'), body.toString('base64url')].join('.');
  }

  private kek(kekId: string): Buffer {
    const kek = this.keys.get(kekId);
    if (!kek) throw new Error(`unknown data encryption key "${kekId}"`);
    return kek;
  }
}

/** Purposes hold no `:`, so `<purpose>:<rowId>` reads back one way only. */
const PURPOSE = /^[a-z0-9_]+(\.[a-z0-9_]+)*$/;

function associatedData(boundTo: SealedFor): Buffer {
  if (!PURPOSE.test(boundTo.purpose)) throw new Error(`bad encryption purpose "${boundTo.purpose}"`);
  if (!boundTo.rowId) throw new Error('an encrypted value needs the id of its row');
  return Buffer.from(`${boundTo.purpose}:${boundTo.rowId}`, 'utf8');
}

function seal(key: Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ct]);
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

function open(key: Buffer, sealed: Buffer, aad: Buffer | undefined): Buffer {
  // A short tag would be accepted by GCM (its prefixes verify) and is far easier to forge: refuse it.
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('encrypted value is truncated');
  const iv = sealed.subarray(0, IV_BYTES);
  const tag = sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAuthTag(tag);
  if (aad) decipher.setAAD(aad);
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

function parse(stored: string): { version: 'v1' | 'v2'; kekId: string; wrapped: Buffer; body: Buffer } {
  const parts = stored.split('.');
  const version = parts[0];
  if (parts.length !== 4 || (version !== 'v1' && version !== 'v2')) throw new Error('not an encrypted value');
  return {
    version,
    kekId: parts[1]!,
    wrapped: Buffer.from(parts[2]!, 'base64url'),
    body: Buffer.from(parts[3]!, 'base64url'),
  };
}

/** Keyed hashes for values that must be found again but never read back (codes, phone look-ups). */
export class LookupHasher {
  constructor(private readonly secret: string) {}

  hash(purpose: string, value: string): string {
    return createHmac('sha256', this.secret).update(purpose).update('\0').update(value).digest('base64url');
  }

  equals(a: string, b: string): boolean {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && timingSafeEqual(x, y);
  }
}
