import { describe, expect, it } from 'vitest';
import { isPublicAddress, publicOnlyLookup, resolvesToPublicOnly } from './public-address';

describe('security review: web-push SSRF — the address classifier', () => {
  it('refuses loopback, private, link-local, unique-local, CGNAT, multicast and reserved addresses', () => {
    for (const address of [
      '127.0.0.1',
      '127.8.9.10',
      '0.0.0.0',
      '10.0.0.1',
      '172.16.5.4',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '100.127.255.254',
      '224.0.0.1',
      '239.255.255.250',
      '255.255.255.255',
      '::1',
      '::',
      'fe80::1',
      'fc00::1',
      'fd12:3456::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      '::ffff:7f00:1',
      '::ffff:a9fe:a9fe',
      '64:ff9b::10.0.0.1',
      '[::1]',
      'not-an-address',
    ])
      expect(isPublicAddress(address), address).toBe(false);
  });

  it('accepts public IPv4 and IPv6 addresses, mapped ones included', () => {
    for (const address of [
      '8.8.8.8',
      '142.250.74.78',
      '100.128.0.1',
      '172.32.0.1',
      '2607:f8b0:4004:c1b::5f',
      '::ffff:8.8.8.8',
    ])
      expect(isPublicAddress(address), address).toBe(true);
  });

  it('judges a host name by every address it resolves to (localhost is loopback)', async () => {
    expect(await resolvesToPublicOnly('localhost')).toBe(false);
    expect(await resolvesToPublicOnly('127.0.0.1')).toBe(false);
    expect(await resolvesToPublicOnly('[::1]')).toBe(false);
    expect(await resolvesToPublicOnly('no-such-host.invalid')).toBe(false);
  });

  it('the lookup that sending connects through refuses a name resolving to loopback, before any connection', async () => {
    const err = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
      publicOnlyLookup('localhost', { all: false }, (e) => resolve(e));
    });
    expect(err?.code).toBe('EPRIVATE');
  });
});
