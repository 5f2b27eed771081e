import type { Tracer } from '@opentelemetry/api';
import type { FastifyPluginCallback } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../../config';

/** A started tracing SDK: the tracer of the job spans, the HTTP plugin, and its shutdown. */
export interface Telemetry {
  tracer: Tracer;
  /** `@fastify/otel`'s plugin: a server span per request (see `requestTracing`). */
  httpPlugin: FastifyPluginCallback;
  serviceName: string;
  /** Where spans are sent (OTLP/HTTP, JSON bodies). */
  url: string;
  /** Sends the spans still buffered. */
  flush(): Promise<void>;
  /** Sends the spans still buffered and unregisters the SDK; the process is untraced afterwards. */
  shutdown(): Promise<void>;
}

/** The traces URL: the signal-specific endpoint as given, else the general endpoint plus `/v1/traces`. */
export function tracesUrl(config: Config): string | null {
  if (config.OTEL_SDK_DISABLED) return null;
  if (config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  const base = config.OTEL_EXPORTER_OTLP_ENDPOINT;
  return base ? `${base.replace(/\/+$/, '')}/v1/traces` : null;
}

/** `service.name`: OTEL_SERVICE_NAME, with the role appended for a single-role process. */
export function serviceNameOf(config: Config): string {
  const base = config.OTEL_SERVICE_NAME;
  if (config.ROLES.api && config.ROLES.worker) return base;
  return `${base}-${config.ROLES.api ? 'api' : 'worker'}`;
}

/**
 * Starts tracing when an OTLP endpoint is configured. Otherwise returns null without loading the
 * SDK: no provider, no hooks, no wrappers, nothing exported.
 */
export async function startTelemetry(config: Config, logger: Logger): Promise<Telemetry | null> {
  const url = tracesUrl(config);
  if (!url) return null;
  const { startSdk } = await import('./sdk');
  return startSdk(config, url, serviceNameOf(config), logger);
}
