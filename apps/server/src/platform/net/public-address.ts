import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Addresses a server-side request to a URL a user gave us must never reach: loopback, private,
 * link-local, unique-local, CGNAT, multicast, documentation, reserved. IPv4-mapped and NAT64
 * IPv6 addresses are judged by the IPv4 address inside them.
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 127],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, prefix, 'ipv6');

/** The IPv4 address inside an IPv4-mapped (`::ffff:a.b.c.d`) or NAT64 (`64:ff9b::/96`) address. */
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:(?:0:)?|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1]!;
  const hex = /^(?:::ffff:(?:0:)?|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return null;
  const hi = parseInt(hex[1]!, 16);
  const lo = parseInt(hex[2]!, 16);
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/** True for an IP address on the public internet; false for every range above (and for non-addresses). */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 0) return false;
  if (family === 4) return !blocked.check(bare, 'ipv4');
  const inner = embeddedIpv4(bare);
  if (inner) return isIP(inner) === 4 && !blocked.check(inner, 'ipv4');
  if (/^::ffff:/i.test(bare) || /^64:ff9b::/i.test(bare)) return false;
  return !blocked.check(bare, 'ipv6');
}

export class PrivateAddressError extends Error {
  constructor(host: string) {
    super(`${host} does not resolve to public addresses only`);
    this.name = 'PrivateAddressError';
  }
}

/**
 * A `lookup` for `http(s).request` that resolves the host and fails unless every address is
 * public, so the connection goes to an address that was checked (no second, rebound resolution).
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => {
    if (err) return callback(err, []);
    if (addresses.length === 0 || addresses.some((a) => !isPublicAddress(a.address)))
      return callback(Object.assign(new PrivateAddressError(hostname), { code: 'EPRIVATE' }), []);
    if (options.all) return callback(null, addresses);
    const first: LookupAddress = addresses[0]!;
    return callback(null, first.address, first.family);
  });
};

/** Resolves a host (or takes an IP literal) and says whether every address it has is public. */
export function resolvesToPublicOnly(host: string): Promise<boolean> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare)) return Promise.resolve(isPublicAddress(bare));
  return new Promise((resolve) => {
    dnsLookup(bare, { all: true, verbatim: true }, (err, addresses) => {
      resolve(!err && addresses.length > 0 && addresses.every((a) => isPublicAddress(a.address)));
    });
  });
}
