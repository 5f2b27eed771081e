/** The craft categories a story can be filed under (a fixed list; the feed filters by it). */
export const STORY_CATEGORIES = [
  'ceramics',
  'woodwork',
  'textiles',
  'jewelry',
  'glass',
  'leather',
  'metalwork',
  'paper',
  'other',
] as const;

export type StoryCategory = (typeof STORY_CATEGORIES)[number];

export const DEFAULT_CATEGORY: StoryCategory = 'other';

export function isStoryCategory(value: string): value is StoryCategory {
  return (STORY_CATEGORIES as readonly string[]).includes(value);
}
