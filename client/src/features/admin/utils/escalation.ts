import type { IntlShape } from 'react-intl';
import { EXTERNAL_CHANNEL_NAMES } from '@shared/schemas/delivery';
import type { EscalationStep } from '@shared/schemas/preferences';
import { CHANNEL_NAMES } from '../../preferences';

// The usual order of a ladder (a tap on the phone, then a mail, then a text) for "Add step"; the other
// channels follow in their own order.
const USUAL_FIRST: readonly EscalationStep['channel'][] = ['push', 'email', 'sms'];

/**
 * The channels a ladder can escalate to: every external channel (in-app already has the notification),
 * derived from the shared list so a new channel is offered without touching the editor.
 */
export const ESCALATION_CHANNELS: readonly EscalationStep['channel'][] = [...USUAL_FIRST, ...EXTERNAL_CHANNEL_NAMES.filter((channel) => !USUAL_FIRST.includes(channel))];

export const MAX_ESCALATION_STEPS = 10;
const MAX_MINUTES = 7 * 24 * 60;

/** A step while it is edited: the minutes as typed, and a stable id for React keys. */
export interface EscalationDraftStep {
  id: number;
  channel: EscalationStep['channel'];
  afterMinutes: string;
}

let nextId = 0;

/** Draft steps of a saved ladder. */
export function toDraft(steps: EscalationStep[]): EscalationDraftStep[] {
  return steps.map((step) => ({ id: nextId++, channel: step.channel, afterMinutes: String(step.afterMinutes) }));
}

/** The step "Add step" appends: the next channel not used yet, 5 minutes after the last step. */
export function newStep(steps: EscalationDraftStep[]): EscalationDraftStep {
  const channel = ESCALATION_CHANNELS.find((item) => !steps.some((step) => step.channel === item)) ?? 'email';
  const last = steps.at(-1);
  const after = last ? (Number.parseInt(last.afterMinutes, 10) || 0) + 5 : 0;
  return { id: nextId++, channel, afterMinutes: String(Math.min(after, MAX_MINUTES)) };
}

/**
 * Checks a draft ladder: whole minutes within a week, in time order. Answers the steps to save, or
 * the message to show (in the reader's language).
 *
 * @example
 * parseLadder(intl, [{ id: 1, channel: 'push', afterMinutes: '0' }]); // { steps: [{ channel: 'push', afterMinutes: 0 }] }
 */
export function parseLadder(intl: IntlShape, draft: EscalationDraftStep[]): { steps: EscalationStep[] } | { error: string } {
  const steps: EscalationStep[] = [];
  for (const [index, step] of draft.entries()) {
    const minutes = Number(step.afterMinutes);
    if (step.afterMinutes.trim() === '' || !Number.isInteger(minutes) || minutes < 0 || minutes > MAX_MINUTES) {
      return { error: intl.formatMessage({ id: 'admin.escalation.minutesInvalid' }, { step: index + 1, max: MAX_MINUTES }) };
    }
    const previous = steps.at(-1);
    if (previous && minutes < previous.afterMinutes) {
      return { error: intl.formatMessage({ id: 'admin.escalation.outOfOrder' }, { step: index + 1, previous: index }) };
    }
    steps.push({ channel: step.channel, afterMinutes: minutes });
  }
  return { steps };
}

/** "5 min", "2 h", "1 h 30 min", with the reader's digits. */
function formatMinutes(intl: IntlShape, minutes: number): string {
  if (minutes < 60) return intl.formatMessage({ id: 'admin.duration.minutes' }, { minutes });
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0
    ? intl.formatMessage({ id: 'admin.duration.hours' }, { hours })
    : intl.formatMessage({ id: 'admin.duration.hoursMinutes' }, { hours, minutes: rest });
}

/**
 * Each step of a ladder in words, for the table's "Push 0 min → Email 5 min".
 *
 * @example
 * ladderSteps(intl, [{ channel: 'push', afterMinutes: 0 }, { channel: 'sms', afterMinutes: 90 }]); // ['Push 0 min', 'SMS 1 h 30 min']
 */
export function ladderSteps(intl: IntlShape, steps: EscalationStep[]): string[] {
  return steps.map((step) =>
    intl.formatMessage(
      { id: 'admin.escalation.ladderStep' },
      { channel: intl.formatMessage({ id: CHANNEL_NAMES[step.channel] }), after: formatMinutes(intl, step.afterMinutes) },
    ),
  );
}
