import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Link,
  type Tracer,
} from '@opentelemetry/api';
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
import type { Task, TaskList } from 'graphile-worker';

/** Payload key carrying the W3C `traceparent` of the request or job that enqueued a job. */
export const JOB_TRACE_KEY = '_traceparent';

/**
 * The payload to store for a new job: with the enqueuing span's `traceparent` when that span is
 * being recorded, so the job's span can link back to it; unchanged otherwise (always when tracing
 * is off).
 */
export function withJobTraceContext(payload: Record<string, unknown>): Record<string, unknown> {
  if (!trace.getActiveSpan()?.isRecording()) return payload;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ? { ...payload, [JOB_TRACE_KEY]: carrier.traceparent } : payload;
}

function takeTraceContext(payload: unknown): { payload: unknown; links: Link[] } {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload) || !(JOB_TRACE_KEY in payload)) {
    return { payload, links: [] };
  }
  const { [JOB_TRACE_KEY]: traceparent, ...rest } = payload as Record<string, unknown>;
  const origin =
    typeof traceparent === 'string'
      ? trace.getSpanContext(propagation.extract(ROOT_CONTEXT, { traceparent }))
      : undefined;
  return { payload: rest, links: origin ? [{ context: origin }] : [] };
}

/**
 * Runs every task inside its own CONSUMER span, `job <task>`: a new trace (a job may run days
 * after its cause, as auction timers do) linked to the span that enqueued it. The task sees its
 * payload without the trace key; a failure is recorded on the span and still reaches the queue.
 */
export function traceTasks(tasks: TaskList, tracer: Tracer): TaskList {
  const wrapped: TaskList = {};
  for (const [name, task] of Object.entries(tasks)) {
    if (!task) continue;
    const run: Task = async (raw, helpers) => {
      const { payload, links } = takeTraceContext(raw);
      const span = tracer.startSpan(
        `job ${name}`,
        {
          kind: SpanKind.CONSUMER,
          root: true,
          links,
          attributes: {
            'messaging.system': 'graphile_worker',
            'messaging.operation.type': 'process',
            'messaging.destination.name': name,
            'messaging.message.id': String(helpers.job.id),
            'job.attempt': helpers.job.attempts,
          },
        },
        ROOT_CONTEXT,
      );
      try {
        await context.with(trace.setSpan(ROOT_CONTEXT, span), () => task(payload, helpers));
      } catch (err) {
        span.setAttribute(ATTR_ERROR_TYPE, err instanceof Error ? err.name : 'error');
        if (err instanceof Error) span.recordException(err);
        span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : 'job failed' });
        throw err;
      } finally {
        span.end();
      }
    };
    wrapped[name] = run;
  }
  return wrapped;
}
