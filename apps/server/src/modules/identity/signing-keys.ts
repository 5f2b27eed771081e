import { exportJWK, generateKeyPair, importJWK, type JWK, type CryptoKey as JoseKey } from 'jose';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform/clock';
import type { PersonalDataCipher } from '../../platform/crypto/envelope';
import type { Database, Executor } from '../../platform/db/client';
import { sealedFor } from './sealed-columns';
import { findLiveKeys, insertKey, lockRotation, retireKey } from './signing-key-repo';

const ALG = 'EdDSA';
/** How long resource servers may cache the JWKS document (its Cache-Control max-age). */
export const JWKS_MAX_AGE_SECONDS = 300;
/** The next key is published at least this long before it signs: twice the JWKS cache lifetime. */
const PUBLISH_AHEAD_MS = 2 * JWKS_MAX_AGE_SECONDS * 1000;
/** How often the rotation job runs (its crontab line below); the next key is made one run early. */
const ROTATION_RUN_MS = 3600 * 1000;
/** Every process re-reads the key set this often, so it learns the next key long before it signs. */
const REFRESH_MS = 60 * 1000;
/** A token with an unknown `kid` refreshes the key set at most this often (one refresh in flight). */
const MISS_REFRESH_MS = 5 * 1000;
/** Clock skew allowed before a superseded key is withdrawn. */
const RETIRE_GRACE_MS = 60 * 1000;

export const ROTATE_SIGNING_KEYS_CRONTAB = '7 * * * * identity:rotate-signing-keys';

interface LoadedKey {
  kid: string;
  publicJwk: JWK;
  publicKey: JoseKey | Uint8Array;
  activatesAt: Date;
  privateJwkEncrypted: string;
}

export interface SigningKeyOptions {
  /** How long a key signs before the next takes over. */
  rotationSeconds: number;
  /** Access-token lifetime: a superseded key stays published until its last token has expired. */
  accessTokenSeconds: number;
}

/**
 * Access-token signing keys kept in PostgreSQL (private halves encrypted), so every process signs
 * and verifies with the same keys and a restart keeps sessions valid. Keys rotate on a schedule:
 * the next key is published well before it signs, and a superseded key stays published until the
 * tokens it signed have expired.
 */
