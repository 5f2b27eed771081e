import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../db/unavailable';
import { DomainError, type ErrorCode } from '../errors';
import { errorStatus } from './error-status';

const FASTIFY_CODES: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_json', message: 'The body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_json', message: 'The JSON body is empty' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: 'The body is larger than allowed' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', message: 'Unsupported content type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'invalid_content_length', message: 'Bad Content-Length' },
  FST_ERR_CTP_INVALID_TYPE: { code: 'invalid_content_type', message: 'Bad Content-Type' },
  FST_ERR_VALIDATION: { code: 'validation_failed', message: 'The request is not valid' },
  FST_ERR_BAD_URL: { code: 'bad_url', message: 'The URL is not valid' },
  FST_ERR_ASYNC_CONSTRAINT: { code: 'bad_request', message: 'Bad request' },
};

/** The headers a domain error's answer carries: when to retry, for a refusal or outage that lifts by itself. */
function errorHeaders(err: DomainError): Record<string, string> {
  const retryAfter = (err.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  const status = errorStatus(err.code);
  if ((status !== 429 && status !== 503) || typeof retryAfter !== 'number') return {};
  return { 'retry-after': String(Math.max(1, Math.ceil(retryAfter))) };
}

/** Maps every error to the uniform body; bad input never becomes a 5xx. */
export function errorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (err instanceof DomainError) {
    void reply
      .headers(errorHeaders(err))
      .status(errorStatus(err.code))
      .send({
        error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) },
      });
    return;
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = err.validation.map((v) => ({
      in: err.validationContext,
      path: v.instancePath,
      message: v.message,
    }));
    void reply.status(400).send({ error: { code: 'validation_failed', message: 'The request is not valid', details } });
    return;
  }
  if (err.code && FASTIFY_CODES[err.code]) {
    const known = FASTIFY_CODES[err.code]!;
    void reply.status(errorStatus(known.code)).send({ error: { code: known.code, message: known.message } });
    return;
  }
  if (err.statusCode === 429) {
    void reply.status(429).send({ error: { code: 'rate_limited', message: err.message || 'Too many requests' } });
    return;
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500 && !isResponseSerializationError(err)) {
    void reply.status(err.statusCode).send({ error: { code: 'bad_request', message: err.message } });
    return;
  }
  if (isDatabaseUnavailable(err)) {
    request.log.warn({ err }, 'database unavailable');
    void reply
      .header('retry-after', '5')
      .status(503)
      .send({ error: { code: 'service_unavailable', message: 'The service is briefly unavailable; retry shortly' } });
    return;
  }
  request.log.error({ err }, 'unhandled error');
  void reply.status(500).send({ error: { code: 'internal_error', message: 'Something went wrong on our side' } });
}
