import { expect, test } from '@playwright/test';
import { postNotification, signIn } from './support/fixtures.js';

test('a live notification lost on the way is fetched at once when the next one shows the gap, without reconnecting', async ({ page, request }) => {
  // Stand in for a lost inter-node message (Redis outage): drop one notification.created frame on its
  // way to the page, and count the page's socket connections.
  let connections = 0;
  let dropped = 0;
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    connections += 1;
    const server = ws.connectToServer();
    ws.onMessage((message) => server.send(message));
    server.onMessage((message) => {
      if (typeof message === 'string' && message.startsWith('42["notification.created"') && message.includes('Lost in transit')) {
        dropped += 1;
        return;
      }
      ws.send(message);
    });
  });
  // Requests of the page's own API in flight: the first sync.done refetches the lists (they may have been
  // read before the socket joined its room), and that refetch would rightly bring the "lost" notification
  // by itself and prove nothing. `networkidle` cannot tell: it fired on the login page, before the SPA
  // navigated to the inbox.
  let inFlight = 0;
  const isApi = (url: string) => new URL(url).pathname.startsWith('/api/');
  page.on('request', (req) => void (isApi(req.url()) && inFlight++));
  const done = (req: { url(): string }) => void (isApi(req.url()) && inFlight--);
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  await signIn(page, 'bob@example.com');
  // Settled: no API request for 500 ms in a row after the socket's first sync.
  let quietSince = Date.now();
  await expect
    .poll(() => {
      if (inFlight > 0) quietSince = Date.now();
      return Date.now() - quietSince;
    }, { intervals: [50] })
    .toBeGreaterThanOrEqual(500);
  const item = (id: string) => page.locator(`[data-testid="notification-item"][data-id="${id}"]`);

  const [lost] = await postNotification(request, { to: [{ email: 'bob@example.com' }], title: 'Lost in transit' });
  await expect.poll(() => dropped).toBe(1);
  await expect(item(lost!)).toHaveCount(0);

  const [next] = await postNotification(request, { to: [{ email: 'bob@example.com' }], title: 'Arrived live' });
  await expect(item(next!)).toHaveCount(1);
  await expect(item(lost!)).toHaveCount(1);
  await expect(item(lost!)).toContainText('Lost in transit');
  // Newest first, each once, on the same connection.
  const titles = await page.getByTestId('notification-item').allTextContents();
  expect(titles.findIndex((t) => t.includes('Arrived live'))).toBeLessThan(titles.findIndex((t) => t.includes('Lost in transit')));
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');
  expect(connections).toBe(1);
});
