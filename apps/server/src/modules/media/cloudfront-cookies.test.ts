import { createVerify, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cloudFrontPolicy, cloudFrontSignedCookies } from './cloudfront-cookies';

const fromCloudFrontBase64 = (value: string): Buffer =>
  Buffer.from(value.replace(/-/g, '+').replace(/_/g, '=').replace(/~/g, '/'), 'base64');

describe('CloudFront signed cookies', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();

  it('signs a custom policy for the resource until the expiry, verifiable with the public key', () => {
    const cookies = cloudFrontSignedCookies({
      keyPairId: 'K2JCJMDEHXQW5F',
      privateKeyPem: pem.replace(/\n/g, '\\n'), // as it comes from an environment variable
      resource: 'https://cdn.example.com/v1/play/*',
      expiresAt: 1767225900,
    });
    expect(cookies['CloudFront-Key-Pair-Id']).toBe('K2JCJMDEHXQW5F');
    for (const value of Object.values(cookies)) expect(value).toMatch(/^[A-Za-z0-9~_-]+$/);
    const policy = fromCloudFrontBase64(cookies['CloudFront-Policy']).toString('utf8');
    expect(JSON.parse(policy)).toEqual({
      Statement: [
        {
          Resource: 'https://cdn.example.com/v1/play/*',
          Condition: { DateLessThan: { 'AWS:EpochTime': 1767225900 } },
        },
      ],
    });
    const signature = fromCloudFrontBase64(cookies['CloudFront-Signature']);
    expect(createVerify('RSA-SHA1').update(policy).verify(publicKey, signature)).toBe(true);
    expect(createVerify('RSA-SHA1').update(`${policy} `).verify(publicKey, signature)).toBe(false);
  });

  it("uses CloudFront's URL-safe alphabet", () => {
    const resource = 'https://cdn.example.com/v1/play/??>>~~/*';
    const standard = Buffer.from(cloudFrontPolicy(resource, 1767225900)).toString('base64');
    expect(standard).toMatch(/[+/=]/);
    const cookies = cloudFrontSignedCookies({
      keyPairId: 'K2JCJMDEHXQW5F',
      privateKeyPem: pem,
      resource,
      expiresAt: 1767225900,
    });
    expect(cookies['CloudFront-Policy']).toBe(standard.replace(/\+/g, '-').replace(/=/g, '_').replace(/\//g, '~'));
  });
});
