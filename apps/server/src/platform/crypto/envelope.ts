import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Application-level encryption of personal data (AES-256-GCM, envelope style).
 *
 * Every value gets its own random data key; that key is wrapped by a key-encryption key (KEK)
 * from configuration. The stored text names the KEK, so adding a new KEK in front of the list
 * rotates without downtime: new writes use it, old values still open, and `rewrap` moves an old
 * value to the newest KEK by re-encrypting only its 32-byte data key.
 *
 * Stored form: `v1.<kekId>.<wrappedKey>.<iv>.<ciphertext+tag>` (base64url parts).
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

  encrypt(plaintext: string): string {
    const dataKey = randomBytes(32);
    const wrapped = seal(this.keys.get(this.primaryId)!, dataKey);
    const body = seal(dataKey, Buffer.from(plaintext, 'utf8'));
    return ['v1', this.primaryId, wrapped.toString('base64url'), body.toString('base64url')].join('.');
  }

  decrypt(stored: string): string {
    const { kekId, wrapped, body } = parse(stored);
    const kek = this.keys.get(kekId);
    if (!kek) throw new Error(`unknown data encryption key "${kekId}"`);
    const dataKey = open(kek, wrapped);
    return open(dataKey, body).toString('utf8');
  }

  /** True when the value was wrapped by an older KEK. */
  needsRewrap(stored: string): boolean {
    return parse(stored).kekId !== this.primaryId;
  }

  /** Re-wraps the data key under the newest KEK; the ciphertext body is unchanged. */
  rewrap(stored: string): string {
    const { kekId, wrapped, body } = parse(stored);
    if (kekId === this.primaryId) return stored;
    const kek = this.keys.get(kekId);
    if (!kek) throw new Error(`unknown data encryption key "${kekId}"`);
    const dataKey = open(kek, wrapped);
    const rewrapped = seal(this.keys.get(this.primaryId)!, dataKey);
    return ['v1', this.primaryId, rewrapped.toString('base64url'), body.toString('base64url')].join('.');
  }

  get primaryKeyId(): string {
    return this.primaryId;
  }
}

function seal(key: Buffer, plaintext: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ct]);
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

function open(key: Buffer, sealed: Buffer): Buffer {
  // A short tag would be accepted by GCM (its prefixes verify) and is far easier to forge: refuse it.
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('encrypted value is truncated');
  const iv = sealed.subarray(0, IV_BYTES);
  const tag = sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

function parse(stored: string): { kekId: string; wrapped: Buffer; body: Buffer } {
  const parts = stored.split('.');
  if (parts.length !== 4 || parts[0] !== 'v1') throw new Error('not an encrypted value');
  return {
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
