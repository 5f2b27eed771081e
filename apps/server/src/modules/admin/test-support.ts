/** Test support for the admin module's tests (not used by the product). */
import { randomUUID } from 'node:crypto';
import type { Runtime } from '../../composition/runtime';
import { ADMIN_PREFIX } from './admin-gate';

export interface AdminOperation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path, e.g. `/v1/admin/users/{id}/suspend`. */
  path: string;
}

/** Every admin operation the running app publishes in its OpenAPI document. */
export function adminOperations(runtime: Runtime): AdminOperation[] {
  const doc = runtime.app!.swagger() as { paths?: Record<string, Record<string, unknown>> };
  const out: AdminOperation[] = [];
  for (const [path, operations] of Object.entries(doc.paths ?? {})) {
    if (!path.startsWith(ADMIN_PREFIX)) continue;
    for (const method of Object.keys(operations)) {
      const upper = method.toUpperCase();
      if (upper === 'GET' || upper === 'POST' || upper === 'PUT' || upper === 'PATCH' || upper === 'DELETE') {
        out.push({ method: upper, path });
      }
    }
  }
  return out.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

/** A callable URL for an OpenAPI path: every `{param}` becomes a fresh UUID. */
export function concreteUrl(path: string): string {
  return path.replace(/\{[^}]+\}/g, () => randomUUID());
}
