import { createContext } from 'react';
import type { SocketConnection } from '../../../lib/connection';

/** What the status indicator reads of a live connection: the app's `SocketConnection`, or an embedded inbox's. */
export type LiveConnection = Pick<SocketConnection, 'subscribe' | 'getSnapshot' | 'retryNow'>;

/** The live socket connection, once the provider has created it. */
export const RealtimeContext = createContext<LiveConnection | null>(null);
