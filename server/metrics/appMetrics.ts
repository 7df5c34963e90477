import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { EXTERNAL_CHANNELS, type ExternalChannel } from '../channels/types.js';

/** Every name starts with it; the process and Node.js metrics of prom-client get it too. */
export const METRIC_PREFIX = 'flashnotify_';

/** How a send came in: the service API, an admin in the web app, or the scheduler releasing a scheduled one. */
export type SendSource = 'api_key' | 'admin' | 'scheduled';
/** What a replay answered: the missed notifications, or "too many: refetch" (see readInboxSync). */
export type ReplayKind = 'replay' | 'reset';
/** Where a replay was asked for: the socket's (re)connect, or a `sync.request` after a gap in the stream. */
export type ReplayTrigger = 'connect' | 'sync_request';
/** What one provider call ended with. */
export type AttemptResult = 'sent' | 'transient_error' | 'permanent_error';
/** The state the worker left a delivery in: done (`sent`, `failed`, `dead`, `cancelled`) or to be retried. */
export type DeliveryResult = 'sent' | 'failed' | 'dead' | 'cancelled' | 'retry';
/** Why a claimed delivery was put back untouched (the try does not count). */
export type DeferReason = 'breaker_open' | 'channel_disabled';
/** Which connection a statement ran on: Prisma's driver adapter, or the hot path's own (server/db/rawDatabase.ts). */
export type DbClient = 'prisma' | 'raw';

/** Latencies in seconds from 1 ms to 10 s: an emit, an HTTP request, a provider call. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Database statements: from 0.1 ms (a prepared SQLite statement) to 2.5 s. */
const QUERY_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 2.5];

const ATTEMPT_RESULTS: readonly AttemptResult[] = ['sent', 'transient_error', 'permanent_error'];
const DELIVERY_RESULTS: readonly DeliveryResult[] = ['sent', 'failed', 'dead', 'cancelled', 'retry'];
const DEFER_REASONS: readonly DeferReason[] = ['breaker_open', 'channel_disabled'];

type Inc = { inc(value?: number): void };
type Observe = { observe(value: number): void };

/**
 * A counter's child, exported at 0 from the start: a series that appears only with its first increment
 * hides that increment from `increase()` and `rate()` (an alert on the first dead letter would never fire).
 */
function zeroed<T extends string>(counter: Counter<T>, ...values: string[]): Inc {
  const child = counter.labels(...values);
  child.inc(0);
  return child;
}

/**
 * A counter with two labels whose values are known in advance, as its children for every combination,
 * made (and exported at 0) once: recording is then `children[a][b].inc()`, no label object per call.
 */
function pairCounter<A extends string, B extends string>(
  registry: Registry,
  config: { name: string; help: string; labelNames: [string, string] },
  as: readonly A[],
  bs: readonly B[],
): Record<A, Record<B, Inc>> {
  const counter = new Counter({ ...config, registers: [registry] });
  const row = (a: A) => Object.fromEntries(bs.map((b) => [b, zeroed(counter, a, b)]));
  return Object.fromEntries(as.map((a) => [a, row(a)])) as Record<A, Record<B, Inc>>;
}

/**
 * The server's Prometheus metrics, in a registry of its own (several servers share a test process): the
 * event-driven ones are recorded here, from the hot path, the realtime layer, the delivery worker and the
 * HTTP and database layers; the gauges read at scrape time are added by registerScrapeGauges. Recording
 * is synchronous and allocation-light (children bound once per label combination). Series with labels
 * known in advance are exported at 0 from the start; those labelled by traffic (category, route) appear
 * with their first event.
 *
 * @example
 * const metrics = new AppMetrics();
 * metrics.notificationsCreated('billing', 'critical', 'api_key', 3);
 * res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
 */
export class AppMetrics {
  readonly registry = new Registry();
  private readonly created: Counter<'category' | 'priority' | 'source'>;
  private readonly createdChildren = new Map<string, Inc>();
  private readonly sends: Record<SendSource, Inc>;
  private readonly emitLatency: Observe;
  private readonly replays: Record<ReplayTrigger, Record<ReplayKind, Inc>>;
  private readonly replayedNotifications: Record<ReplayTrigger, Inc>;
  private readonly attempts: Record<ExternalChannel, Record<AttemptResult, Inc>>;
  private readonly attemptDuration: Record<ExternalChannel, Observe>;
  private readonly deliveries: Record<ExternalChannel, Record<DeliveryResult, Inc>>;
  private readonly deferrals: Record<ExternalChannel, Record<DeferReason, Inc>>;
  private readonly http: Histogram<'method' | 'route' | 'status'>;
  private readonly httpChildren = new Map<string, Observe>();
  private readonly dbQueries: Record<DbClient, Observe>;

