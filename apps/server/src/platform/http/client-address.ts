/** The TRUST_PROXY setting: nobody, a number of proxies in front, or the proxies' address ranges. */
export type TrustedProxies = false | number | string[];

/**
 * Fastify's `trustProxy` for the setting. A hop count becomes a function: Fastify itself reads a
 * bare number as "trust nobody", which would count every client behind the load balancer as one.
 * Each proxy appends the address it saw, so the client is the address `hops` entries from the end.
 */
export function trustProxyOption(
  setting: TrustedProxies,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting;
}
