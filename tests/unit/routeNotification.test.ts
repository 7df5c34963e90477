import { describe, expect, it } from 'vitest';
import type { ExternalChannel } from '../../server/channels/types.js';
import { routeNotification, type RecipientPolicy, type RoutingInput } from '../../server/delivery/routeNotification.js';
import { groupPreferenceRows } from '../../server/preferences/effectivePreference.js';
import type { EscalationStep } from '../../shared/schemas/preferences.js';
import type { Channel, Priority } from '../../shared/types.js';

// 2026-11-21 is a Saturday; 12:00 UTC.
const NOON = new Date('2026-11-21T12:00:00Z');
const ALL: ReadonlySet<ExternalChannel> = new Set(['email', 'sms', 'push']);

const categories = {
  general: { key: 'general', critical: false, defaultChannels: ['in_app'] as Channel[], escalation: [] as EscalationStep[] },
  billing: { key: 'billing', critical: false, defaultChannels: ['in_app', 'email'] as Channel[], escalation: [] as EscalationStep[] },
  security: {
    key: 'security',
    critical: true,
    defaultChannels: ['in_app', 'email', 'sms', 'push'] as Channel[],
    escalation: [] as EscalationStep[],
  },
  incidents: {
    key: 'incidents',
    critical: false,
    defaultChannels: ['in_app'] as Channel[],
    escalation: [
      { channel: 'push', afterMinutes: 0 },
      { channel: 'email', afterMinutes: 5 },
      { channel: 'sms', afterMinutes: 15 },
    ] as EscalationStep[],
  },
};

type Pref = { category: string; channel: Channel; enabled: boolean; emailDigest?: string };

function recipient(options: { prefs?: Pref[]; smsConsent?: boolean; whatsappConsent?: boolean; phone?: boolean; devices?: number; email?: boolean; quiet?: [string, string]; tz?: string; teams?: boolean } = {}): RecipientPolicy {
  return {
    email: options.email === false ? null : 'a@example.com',
    phone: options.phone === false ? null : '+14155550123',
    smsConsentAt: options.smsConsent === false ? null : new Date(0),
    // WhatsApp consent is its own opt-in: absent unless a case gives it.
    whatsappConsentAt: options.whatsappConsent ? new Date(0) : null,
    pushDevices: options.devices ?? 1,
    teamsWebhookUrl: options.teams ? 'https://example.webhook.office.com/webhookb2/abc' : null,
    preferences: groupPreferenceRows((options.prefs ?? []).map((p) => ({ ...p, emailDigest: p.emailDigest ?? null }))),
    quietHours: options.quiet ? { start: options.quiet[0], end: options.quiet[1] } : null,
    timezone: options.tz ?? 'UTC',
  };
}

function route(category: keyof typeof categories, priority: Priority, r: RecipientPolicy, extra: Partial<RoutingInput> = {}) {
  return routeNotification({ category: categories[category], priority, overrides: null, enabledChannels: ALL, recipient: r, now: NOON, ...extra });
}

/** `channel@minutes-from-now[:reason]`, compact enough to read the table. */
const summary = (decision: ReturnType<typeof route>) => ({
  inApp: decision.inApp,
  digest: decision.digest,
  external: decision.external.map((p) => `${p.channel}@${(p.dueAt.getTime() - NOON.getTime()) / 60_000}${p.deferredReason ? `:${p.deferredReason}` : ''}`),
});

