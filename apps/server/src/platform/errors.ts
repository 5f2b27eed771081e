/**
 * Typed domain errors. The domain throws `AppError` with a stable snake_case code; only the HTTP
 * layer turns it into a status and the uniform error body `{ error: { code, message, details? } }`.
 */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 423 | 429 | 503;

export class AppError extends Error {
  readonly code: string;
  readonly status: ErrorStatus;
  readonly details: unknown;
  readonly headers: Record<string, string>;

  constructor(
    status: ErrorStatus,
    code: string,
    message: string,
    options: { details?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }
}

export const badRequest = (code: string, message: string, details?: unknown): AppError =>
  new AppError(400, code, message, { details });
export const unauthorized = (code: string, message: string): AppError => new AppError(401, code, message);
export const forbidden = (code: string, message: string): AppError => new AppError(403, code, message);
export const notFound = (code: string, message: string): AppError => new AppError(404, code, message);
export const conflict = (code: string, message: string, details?: unknown): AppError =>
  new AppError(409, code, message, { details });
export const unprocessable = (code: string, message: string, details?: unknown): AppError =>
  new AppError(422, code, message, { details });
export const tooManyRequests = (code: string, message: string, retryAfterSeconds: number): AppError =>
  new AppError(429, code, message, {
    details: { retryAfterSeconds },
    headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
  });
