import { describe, expect, it } from 'vitest';
import { CATEGORY_LABELS, DEFAULT_CATEGORY, isStoryCategory, STORY_CATEGORIES } from './categories';

describe('story categories', () => {
  it('labels every category and nothing else', () => {
    expect(Object.keys(CATEGORY_LABELS).sort()).toEqual([...STORY_CATEGORIES].sort());
    expect(CATEGORY_LABELS.woodwork).toBe('Woodwork');
  });

  it('recognises the list and defaults to "other"', () => {
    expect(isStoryCategory('ceramics')).toBe(true);
    expect(isStoryCategory('Ceramics')).toBe(false);
    expect(isStoryCategory('toString')).toBe(false);
    expect(STORY_CATEGORIES).toContain(DEFAULT_CATEGORY);
  });
});
