import { describe, expect, it } from 'vitest';
import { absoluteActionUrl } from '../../server/channels/links.js';
import { buildPushPayloads } from '../../server/channels/push/pushPayload.js';
import { composeSmsText, SMS_BODY_MAX } from '../../server/channels/sms/smsText.js';
import { actionUrlSchema } from '../../shared/schemas/actionUrl.js';
import { ACTION_URL_MAX, checkActionUrl, isSafeActionUrl } from '../../shared/urls.js';
import { EVIL_ACTION_URLS, GOOD_ACTION_URLS } from '../helpers/actionUrlCases.js';
import { buildOutgoingMessage } from '../helpers/outgoingMessage.js';

const PUBLIC_URL = 'https://notify.example.com';

describe('the one action-URL rule (shared/urls.ts)', () => {
  it.each(EVIL_ACTION_URLS)('refuses %s (%s)', (_name, value, reason) => {
    const verdict = checkActionUrl(value);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.message).toContain(reason);
    expect(actionUrlSchema.safeParse(value).success).toBe(false);
  });

  it.each(GOOD_ACTION_URLS)('accepts %s', (_name, value) => {
    expect(checkActionUrl(value)).toMatchObject({ ok: true });
    expect(actionUrlSchema.safeParse(value).success).toBe(true);
  });

  it('accepts up to ACTION_URL_MAX characters', () => {
    expect(checkActionUrl(`/${'x'.repeat(ACTION_URL_MAX - 1)}`).ok).toBe(true);
    expect(checkActionUrl(`/${'x'.repeat(ACTION_URL_MAX)}`).ok).toBe(false);
  });

  it('reports one reason for an over-long value (the length), not two', () => {
    const result = actionUrlSchema.safeParse(`/${'x'.repeat(3000)}\t`);
    expect(result.success).toBe(false);
    expect(result.error!.issues).toHaveLength(1);
  });

  it('the attack it closes: the WHATWG parser (what browsers use) strips tab/newline and reads \\ as /', () => {
    const base = `${PUBLIC_URL}/`;
    for (const value of ['/\t/evil.example/x', '/\n/evil.example/x', '/\r/evil.example/x', '/\\evil.example/x']) {
      expect(new URL(value, base).host, JSON.stringify(value)).toBe('evil.example');
    }
    // Percent-encoded bytes are not decoded before resolving: they stay in this site's path.
    for (const value of ['/%09/evil.example', '/%2F%2Fevil.example', '/%5Cevil.example']) {
      expect(new URL(value, base).origin, value).toBe(PUBLIC_URL);
    }
  });
});

describe('every place that turns an action URL into a link uses the rule', () => {
  it.each(EVIL_ACTION_URLS)('%s (a row stored before the rule): SMS and push fall back to the inbox', (_name, value) => {
    // What processDelivery hands a channel, and the builders themselves.
    expect(absoluteActionUrl(value, PUBLIC_URL)).toBeNull();
    const message = buildOutgoingMessage({ notification: { actionUrl: value } });
    const sms = composeSmsText(message, PUBLIC_URL);
    expect(sms.split('\n')).toContain(`${PUBLIC_URL}/`);
    expect(sms).not.toContain('evil.example');
    const push = JSON.parse(buildPushPayloads(message, { publicUrl: PUBLIC_URL, signingSecret: 's' }).full) as { url: string };
    expect(push.url).toBe(`${PUBLIC_URL}/`);
  });

  it.each(GOOD_ACTION_URLS)('%s: the absolute link emitted passes the rule itself', (_name, value) => {
    const absolute = absoluteActionUrl(value, PUBLIC_URL);
    expect(absolute).not.toBeNull();
    expect(isSafeActionUrl(absolute!)).toBe(true);
    expect(new URL(absolute!).href).toBe(absolute);
    const sms = composeSmsText(buildOutgoingMessage({ notification: { actionUrl: value } }), PUBLIC_URL);
    expect(sms.split('\n')).toContain(absolute);
  });

  it('an action link too long for one SMS (Twilio refuses a Body over 1,600 characters) gives way to the inbox link', () => {
    const longLink = `https://shop.example/${'p'.repeat(2000)}`;
    for (const priority of ['critical', 'normal'] as const) {
      const sms = composeSmsText(buildOutgoingMessage({ notification: { priority, body: 'b'.repeat(400), actionUrl: longLink } }), PUBLIC_URL);
      expect(sms.length).toBeLessThanOrEqual(SMS_BODY_MAX);
      expect(sms.split('\n')[1]).toBe(`${PUBLIC_URL}/`);
    }
    const fitting = `https://shop.example/${'p'.repeat(1000)}`;
    expect(composeSmsText(buildOutgoingMessage({ notification: { actionUrl: fitting } }), PUBLIC_URL).split('\n')[1]).toBe(fitting);
  });
});
