import { beforeEach, describe, expect, it } from 'vitest';
import { clearRecentSearches, loadRecentSearches, rememberSearch } from './recent-searches';

describe('recent searches', () => {
  beforeEach(() => localStorage.clear());

  it('keeps the newest first, once whatever the case, at most eight', () => {
    rememberSearch('walnut');
    rememberSearch('bowl');
    expect(rememberSearch('  Walnut ')).toEqual(['Walnut', 'bowl']);
    for (let i = 0; i < 10; i++) rememberSearch(`q${i}`);
    expect(loadRecentSearches()).toHaveLength(8);
    expect(loadRecentSearches()[0]).toBe('q9');
  });

  it('ignores blank searches and unreadable storage, and clears', () => {
    expect(rememberSearch('   ')).toEqual([]);
    localStorage.setItem('vw.recent-searches', '{not json');
    expect(loadRecentSearches()).toEqual([]);
    rememberSearch('vase');
    clearRecentSearches();
    expect(loadRecentSearches()).toEqual([]);
  });
});
