import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelDeps } from '../../server/channels/createChannels.js';
import { createEmailChannel } from '../../server/channels/email/createEmailChannel.js';
import { PermanentDeliveryError, type DeliveryChannel } from '../../server/channels/types.js';
import { verifyUnsubscribeToken } from '../../server/channels/unsubscribeLink.js';
import { loadConfig } from '../../server/config.js';
import { buildOutgoingMessage } from '../helpers/outgoingMessage.js';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtpPeer.js';
import { freePort } from '../helpers/system.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

let server: TestServer;
let smtp: SmtpPeer;
let channel: DeliveryChannel;

/** The server's real db and secrets, with a config of our own (the server itself uses the dev outbox). */
function depsWith(env: Record<string, string>): ChannelDeps {
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: server.dataDir, LOG_LEVEL: 'silent', EMAIL_REPLY_TO: 'support@example.com', ...env });
  const { db, log, signingSecret, publicUrl } = server.ctx;
  return { config, db, log, signingSecret, publicUrl };
}

/** Mailparser keeps attribute values as sent; Handlebars writes `=` as `&#x3D;` in them. */
const decodeAttr = (value: string) => value.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
/** A header as sent, unfolded (mailparser turns the List-* headers into one `list` object). */
const rawHeader = (parsed: ParsedMail, name: string) =>
  parsed.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '').replace(/\r?\n\s+/g, ' ');
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => decodeAttr(m[1]!));

beforeAll(async () => {
  [server, smtp] = await Promise.all([getTestServer(), startSmtpPeer()]);
  channel = (await createEmailChannel(depsWith({ SMTP_URL: smtp.url })))[0]!;
});
afterAll(async () => {
  await channel?.close?.();
  await smtp?.stop();
  await server?.stop();
});
beforeEach(() => smtp.setBehavior({}));

