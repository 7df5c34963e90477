import { describe, expect, it } from 'vitest';
import { composeSlackMessage } from '../../server/channels/slack/slackMessage.js';
import { buildOutgoingMessage } from '../helpers/outgoingMessage.js';

const deps = { signingSecret: 'unit-test-signing-secret', publicUrl: 'https://notify.example.com' };

describe('composeSlackMessage', () => {
  it('escapes the title in `text`, the mrkdwn preview, so a title can neither mention @channel nor forge a link', () => {
    const title = '<!channel> deploy & <https://evil.example|click>';
    const message = composeSlackMessage(deps, buildOutgoingMessage({ notification: { title } }));
    expect(message.text).toBe('&lt;!channel&gt; deploy &amp; &lt;https://evil.example|click&gt;');
    // The header is plain_text: Slack shows it as given, so it keeps the title as written.
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: title, emoji: false } });
  });
});
