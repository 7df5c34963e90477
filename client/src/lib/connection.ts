import { connectErrorAction, connectErrorRetryAfterMs } from '@shared/sessionIdentity';
import { ReconnectScheduler } from './reconnectScheduler';
import type { InboxSocket } from './socket';

/** What the header indicator shows. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** Immutable view of the connection, for `useSyncExternalStore`. */
export interface ConnectionSnapshot {
  state: ConnectionState;
  /** When the next automatic try happens (epoch ms), while reconnecting. */
  retryAt: number | null;
}

interface ConnectionHooks {
  /** The server refused the handshake: the session is gone, so retrying is pointless. */
  onUnauthorized: () => void;
  /** The server refused the handshake: the browser's session belongs to another user now. */
  onSessionChanged: () => void;
}

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

  constructor(
    private readonly socket: InboxSocket,
    private readonly hooks: ConnectionHooks,
  ) {}

  /** Connects and starts watching the socket and the browser's network state. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.socket.on('connect', this.handleConnect);
    this.socket.on('disconnect', this.handleDisconnect);
    this.socket.on('connect_error', this.handleConnectError);
    window.addEventListener('online', this.handleOnline);
    window.addEventListener('offline', this.handleOffline);
    if (navigator.onLine) this.connectNow();
    else this.update({ state: 'offline', retryAt: null });
  }

  /** Disconnects for good and removes every listener. */
  stop(): void {
    this.running = false;
    this.scheduler.reset();
    this.socket.off('connect', this.handleConnect);
    this.socket.off('disconnect', this.handleDisconnect);
    this.socket.off('connect_error', this.handleConnectError);
    window.removeEventListener('online', this.handleOnline);
    window.removeEventListener('offline', this.handleOffline);
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
    if (!navigator.onLine) {
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
    // Retrying as this user cannot succeed: stop for good (this socket's identity is fixed).
    this.stop();
    if (action === 'sign_in') this.hooks.onUnauthorized();
    else this.hooks.onSessionChanged();
  };

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
