/**
 * A counts fetch answers with the counts as they were when the server read them; when the socket brought
 * newer counts meanwhile (a live notification), the fetch's answer must not put the badge back.
 */
import { describe, expect, it } from 'vitest';
import { countsOptions } from '../../../client/src/features/inbox/api/getCounts.js';
import { setCountsIfNewer } from '../../../client/src/features/inbox/utils/countsCache.js';
import type { ApiRequest } from '../../../client/src/lib/api.js';
import { createQueryClient } from '../../../client/src/lib/queryClient.js';
import type { InboxCounts } from '../../../shared/schemas/notification.js';

describe('the counts query during a live event', () => {
  it('keeps the socket’s newer counts over an older answer, and takes a newer answer', async () => {
    let answer: InboxCounts = { unread: 1, unseen: 1, version: 1 };
    let release: (() => void) | undefined;
    // The server's answer, read at once and delivered when released.
    const request = (<T,>(path: string) => {
      expect(path).toBe('/api/notifications/counts');
      const read = answer;
      return new Promise<T>((resolve) => {
        release = () => resolve(read as T);
      });
    }) as ApiRequest;
    const noop = () => {};
    const queryClient = createQueryClient({ onUnauthorized: noop, onSessionChanged: noop, onForbidden: noop }, request);

    const fetching = queryClient.fetchQuery(countsOptions());
    await new Promise((resolve) => setTimeout(resolve, 0));
    setCountsIfNewer(queryClient, { unread: 2, unseen: 2, version: 2 }); // notification.created's counts
    release!();
    await fetching;
    expect(queryClient.getQueryData(countsOptions().queryKey)).toEqual({ unread: 2, unseen: 2, version: 2 });

    answer = { unread: 0, unseen: 0, version: 3 }; // read everywhere since: a newer answer wins
    const next = queryClient.fetchQuery({ ...countsOptions(), staleTime: 0 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    release!();
    await next;
    expect(queryClient.getQueryData(countsOptions().queryKey)).toEqual({ unread: 0, unseen: 0, version: 3 });
  });
});