  constructor() {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: METRIC_PREFIX });
    this.created = new Counter({
      name: `${METRIC_PREFIX}notifications_created_total`,
      help: 'Notifications committed (one per recipient), by category, priority and how the send came in.',
      labelNames: ['category', 'priority', 'source'],
      registers,
    });
    const sends = new Counter({ name: `${METRIC_PREFIX}sends_total`, help: 'Sends committed, by how they came in.', labelNames: ['source'], registers });
    this.sends = { api_key: zeroed(sends, 'api_key'), admin: zeroed(sends, 'admin'), scheduled: zeroed(sends, 'scheduled') };
    this.emitLatency = new Histogram({
      name: `${METRIC_PREFIX}emit_latency_seconds`,
      help: 'From a send entering the ingest path (rendered, committed in a group) to its notification.created handed to Socket.IO, per notification emitted live.',
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.replays = pairCounter(this.registry, {
      name: `${METRIC_PREFIX}replays_total`,
      help: 'Replays served to sockets: on (re)connect with a lastSeq, or for a sync.request; kind reset = too many missed, refetch.',
      labelNames: ['trigger', 'kind'],
    }, ['connect', 'sync_request'], ['replay', 'reset']);
    const replayed = new Counter({ name: `${METRIC_PREFIX}replayed_notifications_total`, help: 'Notifications sent in replays.', labelNames: ['trigger'], registers });
    this.replayedNotifications = { connect: zeroed(replayed, 'connect'), sync_request: zeroed(replayed, 'sync_request') };
    this.attempts = pairCounter(this.registry, {
      name: `${METRIC_PREFIX}delivery_attempts_total`,
      help: 'Provider calls made by the delivery worker, by channel and outcome.',
      labelNames: ['channel', 'outcome'],
    }, EXTERNAL_CHANNELS, ATTEMPT_RESULTS);
    const attemptDuration = new Histogram({
      name: `${METRIC_PREFIX}delivery_attempt_duration_seconds`,
      help: 'How long one provider call took, by channel.',
      labelNames: ['channel'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    for (const channel of EXTERNAL_CHANNELS) attemptDuration.zero({ channel });
    this.attemptDuration = { email: attemptDuration.labels('email'), sms: attemptDuration.labels('sms'), push: attemptDuration.labels('push'), slack: attemptDuration.labels('slack'), teams: attemptDuration.labels('teams'), whatsapp: attemptDuration.labels('whatsapp') };
    this.deliveries = pairCounter(this.registry, {
      name: `${METRIC_PREFIX}deliveries_total`,
      help: 'Deliveries the worker processed, by channel and the state it left them in (retry = failed transiently, due again later; dead = attempts exhausted).',
      labelNames: ['channel', 'outcome'],
    }, EXTERNAL_CHANNELS, DELIVERY_RESULTS);
    this.deferrals = pairCounter(this.registry, {
      name: `${METRIC_PREFIX}delivery_deferrals_total`,
      help: 'Claimed deliveries put back untouched: the provider breaker was open or the channel switched off.',
      labelNames: ['channel', 'reason'],
    }, EXTERNAL_CHANNELS, DEFER_REASONS);
    this.http = new Histogram({
      name: `${METRIC_PREFIX}http_request_duration_seconds`,
      help: 'HTTP requests by method, matched route pattern (unmatched: no route matched) and status code.',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    const dbQueries = new Histogram({
      name: `${METRIC_PREFIX}db_query_duration_seconds`,
      help: 'One SQL statement in the database driver: prisma = through the ORM driver adapter, raw = the hot path connection.',
      labelNames: ['client'],
      buckets: QUERY_BUCKETS,
      registers,
    });
    dbQueries.zero({ client: 'prisma' });
    dbQueries.zero({ client: 'raw' });
    this.dbQueries = { prisma: dbQueries.labels('prisma'), raw: dbQueries.labels('raw') };
  }

  /** A send committed with `count` notifications (its recipients). */
  sendCommitted(category: string, priority: string, source: SendSource, count: number): void {
    this.sends[source].inc();
    // Categories are rows admins create: a bounded set, so the children are cached by their labels.
    const key = `${category}\n${priority}\n${source}`;
    let child = this.createdChildren.get(key);
    if (!child) this.createdChildren.set(key, (child = this.created.labels(category, priority, source)));
    child.inc(count);
  }

  /** One notification.created handed to Socket.IO, `seconds` after its send entered the ingest path. */
  notificationEmitted(seconds: number): void {
    this.emitLatency.observe(seconds);
  }

  /** A replay answered, with `count` notifications in it (0 for a reset). */
  replayServed(trigger: ReplayTrigger, kind: ReplayKind, count: number): void {
    this.replays[trigger][kind].inc();
    if (count > 0) this.replayedNotifications[trigger].inc(count);
  }

  /** One provider call and how long it took, in seconds. */
  deliveryAttempted(channel: ExternalChannel, outcome: AttemptResult, seconds: number): void {
    this.attempts[channel][outcome].inc();
    this.attemptDuration[channel].observe(seconds);
  }

  /** The state a processed delivery was left in. */
  deliveryProcessed(channel: ExternalChannel, outcome: DeliveryResult): void {
    this.deliveries[channel][outcome].inc();
  }

  /** A claimed delivery put back without a try. */
  deliveryDeferred(channel: ExternalChannel, reason: DeferReason): void {
    this.deferrals[channel][reason].inc();
  }

  /** One HTTP request answered; `route` is a route pattern (never a raw URL: the label set must stay bounded). */
  httpRequest(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${route} ${status}`;
    let child = this.httpChildren.get(key);
    if (!child) this.httpChildren.set(key, (child = this.http.labels(method, route, String(status))));
    child.observe(seconds);
  }

  /** One SQL statement, in seconds. */
  dbQuery(client: DbClient, seconds: number): void {
    this.dbQueries[client].observe(seconds);
  }
}
