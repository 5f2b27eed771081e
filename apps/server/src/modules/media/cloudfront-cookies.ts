import { createSign } from 'node:crypto';

/** CloudFront's URL-safe base64: `+` → `-`, `=` → `_`, `/` → `~`. */
export function cloudFrontBase64(data: Buffer | string): string {
  return Buffer.from(data).toString('base64').replace(/\+/g, '-').replace(/=/g, '_').replace(/\//g, '~');
}

/** A custom policy granting `resource` (wildcards allowed) until `expiresAt` (unix seconds). */
export function cloudFrontPolicy(resource: string, expiresAt: number): string {
  return JSON.stringify({
    Statement: [{ Resource: resource, Condition: { DateLessThan: { 'AWS:EpochTime': expiresAt } } }],
  });
}

/**
 * The three signed cookies CloudFront checks before serving a restricted path: the policy, its
 * RSA-SHA1 signature with the key pair's private key, and the key pair id.
 */
export function cloudFrontSignedCookies(options: {
  keyPairId: string;
  privateKeyPem: string;
  resource: string;
  expiresAt: number;
}): Record<'CloudFront-Policy' | 'CloudFront-Signature' | 'CloudFront-Key-Pair-Id', string> {
  const policy = cloudFrontPolicy(options.resource, options.expiresAt);
  const signature = createSign('RSA-SHA1').update(policy).sign(options.privateKeyPem.replace(/\\n/g, '\n'));
  return {
    'CloudFront-Policy': cloudFrontBase64(policy),
    'CloudFront-Signature': cloudFrontBase64(signature),
    'CloudFront-Key-Pair-Id': options.keyPairId,
  };
}
