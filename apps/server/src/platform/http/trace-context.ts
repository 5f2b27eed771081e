/** W3C Trace Context: `traceparent: 00-<trace id, 32 hex>-<parent span id, 16 hex>-<flags>`. */
const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

/**
 * The trace id a caller (load balancer, gateway, another service) propagated, so our log lines can
 * be joined with its trace; null when absent, malformed or the all-zero id the spec forbids.
 */
export function traceIdOf(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  const match = TRACEPARENT.exec(header.trim().toLowerCase());
  const id = match?.[1];
  return id && !/^0+$/.test(id) ? id : null;
}
