import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Web API call the peer received, its arguments decoded (form or JSON; `blocks` parsed). */
export interface SlackCall {
  method: string;
  token: string | undefined;
  args: Record<string, unknown>;
}

/** A canned answer for the next call of a method: a Web API error (`ok: false`) or a 429 with Retry-After. */
export type SlackReply = { error: string } | { rateLimitedFor: number };

/** A local HTTP server speaking the slice of Slack's Web API the Slack channel uses. */
export interface SlackPeer {
  /** Base URL for `slackApiUrl`/SLACK_API_URL: `http://127.0.0.1:<port>/api/` */
  apiUrl: string;
  calls: SlackCall[];
  /** Workspace members by email, as `users.lookupByEmail` finds them. */
  members: Map<string, string>;
  /** The next calls of `method` get these answers, in order; then normal ones again. */
  replyNext(method: string, ...replies: SlackReply[]): void;
  close(): Promise<void>;
}

/**
 * Starts the peer on 127.0.0.1:0: `chat.postMessage` (answers `{ ok, channel: 'D…', ts }`; the DM channel of a
 * member is `D` + their id), `users.lookupByEmail` (from `members`, else `users_not_found`) and `pins.add`;
 * other methods `unknown_method`. Requests without `Bearer <token>` get `not_authed`, with another one
 * `invalid_auth`, as Slack answers (HTTP 200, `ok: false`). Source: https://api.slack.com/web#responses
 *
 * @example
 * const slack = await startSlackPeer('xoxb-test');
 * slack.replyNext('chat.postMessage', { rateLimitedFor: 30 });
 */
export async function startSlackPeer(token: string): Promise<SlackPeer> {
  const calls: SlackCall[] = [];
  const members = new Map<string, string>();
  const queued = new Map<string, SlackReply[]>();
  let ts = 1_700_000_000;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const method = (req.url ?? '/').split('?')[0]!.replace(/^\/api\//, '');
    const args = decodeArgs(req.headers['content-type'], await readBody(req));
    const auth = req.headers.authorization;
    const given = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : typeof args.token === 'string' ? args.token : undefined;
    calls.push({ method, token: given, args });
    if (!given) return sendJson(res, 200, { ok: false, error: 'not_authed' });
    if (given !== token) return sendJson(res, 200, { ok: false, error: 'invalid_auth' });
    const reply = queued.get(method)?.shift();
    if (reply && 'rateLimitedFor' in reply) {
      res.writeHead(429, { 'Retry-After': String(reply.rateLimitedFor), 'Content-Type': 'application/json' }).end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    if (reply) return sendJson(res, 200, { ok: false, error: reply.error });
    switch (method) {
      case 'chat.postMessage':
        return sendJson(res, 200, { ok: true, channel: `D${String(args.channel).slice(1)}`, ts: `${ts++}.000100`, message: { text: args.text } });
      case 'users.lookupByEmail': {
        const id = members.get(String(args.email));
        return sendJson(res, 200, id ? { ok: true, user: { id, profile: { email: args.email } } } : { ok: false, error: 'users_not_found' });
      }
      case 'pins.add':
        return sendJson(res, 200, { ok: true });
      default:
        return sendJson(res, 200, { ok: false, error: 'unknown_method' });
    }
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => sendJson(res, 500, { ok: false, error: String(err) }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    calls,
    members,
    replyNext: (method, ...replies) => queued.set(method, [...(queued.get(method) ?? []), ...replies]),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The client posts `application/x-www-form-urlencoded` with objects as JSON strings, or JSON. */
function decodeArgs(contentType: string | undefined, body: string): Record<string, unknown> {
  if (contentType?.startsWith('application/json')) return JSON.parse(body || '{}') as Record<string, unknown>;
  const args: Record<string, unknown> = Object.fromEntries(new URLSearchParams(body));
  for (const key of ['blocks', 'attachments']) {
    if (typeof args[key] === 'string') args[key] = JSON.parse(args[key]);
  }
  return args;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}
