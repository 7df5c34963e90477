import type { ChannelOverrides } from '../../shared/schemas/notification.js';
import type { EscalationStep, QuietHours } from '../../shared/schemas/preferences.js';
import type { Priority } from '../../shared/types.js';
import { EXTERNAL_CHANNELS, type ExternalChannel } from '../channels/types.js';
import {
  effectivePreference,
  emailDigestMode,
  globalSwitch,
  type CategoryPolicy,
  type UserPreferenceRows,
} from '../preferences/effectivePreference.js';
import { quietHoursEnd } from '../preferences/quietHours.js';
import { unreachableReason, type RecipientReach } from '../preferences/reachability.js';

export type { RecipientReach };

/** What routing needs to know about one recipient: where they can be reached, what they chose and agreed to. */
export interface RecipientPolicy extends RecipientReach {
  preferences: UserPreferenceRows;
  quietHours: QuietHours | null;
  timezone: string;
}

export interface RoutingInput {
  category: CategoryPolicy & { escalation: EscalationStep[] };
  priority: Priority;
  overrides: ChannelOverrides | null;
  /** Channels the admins have not switched off. */
  enabledChannels: ReadonlySet<ExternalChannel>;
  recipient: RecipientPolicy;
  now: Date;
}

/** One external delivery to create. */
export interface PlannedChannel {
  channel: ExternalChannel;
  dueAt: Date;
  deferredReason: 'quiet_hours' | 'escalation' | null;
  escalationStep: number | null;
}

export interface RoutingDecision {
  /** False: the user turned the category off in-app; the notification is stored archived, silently. */
  inApp: boolean;
  external: PlannedChannel[];
  /** Set when the email waits for the user's hourly/daily digest instead of going now. */
  digest: 'hourly' | 'daily' | null;
}

/**
 * The channels a critical notification adds on its own (routeNotification, rule 1). Not WhatsApp: it reaches
 * the same phone as the SMS critical already adds, and outside the 24-hour window WhatsApp takes only an
 * approved template; like Slack it joins where the category's channels, the person's cell or the
 * escalation ladder name it.
 */
const CRITICAL_FAN_OUT: ReadonlySet<ExternalChannel> = new Set(['email', 'sms', 'push']);

/**
 * THE place that decides where one notification goes for one recipient.
 *
 * In-app: always for critical categories; otherwise the user's category cell and global in-app switch.
 * External channels, each:
 * 1. wanted if the preference cell is on (the user's choice, else the category's default channels), or
 *    if the priority is critical (critical adds email, SMS and push — the channels every person has or
 *    agreed to —, and Slack only where the category's escalation ladder names it: a workspace chat is
 *    the team's choice, made in the category's channels or ladder, not something every alert joins);
 * 2. per-send overrides: `false` removes, `true` adds;
 * 3. the user's explicit opt-out (category cell turned off, or the channel's global switch off) wins
 *    over 2 and over critical priority — except in critical categories, whose external channels follow
 *    only contact points and consent;
 * 4. channels an admin switched off are dropped;
 * 5. the recipient must be reachable: email address; phone AND recorded SMS consent; a push device; for
 *    Slack an email (the member is found by it) or a given Slack member id; phone AND WhatsApp consent.
 * Then timing: non-critical email for a category the user batches goes to the digest instead; critical
 * priority with an escalation ladder spreads its channels over the ladder's steps (cancelled once read);
 * non-critical deliveries inside the user's quiet hours wait until the window ends.
 */
export function routeNotification(input: RoutingInput): RoutingDecision {
  const { category, recipient: r, now } = input;
  const critical = input.priority === 'critical';
  const inApp = category.critical || (effectivePreference(category, 'in_app', r.preferences).enabled && globalSwitch('in_app', r.preferences));

  let allowed = EXTERNAL_CHANNELS.filter((channel) => {
    const cell = effectivePreference(category, channel, r.preferences);
    const optedOut = !category.critical && ((!cell.isDefault && !cell.enabled) || !globalSwitch(channel, r.preferences));
    let wanted = cell.enabled || (critical && (CRITICAL_FAN_OUT.has(channel) || category.escalation.some((step) => step.channel === channel)));
    const override = input.overrides?.[channel];
    if (override !== undefined) wanted = override;
    return wanted && !optedOut && input.enabledChannels.has(channel) && !unreachableReason(channel, r);
  });

  let digest: RoutingDecision['digest'] = null;
  const mode = emailDigestMode(category, r.preferences);
  if (!critical && mode !== 'immediate' && allowed.includes('email')) {
    digest = mode;
    allowed = allowed.filter((channel) => channel !== 'email');
  }

  if (critical && category.escalation.length > 0) {
    return { inApp, digest, external: escalate(allowed, category.escalation, now) };
  }
  const quietUntil = critical ? null : quietHoursEnd(now, r.quietHours, r.timezone);
  return {
    inApp,
    digest,
    external: allowed.map((channel) => ({
      channel,
      dueAt: quietUntil ?? now,
      deferredReason: quietUntil ? 'quiet_hours' : null,
      escalationStep: null,
    })),
  };
}

/** Channels on the ladder go out at their step's time; allowed channels not on it go out at once. */
function escalate(allowed: ExternalChannel[], ladder: EscalationStep[], now: Date): PlannedChannel[] {
  const planned: PlannedChannel[] = [];
  ladder.forEach((step, index) => {
    if (!allowed.includes(step.channel) || planned.some((p) => p.channel === step.channel)) return;
    const dueAt = new Date(now.getTime() + step.afterMinutes * 60_000);
    planned.push({ channel: step.channel, dueAt, deferredReason: step.afterMinutes > 0 ? 'escalation' : null, escalationStep: index });
  });
  for (const channel of allowed) {
    if (!planned.some((p) => p.channel === channel)) planned.push({ channel, dueAt: now, deferredReason: null, escalationStep: null });
  }
  return planned;
}
