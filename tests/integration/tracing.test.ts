import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, type ChildServer } from '../helpers/childServer.js';
import { startOtlpReceiver, type ReceivedSpan } from '../helpers/otlpReceiver.js';
import { TEST_API_KEY } from '../helpers/testServer.js';

// Issue 12 §1: with OTEL_EXPORTER_OTLP_ENDPOINT set, one trace follows a notification from the REST call
// through the commit and the emit; each delivery attempt is a trace of its own linked back to it; the trace
// id is in the log lines of that work. The server runs in its own process (tracing is process-wide) and
// exports to a local OTLP/HTTP receiver.

let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let server: ChildServer;
let url: string;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  server = spawnServer({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_SERVICE_NAME: 'flashnotify-test', OTEL_BSP_SCHEDULE_DELAY: '50' });
  url = await server.listening;
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await receiver?.stop();
});

const post = (headers: Record<string, string>, body: unknown) =>
  fetch(`${url}/api/v1/notifications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_API_KEY}`, ...headers },
    body: JSON.stringify(body),
  });

async function spanNamed(name: string, where: (span: ReceivedSpan) => boolean): Promise<ReceivedSpan> {
  await expect.poll(() => receiver.spans.some((s) => s.name === name && where(s)), { timeout: 15_000 }).toBe(true);
  return receiver.spans.find((s) => s.name === name && where(s))!;
}

describe('OpenTelemetry traces', () => {
  it('follows a critical notification: request → commit → emit in one trace, its email attempt linked to it, ids in the logs', async () => {
    const res = await post({}, { to: [{ email: 'alice@example.com' }], title: 'Traced alert', priority: 'critical', category: 'security' });
    expect(res.status).toBe(202);
    const { sendId } = (await res.json()) as { sendId: string };

    const request = await spanNamed('POST /api/v1/notifications', () => true);
    expect(request.kind).toBe(2); // SERVER
    expect(request.serviceName).toBe('flashnotify-test');
    expect(request.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.route': '/api/v1/notifications', 'http.response.status_code': 202 });
    const commit = await spanNamed('send.commit', (s) => s.attributes['flashnotify.send.id'] === sendId);
    const emit = await spanNamed('send.emit', (s) => s.attributes['flashnotify.send.id'] === sendId);
    for (const child of [commit, emit]) {
      expect(child.traceId).toBe(request.traceId);
      expect(child.parentSpanId).toBe(request.spanId);
    }

    const attempt = await spanNamed('delivery.attempt', (s) => s.links.some((link) => link.traceId === request.traceId));
    expect(attempt.traceId).not.toBe(request.traceId);
    expect(attempt.parentSpanId ?? '').toBe('');
    expect(attempt.links).toEqual([expect.objectContaining({ traceId: request.traceId, spanId: request.spanId })]);
    expect(attempt.attributes).toMatchObject({ 'flashnotify.channel': 'email', 'flashnotify.outcome': 'sent' });

    // The request's log line carries its trace id.
    await expect.poll(() => server.logs.some((line) => line.trace_id === request.traceId && line.msg === 'request completed'), { timeout: 5000 }).toBe(true);
  });

  it('continues the caller’s trace from its W3C traceparent header', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const parent = '00f067aa0ba902b7';
    const res = await post({ traceparent: `00-${traceId}-${parent}-01` }, { to: [{ email: 'alice@example.com' }], title: 'Continued' });
    expect(res.status).toBe(202);
    const request = await spanNamed('POST /api/v1/notifications', (s) => s.traceId === traceId);
    expect(request.parentSpanId).toBe(parent);
  });

  it('names a span of a refused request by its route, marks 5xx only as errors', async () => {
    const res = await post({}, { to: [], title: '' });
    expect(res.status).toBe(400);
    const refused = await spanNamed('POST /api/v1/notifications', (s) => s.attributes['http.response.status_code'] === 400);
    expect(refused.attributes['http.route']).toBe('/api/v1/notifications');
  });
});
