import { errors, jwtVerify, SignJWT, decodeProtectedHeader } from 'jose';
import { LRUCache } from 'lru-cache';
import type { Clock } from '../../platform/clock';
import { DomainError } from '../../platform/errors';
import type { SigningKeyStore } from './signing-keys';

export interface AccessClaims {
  sub: string;
  sid: string;
  roles: string[];
}

export interface AccessTokenOptions {
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

type VerifiedClaims = AccessClaims & { expiresAt: Date };

/** Tokens whose signature this process checked lately (a signed-in client sends the same one for minutes). */
const VERIFIED_TOKENS = 10_000;

/** Signs and verifies the short-lived JWT access tokens (EdDSA, `kid` in the header). */
export class AccessTokens {
  /**
   * A token's signature and claims, once checked, by the token's exact text: the same text always
   * verifies the same way, so only what can change is checked again — its expiry, and that its
   * key is still the one trusted (a withdrawn key refuses its tokens at once).
   */
  private readonly verified = new LRUCache<string, { claims: VerifiedClaims; key: unknown; kid: string }>({
    max: VERIFIED_TOKENS,
  });

  constructor(
    private readonly keys: SigningKeyStore,
    private readonly options: AccessTokenOptions,
    private readonly clock: Clock,
  ) {}

  async issue(claims: AccessClaims): Promise<{ token: string; expiresIn: number }> {
    const key = await this.keys.signingKey();
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const token = await new SignJWT({ sid: claims.sid, roles: claims.roles })
      .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'at+jwt' })
      .setSubject(claims.sub)
      .setIssuer(this.options.issuer)
      .setAudience(this.options.audience)
      .setIssuedAt(now)
      .setExpirationTime(now + this.options.ttlSeconds)
      .sign(key.privateKey);
    return { token, expiresIn: this.options.ttlSeconds };
  }

  /** Verifies signature, algorithm, issuer, audience and expiry; anything else is a 401. */
  async verify(token: string): Promise<VerifiedClaims> {
    const known = this.verified.get(token);
    if (known !== undefined) {
      if (known.claims.expiresAt.getTime() <= this.clock.now().getTime()) {
        this.verified.delete(token);
        throw new DomainError('token_expired', 'The access token has expired');
      }
      if ((await this.keys.verificationKey(known.kid)) === known.key) return known.claims;
      this.verified.delete(token);
    }
    let header: ReturnType<typeof decodeProtectedHeader>;
    try {
      header = decodeProtectedHeader(token);
    } catch {
      throw new DomainError('invalid_token', 'The access token is malformed');
    }
    if (header.alg !== 'EdDSA') throw new DomainError('invalid_token', 'Unsupported token algorithm');
    const kid = header.kid;
    if (!kid) throw new DomainError('invalid_token', 'The access token has no key id');
    const key = await this.keys.verificationKey(kid);
    if (!key) throw new DomainError('invalid_token', 'The access token was signed by an unknown key');
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: ['EdDSA'],
        issuer: this.options.issuer,
        audience: this.options.audience,
        currentDate: this.clock.now(),
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
      if (typeof payload.sid !== 'string' || !payload.sub)
        throw new DomainError('invalid_token', 'The access token lacks claims');
      const claims = { sub: payload.sub, sid: payload.sid, roles, expiresAt: new Date(payload.exp! * 1000) };
      this.verified.set(token, { claims, key, kid });
      return claims;
    } catch (err) {
      if (err instanceof errors.JWTExpired) throw new DomainError('token_expired', 'The access token has expired');
      if (err instanceof errors.JOSEError) throw new DomainError('invalid_token', 'The access token is not valid');
      throw err;
    }
  }
}
