import { describe, expect, it } from 'vitest';
import type { ExternalChannel } from '../../server/channels/types.js';
import { routeChannels, type RecipientReach } from '../../server/delivery/routeChannels.js';
import type { Channel, Priority } from '../../shared/types.js';

const ALL: ReadonlySet<ExternalChannel> = new Set(['email', 'sms', 'push']);
const reachable: RecipientReach = { email: 'a@example.com', phone: '+14155550123', smsConsentAt: new Date(), pushDevices: 2 };

function route(
  defaults: Channel[],
  priority: Priority,
  options: { overrides?: Record<string, boolean>; enabled?: ExternalChannel[]; reach?: Partial<RecipientReach> } = {},
) {
  return routeChannels({
    category: { defaultChannels: defaults },
    priority,
    overrides: options.overrides ?? null,
    enabledChannels: options.enabled ? new Set(options.enabled) : ALL,
    recipient: { ...reachable, ...options.reach },
  });
}

describe('routeChannels', () => {
  it.each<[string, Channel[], Priority, Parameters<typeof route>[2], ExternalChannel[]]>([
    ['in-app only category, normal', ['in_app'], 'normal', {}, []],
    ['category default email', ['in_app', 'email'], 'normal', {}, ['email']],
    ['critical adds every external channel', ['in_app'], 'critical', {}, ['email', 'sms', 'push']],
    ['high is not critical', ['in_app'], 'high', {}, []],
    ['override adds a channel', ['in_app'], 'normal', { overrides: { push: true } }, ['push']],
    ['override removes a critical channel', ['in_app'], 'critical', { overrides: { sms: false } }, ['email', 'push']],
    ['in_app override is ignored here', ['in_app'], 'normal', { overrides: { in_app: false } }, []],
    ['admin switch off wins over critical', ['in_app'], 'critical', { enabled: ['email', 'push'] }, ['email', 'push']],
    ['admin switch off wins over an override', ['in_app'], 'normal', { overrides: { sms: true }, enabled: ['email'] }, []],
    ['no phone → no SMS', ['in_app'], 'critical', { reach: { phone: null } }, ['email', 'push']],
    ['phone without consent → no SMS', ['in_app'], 'critical', { reach: { smsConsentAt: null } }, ['email', 'push']],
    ['no push device → no push', ['in_app'], 'critical', { reach: { pushDevices: 0 } }, ['email', 'sms']],
    ['no email → no email', ['email', 'in_app'], 'normal', { reach: { email: null } }, []],
  ])('%s', (_name, defaults, priority, options, expected) => {
    expect(route(defaults, priority, options)).toEqual(expected);
  });
});
