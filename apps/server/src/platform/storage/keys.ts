import { DomainError } from '../errors.js';
import type { ByteRange } from './storage.js';

const MAX_KEY_BYTES = 1024;
/** Control characters (NUL included), and backslashes, which some tools read as a separator. */
function hasForbiddenChar(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code === 0x5c) return true;
  }
  return false;
}

/**
 * Keys are `/`-separated relative paths. Both drivers apply the same rules, so a key accepted by
 * one is accepted by the other: no leading `/`, no empty segment, no control character or
 * backslash, and no segment starting with `.` — which rules out `.` and `..` (escaping the local
 * root) and leaves names like `.staging` free for the local driver's own use.
 */
export function assertValidKey(key: string): void {
  assertValidPath(key, 'key');
  if (key.endsWith('/')) throw invalid('key', key, 'ends with "/"');
}

/** A prefix follows the key rules but may end with `/`, end mid-segment, or be empty. */
export function assertValidPrefix(prefix: string): void {
  if (prefix === '') return;
  assertValidPath(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix, 'prefix');
}

/** Deleting by prefix needs a non-empty one: an empty prefix would empty the whole store. */
export function assertDeletablePrefix(prefix: string): void {
  if (prefix === '') throw invalid('prefix', prefix, 'is empty');
  assertValidPrefix(prefix);
}

function assertValidPath(value: string, what: 'key' | 'prefix'): void {
  if (typeof value !== 'string' || value.length === 0) throw invalid(what, value, 'is empty');
  if (Buffer.byteLength(value, 'utf8') > MAX_KEY_BYTES) throw invalid(what, value, 'is too long');
  if (hasForbiddenChar(value)) throw invalid(what, value, 'contains a forbidden character');
  if (value.startsWith('/')) throw invalid(what, value, 'is absolute');
  for (const segment of value.split('/')) {
    if (segment === '') throw invalid(what, value, 'has an empty segment');
    if (segment.startsWith('.')) throw invalid(what, value, 'has a segment starting with "."');
  }
}

function invalid(what: 'key' | 'prefix', value: string, reason: string): DomainError {
  return new DomainError(`storage_${what}_invalid`, `Storage ${what} ${reason}.`, {
    [what]: value.slice(0, 200),
  });
}

/** Resolves a requested range against the object size (clamping `end`, as S3 does). */
export function resolveRange(range: ByteRange, size: number): { start: number; end: number } {
  const { start, end } = range;
  const isOffset = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;
  if (!isOffset(start) || (end !== undefined && (!isOffset(end) || end < start))) {
    throw new DomainError('storage_range_invalid', 'Byte range is malformed.', { start, end });
  }
  if (start >= size) throw rangeNotSatisfiable(start, size);
  return { start, end: Math.min(end ?? size - 1, size - 1) };
}

/** 416 is not among the statuses the HTTP layer maps yet; 422 carries the stable code meanwhile. */
export function rangeNotSatisfiable(start: number, size: number | undefined): DomainError {
  return new DomainError('storage_range_not_satisfiable', 'Byte range starts past the end.', { start, size });
}

export function objectNotFound(key: string): DomainError {
  return new DomainError('storage_object_not_found', 'No object is stored at this key.', { key });
}

const CONTENT_TYPES: Record<string, string> = {
  m3u8: 'application/vnd.apple.mpegurl',
  m4s: 'video/iso.segment',
  mp4: 'video/mp4',
  m4a: 'audio/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
  ts: 'video/mp2t',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  vtt: 'text/vtt; charset=utf-8',
  json: 'application/json',
  txt: 'text/plain; charset=utf-8',
};

/** The content type both drivers report for a key, from its extension. */
export function contentTypeForKey(key: string): string {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}
