import { DomainError } from '../../platform/errors';

export const storyNotFound = (): DomainError => new DomainError('story_not_found', 'No such story');
