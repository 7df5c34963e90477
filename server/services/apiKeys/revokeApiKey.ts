import type { ApiKeyDto } from '../../../shared/schemas/directory.js';
import type { Db } from '../../db/client.js';
import { NotFoundError } from '../../errors.js';
import { presentApiKey } from '../../presenters/directory.js';

/**
 * Revokes an API key; it fails on its very next request, since every request looks the key up.
 * Idempotent: revoking again keeps the original `revokedAt`.
 */
export async function revokeApiKey(db: Db, id: string): Promise<ApiKeyDto> {
  // Conditional update, so two concurrent revocations cannot move the first timestamp.
  await db.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  const row = await db.apiKey.findUnique({ where: { id }, include: { createdBy: { select: { name: true } } } });
  if (!row) throw NotFoundError('API key');
  return presentApiKey(row);
}