describe('routing table: category × priority × preference × consent × quiet hours', () => {
  it.each<[string, keyof typeof categories, Priority, RecipientPolicy, Partial<RoutingInput>, ReturnType<typeof summary>]>([
    ['in-app category, normal', 'general', 'normal', recipient(), {}, { inApp: true, digest: null, external: [] }],
    ['category default email', 'billing', 'normal', recipient(), {}, { inApp: true, digest: null, external: ['email@0'] }],
    ['critical priority adds every reachable channel', 'general', 'critical', recipient(), {}, { inApp: true, digest: null, external: ['email@0', 'sms@0', 'push@0'] }],
    ['user turned email off for billing', 'billing', 'normal', recipient({ prefs: [{ category: 'billing', channel: 'email', enabled: false }] }), {}, { inApp: true, digest: null, external: [] }],
    ['user opted in to push for general', 'general', 'normal', recipient({ prefs: [{ category: 'general', channel: 'push', enabled: true }] }), {}, { inApp: true, digest: null, external: ['push@0'] }],
    ['user opt-out wins over critical priority', 'general', 'critical', recipient({ prefs: [{ category: 'general', channel: 'sms', enabled: false }] }), {}, { inApp: true, digest: null, external: ['email@0', 'push@0'] }],
    ['global email switch off', 'billing', 'normal', recipient({ prefs: [{ category: '*', channel: 'email', enabled: false }] }), {}, { inApp: true, digest: null, external: [] }],
    ['user turned in-app off', 'general', 'normal', recipient({ prefs: [{ category: 'general', channel: 'in_app', enabled: false }] }), {}, { inApp: false, digest: null, external: [] }],
    ['critical category ignores opt-outs (in-app locked)', 'security', 'normal', recipient({ prefs: [{ category: 'security', channel: 'in_app', enabled: false }, { category: 'security', channel: 'email', enabled: false }, { category: '*', channel: 'push', enabled: false }] }), {}, { inApp: true, digest: null, external: ['email@0', 'sms@0', 'push@0'] }],
    ['critical category still needs consent', 'security', 'normal', recipient({ smsConsent: false, devices: 0 }), {}, { inApp: true, digest: null, external: ['email@0'] }],
    ['no phone → no SMS', 'general', 'critical', recipient({ phone: false }), {}, { inApp: true, digest: null, external: ['email@0', 'push@0'] }],
    ['phone without consent → no SMS', 'general', 'critical', recipient({ smsConsent: false }), {}, { inApp: true, digest: null, external: ['email@0', 'push@0'] }],
    ['no push device → no push', 'general', 'critical', recipient({ devices: 0 }), {}, { inApp: true, digest: null, external: ['email@0', 'sms@0'] }],
    ['admin switched SMS off', 'general', 'critical', recipient(), { enabledChannels: new Set<ExternalChannel>(['email', 'push']) }, { inApp: true, digest: null, external: ['email@0', 'push@0'] }],
    ['per-send override removes email', 'billing', 'normal', recipient(), { overrides: { email: false } }, { inApp: true, digest: null, external: [] }],
    ['per-send override adds SMS', 'billing', 'normal', recipient(), { overrides: { sms: true } }, { inApp: true, digest: null, external: ['email@0', 'sms@0'] }],
    ['override cannot beat the user opt-out', 'billing', 'normal', recipient({ prefs: [{ category: 'billing', channel: 'sms', enabled: false }] }), { overrides: { sms: true } }, { inApp: true, digest: null, external: ['email@0'] }],
    ['quiet hours defer non-critical to the end of the window', 'billing', 'normal', recipient({ quiet: ['11:00', '13:30'] }), {}, { inApp: true, digest: null, external: ['email@90:quiet_hours'] }],
    ['quiet hours across midnight in the user timezone', 'billing', 'high', recipient({ quiet: ['20:00', '07:00'], tz: 'Asia/Tokyo' }), {}, { inApp: true, digest: null, external: ['email@600:quiet_hours'] }],
    ['outside quiet hours: now', 'billing', 'normal', recipient({ quiet: ['22:00', '07:00'] }), {}, { inApp: true, digest: null, external: ['email@0'] }],
    ['critical bypasses quiet hours', 'general', 'critical', recipient({ quiet: ['11:00', '13:00'] }), {}, { inApp: true, digest: null, external: ['email@0', 'sms@0', 'push@0'] }],
    ['hourly digest holds the email', 'billing', 'normal', recipient({ prefs: [{ category: 'billing', channel: 'email', enabled: true, emailDigest: 'hourly' }] }), {}, { inApp: true, digest: 'hourly', external: [] }],
    ['critical skips the digest', 'billing', 'critical', recipient({ prefs: [{ category: 'billing', channel: 'email', enabled: true, emailDigest: 'daily' }] }), {}, { inApp: true, digest: null, external: ['email@0', 'sms@0', 'push@0'] }],
    ['escalation ladder for critical', 'incidents', 'critical', recipient(), {}, { inApp: true, digest: null, external: ['push@0', 'email@5:escalation', 'sms@15:escalation'] }],
    ['escalation skips unreachable steps', 'incidents', 'critical', recipient({ devices: 0 }), {}, { inApp: true, digest: null, external: ['email@5:escalation', 'sms@15:escalation'] }],
    ['no escalation below critical', 'incidents', 'high', recipient(), {}, { inApp: true, digest: null, external: [] }],
  ])('%s', (_name, category, priority, r, extra, expected) => {
    expect(summary(route(category, priority, r, extra))).toEqual(expected);
  });

  it('marks ladder steps with their index', () => {
    const decision = route('incidents', 'critical', recipient());
    expect(decision.external.map((p) => p.escalationStep)).toEqual([0, 1, 2]);
  });
});

