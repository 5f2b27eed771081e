import { createCipheriv, randomBytes } from 'node:crypto';

/** A value in the first stored form (`v1.`, no associated data), as written before values were bound to rows. */
export function sealFirstForm(kek: { id: string; key: Buffer }, plaintext: string): string {
  const seal = (key: Buffer, data: Buffer) => {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', key, iv);
    const ct = Buffer.concat([c.update(data), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), ct]).toString('base64url');
  };
  const dataKey = randomBytes(32);
  return ['v1', kek.id, seal(kek.key, dataKey), seal(dataKey, Buffer.from(plaintext, 'utf8'))].join('.');
}

/** The newest key of a `DATA_ENCRYPTION_KEYS` value (`id:base64,…`). */
export function firstKeyOf(keys: string): { id: string; key: Buffer } {
  const [id, b64] = keys.split(',')[0]!.split(':');
  return { id: id!, key: Buffer.from(b64!, 'base64') };
}
