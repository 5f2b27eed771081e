import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * One access-log line per request, written when the answer has gone: the request (id, method,
 * masked URL), the status and the time taken. "request errored", with the error, when the answer
 * could not be written; an answer the error handler made, a 500 too, is a completed one.
 * Fastify's default adds a second line as each request arrives, which doubles the cost of logging
 * on the busiest routes and says nothing the completed line does not, apart from the arrival of a
 * request that never finishes.
 *
 * The line is written from the answer's `finish` event: with tracing on, that event is bound to
 * the request's span (see `requestTracing`), so the line carries its trace id.
 */
export class AccessLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (error) {
      reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    } else {
      reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
    }
  }
}
