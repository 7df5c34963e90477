import type { ApiKeyList } from '../../../shared/schemas/directory.js';
import type { Db } from '../../db/client.js';
import { presentApiKey } from '../../presenters/directory.js';

/** Every API key, newest first, revoked ones included so admins can see what was cut off and when. */
export async function listApiKeys(db: Db): Promise<ApiKeyList> {
  const rows = await db.apiKey.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    include: { createdBy: { select: { name: true } } },
  });
  return { items: rows.map(presentApiKey) };
}
