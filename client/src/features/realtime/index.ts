/** The realtime feature's public surface: the provider that owns the socket, and its status indicator. */
export { ConnectionStatus } from './components/ConnectionStatus';
export { RealtimeProvider } from './components/RealtimeProvider';
