import { msg } from '@lingui/core/macro';
import type { Story } from '../../shared/api/types';
import type { useStudioDraft } from './use-studio-draft';

export const STUDIO_STEPS = [
  { key: 'video', label: msg({ message: 'Video', context: 'studio step' }) },
  { key: 'trim', label: msg({ message: 'Trim', context: 'studio step' }) },
  { key: 'captions', label: msg({ message: 'Captions', context: 'studio step' }) },
  { key: 'details', label: msg({ message: 'Details', context: 'studio step' }) },
  { key: 'sections', label: msg({ message: 'Sections', context: 'studio step' }) },
  { key: 'pricing', label: msg({ message: 'Pricing', context: 'studio step' }) },
  { key: 'preview', label: msg({ message: 'Preview', context: 'studio step' }) },
] as const;

export type StudioStepKey = (typeof STUDIO_STEPS)[number]['key'];

export function isStudioStep(value: string | null): value is StudioStepKey {
  return STUDIO_STEPS.some((s) => s.key === value);
}

export interface StepProps {
  story: Story;
  studio: ReturnType<typeof useStudioDraft>;
}
