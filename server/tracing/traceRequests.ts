import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { RequestHandler } from 'express';
import { matchedRoute } from '../metrics/httpMetrics.js';
import { tracer } from './tracing.js';

/**
 * One SERVER span per HTTP request (mount early; only when tracing is on), continuing the caller's trace
 * when it sends a W3C `traceparent`, named `METHOD /matched/:pattern` once the route is known, with the
 * OpenTelemetry HTTP semantic conventions' attributes; 5xx answers mark it as an error. Everything the
 * request does runs inside it, so its spans and log lines carry its trace id.
 */
export function traceRequests(): RequestHandler {
  return (req, res, next) => {
    const parent = propagation.extract(context.active(), req.headers);
    const span = tracer.startSpan(
      `${req.method}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'url.path': req.path, 'url.scheme': req.protocol } },
      parent,
    );
    const { traceId, spanId } = span.spanContext();
    // For the request's own log line, written when the response ends, outside this context.
    res.locals.traceIds = { trace_id: traceId, span_id: spanId };
    res.once('finish', () => {
      const route = matchedRoute(req);
      span.updateName(`${req.method} ${route}`);
      span.setAttributes({ 'http.route': route, 'http.response.status_code': res.statusCode });
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}