describe('SMTP', () => {
  it('sends subject, text, HTML, action and inbox links, and the unsubscribe headers', async () => {
    const alice = await server.ctx.db.user.findUniqueOrThrow({ where: { email: 'alice@example.com' } });
    const message = buildOutgoingMessage({
      notification: { category: 'billing', priority: 'critical', title: 'Payment failed', body: 'Card ending 4242 was declined.\n\nUpdate it today.', actionUrl: 'https://billing.example.com/cards?id=7&x=1' },
      recipient: { id: alice.id, name: alice.name, email: alice.email },
    });
    const before = smtp.messages.length;

    const result = await channel.send(message);

    const [mail] = (await smtp.waitForMessages(before + 1)).slice(-1);
    const { parsed, envelope } = mail!;
    const publicUrl = server.ctx.publicUrl;
    expect(channel.provider).toBe(`smtp:127.0.0.1:${smtp.port}`);
    expect(envelope.to).toEqual(['alice@example.com']);
    expect(parsed.subject).toBe('[Critical] Payment failed');
    expect(parsed.from?.value).toEqual([{ name: 'FlashNotify', address: 'notifications@localhost' }]);
    expect(parsed.replyTo?.text).toBe('support@example.com');
    expect(parsed.messageId).toBe(`<${message.deliveryId}@localhost>`);
    expect(result.providerMessageId).toBe(parsed.messageId);
    expect(parsed.headers.get('x-flashnotify-delivery')).toBe(message.deliveryId);

    expect(parsed.text).toContain('Payment failed');
    expect(parsed.text).toContain('Card ending 4242 was declined.\n\nUpdate it today.');
    // The button goes through the app, which marks the notification read and redirects to the action URL.
    const openLink = `${publicUrl}/api/email-actions/open/`;
    expect(parsed.text).toContain(`View details: ${openLink}`);
    expect(parsed.text).toContain(`Open your inbox: ${publicUrl}/`);
    const html = parsed.html as string;
    expect(html).toContain('Payment failed');
    expect(html).toContain('Card ending 4242 was declined.</p>');
    expect(hrefs(html)).toEqual(expect.arrayContaining([expect.stringMatching(`^${openLink}`), `${publicUrl}/`]));

    // RFC 2369 + RFC 8058: a signed one-click link, the same one as in the footer.
    const unsubscribeUrl = /^<([^>]+)>$/.exec(rawHeader(parsed, 'list-unsubscribe')!)![1]!;
    expect(unsubscribeUrl.startsWith(`${publicUrl}/api/unsubscribe/`)).toBe(true);
    expect(rawHeader(parsed, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(hrefs(html)).toContain(unsubscribeUrl);
    expect(parsed.text).toContain(`Unsubscribe from Billing emails: ${unsubscribeUrl}`);
    const token = unsubscribeUrl.split('/').pop()!;
    expect(verifyUnsubscribeToken(token, server.ctx.signingSecret)).toEqual({ userId: alice.id, category: 'billing', channel: 'email' });
  });

  it('offers no unsubscribe for a critical (locked) category: no List-Unsubscribe header, a settings link instead', async () => {
    const before = smtp.messages.length;
    // `security` is critical; the priority does not matter (a normal one here), the category does.
    await channel.send(buildOutgoingMessage({ notification: { category: 'security', priority: 'normal', title: 'New sign-in', body: 'Chrome on Linux' } }));
    await channel.send(buildOutgoingMessage({ notification: { category: 'deploys', priority: 'normal', title: 'Deployed' } }));
    const [locked, open] = (await smtp.waitForMessages(before + 2)).slice(-2).map((m) => m.parsed);
    const settings = `${server.ctx.publicUrl}/settings/preferences`;

    expect(rawHeader(locked!, 'list-unsubscribe')).toBeUndefined();
    expect(rawHeader(locked!, 'list-unsubscribe-post')).toBeUndefined();
    expect(locked!.text).not.toContain('/api/unsubscribe/');
    expect(locked!.text).not.toMatch(/unsubscribe/i);
    expect(locked!.text).toContain(`Manage your notification settings: ${settings}`);
    const html = locked!.html as string;
    expect(hrefs(html).some((href) => href.includes('/api/unsubscribe/'))).toBe(false);
    expect(html).not.toMatch(/unsubscribe/i);
    expect(hrefs(html)).toContain(settings);

    // A category people can turn off keeps its one-click link.
    expect(rawHeader(open!, 'list-unsubscribe')).toMatch(new RegExp(`^<${server.ctx.publicUrl}/api/unsubscribe/`));
    expect(open!.text).toContain('Unsubscribe from Deploys emails:');
  });

  it('uses the category template when one exists, the default otherwise', async () => {
    const before = smtp.messages.length;
    await channel.send(buildOutgoingMessage({ notification: { category: 'security', title: 'New sign-in', body: 'Chrome on Linux', actionUrl: '/settings/sessions' }, recipient: { timezone: 'Europe/Berlin' } }));
    await channel.send(buildOutgoingMessage({ notification: { category: 'deploys', title: 'Deployed' } }));
    const [security, deploys] = (await smtp.waitForMessages(before + 2)).slice(-2).map((m) => m.parsed);

    expect(security!.text).toContain('SECURITY ALERT: New sign-in');
    expect(security!.text).toContain('When: Nov 21, 2026, 10:30 AM GMT+1');
    expect(security!.html).toContain('Security alert');
    // A relative action link gets a button too (through the app's open link, against PUBLIC_URL).
    expect(hrefs(security!.html as string)).toEqual(expect.arrayContaining([expect.stringMatching(`^${server.ctx.publicUrl}/api/email-actions/open/`)]));
    expect(deploys!.text).not.toContain('SECURITY ALERT');
    expect(deploys!.text).toMatch(/^Deployed\n/);
  });

  it('escapes HTML in the HTML part only', async () => {
    const before = smtp.messages.length;
    const title = '<script>alert("x")</script> & <b>bold</b>';
    await channel.send(buildOutgoingMessage({ notification: { title, body: 'a < b', actionUrl: 'javascript:alert(1)' } }));
    const { parsed } = (await smtp.waitForMessages(before + 1)).at(-1)!;

    expect(parsed.subject).toBe(title);
    expect(parsed.text).toContain(title);
    expect(parsed.text).toContain('a < b');
    const html = parsed.html as string;
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>bold');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
    // Not an http(s) link: no button at all.
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('View details');
  });

  it('a 550 for the recipient is permanent; a 4xx is transient', async () => {
    smtp.setBehavior({ failWith: { code: 550, message: '5.1.1 No such user' } });
    const permanent = await channel.send(buildOutgoingMessage()).catch((err: unknown) => err);
    expect(permanent).toBeInstanceOf(PermanentDeliveryError);
    expect((permanent as Error).message).toMatch(/550/);

    smtp.setBehavior({ failWith: { code: 553, message: 'Mailbox name not allowed', at: 'data' } });
    await expect(channel.send(buildOutgoingMessage())).rejects.toBeInstanceOf(PermanentDeliveryError);

    smtp.setBehavior({ failWith: { code: 451, message: 'Try again later' } });
    const transient = await channel.send(buildOutgoingMessage()).catch((err: unknown) => err);
    expect(transient).toBeInstanceOf(Error);
    expect(transient).not.toBeInstanceOf(PermanentDeliveryError);
    expect((transient as Error).message).toMatch(/451/);
  });

  it('refused connections are transient, and the pool recovers when the server is back on the same port', async () => {
    const closed = (await createEmailChannel(depsWith({ SMTP_URL: `smtp://127.0.0.1:${await freePort()}` })))[0]!;
    const refused = await closed.send(buildOutgoingMessage()).catch((err: unknown) => err);
    await closed.close?.();
    expect(refused).toBeInstanceOf(Error);
    expect(refused).not.toBeInstanceOf(PermanentDeliveryError);

    await smtp.stop();
    const down = await channel.send(buildOutgoingMessage()).catch((err: unknown) => err);
    expect(down).toBeInstanceOf(Error);
    expect(down).not.toBeInstanceOf(PermanentDeliveryError);
    await smtp.start();
    const before = smtp.messages.length;
    await channel.send(buildOutgoingMessage({ notification: { title: 'After restart' } }));
    expect((await smtp.waitForMessages(before + 1)).at(-1)!.parsed.subject).toBe('After restart');
  });
});

describe('dev outbox (no SMTP_URL)', () => {
  it('stores the rendered email with its headers instead of sending, once per delivery', async () => {
    const outbox = (await createEmailChannel(depsWith({})))[0]!;
    expect(outbox.provider).toBe('dev-outbox');
    const message = buildOutgoingMessage({ notification: { title: 'Stored, not sent', actionUrl: 'https://example.com/a' } });

    const first = await outbox.send(message);
    const retry = await outbox.send({ ...message, attempt: 2 });

    expect(retry.providerMessageId).toBe(first.providerMessageId);
    const rows = await server.ctx.db.outboxMessage.findMany({ where: { deliveryId: message.deliveryId } });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({ id: first.providerMessageId, channel: 'email', to: 'alice@example.com', subject: 'Stored, not sent' });
    expect(row.text).toContain(`View details: ${server.ctx.publicUrl}/api/email-actions/open/`);
    expect(row.html).toContain(`href="${server.ctx.publicUrl}/api/email-actions/open/`);
    const headers = JSON.parse(row.headers) as Record<string, string>;
    expect(headers['List-Unsubscribe']).toMatch(new RegExp(`^<${server.ctx.publicUrl}/api/unsubscribe/[\\w-]+\\.[\\w-]+>$`));
    expect(headers).toMatchObject({
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'Message-ID': `<${message.deliveryId}@localhost>`,
      'X-FlashNotify-Delivery': message.deliveryId,
      'Reply-To': 'support@example.com',
    });
    await expect(outbox.send(buildOutgoingMessage({ recipient: { email: 'not-an-address' } }))).rejects.toBeInstanceOf(PermanentDeliveryError);
  });
});
