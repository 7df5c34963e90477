import { describe, expect, it } from 'vitest';
import { actionUrlSchema } from '../../shared/schemas/actionUrl.js';
import { createNotificationSchema } from '../../shared/schemas/notification.js';
import { zodIssuesToDetails } from '../../server/errors.js';

describe('actionUrlSchema', () => {
  it.each(['https://example.com/x', 'http://localhost:3000/a?b=1', '/orders/42', '/'])('accepts %s', (url) => {
    expect(actionUrlSchema.safeParse(url).success).toBe(true);
  });

  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', '//evil.example', '/\\evil.example', 'ftp://x', 'orders/42', ''])(
    'rejects %s',
    (url) => {
      expect(actionUrlSchema.safeParse(url).success).toBe(false);
    },
  );
});

describe('createNotificationSchema', () => {
  it('fills defaults', () => {
    const parsed = createNotificationSchema.parse({ to: [{ userId: 'u1' }], title: ' Hi ' });
    expect(parsed).toMatchObject({ title: 'Hi', body: '', category: 'general', priority: 'normal' });
  });

  it('names every unknown field in the error details', () => {
    const parsed = createNotificationSchema.safeParse({ to: [{ userId: 'u1' }], title: 'x', foo: 1, bar: 2 });
    expect(parsed.success).toBe(false);
    const paths = zodIssuesToDetails(parsed.error!.issues).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['foo', 'bar']));
  });
});
