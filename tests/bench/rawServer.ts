/**
 * The baseline (`--role raw-server`): a bare node:http + Socket.IO server with no database, no validation
 * and no framework, speaking just enough of FlashNotify's protocol to be driven exactly like it: the
 * same session cookie on the handshake (checked with the same signature), `sync.done` after connecting,
 * `POST /api/v1/notifications` (and `/bulk`) emitting one `notification.created` per recipient to the
 * room `user:<id>`, `GET /api/health` and an (empty) inbox. What is left is what the machine, Node,
 * HTTP and Socket.IO cost: the floor FlashNotify's figures are compared with.
 *
 * Environment: BENCH_RAW_PORT, BENCH_RAW_STATE (a JSON file: `{ userCount, sessions: [[sid, userId]…] }`),
 * BENCH_RAW_SECRET (cookie signing secret), BENCH_RAW_API_KEY.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { unsign } from 'cookie-signature';
import { Server } from 'socket.io';
import { benchUserId, COOKIE_NAME } from './sessions.js';

/** What the bench writes for the baseline server before starting it. */
export interface RawState {
  userCount: number;
  sessions: [sid: string, userId: string][];
}

interface Input {
  to: ({ userId: string } | { all: true })[];
  title: string;
  body?: string;
  data?: Record<string, unknown>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const json = (res: ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

/** Starts the baseline server and keeps it running until SIGTERM (then closes its sockets and exits). */
export function runRawServer(): void {
  const state = JSON.parse(readFileSync(process.env.BENCH_RAW_STATE!, 'utf8')) as RawState;
  const secret = process.env.BENCH_RAW_SECRET!;
  const apiKey = process.env.BENCH_RAW_API_KEY!;
  const sessions = new Map(state.sessions);
  const users = Array.from({ length: state.userCount }, (_, i) => benchUserId(i));
  const seqs = new Map<string, number>();

  const userOf = (cookieHeader: string | undefined): string | undefined => {
    const value = cookieHeader?.split(/;\s*/).find((part) => part.startsWith(`${COOKIE_NAME}=`))?.slice(COOKIE_NAME.length + 1);
    const signed = value && decodeURIComponent(value);
    const sid = signed?.startsWith('s:') ? unsign(signed.slice(2), secret) : false;
    return sid ? sessions.get(sid) : undefined;
  };

  const http = createServer();
  const io = new Server(http, { serveClient: false, pingInterval: 20_000, pingTimeout: 15_000 });
  io.use((socket, next) => {
    const userId = userOf(socket.request.headers.cookie);
    if (!userId) return next(new Error('unauthorized'));
    socket.data.userId = userId;
    next();
  });
  io.on('connection', (socket) => {
    const userId = socket.data.userId as string;
    void socket.join(`user:${userId}`);
    socket.emit('counts.updated', { unread: 0, unseen: 0, version: 0 });
    socket.emit('sync.done', { latestSeq: seqs.get(userId) ?? 0, replayed: 0, userId });
  });

  /** Emits one notification per recipient; answers like FlashNotify's 202. */
  const send = (input: Input) => {
    const recipients = input.to.flatMap((selector) => ('all' in selector ? users : [selector.userId]));
    const createdAt = new Date().toISOString();
    const notificationIds = recipients.map((userId) => {
      const seq = (seqs.get(userId) ?? 0) + 1;
      seqs.set(userId, seq);
      const id = randomUUID();
      const dto = { id, seq, category: 'general', priority: 'normal', title: input.title, body: input.body ?? '', actionUrl: null, data: input.data ?? null, createdAt, seenAt: null, readAt: null, archivedAt: null };
      io.to(`user:${userId}`).emit('notification.created', dto);
      return id;
    });
    return { sendId: randomUUID(), status: 'sent', recipientCount: recipients.length, scheduledAt: null, notificationIds };
  };

  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    // engine.io answers its own path (attached before this listener, it takes those requests over).
    if (req.url?.startsWith('/socket.io/')) return;
    void (async () => {
      const path = req.url?.split('?')[0];
      if (req.method === 'GET' && path === '/api/health') return json(res, 200, { status: 'ok', checks: { database: 'ok' } });
      if (req.method === 'GET' && path === '/api/notifications') {
        return userOf(req.headers.cookie) ? json(res, 200, { items: [], nextCursor: null }) : json(res, 401, { error: { code: 'unauthorized' } });
      }
      if (req.method === 'POST' && path?.startsWith('/api/v1/notifications')) {
        if (req.headers.authorization !== `Bearer ${apiKey}`) return json(res, 401, { error: { code: 'unauthorized' } });
        const body = JSON.parse(await readBody(req)) as Input & { notifications?: Input[] };
        if (path === '/api/v1/notifications') return json(res, 202, send(body));
        if (path === '/api/v1/notifications/bulk') return json(res, 200, { results: body.notifications!.map((item) => ({ status: 202, body: send(item) })) });
      }
      json(res, 404, { error: { code: 'not_found' } });
    })();
  });
  http.listen(Number(process.env.BENCH_RAW_PORT), '127.0.0.1');
  process.once('SIGTERM', () => {
    void io.close().then(() => process.exit(0));
  });
}
