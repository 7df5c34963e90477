import { createContext } from 'react';
import type { SocketConnection } from '../../../lib/connection';

/** The live socket connection, once the provider has created it. */
export const RealtimeContext = createContext<SocketConnection | null>(null);
