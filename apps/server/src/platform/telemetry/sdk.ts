import { context, diag, DiagLogLevel, propagation, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import {
  ATTR_DEPLOYMENT_ENVIRONMENT_NAME,
  ATTR_SERVICE_INSTANCE_ID,
  ATTR_SERVICE_NAME,
  ATTR_SERVICE_NAMESPACE,
} from '@opentelemetry/semantic-conventions';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Telemetry } from './index';

/**
 * Starts the tracing SDK, exporting to `url` over OTLP/HTTP with JSON bodies. Spans are batched
 * (OTEL_BSP_* apply) and sampled as OTEL_TRACES_SAMPLER says (default: parent-based, always on);
 * the exporter reads its own OTEL_EXPORTER_OTLP_HEADERS, _TIMEOUT, _COMPRESSION and certificate
 * variables. Export failures are logged as warnings; requests and jobs never wait on the export.
 *
 * The SDK registers itself as the process's OpenTelemetry API implementation (context manager,
 * W3C propagator), so one traced runtime per process.
 */
export function startSdk(config: Config, url: string, serviceName: string, logger: Logger): Telemetry {
  const log = logger.child({ component: 'telemetry' });
  const warn = (message: string, args: unknown[]) => {
    const err = args.find((a) => a instanceof Error);
    log.warn(err ? { err } : {}, message);
  };
  diag.setLogger(
    {
      error: (message, ...args) => warn(message, args),
      warn: (message, ...args) => warn(message, args),
      info: () => {},
      debug: () => {},
      verbose: () => {},
    },
    { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
  );
  const resource = defaultResource().merge(
    resourceFromAttributes({
      [ATTR_SERVICE_NAME]: serviceName,
      [ATTR_SERVICE_NAMESPACE]: config.OTEL_SERVICE_NAME,
      [ATTR_SERVICE_INSTANCE_ID]: randomUUID(),
      [ATTR_DEPLOYMENT_ENVIRONMENT_NAME]: config.NODE_ENV,
    }),
  );
  const provider = new NodeTracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }))],
  });
  provider.register();
  log.info({ url, serviceName }, 'tracing on');
  let stopped = false;
  return {
    tracer: provider.getTracer('video-window'),
    serviceName,
    url,
    flush: () => provider.forceFlush(),
    shutdown: async () => {
      if (stopped) return;
      stopped = true;
      try {
        await provider.shutdown();
      } finally {
        trace.disable();
        context.disable();
        propagation.disable();
        diag.disable();
      }
    },
  };
}
