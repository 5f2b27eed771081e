import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A provider's SDK (Stripe, S3, SMTP), loaded the first time it is used: a process on the local
 * stand-ins (local payments, disk storage, the development mailbox) never loads it, and one that
 * uses it loads it once, when the provider is built.
 */
export function providerSdk<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
