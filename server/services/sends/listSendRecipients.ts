import type { SendRecipientPage } from '../../../shared/schemas/sends.js';
import type { Db } from '../../db/client.js';
import { NotFoundError } from '../../errors.js';
import { presentSendRecipient } from '../../presenters/send.js';

/** Who received a send and whether they read it, 50 at a time. */
export async function listSendRecipients(db: Db, sendId: string, cursor: string | undefined): Promise<SendRecipientPage> {
  if (!(await db.send.findUnique({ where: { id: sendId }, select: { id: true } }))) throw NotFoundError('send');
  const limit = 50;
  const rows = await db.notification.findMany({
    where: { sendId },
    include: { user: { select: { id: true, name: true, email: true } } },
    orderBy: { id: 'asc' },
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, limit);
  return { items: page.map(presentSendRecipient), nextCursor: rows.length > limit ? page[page.length - 1]!.id : null };
}
