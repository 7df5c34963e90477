import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFatalError } from '../../server/processErrors.js';
import { spawnServer, type ChildServer } from '../helpers/childServer.js';
import { waitFor } from '../helpers/socketClient.js';

// Issue 8, item 1: nothing that escapes a callback or a promise may end the process silently. The real
// entry point runs in a child process; a test-only preload makes it fail on order, outside any request.
const preload = './tests/fixtures/processFaults.ts';

/** Sends raw bytes and resolves with everything the server answers before it closes the connection. */
function rawRequest(url: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('process-level error handling (child process running server/index.ts)', () => {
  let server: ChildServer;
  let url: string;
  // The child loads the whole server through tsx: slow on a busy 2-core machine.
  beforeAll(async () => {
    server = spawnServer({}, { preload });
    url = await server.listening;
  }, 120_000);
  afterAll(() => server.stop());

  const errorsLogged = (message: string) => server.logs.filter((e) => e.level === 50 && JSON.stringify(e.err ?? '').includes(message));

  it('logs an uncaught exception with its stack and where it surfaced, and keeps serving', async () => {
    server.child.send('throw');
    await waitFor(() => errorsLogged('test fault: thrown in a callback').length === 1, 10_000, 'the error log');
    const [entry] = errorsLogged('test fault: thrown in a callback');
    expect(entry).toMatchObject({ origin: 'uncaughtException', msg: 'Uncaught exception; still serving' });
    expect(entry!.err!.stack).toContain('processFaults.ts');
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
  });

  it('logs an unhandled rejection (Error or not) and keeps serving', async () => {
    server.child.send('reject');
    server.child.send('reject-non-error');
    await waitFor(() => errorsLogged('test fault: rejected promise').length === 1, 10_000, 'the rejection log');
    await waitFor(() => errorsLogged('test fault: rejected with a string').length === 1, 10_000, 'the second rejection log');
    expect(errorsLogged('test fault: rejected promise')[0]).toMatchObject({ origin: 'unhandledRejection', msg: 'Unhandled rejection; still serving' });
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
  });

  it('answers a malformed HTTP request with a 400 in the API error shape and keeps serving', async () => {
    const answer = await rawRequest(url, 'GET /api/health HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({ error: { code: 'bad_request', message: 'Malformed HTTP request' } });
    const huge = await rawRequest(url, `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 431 /);
    expect(huge).toContain('"code":"headers_too_large"');
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  });

  it('shuts down with exit code 1 on a fatal error (a broken invariant), after logging it at fatal level', async () => {
    server.child.send('assert');
    expect(await server.exited).toEqual({ code: 1, signal: null });
    const fatal = server.logs.find((e) => e.level === 60);
    expect(fatal).toMatchObject({ origin: 'uncaughtException', msg: 'Fatal uncaughtException: shutting down', err: { code: 'ERR_ASSERTION' } });
    expect(fatal!.err!.message).toContain('test fault: broken invariant');
  });
});

describe('isFatalError', () => {
  it.each([
    ['an allocation failure', new RangeError('Array buffer allocation failed'), true],
    ['ENOMEM', Object.assign(new Error('spawn ENOMEM'), { code: 'ENOMEM' }), true],
    ['ERR_MEMORY_ALLOCATION_FAILED', Object.assign(new Error('oom'), { code: 'ERR_MEMORY_ALLOCATION_FAILED' }), true],
    ['an assertion', Object.assign(new Error('x'), { code: 'ERR_ASSERTION' }), true],
    ['a Node.js internal assertion', Object.assign(new Error('x'), { code: 'ERR_INTERNAL_ASSERTION' }), true],
    ['a TypeError in a callback', new TypeError("Cannot read properties of undefined (reading 'id')"), false],
    ['a write to a closed connection', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }), false],
    ['headers sent twice', Object.assign(new Error('Cannot set headers'), { code: 'ERR_HTTP_HEADERS_SENT' }), false],
    ['too many open files', Object.assign(new Error('accept EMFILE'), { code: 'EMFILE' }), false],
    ['another RangeError', new RangeError('Invalid time value'), false],
    ['a rejected string', 'nope', false],
    ['undefined', undefined, false],
  ])('%s → fatal: %s', (_name, err, fatal) => {
    expect(isFatalError(err)).toBe(fatal);
  });
});
