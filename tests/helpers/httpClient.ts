import type { SessionInfo } from '../../shared/schemas/auth.js';

export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A cookie-keeping HTTP client for one browser-like session: remembers the session cookie and the CSRF
 * token from login, and sends both, as the web client does.
 */
export class HttpClient {
  cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(readonly baseUrl: string) {}

  /** Signs in; throws unless the server accepts. */
  async login(email: string, password = 'flashnotify'): Promise<SessionInfo> {
    const res = await this.request<SessionInfo>('POST', '/api/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.csrfToken = res.body.csrfToken;
    return res.body;
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }

  /** A request with JSON body, the session cookie and (unless `csrf: false`) the CSRF header. */
  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: boolean; headers?: Record<string, string>; rawBody?: string } = {},
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (body !== undefined || options.rawBody !== undefined) headers['content-type'] ??= 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && options.csrf !== false) headers['x-csrf-token'] = this.csrfToken;
    const res = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('flashnotify.sid='));
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await res.text();
    return { status: res.status, body: text ? safeJson(text) : undefined, headers: res.headers } as TestResponse<T>;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