export class SigningKeyStore {
  private byKid = new Map<string, LoadedKey>();
  private readonly privateKeys = new Map<string, JoseKey | Uint8Array>();
  private loadedAt = -Infinity;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    private readonly cipher: PersonalDataCipher,
    private readonly clock: Clock,
    private readonly options: SigningKeyOptions,
  ) {}

  /** Makes sure a signing key exists (at start, so the JWKS is never empty). */
  async ensure(): Promise<void> {
    await this.refresh();
    if (this.active()) return;
    await this.rotate();
  }

  /** The key new tokens are signed with. */
  async signingKey(): Promise<{ kid: string; privateKey: JoseKey | Uint8Array }> {
    if (this.clock.now().getTime() - this.loadedAt >= REFRESH_MS) await this.refresh();
    let key = this.active();
    if (!key) {
      await this.ensure();
      key = this.active();
      if (!key) throw new Error('no access-token signing key');
    }
    let privateKey = this.privateKeys.get(key.kid);
    if (!privateKey) {
      const jwk = JSON.parse(this.cipher.decrypt(key.privateJwkEncrypted, sealedFor('signingKey', key.kid))) as JWK;
      privateKey = await importJWK(jwk, ALG);
      this.privateKeys.set(key.kid, privateKey);
    }
    return { kid: key.kid, privateKey };
  }

  /**
   * The public key for a `kid`, or null when unknown or retired. An unknown `kid` re-reads the key
   * set at most once per MISS_REFRESH_MS, so a flood of made-up key ids costs no database reads.
   */
  async verificationKey(kid: string): Promise<JoseKey | Uint8Array | null> {
    const elapsed = this.clock.now().getTime() - this.loadedAt;
    if (elapsed >= REFRESH_MS || (!this.byKid.has(kid) && elapsed >= MISS_REFRESH_MS)) await this.refresh();
    return this.byKid.get(kid)?.publicKey ?? null;
  }

  /** Public keys as a JWKS document: the signing key, the next one and superseded ones still in use. */
  async jwks(): Promise<{ keys: JWK[] }> {
    await this.ensure();
    return { keys: [...this.byKid.values()].map((k) => k.publicJwk) };
  }

  /**
   * The scheduled rotation (a job, every hour, under an advisory lock so one process acts): creates
   * the first key if there is none, publishes the next key ahead of its start, and withdraws keys
   * whose tokens have all expired.
   */
  async rotate(): Promise<void> {
    const now = this.clock.now();
    await this.db.transaction(async (tx) => {
      await lockRotation(tx);
      const rows = await findLiveKeys(tx);
      const keys = rows
        .map((r) => ({ kid: r.kid, activatesAt: r.activatesAt ?? r.createdAt }))
        .sort((a, b) => b.activatesAt.getTime() - a.activatesAt.getTime());
      const active = keys.find((k) => k.activatesAt <= now);
      if (!active) {
        if (keys.length === 0) await this.insertKey(tx, now);
        return;
      }
      const successorAt = active.activatesAt.getTime() + this.options.rotationSeconds * 1000;
      const hasNext = keys.some((k) => k.activatesAt > now);
      if (!hasNext && now.getTime() + PUBLISH_AHEAD_MS + ROTATION_RUN_MS >= successorAt) {
        await this.insertKey(tx, new Date(Math.max(successorAt, now.getTime() + PUBLISH_AHEAD_MS)));
      }
      const lastTokenExpiry = active.activatesAt.getTime() + this.options.accessTokenSeconds * 1000 + RETIRE_GRACE_MS;
      if (now.getTime() >= lastTokenExpiry) {
        for (const old of keys.filter((k) => k.activatesAt < active.activatesAt)) {
          await retireKey(tx, old.kid, now);
        }
      }
    });
    await this.refresh(true);
  }

  /** Stops trusting a key (after a compromise); tokens it signed are refused from now on. */
  async retire(kid: string): Promise<void> {
    await retireKey(this.db, kid, this.clock.now());
    this.byKid.delete(kid);
    this.privateKeys.delete(kid);
  }

  /** The newest key whose start has come. */
  private active(): LoadedKey | undefined {
    const now = this.clock.now();
    let best: LoadedKey | undefined;
    for (const key of this.byKid.values()) {
      if (key.activatesAt <= now && (!best || key.activatesAt > best.activatesAt)) best = key;
    }
    return best;
  }

  /** Re-reads the key set; concurrent callers share one read. */
  private refresh(force = false): Promise<void> {
    if (this.inFlight && !force) return this.inFlight;
    const run = this.load().finally(() => {
      if (this.inFlight === run) this.inFlight = null;
    });
    this.inFlight = run;
    return run;
  }

  private async load(): Promise<void> {
    const rows = await findLiveKeys(this.db);
    const next = new Map<string, LoadedKey>();
    for (const row of rows) {
      const known = this.byKid.get(row.kid);
      const publicJwk = row.publicJwk as JWK;
      next.set(row.kid, {
        kid: row.kid,
        publicJwk,
        publicKey: known?.publicKey ?? (await importJWK(publicJwk, ALG)),
        activatesAt: row.activatesAt ?? row.createdAt,
        privateJwkEncrypted: row.privateJwkEncrypted,
      });
    }
    for (const kid of this.privateKeys.keys()) if (!next.has(kid)) this.privateKeys.delete(kid);
    this.byKid = next;
    this.loadedAt = this.clock.now().getTime();
  }

  private async insertKey(tx: Executor, activatesAt: Date): Promise<void> {
    const { publicKey, privateKey } = await generateKeyPair(ALG, { crv: 'Ed25519', extractable: true });
    const kid = randomUUID();
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' };
    const privateJwk = await exportJWK(privateKey);
    await insertKey(tx, {
      kid,
      alg: ALG,
      publicJwk,
      privateJwkEncrypted: this.cipher.encrypt(JSON.stringify(privateJwk), sealedFor('signingKey', kid)),
      createdAt: this.clock.now(),
      activatesAt,
    });
  }
}
