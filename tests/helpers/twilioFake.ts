import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';

/** One request the fake received, form body decoded. */
export interface TwilioRequest {
  method: string;
  path: string;
  /** Account SID from the URL path. */
  accountSid: string | undefined;
  /** Basic auth user and password as sent (the SDK sends account SID and auth token). */
  auth: { user: string; password: string } | undefined;
  /** `To`, `From`, `MessagingServiceSid`, `Body`, `ContentSid`, `ContentVariables`, `Attempt`, … */
  params: Record<string, string>;
  receivedAt: number;
}

/** A canned answer instead of the normal 201. */
export interface TwilioFakeReply {
  status: number;
  /** Twilio error code (`21211`), sent in Twilio's error body. */
  code?: number;
  message?: string;
  /** Seconds sent as `Retry-After` (with a 429). */
  retryAfter?: number;
}

/** A local HTTP server speaking the slice of Twilio's REST API the SMS and WhatsApp channels use. */
export interface TwilioFake {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  requests: TwilioRequest[];
  /** The next `replies.length` message requests get these answers, in order; then 201s again. */
  replyNext(...replies: TwilioFakeReply[]): void;
  close(): Promise<void>;
}

const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/(AC[0-9a-fA-F]{32})\/Messages\.json$/;

/**
 * Starts the fake on 127.0.0.1:0. With `credentials`, requests with other Basic auth get Twilio's 401 (20003).
 *
 * @example
 * const fake = await startTwilioFake({ accountSid, authToken });
 * const sms = await createTwilioSmsChannel(deps, { httpClient: new FakeTwilioHttpClient(fake.origin) });
 */
export async function startTwilioFake(credentials?: { accountSid: string; authToken: string }): Promise<TwilioFake> {
  const requests: TwilioRequest[] = [];
  const queued: TwilioFakeReply[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const text = await readBody(req);
    const path = (req.url ?? '/').split('?')[0]!;
    const accountSid = MESSAGES_PATH.exec(path)?.[1];
    const auth = basicAuth(req.headers.authorization);
    const params = Object.fromEntries(new URLSearchParams(text));
    requests.push({ method: req.method ?? '', path, accountSid, auth, params, receivedAt: Date.now() });

    if (req.method !== 'POST' || !accountSid) return sendError(res, { status: 404, code: 20404, message: 'The requested resource was not found' });
    if (credentials && (auth?.user !== credentials.accountSid || auth.password !== credentials.authToken || accountSid !== auth.user)) {
      return sendError(res, { status: 401, code: 20003, message: 'Authenticate' });
    }
    const reply = queued.shift();
    if (reply) return sendError(res, reply);
    sendJson(res, 201, messageResource(accountSid, params));
  };
  // The server ignores what its listener returns: a failure must still answer (500), not hang the SDK.
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => sendError(res, { status: 500, code: 20500, message: String(err) }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    replyNext: (...replies) => queued.push(...replies),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The SDK's HTTP client with `https://*.twilio.com` rewritten to the fake: the SDK has no base-URL option.
 *
 * @example
 * twilio(accountSid, authToken, { httpClient: new FakeTwilioHttpClient(fake.origin) })
 */
export class FakeTwilioHttpClient extends twilio.RequestClient {
  constructor(private readonly origin: string) {
    super({ keepAlive: true });
  }

  override request<TData>(opts: Parameters<twilio.RequestClient['request']>[0] & { data?: TData }) {
    return super.request<TData>({ ...opts, uri: opts.uri.replace(/^https:\/\/[a-z0-9.-]+\.twilio\.com/i, this.origin) });
  }
}

/** The JSON Twilio answers for a created message (the fields the SDK maps onto MessageInstance). */
function messageResource(accountSid: string, params: Record<string, string>) {
  const sid = `SM${randomBytes(16).toString('hex')}`;
  const now = new Date().toUTCString().replace('GMT', '+0000');
  return {
    account_sid: accountSid,
    api_version: '2010-04-01',
    body: params.Body ?? '',
    date_created: now,
    date_sent: null,
    date_updated: now,
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: params.From ?? null,
    messaging_service_sid: params.MessagingServiceSid ?? null,
    num_media: '0',
    num_segments: String(Math.max(1, Math.ceil((params.Body ?? '').length / 153))),
    price: null,
    price_unit: 'USD',
    sid,
    status: params.MessagingServiceSid && !params.From ? 'accepted' : 'queued',
    subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media.json` },
    to: params.To ?? null,
    uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
  };
}

function sendError(res: ServerResponse, reply: TwilioFakeReply): void {
  const code = reply.code ?? reply.status * 100;
  if (reply.retryAfter !== undefined) res.setHeader('retry-after', String(reply.retryAfter));
  sendJson(res, reply.status, {
    code,
    message: reply.message ?? `Error ${code}`,
    more_info: `https://www.twilio.com/docs/errors/${code}`,
    status: reply.status,
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function basicAuth(header: string | undefined): TwilioRequest['auth'] {
  const match = /^Basic (.+)$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
