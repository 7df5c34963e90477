import { describe, expect, it } from 'vitest';
import { teamsAnswerError } from '../../server/channels/teams/teamsAnswer.js';
import { composeTeamsMessage, escapeCardMarkdown } from '../../server/channels/teams/teamsCard.js';
import { PermanentDeliveryError, RetryLaterError } from '../../server/channels/types.js';
import { buildOutgoingMessage } from '../helpers/outgoingMessage.js';

// Issue 13, Teams: the Adaptive Card a notification becomes, and how a webhook's answer is read.

const deps = { signingSecret: 'test-signing-secret-test-signing-secret', publicUrl: 'https://notify.example.com' };

describe('escapeCardMarkdown', () => {
  it.each([
    ['[pay here](https://evil.example/x)', '\\[pay here\\](https://evil.example/x)'],
    ['**bold** _it_ `code`', '\\*\\*bold\\*\\* \\_it\\_ \\`code\\`'],
    // List markers at a line start only; every line break kept as a paragraph break.
    ['- item\n1. first\n  + nested', '\\- item\n\n1\\. first\n\n  \\+ nested'],
    ['a\\b', 'a\\\\b'],
    // Ordinary punctuation stays as written (Teams mobile long showed escape backslashes literally).
    ['Deploy failed. Retry at 10:30 (UTC) - see #ops! 3-4 > 2', 'Deploy failed. Retry at 10:30 (UTC) - see #ops! 3-4 > 2'],
    ['plain words, 42', 'plain words, 42'],
  ])('%j → %j', (text, escaped) => {
    expect(escapeCardMarkdown(text)).toBe(escaped);
  });
});

describe('composeTeamsMessage', () => {
  it('is a message with one Adaptive Card 1.5: bold title, escaped body, an Open button to the action URL', () => {
    const message = buildOutgoingMessage({ notification: { title: 'Deploy *failed*', body: 'See [logs](https://evil.example)', actionUrl: 'https://ci.example.com/runs/42' } });
    expect(composeTeamsMessage(deps, message)).toEqual({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.5',
            speak: 'Deploy *failed*',
            body: [
              { type: 'TextBlock', text: 'Deploy \\*failed\\*', wrap: true, size: 'Large', weight: 'Bolder' },
              { type: 'TextBlock', text: 'See \\[logs\\](https://evil.example)', wrap: true },
            ],
            actions: [{ type: 'Action.OpenUrl', title: 'Open', url: 'https://ci.example.com/runs/42', style: 'positive' }],
            msteams: { width: 'Full' },
          },
        },
      ],
    });
  });

  it('marks a critical one in an attention container, in the recipient’s language; its own actions, acknowledge through the one-click page', () => {
    const message = buildOutgoingMessage({
      recipient: { locale: 'fr' },
      notification: {
        priority: 'critical',
        title: 'Base en panne',
        body: '',
        actions: [
          { id: 'ack', kind: 'acknowledge', label: 'J’y vais', style: 'primary' },
          { id: 'runbook', kind: 'url', label: 'Procédure', url: 'https://wiki.example.com/runbook', style: 'secondary' },
        ],
      },
    });
    const card = composeTeamsMessage(deps, message).attachments[0].content;
    expect(card.body).toEqual([
      {
        type: 'Container',
        style: 'attention',
        bleed: true,
        items: [
          { type: 'TextBlock', text: 'Base en panne', wrap: true, size: 'Large', weight: 'Bolder' },
          { type: 'TextBlock', text: 'Notification critique', wrap: true, color: 'Attention', weight: 'Bolder' },
        ],
      },
    ]);
    expect(card.actions.map((action) => [action.title, action.style ?? null])).toEqual([
      ['J’y vais', 'positive'],
      ['Procédure', null],
    ]);
    expect(card.actions[0]!.url).toMatch(/^https:\/\/notify\.example\.com\/api\/email-actions\/act\/[^/]+\/ack$/);
    expect(card.actions[1]!.url).toBe('https://wiki.example.com/runbook');
  });

  it('opens the inbox when the notification links nowhere', () => {
    const card = composeTeamsMessage(deps, buildOutgoingMessage()).attachments[0].content;
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open', url: 'https://notify.example.com/', style: 'positive' }]);
  });
});

describe('teamsAnswerError', () => {
  it('a 2xx is sent: Workflows’ 202, a connector’s 200 "1"', () => {
    expect(teamsAnswerError({ status: 202, text: '' })).toBeUndefined();
    expect(teamsAnswerError({ status: 200, text: '1' })).toBeUndefined();
  });

  it('a 429 waits for its Retry-After, or backs off without one', () => {
    const later = teamsAnswerError({ status: 429, text: '', retryAfterMs: 30_000 });
    expect(later).toBeInstanceOf(RetryLaterError);
    expect((later as RetryLaterError).retryAfterMs).toBe(30_000);
    const backoff = teamsAnswerError({ status: 429, text: '' });
    expect(backoff).toBeInstanceOf(Error);
    expect(backoff).not.toBeInstanceOf(RetryLaterError);
    expect(backoff).not.toBeInstanceOf(PermanentDeliveryError);
  });

  it.each([400, 404, 410, 413])('a %i is permanent, with the reason', (status) => {
    const error = teamsAnswerError({ status, text: 'Webhook not found\nmore' });
    expect(error).toBeInstanceOf(PermanentDeliveryError);
    expect(error!.message).toBe(`Teams refused: HTTP ${status}: Webhook not found`);
  });

  it('a connector’s 200 with an error line is read as the status it names', () => {
    const limited = teamsAnswerError({ status: 200, text: 'Microsoft Teams endpoint returned HTTP error 429 with ContextId tcid=0,server=msgapi-canary' });
    expect(limited).toBeInstanceOf(Error);
    expect(limited).not.toBeInstanceOf(PermanentDeliveryError);
    expect(limited!.message).toMatch(/HTTP 429 \(in a 200 answer\)/);
    expect(teamsAnswerError({ status: 200, text: 'Microsoft Teams endpoint returned HTTP error 413 with ContextId x' })).toBeInstanceOf(PermanentDeliveryError);
  });

  it('a 5xx or no answer is transient; an address the outbound agent refused is permanent', () => {
    for (const result of [{ status: 502, text: 'Bad gateway' }, { status: null, error: 'connect ECONNREFUSED 127.0.0.1:1', blocked: false }] as const) {
      const error = teamsAnswerError(result);
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(PermanentDeliveryError);
    }
    expect(teamsAnswerError({ status: null, error: 'Refused to connect: 127.0.0.1 is a loopback address', blocked: true })).toBeInstanceOf(PermanentDeliveryError);
  });
});
