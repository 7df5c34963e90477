import { randomUUID } from 'node:crypto';
import type { SendCommit } from '../../server/services/ingest/commitSends.js';
import type { TestServer } from './testServer.js';

/**
 * A send to `userIds` as deliverSend hands it to the send writer, for tests that drive a SendWriter
 * directly (group commit, back-pressure).
 *
 * @example
 * await writer.commit(await sendTo(server, [userId]));
 */
export async function sendTo(server: TestServer, userIds: string[], extra: Partial<SendCommit> = {}): Promise<SendCommit> {
  const category = (await server.ctx.categories.get('general'))!;
  return {
    sendId: randomUUID(),
    target: { kind: 'new', sender: {} },
    spec: { to: userIds.map((userId) => ({ userId })), title: 't', body: '', category: 'general', priority: 'normal', actionUrl: null, icon: null, actions: [], data: null, channels: null },
    category,
    enabledChannels: new Set(),
    sentAt: new Date(),
    notifications: userIds.map((userId) => ({ id: randomUUID(), userId, title: 'Grouped', body: '' })),
    lastError: null,
    ...extra,
  };
}
