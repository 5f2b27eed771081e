import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import type { StoryCategory } from '@vw/domain';

/** Each craft's name in the viewer's language: category pickers, chips on stories, search facets. */
export const CATEGORY_NAMES: Record<StoryCategory, MessageDescriptor> = {
  ceramics: msg({ message: 'Ceramics', context: 'story category' }),
  woodwork: msg({ message: 'Woodwork', context: 'story category' }),
  textiles: msg({ message: 'Textiles', context: 'story category' }),
  jewelry: msg({ message: 'Jewelry', context: 'story category' }),
  glass: msg({ message: 'Glass', context: 'story category' }),
  leather: msg({ message: 'Leather', context: 'story category' }),
  metalwork: msg({ message: 'Metalwork', context: 'story category' }),
  paper: msg({ message: 'Paper', context: 'story category' }),
  other: msg({ message: 'Other', context: 'story category' }),
};
