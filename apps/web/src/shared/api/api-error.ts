import { errorText, isErrorCode, networkErrorText, statusText, unexpectedErrorText } from './error-messages';

/** A failed API call: the server's stable error code and message, or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** No answer from the server (offline, DNS, reset): safe to retry an idempotent call. */
  get isNetwork(): boolean {
    return this.status === 0;
  }

  /** The route is not on this server yet (or the thing does not exist). */
  get isNotFound(): boolean {
    return this.status === 404;
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

/** The code of an answer without the uniform error body: named by its status. */
const STATUS_CODE = /^http_\d{3}$/;

/** Builds an ApiError from a non-2xx response (its body may or may not be the uniform error body). */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  let body: ErrorBody | null = null;
  try {
    body = (await response.clone().json()) as ErrorBody;
  } catch {
    body = null;
  }
  const code = typeof body?.error?.code === 'string' ? body.error.code : `http_${response.status}`;
  const message = typeof body?.error?.message === 'string' ? body.error.message : statusText(response.status);
  return new ApiError(response.status, code, message, body?.error?.details);
}

export function networkError(cause: unknown): ApiError {
  const error = new ApiError(0, 'network_error', networkErrorText());
  error.cause = cause;
  return error;
}

/**
 * What a screen knows that the server's error details leave out: the currency of the amounts they
 * name (a too-low bid's minimum comes as minor units only), so the text can show the amount.
 */
export interface ErrorContext {
  currency?: string;
}

function withContext(details: unknown, context: ErrorContext | undefined): unknown {
  if (context === undefined) return details;
  if (details === undefined || details === null) return context;
  return typeof details === 'object' && !Array.isArray(details) ? { ...context, ...details } : details;
}

/**
 * A message a person can act on, for any thrown value, in the viewer's language: a known error
 * code's own sentence (with the amounts and limits its details carry), else the server's message.
 */
export function messageOf(error: unknown, context?: ErrorContext): string {
  if (error instanceof ApiError) {
    if (error.isNetwork) return networkErrorText();
    if (isErrorCode(error.code)) return errorText(error.code, withContext(error.details, context));
    if (STATUS_CODE.test(error.code)) return statusText(error.status);
    return error.message;
  }
  if (error instanceof Error) return error.message;
  return unexpectedErrorText();
}
