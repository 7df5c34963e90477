import { connectErrorAction, connectErrorRetryAfterMs } from '@shared/sessionIdentity';
import { ReconnectScheduler } from './reconnectScheduler.js';
import type { InboxSocket } from './socket.js';

/** What the header indicator shows. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** Immutable view of the connection, for `useSyncExternalStore`. */
export interface ConnectionSnapshot {
  state: ConnectionState;
  /** When the next automatic try happens (epoch ms), while reconnecting. */
  retryAt: number | null;
}

interface ConnectionHooks {
  /** The server refused the handshake: the session is gone (or no user token can be had), so retrying is pointless. */
  onUnauthorized: () => void;
  /** The server refused the handshake: the browser's session belongs to another user now. */
  onSessionChanged: () => void;
  /**
   * The server refused the user token (`token_expired`, `invalid_token`, `unknown_user`): get a new one from
   * the host; resolve true to reconnect with it at once. A second refusal in a row ends the connection
   * (onUnauthorized). Without this hook a token refusal is treated as unauthorized.
   */
  onTokenRefused?: (code: string) => Promise<boolean>;
}

/** Whether the device is online and when that changes: the browser's by default (none outside a browser). */
export interface NetworkWatch {
  isOnline(): boolean;
  /** Calls `onOnline` / `onOffline` on each change; returns the unsubscribe function. */
  subscribe(onOnline: () => void, onOffline: () => void): () => void;
}

/** The page's globals where they exist (a browser), read through globalThis so this module also runs in Node. */
const page = globalThis as {
  navigator?: { onLine?: boolean };
  addEventListener?: (type: 'online' | 'offline', listener: () => void) => void;
  removeEventListener?: (type: 'online' | 'offline', listener: () => void) => void;
};

/** The browser's `navigator.onLine` and `online`/`offline` events; outside a browser, always online. */
export const browserNetwork: NetworkWatch = {
  isOnline: () => page.navigator?.onLine !== false,
  subscribe: (onOnline, onOffline) => {
    page.addEventListener?.('online', onOnline);
    page.addEventListener?.('offline', onOffline);
    return () => {
      page.removeEventListener?.('online', onOnline);
      page.removeEventListener?.('offline', onOffline);
    };
  },
};

/**
 * Keeps the inbox socket connected: explicit backoff with jitter after failures, an immediate try when
 * the browser comes back online, and an observable state for the UI.
 *
 * @example
 * const connection = new SocketConnection(socket, { onUnauthorized: () => navigate('/login'), onSessionChanged: reload });
 * connection.start();
 * connection.stop(); // on sign-out / unmount
 */
export class SocketConnection {
  private snapshot: ConnectionSnapshot = { state: 'connecting', retryAt: null };
  private readonly listeners = new Set<() => void>();
  private readonly scheduler = new ReconnectScheduler(() => this.connectNow());
  private running = false;
  private unwatchNetwork: () => void = () => {};
  /** User-token refusals since the last successful connect. */
  private tokenRefusals = 0;

  constructor(
    private readonly socket: InboxSocket,
    private readonly hooks: ConnectionHooks,
    private readonly network: NetworkWatch = browserNetwork,
  ) {}

  /** Connects and starts watching the socket and the browser's network state. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.socket.on('connect', this.handleConnect);
    this.socket.on('disconnect', this.handleDisconnect);
    this.socket.on('connect_error', this.handleConnectError);
    this.unwatchNetwork = this.network.subscribe(this.handleOnline, this.handleOffline);
    if (this.network.isOnline()) this.connectNow();
    else this.update({ state: 'offline', retryAt: null });
  }

  /** Disconnects for good and removes every listener. */
  stop(): void {
    this.running = false;
    this.scheduler.reset();
    this.socket.off('connect', this.handleConnect);
    this.socket.off('disconnect', this.handleDisconnect);
    this.socket.off('connect_error', this.handleConnectError);
    this.unwatchNetwork();
    this.socket.disconnect();
  }

  /** Skips the remaining wait ("Retry now"). */
  retryNow(): void {
    if (this.running && !this.socket.connected) this.connectNow();
  }

  /** Current state; the same object until something changes. */
  getSnapshot = (): ConnectionSnapshot => this.snapshot;

  /** Registers a change listener; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private connectNow(): void {
    this.scheduler.cancel();
    this.update({ state: 'connecting', retryAt: null });
    this.socket.connect();
  }

  /** `serverRetryAfterMs`: the wait the server asked for (see ReconnectScheduler.schedule). */
  private scheduleRetry(serverRetryAfterMs?: number): void {
    if (!this.running) return;
    if (!this.network.isOnline()) {
      this.scheduler.cancel();
      this.update({ state: 'offline', retryAt: null });
      return;
    }
    this.update({ state: 'reconnecting', retryAt: this.scheduler.schedule(serverRetryAfterMs) });
  }

  private update(next: ConnectionSnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  private handleConnect = () => {
    this.scheduler.reset();
    this.tokenRefusals = 0;
    this.update({ state: 'connected', retryAt: null });
  };

  private handleDisconnect = (reason: string) => {
    // Our own disconnect() (stop, or going offline) must not trigger a retry.
    if (reason === 'io client disconnect') return;
    this.scheduleRetry();
  };

  private handleConnectError = (error: Error) => {
    const action = connectErrorAction(error);
    if (action === 'retry') {
      this.scheduleRetry(connectErrorRetryAfterMs(error));
      return;
    }
    if (action === 'new_token' && this.hooks.onTokenRefused && this.tokenRefusals === 0) {
      this.tokenRefusals += 1;
      this.update({ state: 'connecting', retryAt: null });
      this.hooks.onTokenRefused(error.message).then(
        (renewed) => {
          if (!this.running) return;
          if (renewed) this.connectNow();
          else this.failUnauthorized();
        },
        () => this.failUnauthorized(),
      );
      return;
    }
    if (action === 'new_token') return this.failUnauthorized();
    // Retrying as this user cannot succeed: stop for good (this socket's identity is fixed).
    this.stop();
    if (action === 'sign_in') this.hooks.onUnauthorized();
    else this.hooks.onSessionChanged();
  };

  private failUnauthorized(): void {
    if (!this.running) return;
    this.stop();
    this.hooks.onUnauthorized();
  }

  private handleOnline = () => {
    this.scheduler.reset();
    this.connectNow();
  };

  private handleOffline = () => {
    this.scheduler.cancel();
    this.update({ state: 'offline', retryAt: null });
    this.socket.disconnect();
  };
}
