import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerError, type SMTPServerSession } from 'smtp-server';

/** One message the peer accepted. */
export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  parsed: ParsedMail;
  raw: Buffer;
  receivedAt: number;
}

/** How the peer answers; change it at any time with `setBehavior`. */
export interface SmtpPeerBehavior {
  /** Wait this long before answering the end of DATA (a slow server; a crash test's in-flight window). */
  delayMs?: number;
  /**
   * Refuse with this reply: at `RCPT TO` (default, like an unknown mailbox) or after DATA. With
   * `recipient`, only that address is refused.
   */
  failWith?: { code: number; message: string; at?: 'rcpt' | 'data'; recipient?: string };
}

/** An in-process SMTP server that records what it receives. */
export interface SmtpPeer {
  /** Fixed for the peer's life, also across stop()/start(). */
  port: number;
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  messages: ReceivedMail[];
  setBehavior(behavior: SmtpPeerBehavior): void;
  /** Resolves once `count` messages in total have arrived. */
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Stops listening and drops open connections (pooled clients get `421`): "SMTP is down". */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

/**
 * Starts an SMTP peer on 127.0.0.1:0 (no TLS, no AUTH), parsing every message with mailparser.
 *
 * @example
 * const smtp = await startSmtpPeer();
 * const config = loadConfig({ SMTP_URL: smtp.url, ... });
 * afterAll(() => smtp.stop());
 */
export async function startSmtpPeer(initial: SmtpPeerBehavior = {}): Promise<SmtpPeer> {
  let behavior = initial;
  let server: SMTPServer | undefined;
  const messages: ReceivedMail[] = [];
  const events = new EventEmitter();

  const refusal = (at: 'rcpt' | 'data', recipients: string[]): SMTPServerError | undefined => {
    const fail = behavior.failWith;
    if (!fail || (fail.at ?? 'rcpt') !== at) return undefined;
    if (fail.recipient && !recipients.some((r) => r.toLowerCase() === fail.recipient!.toLowerCase())) return undefined;
    return Object.assign(new Error(fail.message), { responseCode: fail.code });
  };

  const receive = async (raw: Buffer, session: SMTPServerSession) => {
    const to = session.envelope.rcptTo.map((r) => r.address);
    const delayMs = behavior.delayMs ?? 0;
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const error = refusal('data', to);
    if (error) throw error;
    const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
    messages.push({ envelope: { from, to }, parsed: await simpleParser(raw), raw, receivedAt: Date.now() });
    events.emit('message');
  };

  const create = () =>
    new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      // stop() should feel like a server going away, not wait 30 s for pooled clients to leave.
      closeTimeout: 50,
      onRcptTo(address, _session, callback) {
        callback(refusal('rcpt', [address.address]) ?? null);
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        // The stream ignores what its listener returns: the outcome (a refusal, a parse failure) must
        // reach the SMTP client through the callback, never become an unhandled rejection.
        stream.on('end', () => {
          receive(Buffer.concat(chunks), session).then(
            () => callback(null, 'Queued'),
            (err: Error) => callback(err),
          );
        });
      },
    });

  let port = 0;
  const start = async () => {
    server = create();
    // A client killed mid-conversation (the crash test) resets its socket; that is expected, not a failure.
    server.on('error', () => {});
    server.listen(port, '127.0.0.1');
    await once(server.server, 'listening');
    port = (server.server.address() as AddressInfo).port;
  };
  const stop = async () => {
    const closing = server;
    server = undefined;
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  };
  await start();

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    setBehavior: (next) => {
      behavior = next;
    },
    waitForMessages: async (count, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`SMTP peer: ${messages.length}/${count} messages after ${timeoutMs} ms`);
        const timeout = AbortSignal.timeout(left);
        await once(events, 'message', { signal: timeout }).catch(() => {});
      }
      return messages.slice(0, count);
    },
    stop,
    start,
  };
}
