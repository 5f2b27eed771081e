import { DomainError } from '../../platform/errors';

/** What a tus creation request declares about the file to come. */
export interface DeclaredUpload {
  size: number;
  type: string;
  kind: 'video' | 'image';
  filename: string | null;
}

const MIME = /^(video|image)\/[A-Za-z0-9][A-Za-z0-9.+-]{0,100}$/;

/** tus `Upload-Metadata`: comma-separated `key base64value` pairs (value optional). */
export function parseUploadMetadata(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const pair of header.split(',')) {
    const [key, value, extra] = pair.trim().split(' ');
    if (!key || extra !== undefined || !/^[A-Za-z0-9_.-]{1,64}$/.test(key)) {
      throw new DomainError('upload_metadata_invalid', 'Upload-Metadata is malformed.');
    }
    if (value !== undefined && !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) {
      throw new DomainError('upload_metadata_invalid', 'Upload-Metadata values must be base64.');
    }
    out[key] = value === undefined ? '' : Buffer.from(value, 'base64').toString('utf8');
  }
  return out;
}

/** Largest declared sizes accepted at creation: any file, and images (far smaller than videos). */
export interface UploadSizeLimits {
  maxBytes: number;
  maxImageBytes: number;
}

/**
 * Checks a creation request before any byte is accepted: a video or image type, the maker role
 * (galleries, process steps and heroes all belong to makers' stories), and a declared length
 * within the limit for its kind.
 */
export function checkUploadCreation(
  headers: { uploadLength: string | undefined; uploadDeferLength: string | undefined; metadata: string | undefined },
  caller: { roles: string[] },
  limits: UploadSizeLimits,
): DeclaredUpload {
  if (headers.uploadLength === undefined || headers.uploadDeferLength !== undefined) {
    throw new DomainError('upload_length_required', 'Declare the size of the file in Upload-Length.');
  }
  if (!/^[0-9]{1,16}$/.test(headers.uploadLength)) {
    throw new DomainError('upload_length_invalid', 'Upload-Length must be a whole number of bytes.');
  }
  const size = Number(headers.uploadLength);
  if (size > limits.maxBytes) throw tooLarge(limits.maxBytes, size, null);
  if (size === 0) throw new DomainError('upload_empty', 'The file is empty.');
  const metadata = parseUploadMetadata(headers.metadata);
  const type = (metadata.filetype ?? metadata.type ?? '').trim().toLowerCase();
  if (!MIME.test(type)) {
    throw new DomainError('unsupported_media_type', 'Only video and image files can be uploaded.', {
      type: type || null,
    });
  }
  const kind = type.startsWith('video/') ? 'video' : 'image';
  if (!caller.roles.includes('maker')) {
    throw new DomainError(
      'maker_required',
      kind === 'video' ? 'Only makers can upload videos.' : 'Only makers can upload images.',
    );
  }
  if (kind === 'image' && size > limits.maxImageBytes) throw tooLarge(limits.maxImageBytes, size, kind);
  const filename = (metadata.filename ?? metadata.name ?? '').slice(0, 255) || null;
  return { size, type, kind, filename };
}

function tooLarge(maxBytes: number, size: number, kind: 'image' | null): DomainError {
  const what = kind === 'image' ? 'Images' : 'Files';
  return new DomainError('upload_too_large', `${what} can be at most ${maxBytes} bytes.`, {
    maxBytes,
    size,
    ...(kind ? { kind } : {}),
  });
}
