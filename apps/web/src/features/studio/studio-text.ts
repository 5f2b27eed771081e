/**
 * Words and numbers the studio's steps share, in the viewer's language: status names,
 * why a video or image could not be used, and seconds on the trim and caption timelines.
 */
import type { MessageDescriptor } from '@lingui/core';
import { msg, t } from '@lingui/core/macro';
import { errorText, isErrorCode } from '../../shared/api/error-messages';
import { formatTag } from '../../shared/i18n/i18n';

export type StoryStatus = 'draft' | 'published' | 'archived';

export const STATUS_NAMES: Record<StoryStatus, MessageDescriptor> = {
  draft: msg({ message: 'Draft', context: 'story status' }),
  published: msg({ message: 'Published', context: 'story status' }),
  archived: msg({ message: 'Archived', context: 'story status' }),
};

/**
 * Why the pipeline could not use a video or image: the sentence of its code when the app knows
 * one, else the server's own words.
 */
export function mediaProblem(error: { code: string; message: string } | undefined): string {
  if (!error) return t`Processing failed.`;
  return isErrorCode(error.code) ? errorText(error.code) : error.message;
}

const secondsFormats = new Map<string, Intl.NumberFormat>();

/** Seconds with one decimal in the viewer's locale, for reading and typing ("12.5", "12,5" in pt). */
export function formatSeconds(ms: number): string {
  const tag = formatTag();
  let format = secondsFormats.get(tag);
  if (!format) {
    format = new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
    secondsFormats.set(tag, format);
  }
  return format.format(Math.round(ms / 100) / 10);
}

const spokenFormats = new Map<string, Intl.NumberFormat>();

/** Seconds spoken in full, for screen readers ("12.5 seconds", "12,5 segundos"). */
export function describeSeconds(ms: number): string {
  const tag = formatTag();
  let format = spokenFormats.get(tag);
  if (!format) {
    format = new Intl.NumberFormat(tag, {
      style: 'unit',
      unit: 'second',
      unitDisplay: 'long',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    spokenFormats.set(tag, format);
  }
  return format.format(Math.round(ms / 100) / 10);
}

const percentFormats = new Map<string, Intl.NumberFormat>();

/** A whole percent in the viewer's locale ("45%", "45 %" in fr and de). */
export function formatPercent(percent: number): string {
  const tag = formatTag();
  let format = percentFormats.get(tag);
  if (!format) {
    format = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
    percentFormats.set(tag, format);
  }
  return format.format(percent / 100);
}

const sizeFormats = new Map<string, Intl.NumberFormat>();

/** A file size in megabytes with one decimal ("12.5 MB", "12,5 MB" in pt). */
export function formatMegabytes(bytes: number): string {
  const tag = formatTag();
  let format = sizeFormats.get(tag);
  if (!format) {
    format = new Intl.NumberFormat(tag, {
      style: 'unit',
      unit: 'megabyte',
      unitDisplay: 'short',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    sizeFormats.set(tag, format);
  }
  return format.format(bytes / 1024 / 1024);
}
