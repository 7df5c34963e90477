/** Review finding 1: a rendering near its budget costs milliseconds, so a send renders a few recipients per turn. */
import { describe, expect, it } from 'vitest';
import { RENDER_SLICE, renderSend } from '../../server/services/sends/sendSpec.js';
import { compileTemplate, type TemplateRecipient } from '../../server/templates/notificationTemplate.js';

describe('renderSend', () => {
  it(`gives the event loop a turn after every ${RENDER_SLICE} recipients, and keeps their order`, async () => {
    let rendered = 0;
    const recipients: TemplateRecipient[] = Array.from({ length: 3 * RENDER_SLICE + 7 }, (_, i) => ({
      id: `u${i}`,
      // Read once per template rendered (title, then body): twice per recipient.
      get name() {
        rendered += 1;
        return `User ${i}`;
      },
      email: `u${i}@example.com`,
      externalId: null,
      locale: 'en',
      timezone: 'UTC',
    }));
    const templates = { title: compileTemplate('Hi {{recipient.name}}', 'title'), body: compileTemplate('{{data.note}}', 'body') };

    // Queued before the send starts: it runs at the first turn the rendering gives the event loop.
    const atFirstTurn = new Promise<number>((resolve) => setImmediate(() => resolve(rendered)));
    const texts = await renderSend(templates, recipients, { note: 'n' });

    expect(await atFirstTurn).toBe(2 * RENDER_SLICE);
    expect(RENDER_SLICE).toBeLessThanOrEqual(50);
    expect(texts).toHaveLength(recipients.length);
    expect(texts.at(-1)).toEqual({ title: `Hi User ${recipients.length - 1}`, body: 'n' });
  });
});
