/** How a search query is read before it reaches the index: words, and the one-typo rule. */

/** Words longer than this are cut; queries of more words keep the first ones. */
const MAX_WORD = 40;
const MAX_WORDS = 8;
/** A word this long or longer may carry one typo. */
export const TYPO_MIN_LENGTH = 5;

/**
 * The words of a query, lower case: runs of letters and ASCII digits (everything else separates
 * words, so no query syntax reaches the database).
 */
export function queryWords(q: string): string[] {
  return q
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}0-9]+/u)
    .filter((w) => w.length > 0)
    .slice(0, MAX_WORDS)
    .map((w) => w.slice(0, MAX_WORD));
}

/** The word without accents (close to PostgreSQL's unaccent for the comparison below). */
export function folded(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment): 1 for one missing, extra,
 * wrong or swapped letter.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** Whether `candidate` is `word` with exactly one typo (both at least TYPO_MIN_LENGTH letters). */
export function isOneTypoAway(word: string, candidate: string): boolean {
  const a = folded(word);
  const b = folded(candidate);
  if (a.length < TYPO_MIN_LENGTH || b.length < TYPO_MIN_LENGTH) return false;
  return Math.abs(a.length - b.length) <= 1 && editDistance(a, b) === 1;
}
