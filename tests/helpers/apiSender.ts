import type { CreateNotificationResult } from '../../shared/schemas/notification.js';
import { TEST_API_KEY } from './testServer.js';

/** Posts a notification through the service API (`POST /api/v1/notifications`) with the test API key. */
export async function sendNotification(
  baseUrl: string,
  body: Record<string, unknown>,
  apiKey = TEST_API_KEY,
): Promise<{ status: number; body: CreateNotificationResult & { error?: any } }> {
  const res = await fetch(`${baseUrl}/api/v1/notifications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ title: 'Hello', body: 'World', ...body }),
  });
  return { status: res.status, body: (await res.json()) as never };
}
