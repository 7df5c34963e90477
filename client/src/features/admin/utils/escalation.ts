import type { EscalationStep } from '@shared/schemas/preferences';
import { CHANNEL_LABELS } from './format';

/** The channels a ladder can escalate to (in-app already has the notification). */
export const ESCALATION_CHANNELS = ['push', 'email', 'sms'] as const satisfies readonly EscalationStep['channel'][];

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
 * the message to show.
 *
 * @example
 * parseLadder([{ id: 1, channel: 'push', afterMinutes: '0' }]); // { steps: [{ channel: 'push', afterMinutes: 0 }] }
 */
export function parseLadder(draft: EscalationDraftStep[]): { steps: EscalationStep[] } | { error: string } {
  const steps: EscalationStep[] = [];
  for (const [index, step] of draft.entries()) {
    const minutes = Number(step.afterMinutes);
    if (step.afterMinutes.trim() === '' || !Number.isInteger(minutes) || minutes < 0 || minutes > MAX_MINUTES) {
      return { error: `Step ${index + 1}: enter whole minutes from 0 to ${MAX_MINUTES} (a week).` };
    }
    const previous = steps.at(-1);
    if (previous && minutes < previous.afterMinutes) {
      return { error: `Step ${index + 1} comes earlier than step ${index}: put the steps in time order.` };
    }
    steps.push({ channel: step.channel, afterMinutes: minutes });
  }
  return { steps };
}

/** "5 min", "2 h", "1 h 30 min". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/**
 * Each step of a ladder in words, for the table's "Push 0 min → Email 5 min".
 *
 * @example
 * ladderSteps([{ channel: 'push', afterMinutes: 0 }, { channel: 'sms', afterMinutes: 90 }]); // ['Push 0 min', 'SMS 1 h 30 min']
 */
export function ladderSteps(steps: EscalationStep[]): string[] {
  return steps.map((step) => `${CHANNEL_LABELS[step.channel]} ${formatMinutes(step.afterMinutes)}`);
}
