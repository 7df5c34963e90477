import { Mail, MessageSquareText } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { OutboxMessageDto } from '@shared/schemas/delivery';
import { FullTime, RelativeTime } from '../common/TimeCell';

/**
 * One captured message. An email's HTML is shown in a fully sandboxed frame (no scripts, no same-origin
 * access, no forms): it is content the app rendered from notification templates, but never trusted.
 */
export function OutboxMessageCard({ message, now }: { message: OutboxMessageDto; now: number }) {
  const intl = useIntl();
  const isEmail = message.channel === 'email';
  const titleId = `outbox-${message.id}-title`;
  return (
    <article className="card outbox-message" aria-labelledby={titleId} data-testid="outbox-message" data-channel={message.channel}>
      <header className="outbox-message__head">
        <span className="icon-tile">{isEmail ? <Mail size={16} aria-hidden /> : <MessageSquareText size={16} aria-hidden />}</span>
        <div className="outbox-message__meta">
          <h2 id={titleId} className="outbox-message__title">
            {isEmail ? message.subject || intl.formatMessage({ id: 'admin.outbox.noSubject' }) : intl.formatMessage({ id: 'admin.outbox.smsTo' }, { to: message.to })}
          </h2>
          <p className="outbox-message__to">
            <span className="chip">
              <FormattedMessage id={isEmail ? 'preferences.channel.email' : 'preferences.channel.sms'} />
            </span>{' '}
            <FormattedMessage id="admin.outbox.to" values={{ to: <span className="mono">{message.to}</span> }} />
          </p>
        </div>
        <span className="outbox-message__time">
          <RelativeTime iso={message.createdAt} now={now} />
        </span>
      </header>
      {isEmail ? (
        <>
          {message.html ? (
            <iframe
              className="outbox-message__html"
              sandbox=""
              srcDoc={message.html}
              title={intl.formatMessage({ id: 'admin.outbox.htmlTitle' }, { subject: message.subject, to: message.to })}
              loading="lazy"
            />
          ) : (
            <p className="muted">
              <FormattedMessage id="admin.outbox.noHtml" />
            </p>
          )}
          <details className="outbox-message__text">
            <summary>
              <FormattedMessage id="admin.outbox.textPart" />
            </summary>
            <pre>{message.text}</pre>
          </details>
        </>
      ) : (
        <p className="outbox-message__sms">{message.text}</p>
      )}
      <p className="outbox-message__footer muted">
        <FormattedMessage id="admin.outbox.captured" values={{ when: <FullTime iso={message.createdAt} /> }} />
      </p>
    </article>
  );
}