describe('Slack: chosen by the category, a preference, an override or a ladder step; not added by critical alone', () => {
  const WITH_SLACK: ReadonlySet<ExternalChannel> = new Set(['email', 'sms', 'push', 'slack']);
  const chat = { key: 'chat', critical: false, defaultChannels: ['in_app', 'slack'] as Channel[], escalation: [] as EscalationStep[] };
  const oncall = { key: 'oncall', critical: false, defaultChannels: ['in_app'] as Channel[], escalation: [{ channel: 'slack', afterMinutes: 0 }, { channel: 'sms', afterMinutes: 10 }] as EscalationStep[] };
  const at = (category: RoutingInput['category'], priority: Priority, r = recipient(), extra: Partial<RoutingInput> = {}) =>
    summary(routeNotification({ category, priority, overrides: null, enabledChannels: WITH_SLACK, recipient: r, now: NOON, ...extra }));

  it.each<[string, ReturnType<typeof summary>, ReturnType<typeof summary>['external']]>([
    ['a category whose channels include Slack', at(chat, 'normal'), ['slack@0']],
    ['critical in a category without Slack: email, SMS and push only', at(categories.general, 'critical'), ['email@0', 'sms@0', 'push@0']],
    ['critical in a Slack category: Slack too', at(chat, 'critical'), ['email@0', 'sms@0', 'push@0', 'slack@0']],
    ['a ladder step on Slack (the other critical channels at once, as for any ladder)', at(oncall, 'critical'), ['slack@0', 'sms@10:escalation', 'email@0', 'push@0']],
    ['a send override adds it', at(categories.general, 'normal', recipient(), { overrides: { slack: true } }), ['slack@0']],
    ['the person turned Slack off for the category', at(chat, 'normal', recipient({ prefs: [{ category: 'chat', channel: 'slack', enabled: false }] })), []],
    ['no email and no member id: unreachable', at(chat, 'normal', recipient({ email: false })), []],
  ])('%s', (_name, decision, external) => {
    expect(decision.external).toEqual(external);
  });
});

describe('Teams: chosen by the category, a preference, an override or a ladder step; needs the person’s webhook URL; not added by critical alone', () => {
  const WITH_TEAMS: ReadonlySet<ExternalChannel> = new Set(['email', 'sms', 'push', 'teams']);
  const chat = { key: 'chat', critical: false, defaultChannels: ['in_app', 'teams'] as Channel[], escalation: [] as EscalationStep[] };
  const oncall = { key: 'oncall', critical: false, defaultChannels: ['in_app'] as Channel[], escalation: [{ channel: 'teams', afterMinutes: 0 }, { channel: 'sms', afterMinutes: 10 }] as EscalationStep[] };
  const locked = { key: 'security', critical: true, defaultChannels: ['in_app', 'teams'] as Channel[], escalation: [] as EscalationStep[] };
  const withUrl = (options: Parameters<typeof recipient>[0] = {}) => recipient({ teams: true, ...options });
  const at = (category: RoutingInput['category'], priority: Priority, r = withUrl(), extra: Partial<RoutingInput> = {}) =>
    summary(routeNotification({ category, priority, overrides: null, enabledChannels: WITH_TEAMS, recipient: r, now: NOON, ...extra }));

  it.each<[string, ReturnType<typeof summary>, ReturnType<typeof summary>['external']]>([
    ['a category whose channels include Teams', at(chat, 'normal'), ['teams@0']],
    ['critical in a category without Teams: email, SMS and push only', at(categories.general, 'critical'), ['email@0', 'sms@0', 'push@0']],
    ['critical in a Teams category: Teams too', at(chat, 'critical'), ['email@0', 'sms@0', 'push@0', 'teams@0']],
    ['a ladder step on Teams', at(oncall, 'critical'), ['teams@0', 'sms@10:escalation', 'email@0', 'push@0']],
    ['a send override adds it', at(categories.general, 'normal', withUrl(), { overrides: { teams: true } }), ['teams@0']],
    ['the person turned Teams off for the category', at(chat, 'normal', withUrl({ prefs: [{ category: 'chat', channel: 'teams', enabled: false }] })), []],
    ['a locked (critical) category keeps Teams although the person turned it off', at(locked, 'normal', withUrl({ prefs: [{ category: 'security', channel: 'teams', enabled: false }] })), ['teams@0']],
    ['an admin switched Teams off', at(chat, 'normal', withUrl(), { enabledChannels: new Set(['email']) }), []],
    ['no webhook URL: unreachable', at(chat, 'normal', recipient()), []],
  ])('%s', (_name, decision, external) => {
    expect(decision.external).toEqual(external);
  });
});

