export * from './types.js';
export * from './errors.js';
export * from './events.js';
export * from './schemas/auth.js';
export * from './schemas/notification.js';

export * from './inboxSync.js';
export * from './sessionIdentity.js';
export * from './schemas/realtime.js';
export * from './schemas/sends.js';
export * from './schemas/directory.js';
export * from './schemas/delivery.js';
export * from './schemas/preferences.js';
export * from './schemas/cursors.js';
export * from './schemas/emailActions.js';
