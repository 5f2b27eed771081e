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

/** Builds an ApiError from a non-2xx response (its body may or may not be the uniform error body). */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  let body: ErrorBody | null = null;
  try {
    body = (await response.clone().json()) as ErrorBody;
  } catch {
    body = null;
  }
  const code = typeof body?.error?.code === 'string' ? body.error.code : `http_${response.status}`;
  const message =
    typeof body?.error?.message === 'string' ? body.error.message : `The server answered ${response.status}`;
  return new ApiError(response.status, code, message, body?.error?.details);
}

export function networkError(cause: unknown): ApiError {
  const error = new ApiError(0, 'network_error', 'No connection to the server. Check your network and try again.');
  error.cause = cause;
  return error;
}

/** A message a person can act on, for any thrown value. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}
