import { getSignedCookies } from '@aws-sdk/cloudfront-signer';

/** A custom policy granting `resource` (wildcards allowed) until `expiresAt` (unix seconds). */
export function cloudFrontPolicy(resource: string, expiresAt: number): string {
  return JSON.stringify({
    Statement: [{ Resource: resource, Condition: { DateLessThan: { 'AWS:EpochTime': expiresAt } } }],
  });
}

/**
 * The three signed cookies CloudFront checks before serving a restricted path: the policy, its
 * RSA-SHA1 signature with the key pair's private key, and the key pair id. A custom policy, not a
 * canned one, because the resource is a wildcard (every file under the playback path).
 */
export function cloudFrontSignedCookies(options: {
  keyPairId: string;
  privateKeyPem: string;
  resource: string;
  expiresAt: number;
}): Record<'CloudFront-Policy' | 'CloudFront-Signature' | 'CloudFront-Key-Pair-Id', string> {
  const cookies = getSignedCookies({
    keyPairId: options.keyPairId,
    // An environment variable carries the key's line breaks as `\n`.
    privateKey: options.privateKeyPem.replace(/\\n/g, '\n'),
    policy: cloudFrontPolicy(options.resource, options.expiresAt),
  });
  return {
    'CloudFront-Policy': cookies['CloudFront-Policy']!,
    'CloudFront-Signature': cookies['CloudFront-Signature'],
    'CloudFront-Key-Pair-Id': cookies['CloudFront-Key-Pair-Id'],
  };
}
