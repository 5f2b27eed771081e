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

/** What a person reads for each category (pickers, filters, labels). */
export const CATEGORY_LABELS: Readonly<Record<StoryCategory, string>> = {
  ceramics: 'Ceramics',
  woodwork: 'Woodwork',
  textiles: 'Textiles',
  jewelry: 'Jewelry',
  glass: 'Glass',
  leather: 'Leather',
  metalwork: 'Metalwork',
  paper: 'Paper',
  other: 'Other',
};

export function isStoryCategory(value: string): value is StoryCategory {
  return (STORY_CATEGORIES as readonly string[]).includes(value);
}
