/** Which rows offer the snooze menu, by their buttons and the `s` key (client/src/features/inbox/utils/snoozeMenu.ts). */
import { describe, expect, it } from 'vitest';
import { offersSnoozeMenu } from '../../../client/src/features/inbox/utils/snoozeMenu.js';

const AT = '2026-03-04T10:00:00.000Z';

describe('offersSnoozeMenu', () => {
  it('offers it on an active row (Snooze) and a snoozed one (Change), not on an archived one', () => {
    expect(offersSnoozeMenu({ archivedAt: null, snoozedUntil: null })).toBe(true);
    expect(offersSnoozeMenu({ archivedAt: null, snoozedUntil: AT })).toBe(true);
    expect(offersSnoozeMenu({ archivedAt: AT, snoozedUntil: null })).toBe(false);
  });
});
