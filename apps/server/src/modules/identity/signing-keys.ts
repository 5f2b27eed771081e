import { desc, eq, isNull } from 'drizzle-orm';
import { exportJWK, generateKeyPair, importJWK, type JWK, type CryptoKey as JoseKey } from 'jose';
import { randomUUID } from 'node:crypto';
import type { PersonalDataCipher } from '../../platform/crypto/envelope';
import type { Database } from '../../platform/db/client';
import { signingKeys } from './tables';

const ALG = 'EdDSA';

interface LoadedKey {
  kid: string;
  publicJwk: JWK;
  publicKey: JoseKey | Uint8Array;
  privateKey?: JoseKey | Uint8Array;
}

/**
 * Access-token signing keys kept in PostgreSQL (private halves encrypted), so every process signs
 * and verifies with the same keys and a restart keeps sessions valid.
 */
export class SigningKeyStore {
  private current: LoadedKey | null = null;
  private readonly byKid = new Map<string, LoadedKey>();

  constructor(
    private readonly db: Database,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /** The key new tokens are signed with; created on first use. */
  async signingKey(): Promise<LoadedKey & { privateKey: JoseKey | Uint8Array }> {
    if (!this.current?.privateKey) {
      await this.load();
      if (!this.current) await this.create();
    }
    return this.current as LoadedKey & { privateKey: JoseKey | Uint8Array };
  }

  /** The public key for a `kid`, or null when unknown or retired. */
  async verificationKey(kid: string): Promise<JoseKey | Uint8Array | null> {
    const known = this.byKid.get(kid);
    if (known) return known.publicKey;
    await this.load();
    return this.byKid.get(kid)?.publicKey ?? null;
  }

  /** Public keys as a JWKS document. */
  async jwks(): Promise<{ keys: JWK[] }> {
    await this.load();
    return { keys: [...this.byKid.values()].map((k) => k.publicJwk) };
  }

  private async load(): Promise<void> {
    const rows = await this.db
      .select()
      .from(signingKeys)
      .where(isNull(signingKeys.retiredAt))
      .orderBy(desc(signingKeys.createdAt));
    for (const row of rows) {
      if (this.byKid.has(row.kid) && this.current) continue;
      const publicJwk = row.publicJwk as JWK;
      const loaded: LoadedKey = {
        kid: row.kid,
        publicJwk,
        publicKey: await importJWK(publicJwk, ALG),
      };
      this.byKid.set(row.kid, loaded);
    }
    const newest = rows[0];
    if (newest) {
      const privateJwk = JSON.parse(this.cipher.decrypt(newest.privateJwkEncrypted)) as JWK;
      this.current = { ...this.byKid.get(newest.kid)!, privateKey: await importJWK(privateJwk, ALG) };
    }
  }

  private async create(): Promise<void> {
    const { publicKey, privateKey } = await generateKeyPair(ALG, { crv: 'Ed25519', extractable: true });
    const kid = randomUUID();
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' };
    const privateJwk = await exportJWK(privateKey);
    // Two processes may race to create the first key; both keys stay valid, the newest signs.
    await this.db.insert(signingKeys).values({
      kid,
      alg: ALG,
      publicJwk,
      privateJwkEncrypted: this.cipher.encrypt(JSON.stringify(privateJwk)),
    });
    await this.load();
  }

  /** Stops trusting a key (after a compromise); tokens it signed are refused from now on. */
  async retire(kid: string): Promise<void> {
    await this.db.update(signingKeys).set({ retiredAt: new Date() }).where(eq(signingKeys.kid, kid));
    this.byKid.delete(kid);
    if (this.current?.kid === kid) this.current = null;
  }
}
