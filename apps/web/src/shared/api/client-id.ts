/** Where the browser keeps its client id (the name predates its use beyond analytics). */
const CLIENT_ID_KEY = 'vw.analytics-client-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A random version 4 UUID, also where `crypto.randomUUID` is missing (pages not served over HTTPS). */
function randomUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

let pageId: string | null = null;

/**
 * The random id this browser is known by while signed out (`X-Client-Id`): the server counts an
 * anonymous viewer's story views and analytics events under it. Made once and kept in
 * localStorage, so a viewer's visits hang together; never linked to an account.
 */
export function clientId(): string {
  try {
    const kept = localStorage.getItem(CLIENT_ID_KEY);
    if (kept && UUID.test(kept)) return kept;
    const made = randomUuid();
    localStorage.setItem(CLIENT_ID_KEY, made);
    return made;
  } catch {
    // Storage refused (private mode): one id for this page's life is still better than none.
    pageId ??= randomUuid();
    return pageId;
  }
}
