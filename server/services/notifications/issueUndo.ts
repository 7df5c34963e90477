import { createHash, randomBytes } from 'node:crypto';
import type { UndoTicket } from '../../../shared/schemas/notification.js';
import type { Tx } from '../../db/client.js';

/** What an undo reverts: the rows the action stamped with its time in readAt, archivedAt or deletedAt. */
export type UndoableAction = 'read' | 'archive' | 'delete';

/** The stored id of an undo token: its SHA-256 (hex), so the database never holds a usable token. */
export const undoTokenId = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Records that `action` stamped the user's rows with `at` and returns the ticket that reverts it until
 * `windowSeconds` from now. Call inside the action's transaction, so there is no ticket for an action
 * that rolled back. The token is 32 random bytes (base64url); only its hash is stored.
 */
export async function issueUndo(tx: Tx, userId: string, action: UndoableAction, at: Date, windowSeconds: number): Promise<UndoTicket> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(at.getTime() + windowSeconds * 1000);
  await tx.inboxUndo.create({ data: { id: undoTokenId(token), userId, action, at, expiresAt } });
  return { token, expiresAt: expiresAt.toISOString() };
}
