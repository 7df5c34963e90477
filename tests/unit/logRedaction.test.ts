import { describe, expect, it } from 'vitest';
import { redactRequestLog, redactResponseLog, redactUrl } from '../../server/logRedaction.js';

const TOKEN = 'WzEsInUxIiwiZ2VuZXJhbCJd.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWc';

describe('redactUrl', () => {
  it.each([
    [`/api/unsubscribe/${TOKEN}`, '/api/unsubscribe/[redacted]'],
    [`/api/unsubscribe/${TOKEN}/undo`, '/api/unsubscribe/[redacted]/undo'],
    [`/API/UNSUBSCRIBE/${TOKEN}?a=1`, '/API/UNSUBSCRIBE/[redacted]?a=1'],
    ['/api/unsubscribe/short-but-secret', '/api/unsubscribe/[redacted]'],
    [`/api/email-actions/open/${TOKEN}`, '/api/email-actions/open/[redacted]'],
    [`/api/email-actions/preview/${TOKEN}`, '/api/email-actions/preview/[redacted]'],
    [`/open/${TOKEN}`, '/open/[redacted]'],
    [`/anything/${TOKEN}?token=${TOKEN}&x=${TOKEN}`, '/anything/[redacted]?token=[redacted]&x=[redacted]'],
    ['/api/notifications?cursor=abc&limit=20', '/api/notifications?cursor=abc&limit=20'],
    ['/assets/index-Cx2d9.js', '/assets/index-Cx2d9.js'],
  ])('%s → %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});

describe('request/response log serializers', () => {
  it('drop credentials, mask token params and URL headers', () => {
    const req = redactRequestLog({
      method: 'GET',
      url: `/open/${TOKEN}`,
      params: { token: TOKEN },
      headers: { cookie: 'flashnotify.sid=s%3Aabc', 'x-csrf-token': 'csrf-value', referer: `https://app.example/open/${TOKEN}`, accept: '*/*' },
    });
    expect(JSON.stringify(req)).not.toContain(TOKEN);
    expect(req.headers).toEqual({ cookie: '[redacted]', 'x-csrf-token': '[redacted]', referer: 'https://app.example/open/[redacted]', accept: '*/*' });
    expect(redactResponseLog({ statusCode: 303, headers: { location: `/open/${TOKEN}`, 'set-cookie': ['a=b'] } })).toEqual({
      statusCode: 303,
      headers: { location: '/open/[redacted]', 'set-cookie': '[redacted]' },
    });
  });
});