describe('WhatsApp: its own consent; chosen like Slack, not added by critical alone', () => {
  const ALL_CHANNELS: ReadonlySet<ExternalChannel> = new Set(['email', 'sms', 'push', 'slack', 'whatsapp']);
  const alerts = { key: 'alerts', critical: false, defaultChannels: ['in_app', 'whatsapp'] as Channel[], escalation: [] as EscalationStep[] };
  const locked = { key: 'locked', critical: true, defaultChannels: ['in_app', 'whatsapp'] as Channel[], escalation: [] as EscalationStep[] };
  const oncall = { key: 'oncall', critical: false, defaultChannels: ['in_app'] as Channel[], escalation: [{ channel: 'whatsapp', afterMinutes: 5 }] as EscalationStep[] };
  const consenting = recipient({ whatsappConsent: true, devices: 0, email: false, smsConsent: false });
  const at = (category: RoutingInput['category'], priority: Priority, r = consenting, extra: Partial<RoutingInput> = {}) =>
    summary(routeNotification({ category, priority, overrides: null, enabledChannels: ALL_CHANNELS, recipient: r, now: NOON, ...extra })).external;

  it.each<[string, string[], string[]]>([
    ['a category whose channels include WhatsApp', at(alerts, 'normal'), ['whatsapp@0']],
    ['SMS consent does not count for WhatsApp', at(alerts, 'normal', recipient({ smsConsent: true })), []],
    ['no phone: unreachable even with consent recorded', at(alerts, 'normal', recipient({ whatsappConsent: true, phone: false })), []],
    ['critical in a category without WhatsApp does not add it', at(categories.general, 'critical'), []],
    ['a ladder step on WhatsApp', at(oncall, 'critical'), ['whatsapp@5:escalation']],
    ['a send override adds it', at(categories.general, 'normal', consenting, { overrides: { whatsapp: true } }), ['whatsapp@0']],
    ['the person turned WhatsApp off for the category', at(alerts, 'normal', recipient({ whatsappConsent: true, prefs: [{ category: 'alerts', channel: 'whatsapp', enabled: false }] })), []],
    ['the global WhatsApp switch off', at(alerts, 'normal', recipient({ whatsappConsent: true, prefs: [{ category: '*', channel: 'whatsapp', enabled: false }] })), []],
    ['a locked category ignores the opt-out, not the consent', at(locked, 'normal', recipient({ whatsappConsent: true, email: false, devices: 0, smsConsent: false, prefs: [{ category: 'locked', channel: 'whatsapp', enabled: false }] })), ['whatsapp@0']],
    ['a locked category without consent: not sent', at(locked, 'normal', recipient({ email: false, devices: 0, smsConsent: false })), []],
    ['quiet hours defer it', at(alerts, 'normal', recipient({ whatsappConsent: true, quiet: ['11:00', '13:30'] })), ['whatsapp@90:quiet_hours']],
    ['an admin switched WhatsApp off', at(alerts, 'normal', consenting, { enabledChannels: new Set<ExternalChannel>(['email']) }), []],
  ])('%s', (_name, external, expected) => {
    expect(external).toEqual(expected);
  });
});
