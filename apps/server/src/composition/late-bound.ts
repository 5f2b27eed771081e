/**
 * A port to a module built after the one that needs it (closing a cycle such as stories ⇄
 * auctions). The consumer receives `get`; the composition root calls `bind` once the other module
 * exists. Reading it before then is a wiring mistake and throws, rather than letting the consumer
 * carry on as if the other module were absent.
 */
export interface LateBound<T> {
  get: () => T;
  bind: (port: T) => void;
}

export function lateBound<T>(name: string): LateBound<T> {
  let port: T | undefined;
  return {
    get: () => {
      if (port === undefined) throw new Error(`the ${name} module is used before it is wired`);
      return port;
    },
    bind: (value) => {
      if (port !== undefined) throw new Error(`the ${name} module is wired twice`);
      port = value;
    },
  };
}
