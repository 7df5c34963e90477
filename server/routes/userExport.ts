import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import type { Logger } from '../logger.js';

/**
 * Answers a GDPR export (`openUserExport`'s chunks) as a JSON download, chunk by chunk with back-pressure:
 * a slow client slows the reads, it does not make the server buffer the export. Once the first byte is out
 * a failure can only cut the download short (the JSON is then incomplete, which any parser notices); it is
 * logged, and a client that went away is no failure at all.
 *
 * @example
 * await streamUserExport(res, await openUserExport(ctx, { userId, actor }), { userId, log: ctx.log });
 */
export async function streamUserExport(res: Response, chunks: AsyncIterable<string>, { userId, log }: { userId: string; log: Logger }): Promise<void> {
  res.status(200);
  res.set({
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Disposition': `attachment; filename="flashnotify-user-${userId}.json"`,
    // Personal data: no shared cache may keep it.
    'Cache-Control': 'no-store',
  });
  try {
    await pipeline(Readable.from(chunks), res);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') log.error({ err, userId }, 'User export failed midway');
  }
}
