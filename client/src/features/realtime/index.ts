/**
 * The realtime feature's public surface: the provider that owns the app's socket, its status indicator, the
 * context an embedded inbox provides its own connection through, and the cache writers every event source uses.
 */
export { ConnectionStatus } from './components/ConnectionStatus';
export { RealtimeProvider } from './components/RealtimeProvider';
export { RealtimeContext, type LiveConnection } from './components/realtimeContext';
export { refetchLists, writeBulkChange, writeNewNotification } from './utils/inboxCacheWriters';
