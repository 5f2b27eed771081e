/** The searches this device made last, newest first (kept in localStorage; never sent anywhere). */
const KEY = 'vw.recent-searches';
const MAX = 8;

export function loadRecentSearches(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string').slice(0, MAX) : [];
  } catch {
    return [];
  }
}

/** Puts `q` first (once, whatever its case), keeping the eight newest; answers the new list. */
export function rememberSearch(q: string): string[] {
  const text = q.trim();
  if (!text) return loadRecentSearches();
  const next = [text, ...loadRecentSearches().filter((v) => v.toLowerCase() !== text.toLowerCase())].slice(0, MAX);
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage full or refused (private mode): the list simply is not kept.
  }
  return next;
}

export function clearRecentSearches(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing kept, nothing to clear.
  }
}
