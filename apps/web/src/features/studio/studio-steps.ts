import type { Story } from '../../shared/api/types';
import type { useStudioDraft } from './use-studio-draft';

export const STUDIO_STEPS = [
  { key: 'video', label: 'Video' },
  { key: 'trim', label: 'Trim' },
  { key: 'captions', label: 'Captions' },
  { key: 'details', label: 'Details' },
  { key: 'sections', label: 'Sections' },
  { key: 'pricing', label: 'Pricing' },
  { key: 'preview', label: 'Preview' },
] as const;

export type StudioStepKey = (typeof STUDIO_STEPS)[number]['key'];

export function isStudioStep(value: string | null): value is StudioStepKey {
  return STUDIO_STEPS.some((s) => s.key === value);
}

export interface StepProps {
  story: Story;
  studio: ReturnType<typeof useStudioDraft>;
}
