import { context, propagation, trace, type Link } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';

/** What stops tracing: exports what is buffered, then shuts the exporter down. */
export interface Tracing {
  shutdown(): Promise<void>;
}

let started: Tracing | undefined;

/**
 * Starts OpenTelemetry tracing for this process when `endpoint` (OTEL_EXPORTER_OTLP_ENDPOINT) is set: spans
 * batched to `<endpoint>/v1/traces` over OTLP/HTTP (JSON), W3C Trace Context (`traceparent`) read from
 * requests, the active span carried across awaits (AsyncLocalStorage). Without an endpoint nothing is
 * registered and every span below is the API's no-op (a few nanoseconds). Once per process: a second call
 * answers the first's handle. The exporter reads the standard OTEL_EXPORTER_OTLP_* variables itself
 * (headers, timeout, a traces-only endpoint); a batch leaves every `exportDelayMs` (OTEL_BSP_SCHEDULE_DELAY).
 *
 * @example
 * const tracing = startTracing(config.otel);
 * await tracing.shutdown(); // at exit
 */
export function startTracing(options: { endpoint: string | undefined; serviceName: string; exportDelayMs: number }): Tracing {
  if (started) return started;
  if (!options.endpoint) return (started = { shutdown: async () => {} });
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter(), scheduledDelayMillis: options.exportDelayMs })],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  return (started = { shutdown: () => provider.shutdown() });
}

/** The tracer of FlashNotify's own spans. */
export const tracer = trace.getTracer('flashnotify');

/**
 * Runs `work` in a span named `name` (a child of the active one), ending it when the work settles; an error
 * is recorded on the span (status ERROR) and rethrown.
 *
 * @example
 * const outcome = await inSpan('send.commit', { 'flashnotify.send.id': sendId }, () => ctx.sendWriter.commit(…));
 */
export function inSpan<T>(name: string, attributes: Record<string, string | number | boolean>, work: () => Promise<T>, links?: Link[]): Promise<T> {
  return tracer.startActiveSpan(name, { attributes, ...(links && { links }) }, async (span) => {
    try {
      return await work();
    } catch (err) {
      span.recordException(err as Error);
      span.setStatus({ code: 2, message: (err as Error)?.message });
      throw err;
    } finally {
      span.end();
    }
  });
}

/** The active span's context as a W3C `traceparent` header value, to store with work done later; null without one. */
export function currentTraceParent(): string | null {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ?? null;
}

/**
 * A link to the span a stored `traceparent` names (the send a delivery comes from), for a span that starts a
 * trace of its own; none for null or a malformed value.
 */
export function linkTo(traceParent: string | null): Link[] {
  if (!traceParent) return [];
  const linked = trace.getSpanContext(propagation.extract(context.active(), { traceparent: traceParent }));
  return linked && trace.isSpanContextValid(linked) ? [{ context: linked }] : [];
}

/** The ids of the active span for a log line (`trace_id`, `span_id`), or nothing outside a span. */
export function traceIds(): { trace_id: string; span_id: string } | Record<string, never> {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { trace_id: traceId, span_id: spanId };
}
